import { describe, expect, it } from 'vitest';
import template from '../data/template-default.json' with { type: 'json' };
import { changesBetween, readSubmission, sectionWords, type SubmissionContent } from './submission';
import { EMPTY_SECTION } from './sections';
import type { TemplateContent } from './template';

const form = (template as unknown as TemplateContent).forms!.B;

const base = (): SubmissionContent => ({
	answers: {
		'TT1.1': { level: 1, note: '', action: 'Đọc nghị quyết.', actionDeadline: '2026-09-30' },
		'TT1.2': { level: 0, note: '', action: '', actionDeadline: null },
		'DD1.1': { level: 0, note: '', action: '', actionDeadline: null }
	},
	texts: { strengths: 'Ưu điểm.', shortcomings: 'Hạn chế.', commitment: 'Cam kết.' },
	progress: { 'TT2.1': { status: 'in_progress', note: '' } },
	score: 99,
	rating: 'tot'
});
const CODES = ['TT1.1', 'TT1.2', 'DD1.1'];

describe('what changed between two hand-ins', () => {
	it('is nothing when nothing changed', () => {
		expect(changesBetween(base(), base(), CODES)).toEqual([]);
	});

	it('names each changed answer once, with every changed part before and after, in the sheet’s order', () => {
		const after = base();
		after.answers['DD1.1'] = { level: 2, note: 'Đã nhận ra.', action: 'Sửa ngay.', actionDeadline: '2026-05-31' };
		after.answers['TT1.1'] = { ...after.answers['TT1.1'], action: 'Đọc Nghị quyết 04 mỗi tuần.' };
		expect(changesBetween(base(), after, CODES)).toEqual([
			{
				kind: 'answer',
				code: 'TT1.1',
				parts: [{ label: 'Biện pháp khắc phục', before: 'Đọc nghị quyết.', after: 'Đọc Nghị quyết 04 mỗi tuần.' }]
			},
			{
				kind: 'answer',
				code: 'DD1.1',
				parts: [
					{ label: 'Mức độ', before: 'Không có biểu hiện', after: 'Có biểu hiện ở mức độ rõ' },
					{ label: 'Biện pháp khắc phục', before: '', after: 'Sửa ngay.' },
					{ label: 'Thời hạn', before: '—', after: '31/05/2026' },
					{ label: 'Ghi chú', before: '', after: 'Đã nhận ra.' }
				]
			}
		]);
	});

	it('treats a sign answered only now as changed from "Chưa trả lời"', () => {
		const before = base();
		delete before.answers['TT1.2'];
		expect(changesBetween(before, base(), CODES)).toEqual([
			{
				kind: 'answer',
				code: 'TT1.2',
				parts: [{ label: 'Mức độ', before: 'Chưa trả lời', after: 'Không có biểu hiện' }]
			}
		]);
	});

	it('names changed texts and last year’s plan lines', () => {
		const after = base();
		after.texts.commitment = 'Cam kết sửa chữa.';
		after.progress['TT2.1'] = { status: 'done', note: 'Đã xong.' };
		expect(changesBetween(base(), after, CODES)).toEqual([
			{
				kind: 'text',
				field: 'commitment',
				label: 'Cam kết tu dưỡng, rèn luyện',
				before: 'Cam kết.',
				after: 'Cam kết sửa chữa.'
			},
			{ kind: 'progress', code: 'TT2.1', before: 'Đang khắc phục', after: 'Đã khắc phục — Đã xong.' }
		]);
	});
});

