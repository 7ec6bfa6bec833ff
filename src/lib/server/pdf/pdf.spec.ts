import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { handIn, periodSetup, testSecretary } from '../../../../tests/helpers/sheets';
import type { ChapterSummaryReport, PersonalReport } from '../../domain/report';
import { signsForGroup } from '../../domain/template';
import { loadSheetDetail } from '../db/queries/sheets';
import { findPeriod } from '../db/queries/periods';
import { parseTemplate } from '../../schemas/template';
import { SELF_RESULT_NOTE } from '../../domain/template';
import firstEdition from '../../data/template-default-v1.json' with { type: 'json' };
import { findUnit } from '../db/queries/units';
import { sheet } from '../db/schema';
import { chapterSummary, personalReport } from '../reports';
import { partyDocument, render, section } from './document';
import { renderBundlePdf, renderPersonalPdf } from './personal';
import { renderSummaryPdf } from './summary';

// The PDFs are read back with poppler (pdftotext, pdfinfo, pdftoppm): what a reader's viewer would show.
const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-pdf-'));
let fileNo = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(pdf: Buffer): string {
	const file = path.join(dir, `${++fileNo}.pdf`);
	writeFileSync(file, pdf);
	return file;
}
/** Text as laid out on the page (columns side by side), optionally of one page. */
function layoutText(pdf: Buffer, page?: number): string {
	const pages = page ? ['-f', String(page), '-l', String(page)] : [];
	return execFileSync('pdftotext', ['-layout', ...pages, save(pdf), '-'], { encoding: 'utf8' }).normalize('NFC');
}
/** Text in drawing order, each table cell whole: -layout interleaves the lines of cells side by side. */
function rawText(pdf: Buffer): string {
	return execFileSync('pdftotext', ['-raw', save(pdf), '-'], { encoding: 'utf8' }).normalize('NFC');
}
const squash = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');
/** Raw text without whitespace or page footers, for long text that wraps and crosses pages. */
const flowing = (pdf: Buffer) => squash(rawText(pdf).replace(/Trang \d+\/\d+/gu, ''));
function pageCount(pdf: Buffer): number {
	return Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [save(pdf)], { encoding: 'utf8' }))![1]);
}
function pages(pdf: Buffer): string[] {
	return Array.from({ length: pageCount(pdf) }, (_, i) => layoutText(pdf, i + 1));
}
/** Dark pixels on page 1 rendered in grey at 50 dpi (PGM: a text header, then one byte a pixel). */
function inkOnFirstPage(pdf: Buffer): number {
	const prefix = path.join(dir, `page${++fileNo}`);
	execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', save(pdf), prefix]);
	const image = readFileSync(`${prefix}.pgm`);
	const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(image.subarray(0, 32).toString('latin1'))!.map(Number);
	return image.subarray(image.length - width * height).filter((v) => v < 128).length;
}

const VOCAB =
	'tự phê bình và phê bình nghiêm túc giữ gìn phẩm chất đạo đức lối sống gương mẫu trước quần chúng nhân dân đoàn kết nội bộ chấp hành nghị quyết của Đảng'.split(
		' '
	);
/** Vietnamese words with a unique marker every seventh word, so order and completeness can be checked. */
function words(seed: string, count: number): string {
	return Array.from({ length: count }, (_, i) => (i % 7 === 6 ? `[${seed}.${i}]` : VOCAB[i % VOCAB.length])).join(' ');
}

