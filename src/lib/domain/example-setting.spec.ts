import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	countExampleRatings,
	EXAMPLE_RATINGS,
	exampleSettingApplies,
	reasonRequired,
	reviewReasonRefusal,
	reviewerRatingRefusal,
	selfRatingRefusal
} from './example-setting';

const SHEET = { memberId: 10, targetGroup: 'A' as const };

describe('who rates example-setting', () => {
	it('applies to leaders (group A) only', () => {
		expect(exampleSettingApplies('A')).toBe(true);
		for (const g of ['B', 'C', null] as const) expect(exampleSettingApplies(g)).toBe(false);
	});

	it("lets only the sheet's member rate themselves, on a group A sheet they may still change", () => {
		expect(selfRatingRefusal({ id: 10 }, SHEET, null)).toBeNull();
		expect(selfRatingRefusal({ id: 11 }, SHEET, null)).toMatch(/Chỉ đảng viên của phiếu/);
		expect(selfRatingRefusal({ id: 10 }, { ...SHEET, targetGroup: 'B' }, null)).toMatch(/nhóm A/);
		expect(selfRatingRefusal({ id: 10 }, SHEET, 'Phiếu đã nộp nên không sửa được nữa.')).toBe(
			'Phiếu đã nộp nên không sửa được nữa.'
		);
	});

	it("lets the sheet's decider rate a handed-in group A sheet once its member has rated", () => {
		const ok = { targetGroup: 'A' as const, status: 'submitted' as const };
		expect(reviewerRatingRefusal(null, null, ok, 'kha')).toBeNull();
		expect(reviewerRatingRefusal(null, null, { ...ok, status: 'approved' }, 'kha')).toBeNull();
		expect(reviewerRatingRefusal('Không ai tự xem xét phiếu của chính mình.', null, ok, 'kha')).toMatch(/chính mình/);
		expect(reviewerRatingRefusal(null, 'Đợt kiểm điểm năm 2026 đã kết thúc.', ok, 'kha')).toMatch(/đã kết thúc/);
		expect(reviewerRatingRefusal(null, null, { ...ok, targetGroup: 'C' }, 'kha')).toMatch(/nhóm A/);
		for (const status of ['draft', 'returned'] as const)
			expect(reviewerRatingRefusal(null, null, { ...ok, status }, 'kha')).toMatch(/phiếu đã nộp/);
		expect(reviewerRatingRefusal(null, null, ok, null)).toMatch(/chưa tự đánh giá/);
	});

	it('wants a reason exactly when the reviewer differs from the member', () => {
		fc.assert(
			fc.property(fc.constantFrom(...EXAMPLE_RATINGS), fc.constantFrom(...EXAMPLE_RATINGS), (self, reviewer) => {
				expect(reasonRequired(self, reviewer)).toBe(self !== reviewer);
			})
		);
		expect(reasonRequired(null, 'tot')).toBe(false);
	});
});

describe('counting example-setting ratings', () => {
	it("counts the members' own and the reviewers' ratings apart", () => {
		expect(
			countExampleRatings([
				{ self: 'tot', reviewer: 'kha' },
				{ self: 'tot', reviewer: null },
				{ self: null, reviewer: null },
				{ self: 'yeu_kem', reviewer: 'yeu_kem' }
			])
		).toEqual({
			sheets: 4,
			self: { tot: 2, kha: 0, trung_binh: 0, yeu_kem: 1 },
			reviewer: { tot: 0, kha: 1, trung_binh: 0, yeu_kem: 1 },
			notSelfRated: 1,
			notReviewed: 2
		});
	});
});

describe('example-setting of a collective', () => {
	const sheet = { memberId: null, collectiveUnitId: 9, targetGroup: 'CB' as const };
	it('applies to the collectives and is self-rated only by whoever fills their sheet', () => {
		expect(exampleSettingApplies('CB')).toBe(true);
		expect(exampleSettingApplies('CU')).toBe(true);
		expect(selfRatingRefusal({ id: 1, grants: [{ role: 'secretary', unitId: 9 }] }, sheet, null)).toBeNull();
		expect(selfRatingRefusal({ id: 1, grants: [{ role: 'committee', unitId: 4 }] }, sheet, null)).toMatch(
			/người lập phiếu của tập thể/
		);
		expect(selfRatingRefusal({ id: 1 }, sheet, null)).not.toBeNull();
	});
});

describe("a reviewer's reason", () => {
	it('is asked for a different level only, of at least five characters, naming whose self-rating it differs from', () => {
		expect(reviewReasonRefusal('tot', 'tot', '', false)).toBeNull();
		expect(reviewReasonRefusal(null, 'kha', '', false)).toBeNull();
		expect(reviewReasonRefusal('tot', 'kha', 'Chậm.', false)).toBeNull();
		expect(reviewReasonRefusal('tot', 'kha', '  abc  ', false)).toBe(
			'Mức đánh giá khác với mức đảng viên tự đánh giá («Tốt»): hãy ghi lý do (ít nhất 5 ký tự).'
		);
		expect(reviewReasonRefusal('tot', 'kha', '', true)).toBe(
			'Mức đánh giá khác với mức tập thể tự đánh giá («Tốt»): hãy ghi lý do (ít nhất 5 ký tự).'
		);
	});
});
