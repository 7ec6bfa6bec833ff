import { describe, expect, it } from 'vitest';
import type { ImportPreview, ParsedMember } from './members';
import { previewSummary } from './summary';

const member = (line: number, chapterId: number, chapterName: string): ParsedMember => ({
	line,
	fullName: `Người ${line}`,
	dateOfBirth: '1980-01-01',
	position: '',
	targetGroup: 'B',
	chapterId,
	chapterName,
	username: `nguoi${line}`
});

describe('previewSummary', () => {
	it('keeps the first 50 errors and 50 valid rows, counts the rest and the valid rows per chapter', () => {
		const valid = Array.from({ length: 300 }, (_, i) =>
			i % 3 === 0 ? member(i + 2, 7, 'Chi bộ Đông') : member(i + 2, 4, 'Chi bộ An')
		);
		const errors = Array.from({ length: 1234 + 50 }, (_, i) => ({
			line: 1000 + Math.floor(i / 2),
			message: `Dòng ${1000 + Math.floor(i / 2)}: lỗi ${i}`
		}));
		const preview: ImportPreview = { valid, errors };
		const summary = previewSummary('ds.xlsx', 300 + 642, preview);
		expect(summary).toMatchObject({ total: 942, validCount: 300, badLines: 642, errorCount: 1284 });
		expect(summary.errors).toEqual(errors.slice(0, 50));
		expect(summary.sample).toEqual(valid.slice(0, 50));
		expect(summary.chapters).toEqual([
			{ chapterId: 4, chapterName: 'Chi bộ An', count: 200 },
			{ chapterId: 7, chapterName: 'Chi bộ Đông', count: 100 }
		]);
	});
});
