import { describe, expect, it } from 'vitest';
import { changesBetween, type SubmissionContent } from './submission';

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
