// Collective sheets: a chi bộ or a party committee examines itself as a collective (HD 43-HD/BTCTW, Mẫu 1).
// Who fills the collective's sheet on its behalf, who decides it, and how it is named and signed. Pure.
import { CHAPTER_KINDS, type UnitKind } from './org';
import {
	committeeAboveRefusal,
	committeeAboveSentence,
	holdsRole,
	type Decider,
	type ReviewGrant
} from './review-rights';
import { COLLECTIVE_GROUP_LABELS, isCollectiveGroup, type CollectiveGroup, type SheetGroup } from './template';
import { chapterSignature, committeeName } from './report';

/** The collective a unit has: a chapter's is its chi bộ's, any other unit's is its party committee's. */
export function collectiveGroupOf(kind: UnitKind): CollectiveGroup {
	return CHAPTER_KINDS.includes(kind) ? 'CB' : 'CU';
}

/**
 * The role whose holders at the unit fill the collective's sheet: a chapter's secretary (bí thư, phó bí thư) for
 * the chi bộ; for a committee's collective, whoever holds the committee role at that unit (its members).
 */
export function fillerRole(group: CollectiveGroup): 'secretary' | 'committee' {
	return group === 'CB' ? 'secretary' : 'committee';
}

/** What the rules need to know about a collective's sheet. */
export interface CollectiveContext {
	unitId: number;
	group: CollectiveGroup;
	/** The nearest unit above the collective's unit where someone holds the committee role, if any. */
	committeeAbove: { unitId: number; unitName: string } | null;
}

/** Whether this actor fills the collective's sheet on its behalf. */
export function mayFill(actor: { grants: readonly ReviewGrant[] }, ctx: Pick<CollectiveContext, 'unitId' | 'group'>) {
	return holdsRole(actor.grants, fillerRole(ctx.group), ctx.unitId);
}

/**
 * Whether this actor writes this sheet: a member their own; a collective's sheet, whoever fills it on the
 * collective's behalf. Anyone else is told there is no such sheet.
 */
export function writesSheet(
	actor: { id: number; grants: readonly ReviewGrant[] },
	sheet: { memberId: number | null; collectiveUnitId: number | null; targetGroup: SheetGroup }
): boolean {
	if (sheet.collectiveUnitId !== null && isCollectiveGroup(sheet.targetGroup))
		return mayFill(actor, { unitId: sheet.collectiveUnitId, group: sheet.targetGroup });
	return sheet.memberId !== null && sheet.memberId === actor.id;
}

/** Why this actor may not fill the collective's sheet, or null when they may. */
export function fillRefusal(
	actor: { grants: readonly ReviewGrant[] },
	ctx: Pick<CollectiveContext, 'unitId' | 'group'>
): string | null {
	if (mayFill(actor, ctx)) return null;
	return ctx.group === 'CB'
		? 'Chỉ bí thư, phó bí thư của chi bộ được lập phiếu kiểm điểm của tập thể chi bộ.'
		: 'Chỉ thành viên cấp ủy của đơn vị được lập phiếu kiểm điểm của tập thể cấp ủy.';
}

/**
 * Why this actor may not decide (return, approve, reopen) the collective's sheet, or null when they may: only the
 * committee directly above decides, and never someone who fills the sheet (the collective does not review itself).
 */
export function collectiveDecisionRefusal(
	actor: { grants: readonly ReviewGrant[] },
	ctx: CollectiveContext
): string | null {
	if (mayFill(actor, ctx))
		return 'Tập thể không tự xem xét phiếu của mình: phiếu này do cấp ủy cấp trên trả lại, duyệt hoặc mở lại.';
	return committeeAboveRefusal(actor.grants, 'tập thể', ctx.committeeAbove);
}

/** Who decides a collective's sheet: the committee directly above, or nobody while none holds that role. */
export function collectiveDeciderOf(ctx: Pick<CollectiveContext, 'committeeAbove'>): Decider {
	return ctx.committeeAbove ? { kind: 'committee', ...ctx.committeeAbove } : { kind: 'nobody' };
}

/** "Phiếu của tập thể do … xem xét", as the pages say it. */
export function collectiveDeciderSentence(ctx: Pick<CollectiveContext, 'committeeAbove'>): string {
	return committeeAboveSentence('tập thể', ctx.committeeAbove);
}

/** "Tập thể chi bộ Chi bộ Văn phòng Sở" reads badly: "Tập thể Chi bộ Văn phòng Sở", "Tập thể cấp ủy Đảng bộ …". */
export function collectiveName(group: CollectiveGroup, unitName: string): string {
	return group === 'CB' ? `Tập thể ${unitName}` : `${COLLECTIVE_GROUP_LABELS.CU} ${unitName}`;
}

/** The committee of a đảng bộ as a signature names it: "Đảng bộ Sở Y tế" → "ĐẢNG ỦY SỞ Y TẾ". */
export function committeeOf(unitName: string): string {
	return committeeName(unitName).toLocaleUpperCase('vi');
}

/**
 * The signature of the collective's report: for a chi bộ, on behalf of its chi ủy (or of the chi bộ when it has
 * none); for a committee, on behalf of that committee; the secretary signs.
 */
export function collectiveSignature(group: CollectiveGroup, unit: { name: string; memberCount: number }): string[] {
	return group === 'CB' ? chapterSignature(unit.memberCount) : [`T/M ${committeeOf(unit.name)}`, 'BÍ THƯ'];
}

/** The signature of the committee above that decided it. */
export function reviewerSignature(committeeAbove: { unitName: string } | null): string[] {
	return [committeeAbove ? `T/M ${committeeOf(committeeAbove.unitName)}` : 'T/M CẤP ỦY CẤP TRÊN'];
}
