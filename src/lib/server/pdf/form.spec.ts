// The Bản kiểm điểm of Mẫu 2A, 2B and 2C printed from sheets made through the app and read back with poppler:
// every section heading in the template's order, the annexes, HD 36's sizes and page numbers, no placeholder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { completeAnswers, periodSetup, signedInUser, testSecretary } from '../../../../tests/helpers/sheets';
import templateJson from '../../data/template-default.json' with { type: 'json' };
import { loadSheetDetail } from '../db/queries/sheets';
import { openCurrentSheet, saveSheet } from '../sheets/member';
import { askQuestion } from '../sheets/questions';
import { personalReport } from '../reports';
import { renderPersonalPdf } from './personal';
import type { TargetGroup, TemplateContent } from '../../domain/template';

const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-form-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(pdf: Buffer): string {
	const f = path.join(dir, `${++n}.pdf`);
	writeFileSync(f, pdf);
	return f;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).normalize('NFC');
const squash = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');
const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/u.exec(run('pdfinfo', [f]))![1]);
const pageText = (f: string, p: number) => run('pdftotext', ['-layout', '-f', String(p), '-l', String(p), f, '-']);
/** Word boxes of page 1: text and height, which is close to the font size. */
function words(f: string): { text: string; height: number; y: number }[] {
	const xml = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', f, '-']);
	return [...xml.matchAll(/yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]+)</gu)].map((m) => ({
		text: m[3],
		y: Number(m[1]),
		height: Number(m[2]) - Number(m[1])
	}));
}

const forms = (templateJson as unknown as TemplateContent).forms!;
const LONG = Array.from({ length: 480 }, (_, i) => (i % 9 === 8 ? `[mốc${i}]` : 'khắc phục')).join(' ');

async function printed(group: TargetGroup) {
	const { db, tree } = periodSetup();
	const secretary = await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: group, fullName: 'Lê Thị Hoa' });
	const user = signedInUser(db, memberId);
	const detail = openCurrentSheet(db, user, '2026-03-10')!;
	const asked = askQuestion(db, secretary, detail, 'Làm rõ việc chậm nộp báo cáo quý II.');
	const qid = asked.ok ? String(asked.id) : '0';
	const result = saveSheet(
		db,
		user,
		detail.sheet.id,
		{
			revision: 0,
			answers: completeAnswers(detail.content, group, { 'TT1.1': 1 }),
			texts: {
				strengths: 'Giữ vững lập trường, tư tưởng chính trị.',
				shortcomings: 'Có lúc chưa chủ động.',
				commitment: 'Học tập nghị quyết đều đặn.'
			},
			sections: {
				'ID.work': { text: 'Trường Tiểu học Thử' },
				'A.VI': { text: LONG },
				'B.I': { general: 27, tasks: 63.5 },
				'B.II': { quality: 'tot' },
				...(group === 'B' ? { PL: { items: [{ id: 'own-1', text: 'Báo cáo quý I', status: 'done', note: '' }] } } : {})
			},
			questions: { [qid]: { answer: 'Do ốm, đã nộp bổ sung.' } }
		},
		'2026-03-10'
	);
	if (!result.ok) throw new Error(result.message);
	const pdf = await renderPersonalPdf(personalReport(db, loadSheetDetail(db, detail.sheet.id)!));
	return file(pdf);
}

describe.each(['A', 'B', 'C'] as const)('the printed Bản kiểm điểm, group %s', (group) => {
	it('has every section heading in order, the identity, the annexes, page numbers and no placeholder', async () => {
		const f = await printed(group);
		const raw = run('pdftotext', ['-raw', f, '-']);
		const flat = squash(raw);
		const form = forms[group];
		const expected = [
			'ĐẢNG CỘNG SẢN VIỆT NAM',
			'Một, ngày …… tháng …… năm ……',
			form.title.text,
			'Năm 2026',
			form.subtitle.text,
			'Họ và tên: Lê Thị Hoa',
			'Đơn vị công tác: Trường Tiểu học Thử',
			'Chi bộ: Chi bộ Giáo viên',
			...form.sections.filter((s) => !s.placement).map((s) => s.heading),
			form.signature.text,
			...form.sections.filter((s) => s.placement === 'annex').map((s) => s.heading),
			'PHIẾU TỰ SOI, TỰ SỬA',
			`Phụ lục liên hệ các biểu hiện về suy thoái, “tự diễn biến”, “tự chuyển hóa” — kèm Bản kiểm điểm theo ${form.form}`,
			'TT1.1',
			'Kết quả tự soi theo các biểu hiện',
			// A chapter of two has no chi ủy: its secretary signs for the chi bộ.
			'T/M CHI BỘ',
			'BÍ THƯ'
		];
		let at = -1;
		for (const heading of expected) {
			const found = flat.indexOf(squash(heading), at + 1);
			expect(found, heading).toBeGreaterThan(at);
			at = found;
		}
		expect(flat).not.toContain(squash('T/M CHI ỦY'));
		expect(form.signature.text).toBe('NGƯỜI TỰ KIỂM ĐIỂM');
		for (const s of [
			'27/30',
			'63,5/70',
			'90,5/100',
			'[]Hoànthànhxuấtsắcnhiệmvụ[x]Hoànthànhtốtnhiệmvụ[]Hoànthànhnhiệmvụ',
			'Doốm,đãnộpbổsung.'
		])
			expect(flat).toContain(squash(s));
		// Long text flows over pages, whole and in order.
		let mark = 0;
		for (const word of LONG.split(' ').filter((w) => w.startsWith('['))) {
			mark = flat.indexOf(word, mark);
			expect(mark, word).toBeGreaterThanOrEqual(0);
		}
		for (const bad of ['[Chưa tìm thấy', 'theo bài thơ', 'Gợi ý nội dung', 'phần còn lại chưa đối chiếu', 'Trang 1/'])
			expect(raw).not.toContain(bad);
		// Page numbers from page 2, top centre; none on page 1.
		const pages = pagesOf(f);
		expect(pages).toBeGreaterThanOrEqual(3);
		expect(pageText(f, 1).trim().split('\n')[0]).toMatch(/ĐẢNG BỘ/u);
		for (let p = 2; p <= pages; p++) expect(pageText(f, p).trim().split('\n')[0].trim()).toBe(String(p));
	});
});

describe('HD 36 type sizes of the Bản kiểm điểm', () => {
	it('sets "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt and the body at 14 pt', async () => {
		const boxes = words(await printed('C'));
		const party = boxes.find((w) => w.text === 'CỘNG')!;
		const body = boxes.find((w) => w.text === 'Lê')!;
		// Word boxes are the font's ascent plus descent, a fixed multiple of the size for one font.
		expect(party.height / body.height).toBeCloseTo(15 / 14, 1);
		const ratio = body.height / 14;
		expect(party.height / ratio).toBeCloseTo(15, 0);
	});
});
