// The chapter's bundle and summary PDFs made through the app, read back with poppler (pdftotext) as a
// reader's viewer would show them: only handed-in sheets, page numbers per sheet, the cover naming the
// missing; the summary's number, recipients and the signature that fits the chapter.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { handIn, periodSetup, signedInUser, testSecretary } from '../../../../tests/helpers/sheets';
import { findPeriod } from '../db/queries/periods';
import { findUnit } from '../db/queries/units';
import { openCurrentSheet } from '../sheets/member';
import { saveChapterReport } from '../sheets/chapter-report';
import { chapterBundle, chapterSummary } from '../reports';
import { renderChapterBundlePdf } from './bundle';
import { renderSummaryPdf } from './summary';

const squashed = (t: string) => t.replace(/\s+/gu, '');
const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function pages(pdf: Buffer): string[] {
	const file = path.join(dir, `${++n}.pdf`);
	writeFileSync(file, pdf);
	const count = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
	return Array.from({ length: count }, (_, i) =>
		execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], {
			encoding: 'utf8'
		}).normalize('NFC')
	);
}

async function chapterWith(members: number) {
	const { db, version, tree, period } = periodSetup();
	const secretary = await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
	const ids: number[] = [];
	for (let i = 0; i < members - 1; i++)
		ids.push(
			await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: `Nguyễn Thị Thành Viên ${i + 1}` })
		);
	return { db, version, tree, period, secretary, ids };
}

describe('the chapter bundle PDF', () => {
	it('holds only handed-in sheets after a cover naming the missing, each sheet numbered on its own', async () => {
		const ctx = await chapterWith(4);
		const [a, b, c] = ctx.ids;
		handIn(ctx.db, a, ctx.version.content, '2026-03-10', { 'TT1.1': 1 });
		handIn(ctx.db, b, ctx.version.content, '2026-03-10');
		// c has a draft, the secretary has not started.
		openCurrentSheet(ctx.db, signedInUser(ctx.db, c), '2026-03-10');

		const bundle = chapterBundle(ctx.db, findUnit(ctx.db, ctx.tree.chapterA.id)!, findPeriod(ctx.db, ctx.period.id)!);
		const all = pages(await renderChapterBundlePdf(bundle));
		const cover = all[0];
		expect(cover).toContain('TẬP PHIẾU TỰ SOI, TỰ SỬA');
		expect(cover).toMatch(/Phiếu có trong tập \(2\)/u);
		expect(cover).toMatch(/Chưa có trong tập \(2\)/u);
		for (const name of [
			'Nguyễn Thị Thành Viên 1',
			'Nguyễn Thị Thành Viên 2',
			'Nguyễn Thị Thành Viên 3',
			'Trần Văn Bí Thư'
		])
			expect(cover).toContain(name);
		expect(cover).toContain('Đang làm');
		expect(cover).not.toMatch(/Trang \d+\/\d+/u);

		// Each sheet opens with the title of its member's Bản kiểm điểm (the signs' annex follows inside it).
		const sheets = all.flatMap((p, i) =>
			p.includes('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN') && i > 0 ? [i] : []
		);
		expect(sheets).toHaveLength(2);
		// The draft and the sheet never started are on the cover only.
		for (const page of all.slice(1)) for (const name of ['Thành Viên 3']) expect(page).not.toContain(name);
		// Each sheet's pages run from 1 to its own count.
		sheets.forEach((start, k) => {
			const end = (sheets[k + 1] ?? all.length) - 1;
			const count = end - start + 1;
			expect(count).toBeGreaterThan(1);
			for (let p = start; p <= end; p++) expect(all[p]).toContain(`Trang ${p - start + 1}/${count}`);
		});
	});
});