describe('the Bản kiểm điểm’s sections and gợi ý answers between two hand-ins', () => {
	const withForm = (): SubmissionContent => ({
		...base(),
		sections: {
			'A.VI': { ...EMPTY_SECTION, text: 'Đọc tài liệu mỗi tuần.' },
			'B.I': { ...EMPTY_SECTION, general: 27, tasks: 63 },
			'B.II': { ...EMPTY_SECTION, quality: 'tot' },
			'A.III': { ...EMPTY_SECTION, items: [{ id: 'own-1', text: 'Chậm nộp báo cáo.', status: null, note: '' }] }
		},
		questions: [{ id: 4, text: 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.', answer: 'Đi công tác.' }]
	});

	it('is nothing when nothing changed', () => {
		expect(changesBetween(withForm(), withForm(), CODES, form)).toEqual([]);
	});

	it('names each changed section by its key and heading, in the form’s order, after the sheet’s own parts', () => {
		const after = withForm();
		after.texts.commitment = 'Cam kết sửa chữa.';
		after.sections!['B.II'] = { ...EMPTY_SECTION, quality: 'hoan_thanh' };
		after.sections!['A.VI'] = { ...EMPTY_SECTION, text: 'Đọc tài liệu và báo cáo chi bộ mỗi tháng.' };
		after.sections!['A.III'] = {
			...EMPTY_SECTION,
			items: [{ id: 'own-1', text: 'Chậm nộp báo cáo.', status: 'done', note: 'Đã nộp bù.' }]
		};
		after.sections!['A.II.2'] = { ...EMPTY_SECTION, text: 'Chưa sắp xếp thời gian.' };
		after.sections!['B.I'] = { ...EMPTY_SECTION, general: 27.5, tasks: 63 };
		const changes = changesBetween(withForm(), after, CODES, form);
		expect(changes.map((c) => c.kind)).toEqual(['text', 'section', 'section', 'section', 'section', 'section']);
		expect(changes.slice(1)).toEqual([
			{
				kind: 'section',
				key: 'A.II.2',
				label: 'Mục A.II.2 (2. Nguyên nhân của hạn chế, khuyết điểm.)',
				verb: 'đã bổ sung',
				before: '',
				after: 'Chưa sắp xếp thời gian.'
			},
			{
				kind: 'section',
				key: 'A.III',
				label: expect.stringMatching(/^Mục A\.III \(III\. /),
				verb: 'đã sửa',
				before: 'Chậm nộp báo cáo.: chưa chọn trạng thái',
				after: 'Chậm nộp báo cáo.: Đã khắc phục — Đã nộp bù.'
			},
			{
				kind: 'section',
				key: 'A.VI',
				label: 'Mục A.VI (VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm)',
				verb: 'đã sửa',
				before: 'Đọc tài liệu mỗi tuần.',
				after: 'Đọc tài liệu và báo cáo chi bộ mỗi tháng.'
			},
			{
				kind: 'section',
				key: 'B.I',
				label: 'Mục B.I (I. Đánh giá theo các nhóm tiêu chí)',
				verb: 'đã sửa',
				before: 'Nhóm tiêu chí chung: 27; nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 63',
				after: 'Nhóm tiêu chí chung: 27,5; nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 63'
			},
			{
				kind: 'section',
				key: 'B.II',
				label: 'Mục B.II (II. Đề xuất xếp loại mức chất lượng)',
				verb: 'đã sửa',
				before: 'Hoàn thành tốt nhiệm vụ',
				after: 'Hoàn thành nhiệm vụ'
			}
		]);
	});

	it('names a changed answer to a gợi ý by its question, and one asked since the earlier hand-in as added', () => {
		const after = withForm();
		after.questions = [
			{ id: 4, text: 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.', answer: 'Đi công tác theo quyết định số 12.' },
			{ id: 6, text: 'Giải trình việc kê khai tài sản.', answer: 'Đã kê khai đủ.' }
		];
		after.sections!['A.VI'] = { ...EMPTY_SECTION, text: '' };
		expect(changesBetween(withForm(), after, CODES, form)).toEqual([
			{
				kind: 'section',
				key: 'A.VI',
				label: 'Mục A.VI (VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm)',
				verb: 'đã xóa',
				before: 'Đọc tài liệu mỗi tuần.',
				after: ''
			},
			{
				kind: 'question',
				id: 4,
				label: 'Gợi ý kiểm điểm «Làm rõ việc vắng sinh hoạt chi bộ tháng 5.»',
				verb: 'đã sửa',
				before: 'Đi công tác.',
				after: 'Đi công tác theo quyết định số 12.'
			},
			{
				kind: 'question',
				id: 6,
				label: 'Gợi ý kiểm điểm «Giải trình việc kê khai tài sản.»',
				verb: 'đã bổ sung',
				before: '',
				after: 'Đã kê khai đủ.'
			}
		]);
	});

	it('says nothing of sections or answers an older hand-in did not record, and reads it whole', () => {
		const old = readSubmission(JSON.parse(JSON.stringify(base())));
		expect(old.sections).toBeUndefined();
		expect(old.questions).toBeUndefined();
		expect(changesBetween(old, withForm(), CODES, form)).toEqual([]);
		// Without the form (a version made before forms), sections are not compared either.
		const after = withForm();
		after.sections!['A.VI'] = { ...EMPTY_SECTION, text: 'Khác.' };
		expect(changesBetween(withForm(), after, CODES)).toEqual([]);
		// A stored section missing parts is read in full shape.
		expect(readSubmission({ ...base(), sections: { 'A.VI': { text: 'x' } } }).sections).toEqual({
			'A.VI': { ...EMPTY_SECTION, text: 'x' }
		});
	});
});

describe('a section’s value in words, as the review page lists a change', () => {
	const section = (key: string) => form.sections.find((x) => x.key === key)!;
	const value = (v: Partial<typeof EMPTY_SECTION>) => ({ ...EMPTY_SECTION, ...v });

	it('gives a text trimmed, and nothing for an empty one', () => {
		expect(sectionWords(section('A.VI'), value({ text: '  Mỗi tháng tự kiểm tra.\n' }))).toBe('Mỗi tháng tự kiểm tra.');
		expect(sectionWords(section('A.VI'), value({ text: '   ' }))).toBe('');
	});

	it('gives each line with its status in the form’s words and its note, skipping blank lines', () => {
		const items = [
			{ id: 'own-1', text: 'Chậm nộp báo cáo', status: 'in_progress', note: ' quý II ' },
			{ id: 'own-2', text: '', status: null, note: '' },
			{ id: 'own-3', text: '', status: 'done', note: '' },
			{ id: 'own-4', text: 'Ít phát biểu', status: null, note: '' }
		];
		expect(sectionWords(section('A.III'), value({ items }))).toBe(
			'Chậm nộp báo cáo: Đang khắc phục — quý II\n—: Đã khắc phục\nÍt phát biểu: chưa chọn trạng thái'
		);
	});

	it('gives both scores of the QĐ 366 frame, a dash for one not given, nothing for neither', () => {
		expect(sectionWords(section('B.I'), value({ general: 27.5, tasks: null }))).toBe(
			'Nhóm tiêu chí chung: 27,5; nhóm tiêu chí về kết quả thực hiện nhiệm vụ: —'
		);
		expect(sectionWords(section('B.I'), value({}))).toBe('');
	});

	it('gives the proposed quality in its words', () => {
		expect(sectionWords(section('B.II'), value({ quality: 'tot' }))).toBe('Hoàn thành tốt nhiệm vụ');
		expect(sectionWords(section('B.II'), value({}))).toBe('');
	});
});
