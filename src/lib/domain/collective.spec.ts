import { describe, expect, it } from 'vitest';
import {
	collectiveDecisionRefusal,
	collectiveDeciderOf,
	collectiveDeciderSentence,
	collectiveGroupOf,
	collectiveName,
	collectiveSignature,
	committeeOf,
	fillRefusal,
	fillerRole,
	mayFill,
	reviewerSignature,
	writesSheet,
	type CollectiveContext
} from './collective';
import type { ReviewGrant } from './review-rights';
import { isCollectiveGroup, SHEET_GROUPS, TARGET_GROUPS } from './template';
import { targetGroupName } from './sheet';

const chapter: CollectiveContext = {
	unitId: 9,
	group: 'CB',
	committeeAbove: { unitId: 4, unitName: 'Đảng bộ Sở Y tế' }
};
const committee: CollectiveContext = {
	unitId: 4,
	group: 'CU',
	committeeAbove: { unitId: 1, unitName: 'Đảng bộ tỉnh' }
};
const actor = (...grants: ReviewGrant[]) => ({ grants });

describe('collective groups', () => {
	it('keeps the members’ groups A/B/C and adds the collectives apart', () => {
		expect(TARGET_GROUPS).toEqual(['A', 'B', 'C']);
		expect(SHEET_GROUPS).toEqual(['A', 'B', 'C', 'CB', 'CU']);
		expect(isCollectiveGroup('CB')).toBe(true);
		expect(isCollectiveGroup('A')).toBe(false);
		expect(targetGroupName('CB')).toBe('Tập thể chi bộ (Mẫu 1)');
	});

	it('gives a chapter the chi bộ collective and any other unit its committee’s', () => {
		expect(collectiveGroupOf('chi_bo')).toBe('CB');
		expect(collectiveGroupOf('chi_bo_co_so')).toBe('CB');
		expect(collectiveGroupOf('dang_bo_co_so')).toBe('CU');
		expect(collectiveGroupOf('dang_bo_tinh')).toBe('CU');
	});
});

describe('who fills a collective’s sheet', () => {
	it('is the chapter’s secretary for a chi bộ, the unit’s committee for a cấp ủy; nobody else', () => {
		expect(mayFill(actor({ role: 'secretary', unitId: 9 }), chapter)).toBe(true);
		expect(fillRefusal(actor({ role: 'secretary', unitId: 9 }), chapter)).toBeNull();
		expect(fillRefusal(actor({ role: 'secretary', unitId: 8 }), chapter)).toMatch(/bí thư/);
		expect(fillRefusal(actor({ role: 'committee', unitId: 4 }), chapter)).toMatch(/bí thư/);
		expect(fillRefusal(actor({ role: 'admin', unitId: 1 }), chapter)).not.toBeNull();
		expect(fillRefusal(actor({ role: 'committee', unitId: 4 }), committee)).toBeNull();
		expect(fillRefusal(actor({ role: 'secretary', unitId: 4 }), committee)).toMatch(/cấp ủy/);
		expect(fillRefusal(actor({ role: 'committee', unitId: 1 }), committee)).not.toBeNull();
	});
});

describe('who decides a collective’s sheet', () => {
	it('is the committee directly above only', () => {
		expect(collectiveDecisionRefusal(actor({ role: 'committee', unitId: 4 }), chapter)).toBeNull();
		expect(collectiveDecisionRefusal(actor({ role: 'committee', unitId: 1 }), chapter)).toMatch(/Đảng bộ Sở Y tế/);
		expect(collectiveDecisionRefusal(actor({ role: 'admin', unitId: 1 }), chapter)).not.toBeNull();
		expect(collectiveDecisionRefusal(actor({ role: 'committee', unitId: 1 }), committee)).toBeNull();
	});

	it('is never whoever fills it, even holding the committee role above as well', () => {
		const both = actor({ role: 'secretary', unitId: 9 }, { role: 'committee', unitId: 4 });
		expect(collectiveDecisionRefusal(both, chapter)).toMatch(/không tự xem xét/);
		expect(collectiveDecisionRefusal(actor({ role: 'committee', unitId: 4 }), committee)).toMatch(/không tự xem xét/);
	});

	it('is nobody when no committee above has anyone in the role', () => {
		expect(
			collectiveDecisionRefusal(actor({ role: 'committee', unitId: 4 }), { ...chapter, committeeAbove: null })
		).toMatch(/chưa có ai/);
	});
});