describe('the chapter summary PDF', () => {
	it('is an issued report: its number, the locality and date, Nơi nhận and T/M CHI ỦY for a chapter of nine', async () => {
		const ctx = await chapterWith(9);
		handIn(ctx.db, ctx.ids[0], ctx.version.content, '2026-03-10', { 'TT1.1': 3 });
		const chapter = findUnit(ctx.db, ctx.tree.chapterA.id)!;
		const period = findPeriod(ctx.db, ctx.period.id)!;
		saveChapterReport(ctx.db, ctx.secretary, chapter, period, {
			number: '07',
			plan: 'Chi bộ tổ chức học tập Quy định 37-QĐ/TW trong quý II và theo dõi việc khắc phục từng tháng.'
		});
		const text = pages(await renderSummaryPdf(chapterSummary(ctx.db, chapter, period))).join('\n');
		const flat = text.replace(/\s+/gu, ' ');
		for (const s of [
			'Số 07-BC/CB',
			// The chapter sits under "Đảng bộ phường Một": its documents are dated from that ward.
			'Một, ngày',
			'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
			'Nơi nhận:',
			'- Đảng ủy Trường Một (để báo cáo),',
			'- Lưu chi bộ.',
			'T/M CHI ỦY',
			'Chi bộ tổ chức học tập Quy định 37-QĐ/TW',
			'Trần Văn Bí Thư'
		])
			expect(flat).toContain(s);
		expect(flat).not.toContain('T/M CHI BỘ');
	});

	it('signs T/M CHI BỘ where the chapter has fewer than nine members, with room for the number by hand', async () => {
		const ctx = await chapterWith(5);
		const chapter = findUnit(ctx.db, ctx.tree.chapterA.id)!;
		const text = pages(await renderSummaryPdf(chapterSummary(ctx.db, chapter, findPeriod(ctx.db, ctx.period.id)!)))
			.join('\n')
			.replace(/\s+/gu, ' ');
		expect(text).toContain('T/M CHI BỘ');
		expect(text).not.toContain('T/M CHI ỦY');
		expect(text).toMatch(/Số\s+-BC\/CB/u);
		expect(text).toContain('Chi bộ chưa ghi phương hướng.');
	});
});

describe('a score never contradicts its result in the chapter’s PDFs', () => {
	it('prints no score beside a result a critical sign capped at Yếu kém, in the summary, its page data and the bundle', async () => {
		const ctx = await chapterWith(3);
		const [capped, plain] = ctx.ids;
		const critical = ctx.version.content.signs.find((s) => s.critical && s.groups.includes('B'))!.code;
		handIn(ctx.db, capped, ctx.version.content, '2026-03-10', { [critical]: 2 });
		handIn(ctx.db, plain, ctx.version.content, '2026-03-10', { 'TT1.1': 1 });
		const chapter = findUnit(ctx.db, ctx.tree.chapterA.id)!;
		const period = findPeriod(ctx.db, ctx.period.id)!;

		// What the summary page and PDF show: the capped member's score cell is empty, the other's is the score.
		const summary = chapterSummary(ctx.db, chapter, period);
		const row = (name: string) => summary.members.find((m) => m.name === name)!;
		expect(row('Nguyễn Thị Thành Viên 1')).toMatchObject({ score: '', rating: 'Yếu kém' });
		expect(row('Nguyễn Thị Thành Viên 2').score).toMatch(/^\d{2},\d$/u);
		const text = pages(await renderSummaryPdf(summary)).join('\n');
		const line = text.split('\n').find((l) => l.includes('Nguyễn Thị Thành Viên 1'))!;
		expect(line).toContain('Yếu kém');
		expect(line).not.toMatch(/\d{2},\d/u);
		expect(text).toContain('Kết quả tự soi');
		expect(text).not.toContain('Tự xếp loại');
		expect(text).toContain('Điểm để trống khi kết quả tự soi do mức độ của biểu hiện quyết định');

		// The bundle: the capped member's sheet says what decided and prints no "Điểm tự soi".
		const bundle = chapterBundle(ctx.db, chapter, period);
		const capPages = pages(await renderChapterBundlePdf(bundle))
			.filter((p) => p.includes('Nguyễn Thị Thành Viên 1'))
			.join('\n');
		expect(capPages).toContain('Yếu kém');
		// No score is printed as a figure beside the result ("Điểm tự soi: …"); the reasons say the score reached a
		// band and which sign overrode it.
		expect(capPages).not.toContain('Điểm tự soi:');
		expect(capPages).toMatch(/Kết quả tự soi: Yếu kém\s*\n/u);
		expect(squashed(capPages)).toContain(squashed(`Biểu hiện ${critical} (loại đặc biệt nghiêm trọng)`));
	});
});
