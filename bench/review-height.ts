// npx tsx bench/review-height.ts <base url> <database file> — how tall a secretary's review page is for a
// typical handed-in group-A sheet, at a desktop width (1280) and on a phone (390×844). A measurement for
// docs/architecture.md, not a test: nothing fails on a figure. The server must already run on that database. A
// one-off, run by hand when the review page changes shape: not part of `npm run bench`, which needs no running server.
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';

const [base = 'http://localhost:4310', file = '.test-output/e2e.db'] = process.argv.slice(2);

const db = new Database(file, { readonly: true });
// A handed-in group-A sheet of bithu01's chapter with the median number of flagged signs among them.
const chapterId = (
	db
		.prepare(
			"select unit_id as id from role_grant join user on user.id = role_grant.user_id where username = 'bithu01' and role = 'secretary'"
		)
		.get() as { id: number }
).id;
const sheets = db
	.prepare(
		`select s.id, (select count(*) from sheet_answer a where a.sheet_id = s.id and a.level >= 1) as flagged
		 from sheet s where s.chapter_id = ? and s.target_group = 'A' and s.status = 'submitted' order by flagged, s.id`
	)
	.all(chapterId) as { id: number; flagged: number }[];
db.close();
if (sheets.length === 0) throw new Error('No handed-in group-A sheet in bithu01’s chapter');
const typical = sheets[Math.floor(sheets.length / 2)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
	for (const [label, viewport] of [
		['desktop 1280', { width: 1280, height: 900 }],
		['phone 390×844', { width: 390, height: 844 }]
	] as const) {
		const context = await browser.newContext({ viewport, locale: 'vi-VN' });
		const page = await context.newPage();
		await page.goto(`${base}/login`);
		await page.getByLabel('Tên đăng nhập').fill('bithu01');
		await page.getByLabel('Mật khẩu').fill('tusoi2026');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL(/\/chapters\//);
		await page.goto(`${base}/chapters/${chapterId}/sheets/${typical.id}`);
		await page.waitForLoadState('networkidle');
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		// Where the decision (the approve button) is, from the top of the page.
		const decision = await page
			.getByRole('button', { name: 'Duyệt phiếu' })
			.evaluate((b) => Math.round(b.getBoundingClientRect().top + window.scrollY))
			.catch(() => null);
		console.log(
			`${label}: page ${height} px, "Duyệt phiếu" at ${decision ?? '—'} px (sheet ${typical.id}, ${typical.flagged} flagged)`
		);
		await context.close();
	}
} finally {
	await browser.close();
}