function fixture(name = 'Nguyễn Thị Hồng Nhung'): PersonalReport {
	return {
		header: {
			parentLine: 'ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO',
			chapterLine: 'CHI BỘ PHÒNG KẾ HOẠCH – TÀI CHÍNH',
			placeDate: 'Mẫu, ngày 05 tháng 12 năm 2026'
		},
		title: 'PHIẾU TỰ SOI, TỰ SỬA',
		subtitle: 'Năm 2026 — Mẫu 02',
		identity: [
			{ label: 'Họ và tên', value: name },
			{ label: 'Ngày sinh', value: '17/05/1980' },
			{ label: 'Chi bộ', value: 'Chi bộ Phòng Kế hoạch – Tài chính' }
		],
		categories: [
			{
				title: 'I. Suy thoái về tư tưởng chính trị',
				signs: [
					{
						code: '1.1',
						text: 'Phai nhạt lý tưởng cách mạng; dao động, giảm sút niềm tin.',
						level: 'Không có biểu hiện',
						flagged: false,
						note: ''
					},
					{
						code: '1.2',
						text: 'Ngại học tập chủ nghĩa Mác – Lê-nin, tư tưởng Hồ Chí Minh.',
						level: 'Có biểu hiện ở mức độ rõ',
						flagged: true,
						note: 'Chưa dành đủ thời gian tự học.'
					}
				]
			},
			{
				title: 'II. Suy thoái về đạo đức, lối sống',
				signs: [
					{
						code: '2.1',
						text: 'Cá nhân chủ nghĩa, sống ích kỷ, thực dụng.',
						level: 'Không có biểu hiện',
						flagged: false,
						note: ''
					}
				]
			}
		],
		score: {
			value: '86,5',
			rating: 'Khá',
			provisional: true,
			reasons: ['Có một biểu hiện ở mức độ rõ.'],
			levels: 'mức nhẹ: 0; mức rõ: 1; mức nghiêm trọng: 0'
		},
		plan: [
			{
				code: '1.2',
				text: 'Ngại học tập chủ nghĩa Mác – Lê-nin.',
				action: 'Tự học mỗi tuần hai buổi tối.',
				deadline: '30/06/2027'
			}
		],
		progress: [
			{
				code: '2.3',
				text: 'Nể nang, né tránh.',
				action: 'Góp ý thẳng thắn trong sinh hoạt.',
				status: 'Đã khắc phục',
				note: ''
			}
		],
		texts: [
			{ label: 'Ưu điểm', text: 'Luôn hoàn thành tốt nhiệm vụ được giao.' },
			{ label: 'Hạn chế, khuyết điểm và nguyên nhân', text: 'Đôi lúc còn chậm trễ.' },
			{ label: 'Cam kết tu dưỡng, rèn luyện', text: 'Cam kết sửa chữa khuyết điểm.' }
		],
		review: { assessment: 'Đồng chí nghiêm túc tự soi, tự sửa.', finalRating: 'Khá', reason: null },
		memberName: name,
		secretaryName: 'Trần Văn Đức',
		signature: ['T/M CHI ỦY', 'BÍ THƯ'],
		form: null
	};
}

function longFixture(): PersonalReport {
	const base = fixture('Lê Thị Ánh Tuyết');
	const signs = Array.from({ length: 20 }, (_, i) => ({
		code: `1.${i + 1}`,
		text: `Biểu hiện thứ ${i + 1} về tư tưởng chính trị.`,
		level: 'Có biểu hiện ở mức độ nhẹ',
		flagged: true,
		note: words(`note${i}`, 160)
	}));
	return {
		...base,
		categories: [{ title: 'I. Suy thoái về tư tưởng chính trị', signs }],
		plan: signs
			.slice(0, 6)
			.map((s, i) => ({ code: s.code, text: s.text, action: words(`action${i}`, 160), deadline: '31/12/2027' })),
		texts: base.texts.map((t, i) => ({
			label: t.label,
			text: `${words(`text${i}a`, 600)}\n${words(`text${i}b`, 600)}`
		})),
		review: { assessment: words('assessment', 300), finalRating: 'Trung bình', reason: words('reason', 150) }
	};
}