describe('how a collective’s report is named and signed', () => {
	it('names the collective and signs on behalf of the chi ủy, the chi bộ, or the committee', () => {
		expect(collectiveName('CB', 'Chi bộ Văn phòng Sở')).toBe('Tập thể Chi bộ Văn phòng Sở');
		expect(collectiveName('CU', 'Đảng bộ Sở Y tế')).toBe('Tập thể cấp ủy Đảng bộ Sở Y tế');
		expect(collectiveSignature('CB', { name: 'Chi bộ Văn phòng Sở', memberCount: 20 })).toEqual([
			'T/M CHI ỦY',
			'BÍ THƯ'
		]);
		expect(collectiveSignature('CB', { name: 'Chi bộ Khu phố 1', memberCount: 5 })).toEqual(['T/M CHI BỘ', 'BÍ THƯ']);
		expect(collectiveSignature('CU', { name: 'Đảng bộ Sở Y tế', memberCount: 90 })).toEqual([
			'T/M ĐẢNG ỦY SỞ Y TẾ',
			'BÍ THƯ'
		]);
		expect(committeeOf('Chi bộ cơ sở Trường THPT')).toBe('CẤP ỦY CHI BỘ CƠ SỞ TRƯỜNG THPT');
		expect(reviewerSignature({ unitName: 'Đảng bộ tỉnh Mẫu' })).toEqual(['T/M ĐẢNG ỦY TỈNH MẪU']);
		expect(reviewerSignature(null)).toEqual(['T/M CẤP ỦY CẤP TRÊN']);
	});
});

describe('who writes a sheet and who decides a collective’s', () => {
	const sheetOf = (memberId: number | null, collectiveUnitId: number | null, targetGroup: 'A' | 'CB' | 'CU') => ({
		memberId,
		collectiveUnitId,
		targetGroup
	});

	it('lets a member write their own sheet only, and a collective’s sheet whoever fills it', () => {
		expect(writesSheet({ id: 7, grants: [] }, sheetOf(7, null, 'A'))).toBe(true);
		expect(writesSheet({ id: 8, grants: [{ role: 'secretary', unitId: 9 }] }, sheetOf(7, null, 'A'))).toBe(false);
		expect(writesSheet({ id: 8, grants: [{ role: 'secretary', unitId: 9 }] }, sheetOf(null, 9, 'CB'))).toBe(true);
		expect(writesSheet({ id: 8, grants: [{ role: 'committee', unitId: 9 }] }, sheetOf(null, 9, 'CB'))).toBe(false);
		expect(writesSheet({ id: 8, grants: [{ role: 'committee', unitId: 4 }] }, sheetOf(null, 4, 'CU'))).toBe(true);
		expect(writesSheet({ id: 8, grants: [{ role: 'secretary', unitId: 4 }] }, sheetOf(null, 4, 'CU'))).toBe(false);
		// A collective's sheet belongs to no member, whatever id is asked.
		expect(writesSheet({ id: 0, grants: [] }, sheetOf(null, 9, 'CB'))).toBe(false);
	});

	it('names the committee directly above as the decider, or nobody while none holds the role', () => {
		expect(collectiveDeciderOf(chapter)).toEqual({ kind: 'committee', unitId: 4, unitName: 'Đảng bộ Sở Y tế' });
		expect(collectiveDeciderOf({ committeeAbove: null })).toEqual({ kind: 'nobody' });
		expect(collectiveDeciderSentence(chapter)).toBe('Phiếu của tập thể do cấp ủy cấp trên (Đảng bộ Sở Y tế) xem xét.');
		expect(collectiveDeciderSentence({ committeeAbove: null })).toBe(
			'Phiếu của tập thể do cấp ủy cấp trên xem xét; hiện chưa có ai được giao vai trò cấp ủy cấp trên.'
		);
		expect(collectiveDecisionRefusal(actor(), { ...chapter, committeeAbove: null })).toBe(
			'Phiếu của tập thể cần cấp ủy cấp trên xem xét, nhưng chưa có ai được giao vai trò cấp ủy cấp trên.'
		);
	});
});

describe('who fills a collective’s sheet', () => {
	it('is the chapter’s secretaries for a chi bộ, the committee’s members for a cấp ủy', () => {
		expect(fillerRole('CB')).toBe('secretary');
		expect(fillerRole('CU')).toBe('committee');
	});
});
