import { describe, expect, it } from 'vitest';
import {
	canDecide,
	deciderOf,
	decidingBody,
	decisionRefusal,
	secretarySheetDecider,
	type ReviewContext
} from './review-rights';

const CHAPTER = 7;
const ABOVE = { unitId: 3, unitName: 'Đảng bộ Trường Một' };
const ctx = (over: Partial<ReviewContext> = {}): ReviewContext => ({
	ownerId: 10,
	chapterId: CHAPTER,
	secretaryIds: [1],
	committeeAbove: ABOVE,
	...over
});
const secretary = (id: number) => ({ id, grants: [{ role: 'secretary' as const, unitId: CHAPTER }] });
const committee = (id: number, unitId = ABOVE.unitId) => ({ id, grants: [{ role: 'committee' as const, unitId }] });
const admin = { id: 99, grants: [{ role: 'admin' as const, unitId: 1 }] };

describe('who decides a sheet', () => {
	it("gives a member's sheet to the chapter's secretary only", () => {
		expect(deciderOf(ctx())).toEqual({ kind: 'secretary' });
		expect(canDecide(secretary(1), ctx())).toBe(true);
		expect(canDecide(committee(2), ctx())).toBe(false);
		expect(canDecide(admin, ctx())).toBe(false);
		expect(canDecide({ id: 5, grants: [{ role: 'secretary', unitId: CHAPTER + 1 }] }, ctx())).toBe(false);
	});

	it('never lets anyone decide their own sheet, whatever they hold', () => {
		const own = ctx({ ownerId: 1 });
		const everything = {
			id: 1,
			grants: [
				{ role: 'secretary' as const, unitId: CHAPTER },
				{ role: 'committee' as const, unitId: ABOVE.unitId },
				{ role: 'admin' as const, unitId: 1 }
			]
		};
		expect(decisionRefusal(everything, own)).toMatch(/chính mình/);
		expect(decisionRefusal(committee(10), ctx())).toMatch(/chính mình/);
	});

	it("gives a secretary's sheet to another secretary of the chapter, else to the committee directly above", () => {
		const two = ctx({ ownerId: 1, secretaryIds: [1, 2] });
		expect(deciderOf(two)).toEqual({ kind: 'other_secretary' });
		expect(canDecide(secretary(2), two)).toBe(true);
		expect(canDecide(committee(3), two)).toBe(false);
		const one = ctx({ ownerId: 1 });
		expect(deciderOf(one)).toEqual({ kind: 'committee', ...ABOVE });
		expect(canDecide(committee(3), one)).toBe(true);
		expect(canDecide(committee(3, 1), one)).toBe(false);
		expect(canDecide(admin, one)).toBe(false);
		const none = ctx({ ownerId: 1, committeeAbove: null });
		expect(deciderOf(none)).toEqual({ kind: 'nobody' });
		expect(decisionRefusal(committee(3), none)).toMatch(/chưa có ai/);
	});

	it("says who decides a secretary's sheet, in Vietnamese", () => {
		expect(secretarySheetDecider(ctx({ secretaryIds: [1, 2] }))).toBe(
			'Phiếu của bí thư do bí thư còn lại của chi bộ xem xét.'
		);
		expect(secretarySheetDecider(ctx())).toBe('Phiếu của bí thư do cấp ủy cấp trên (Đảng bộ Trường Một) xem xét.');
		expect(secretarySheetDecider(ctx({ committeeAbove: null }))).toMatch(
			/^Phiếu của bí thư do cấp ủy cấp trên xem xét/
		);
	});
});

// --- What a reviewer reads (appended; imports are hoisted). ---
import { reviewerView } from './review-rights';

describe('what anyone but the member reads of a sheet', () => {
	it('is its content once handed in, a returned one as last handed in, else its status only', () => {
		expect(reviewerView('submitted', true)).toBe('content');
		expect(reviewerView('approved', true)).toBe('content');
		// Sheets handed in before hand-ins were kept have no snapshot, and are still read once handed in.
		expect(reviewerView('approved', false)).toBe('content');
		expect(reviewerView('returned', true)).toBe('content');
		expect(reviewerView('returned', false)).toBe('status');
		expect(reviewerView('draft', false)).toBe('status');
		expect(reviewerView('draft', true)).toBe('status');
		expect(reviewerView('not_started', false)).toBe('status');
	});
});

describe('in whose name a decision is written', () => {
	it('is the committee above when it decides, the chi ủy otherwise', () => {
		expect(decidingBody({ kind: 'committee', unitId: 3, unitName: 'Đảng bộ Trường Một' })).toBe('cấp ủy cấp trên');
		for (const kind of ['secretary', 'other_secretary', 'nobody'] as const)
			expect(decidingBody({ kind })).toBe('chi ủy');
	});
});