describe('renderPersonalPdf', () => {
	it('prints a Party document with every diacritic, signatures and page numbers', async () => {
		const pdf = await renderPersonalPdf(fixture());
		const text = layoutText(pdf);
		expect(flowing(pdf)).toContain(squash(SELF_RESULT_NOTE));
		for (const s of [
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			'ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO',
			'CHI BỘ PHÒNG KẾ HOẠCH – TÀI CHÍNH',
			'Mẫu, ngày 05 tháng 12 năm 2026',
			'PHIẾU TỰ SOI, TỰ SỬA',
			'Nguyễn Thị Hồng Nhung',
			'Chi bộ Phòng Kế hoạch – Tài chính',
			'Kết quả tự soi: Khá (tạm tính)',
			'Điểm tự soi: 86,5 (thang 100)',
			'Kế hoạch khắc phục',
			'Tự học mỗi tuần hai buổi tối.',
			'Kết quả khắc phục kế hoạch năm trước',
			'Biểu hiện tự nhận không phải là kết luận của cơ quan có thẩm quyền.',
			'NGƯỜI TỰ ĐÁNH GIÁ',
			'(Ký, ghi rõ họ tên)',
			'T/M CHI ỦY',
			'BÍ THƯ',
			'Trần Văn Đức',
			'Trang 1/'
		]) {
			expect(text).toContain(s);
		}
		// The header's first line holds the parent organisation on the left and the Party's name on the right.
		const firstLines = text.split('\n').filter((l) => l.trim());
		expect(firstLines[0]).toMatch(/ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO\s+ĐẢNG CỘNG SẢN VIỆT NAM/u);
		expect(firstLines.slice(0, 4).some((l) => l.trim().startsWith('*'))).toBe(true);
	});

	it('says so when nothing needs remedying and the chi ủy has not reviewed yet', async () => {
		const pdf = await renderPersonalPdf({
			...fixture(),
			plan: [],
			progress: [],
			review: { assessment: '', finalRating: null, reason: null }
		});
		const text = layoutText(pdf);
		expect(text).toContain('Không có biểu hiện cần khắc phục.');
		expect(text).not.toContain('Kết quả khắc phục kế hoạch năm trước');
		expect(text).toMatch(/Chi ủy đánh giá kết quả tự soi: Chưa có/u);
	});

	it('lets long answers flow over several pages with nothing clipped and table headers repeated', async () => {
		const report = longFixture();
		const pdf = await renderPersonalPdf(report);
		const all = pages(pdf);
		expect(all.length).toBeGreaterThanOrEqual(5);
		expect(all.filter((p) => p.includes('Biểu hiện cụ thể')).length).toBeGreaterThan(1);
		const flowed = flowing(pdf);
		for (const t of report.texts) expect(flowed).toContain(squash(t.text));
		expect(flowed).toContain(squash(report.review.assessment));
		// Table cells may break over a page, where the next page's repeated header rows come between their parts.
		for (const long of [...report.categories[0].signs.map((s) => s.note), ...report.plan.map((p) => p.action)]) {
			let at = 0;
			for (const word of long.split(' ').filter((w) => w.startsWith('['))) {
				at = flowed.indexOf(word, at);
				expect(at, word).toBeGreaterThanOrEqual(0);
			}
		}
		expect(all.at(-1)).toContain('NGƯỜI TỰ ĐÁNH GIÁ');
		expect(all.at(-1)).toContain(`Trang ${all.length}/${all.length}`);
	});

	it('prints text that looks like HTML literally', async () => {
		const evil = '<script>alert(1)</script>';
		const report = fixture(evil);
		report.texts[0].text = `<b>in đậm</b> & ${evil}`;
		const text = layoutText(await renderPersonalPdf(report));
		expect(text).toContain(evil);
		expect(text).toContain('<b>in đậm</b> & <script>');
	});

	it('draws ink on page 1', async () => {
		const blank = inkOnFirstPage(await render(partyDocument('Trống', [])));
		const printed = inkOnFirstPage(await renderPersonalPdf(fixture()));
		expect(printed).toBeGreaterThan(blank + 2000);
	});
});

