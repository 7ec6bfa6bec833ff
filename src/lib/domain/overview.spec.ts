import { describe, expect, it } from 'vitest';
import {
	completionPercent,
	finalRatingCounts,
	EMPTY_COUNTS,
	handedIn,
	notStarted,
	outlierNotes,
	overdue,
	ratingCounts,
	type UnitCounts
} from './overview';

const counts = (over: Partial<UnitCounts>): UnitCounts => ({ members: 20, ...EMPTY_COUNTS, ...over });

describe('unit figures', () => {
	it('counts handed-in, not started and completion', () => {
		const c = counts({ members: 20, draft: 3, submitted: 5, returned: 1, approved: 6 });
		expect(handedIn(c)).toBe(11);
		expect(notStarted(c)).toBe(5);
		expect(completionPercent(c)).toBe(55);
		expect(completionPercent(counts({ members: 0 }))).toBe(0);
	});

	it('maps ratings to their keys', () => {
		expect(ratingCounts(counts({ tot: 4, kha: 3, trungBinh: 2, yeuKem: 1 }))).toEqual({
			tot: 4,
			kha: 3,
			trung_binh: 2,
			yeu_kem: 1
		});
	});

	it('counts overdue members only after the deadline', () => {
		const c = counts({ members: 10, submitted: 4 });
		expect(overdue(c, '2026-12-20', '2026-12-20')).toBe(0);
		expect(overdue(c, '2026-12-20', '2026-12-21')).toBe(6);
	});
});

describe('outliers', () => {
	const open = { deadline: '2026-12-20', open: true };

	it('flags a unit of 10 or more where every rating is Tốt, not one of 9', () => {
		expect(outlierNotes(counts({ submitted: 10, tot: 10 }), open, '2026-11-01')).toEqual([
			'Tất cả 10 phiếu đã nộp đều tự xếp loại Tốt.'
		]);
		expect(outlierNotes(counts({ submitted: 9, tot: 9 }), open, '2026-11-01')).toEqual([]);
		expect(outlierNotes(counts({ submitted: 10, tot: 9, kha: 1 }), open, '2026-11-01')).toEqual([]);
	});

	it('flags nothing handed in when the deadline is under 7 days away', () => {
		expect(outlierNotes(counts({ draft: 5 }), open, '2026-12-14')).toEqual([
			'Còn 6 ngày đến hạn mà chưa có phiếu nào được nộp.'
		]);
		expect(outlierNotes(counts({ draft: 5 }), open, '2026-12-13')).toEqual([]);
		expect(outlierNotes(counts({ draft: 5 }), open, '2026-12-22')).toEqual([
			'Đã quá hạn mà chưa có phiếu nào được nộp.'
		]);
		expect(outlierNotes(counts({ submitted: 1 }), open, '2026-12-19')).toEqual([]);
		expect(outlierNotes(counts({ draft: 5 }), { ...open, open: false }, '2026-12-19')).toEqual([]);
		expect(outlierNotes(counts({ members: 0 }), open, '2026-12-19')).toEqual([]);
	});
});

describe('the chi ủy’s final ratings, counted apart from the self-ratings', () => {
	it('reads the final counters only', () => {
		const c = {
			...EMPTY_COUNTS,
			members: 40,
			tot: 9,
			kha: 9,
			trungBinh: 9,
			yeuKem: 9,
			finalTot: 1,
			finalKha: 2,
			finalTrungBinh: 3,
			finalYeuKem: 4
		};
		expect(finalRatingCounts(c)).toEqual({ tot: 1, kha: 2, trung_binh: 3, yeu_kem: 4 });
		expect(finalRatingCounts({ ...EMPTY_COUNTS, members: 0 })).toEqual({ tot: 0, kha: 0, trung_binh: 0, yeu_kem: 0 });
	});
});
