// Tables on a phone: below 600 px each row is a card with every figure labelled, and no page is wider than
// the screen (nothing cut off inside a sideways scroll). The committee's table counts the self-rating and the
// chi ủy's rating apart, on the page and in its chart.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';

async function asUser(browser: Browser, username: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The committee's pages a phone opens: the root, a unit under it, their tasks and example-setting roll-ups. */
async function committeePages(page: Page): Promise<string[]> {
	const root = new URL(page.url()).pathname;
	const child = await page.locator('table.units tbody a[href^="/units/"]').first().getAttribute('href');
	expect(child).toBeTruthy();
	return [root, child!, `${root}/tasks`, `${root}/example-setting`];
}

test('at 320 px wide no chapter or committee page is wider than the screen', async ({ browser }) => {
	const size = { width: 320, height: 640 };
	const committee = await asUser(browser, 'capuy', size);
	for (const path of await committeePages(committee)) {
		await committee.goto(path);
		await hydrated(committee);
		expect(await pageWidth(committee), path).toBeLessThanOrEqual(320);
	}
	const secretary = await asUser(browser, 'bithu01', size);
	const chapter = new URL(secretary.url()).pathname;
	expect(chapter).toMatch(/^\/chapters\/\d+$/);
	for (const path of [chapter, `/units/${/\d+/.exec(chapter)![0]}`, `${chapter}?status=submitted`]) {
		await secretary.goto(path);
		await hydrated(secretary);
		expect(await pageWidth(secretary), path).toBeLessThanOrEqual(320);
	}
	await committee.context().close();
	await secretary.context().close();
});

test('on a 390 px phone each unit is a card with every figure visible and labelled, both ratings apart', async ({
	browser
}) => {
	const page = await asUser(browser, 'capuy', { width: 390, height: 844 });
	const rows = page.locator('table.units tbody tr');
	expect(await rows.count()).toBeGreaterThan(1);
	await expect(page.locator('table.units thead')).not.toBeInViewport();
	for (const row of await rows.all()) {
		// A card: the row is a box of its own, the unit's name across its top.
		expect(await row.evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
		const box = (await row.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		const cells = row.locator('td');
		await expect(cells).toHaveCount(12);
		for (const cell of await cells.all()) {
			await cell.scrollIntoViewIfNeeded();
			await expect(cell).toBeVisible();
			const c = (await cell.boundingBox())!;
			expect(c.x).toBeGreaterThanOrEqual(box.x);
			expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
			// Each figure says what it counts, as the word before it, and shows its number.
			const label = await cell.getAttribute('data-label');
			const shown = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
			if (await cell.getAttribute('data-series')) expect(shown).toBe(`"${await cell.getAttribute('data-short')}"`);
			else expect(shown).toBe(`"${label}: "`);
			await expect(cell).toHaveText(/^\d+( \(\d+%\))?$/);
		}
		// Both ratings, each under its own name over its four counts.
		for (const [series, name] of [
			['self', 'Tự xếp loại'],
			['final', 'Chi ủy xếp loại']
		]) {
			const counts = row.locator(`td[data-series="${series}"]`);
			expect(await counts.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-short')))).toEqual([
				'Tốt',
				'Khá',
				'Trung bình',
				'Yếu kém'
			]);
			expect(await counts.first().evaluate((td) => getComputedStyle(td, '::after').content)).toBe(`"${name}"`);
			const tops = await counts.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().top)));
			expect(new Set(tops).size, name).toBe(1);
		}
	}
	expect(await pageWidth(page)).toBeLessThanOrEqual(390);
	await page.context().close();
});

test("the committee's table and chart count the self-ratings and the chi ủy's apart, and agree", async ({ page }) => {
	await signIn(page, 'capuy');
	const root = new URL(page.url()).pathname;
	const periods = await page
		.locator('select#period option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	expect(periods.length).toBeGreaterThan(1);
	let approvedFinal = 0;
	for (const period of periods) {
		await page.goto(`${root}?period=${period}`);
		await expect(page.getByRole('columnheader', { name: /Tự xếp loại/ })).toBeVisible();
		await expect(page.getByRole('columnheader', { name: /Chi ủy xếp loại/ })).toBeVisible();
		const chart = page.locator('figure.chart');
		await expect(chart.locator('[data-series="self"]')).toContainText('Tự xếp loại');
		await expect(chart.locator('[data-series="final"]')).toContainText('Chi ủy xếp loại');
		const sum = async (label: string) =>
			(await page.locator(`table.units td[data-label="${label}"]`).allTextContents()).reduce(
				(n, t) => n + Number(t),
				0
			);
		let final = 0;
		for (const [series, name] of [
			['self', 'Tự xếp loại'],
			['final', 'Chi ủy xếp loại']
		] as const) {
			for (const rating of ['Tốt', 'Khá', 'Trung bình', 'Yếu kém']) {
				const listed = await sum(`${name} ${rating}`);
				if (series === 'final') final += listed;
				const item = chart.locator(`[data-series="${series}"] li`, { hasText: rating }).first();
				await expect(item.locator('.value')).toHaveText(new RegExp(`^${listed} \\(`));
			}
		}
		// The chi ủy rates approved sheets only, each once.
		expect(final, period).toBe(await sum('Đã duyệt'));
		approvedFinal += final;
	}
	// The demo's last year is approved, so the chi ủy's series is not empty there.
	expect(approvedFinal).toBeGreaterThan(0);
});