describe('section', () => {
	// 44 lines fill page 1 up to its last line, where the label would land.
	const filler = Array.from({ length: 44 }, (_, i) => `dòng ${i + 1}`);
	it.each([
		['a short opening kept with it', section('Ưu điểm', ['Một đoạn ngắn.'])],
		['a long first paragraph', section('Ưu điểm', [], [words('long', 400)])]
	])('never leaves its label last on a page, with %s', async (_, content) => {
		const first = layoutText(await render(partyDocument('Thử', [...filler, ...content])), 1);
		expect(first).toContain('dòng 44');
		expect(first).not.toContain('Ưu điểm');
	});
});

describe('renderBundlePdf', () => {
	it('starts every sheet on a new page', async () => {
		const names = ['Nguyễn Thị Hồng Nhung', 'Phạm Quốc Dũng', 'Võ Thị Ngọc Hà'];
		const reports = names.map((n) => fixture(n));
		reports[1] = { ...longFixture(), memberName: names[1], identity: [{ label: 'Họ và tên', value: names[1] }] };
		const all = pages(await renderBundlePdf(reports));
		expect(all.length).toBeGreaterThanOrEqual(names.length);
		const titlePages = all.flatMap((p, i) => (p.includes('PHIẾU TỰ SOI, TỰ SỬA') ? [i] : []));
		expect(titlePages).toHaveLength(names.length);
		titlePages.forEach((page, k) => {
			expect(all[page].split('PHIẾU TỰ SOI, TỰ SỬA')).toHaveLength(2);
			expect(all[page].trimStart()).toMatch(/^ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO\s+ĐẢNG CỘNG SẢN VIỆT NAM/u);
			expect(all.findIndex((p) => p.includes(names[k]))).toBe(page);
		});
		expect(titlePages[2] - titlePages[1]).toBeGreaterThan(1);
	});
});

const summaryFixture: ChapterSummaryReport = {
	header: fixture().header,
	title: 'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
	subtitle: 'Kiểm điểm năm 2026',
	figures: [
		{ label: 'Tổng số đảng viên', value: '2' },
		{ label: 'Đã nộp phiếu', value: '2 (100%)' }
	],
	ratings: [
		{ label: 'Tốt', self: 1, selfPercent: '50%', final: 0, finalPercent: '0%' },
		{ label: 'Khá', self: 1, selfPercent: '50%', final: 1, finalPercent: '100%' },
		{ label: 'Trung bình', self: 0, selfPercent: '0%', final: 0, finalPercent: '0%' },
		{ label: 'Yếu kém', self: 0, selfPercent: '0%', final: 0, finalPercent: '0%' }
	],
	rated: { self: 2, final: 1 },
	topSigns: [{ code: '1.2', text: 'Ngại học tập chủ nghĩa Mác – Lê-nin, tư tưởng Hồ Chí Minh.', count: 1 }],
	members: [
		{
			name: 'Nguyễn Thị Hồng Nhung',
			group: 'B',
			status: 'Chi ủy đã duyệt',
			score: '86,5',
			rating: 'Khá',
			finalRating: 'Khá'
		},
		{ name: 'Đặng Hữu Nghĩa', group: 'A', status: 'Đã nộp', score: '100', rating: 'Tốt', finalRating: '' }
	],
	plan: 'Tổ chức học tập Quy định 37-QĐ/TW trong quý I; chi ủy theo dõi việc khắc phục hằng quý.',
	recipients: ['Đảng ủy Sở Giáo dục và Đào tạo (để báo cáo)', 'Lưu chi bộ'],
	signature: ['T/M CHI ỦY', 'BÍ THƯ'],
	secretaryName: 'Trần Văn Đức'
};

describe('renderSummaryPdf', () => {
	it('prints the title, figures, ratings, members and the secretary’s signature', async () => {
		const text = layoutText(await renderSummaryPdf(summaryFixture));
		for (const s of [
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			'CHI BỘ PHÒNG KẾ HOẠCH – TÀI CHÍNH',
			'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
			'Kiểm điểm năm 2026',
			'Tổng số đảng viên: 2',
			'Trung bình',
			'Yếu kém',
			'Chi ủy đã duyệt',
			'Nguyễn Thị Hồng Nhung',
			'Đặng Hữu Nghĩa',
			'T/M CHI ỦY',
			'BÍ THƯ',
			'(Ký, ghi rõ họ tên)',
			'Trần Văn Đức',
			'Nơi nhận:',
			'Trang 1/'
		]) {
			expect(text).toContain(s);
		}
	});
});

describe('PDFs of a sheet made through the app with the first edition of the template', () => {
	// The expected text is written out here, not read back from the report builder under test. A sheet of the
	// edition before forms keeps its "Phiếu tự soi, tự sửa" layout, its own concrete signs and the province's name.
	it('prints the header, the member, every concrete sign, the plan and the rating, and the chapter summary', async () => {
		const parsed = parseTemplate(firstEdition);
		if (!parsed.ok) throw new Error(parsed.errors.join('; '));
		const { db, version, tree, period } = periodSetup({ template: parsed.content });
		await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Hoa' });
		await createTestMember(db, tree.chapterA, { targetGroup: 'C', fullName: 'Phạm Văn Chưa Nộp' });
		const id = handIn(db, memberId, version.content, '2026-03-10', { 'TT1.1': 2, 'DD1.1': 1 });
		db.update(sheet)
			.set({ submittedAt: new Date('2026-03-10T03:00:00Z') })
			.where(eq(sheet.id, id))
			.run();

		const pdf = await renderPersonalPdf(personalReport(db, loadSheetDetail(db, id)!));
		const text = layoutText(pdf);
		for (const s of [
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			'ĐẢNG BỘ TRƯỜNG MỘT',
			'CHI BỘ GIÁO VIÊN',
			'Thử, ngày 10 tháng 3 năm 2026',
			'PHIẾU TỰ SOI, TỰ SỬA',
			'Năm 2026 — Mẫu 2B',
			'Lê Thị Hoa',
			'17/05/1980',
			'Chi bộ Giáo viên',
			'Kết quả tự soi: Khá',
			'Có 1 biểu hiện ở mức độ rõ trở lên (TT1.1) nên kết quả tự soi không cao hơn “Khá”.',
			'Kế hoạch khắc phục',
			'30/09/2026',
			'NGƯỜI TỰ ĐÁNH GIÁ',
			'Trần Văn Bí Thư',
			'Trang 1/'
		]) {
			expect(text).toContain(s);
		}
		const flowed = flowing(pdf);
		for (const s of [
			'TT1.1Coi việc là đảng viên chủ yếu để thuận lợi cho thăng tiến, xin việc, làm ăn; không còn lấy lý tưởng của Đảng làm mục tiêu phấn đấu.',
			'DD1.1Tính toán thiệt hơn khi được giao việc chung; chỉ nhiệt tình với những việc mang lại lợi ích cho bản thân.',
			'Biện pháp khắc phục cho TT1.1: tự kiểm tra hằng tháng.',
			'Biện pháp khắc phục cho DD1.1: tự kiểm tra hằng tháng.'
		])
			expect(flowed).toContain(squash(s));
		// Every concrete sign of group B's sheet, as the template lists them.
		const signs = signsForGroup(version.content, 'B');
		expect(signs.length).toBeGreaterThan(10);
		for (const s of signs) expect(flowed).toContain(squash(`${s.code}${s.text}`));
		// The first edition's wording, not the second's.
		expect(flowed).toContain(squash('con đường đi lên chủ nghĩa xã hội khi trò chuyện'));
		expect(text).not.toContain('BẢN KIỂM ĐIỂM');

		const summary = chapterSummary(db, findUnit(db, tree.chapterA.id)!, findPeriod(db, period.id)!);
		const summaryText = layoutText(await renderSummaryPdf(summary));
		for (const s of [
			'BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ SOI, TỰ SỬA',
			'CHI BỘ GIÁO VIÊN',
			'Lê Thị Hoa',
			'Phạm Văn Chưa Nộp',
			'Trần Văn Bí Thư',
			'Tốt',
			'Khá',
			'Trung bình',
			'Yếu kém'
		])
			expect(summaryText).toContain(s);
	});
});
