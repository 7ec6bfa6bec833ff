// Separation of duties in the review: who may decide (return, approve, re-rate, reopen) a given sheet.
// Pure, so the guards, the use cases, the pages and the tests all ask the same question.
import type { GrantedRole } from './org';
import { isHandedIn, type SheetStatusKey } from './sheet';

/** A role the actor holds over a unit. */
export interface ReviewGrant {
	role: GrantedRole;
	unitId: number;
}

/** What the rule needs to know about a sheet and the people around its chapter. */
export interface ReviewContext {
	/** The member whose sheet it is. */
	ownerId: number;
	chapterId: number;
	/** Everyone holding the chapter's secretary role. */
	secretaryIds: readonly number[];
	/** The nearest unit above the chapter where someone holds the committee role, if any. */
	committeeAbove: { unitId: number; unitName: string } | null;
}

/** Whether these grants hold the role at the unit itself (not above it). */
export function holdsRole(grants: readonly ReviewGrant[], role: GrantedRole, unitId: number): boolean {
	return grants.some((g) => g.role === role && g.unitId === unitId);
}

/** Whose sheet goes to the committee above: a lone secretary's own, or a collective's. */
type Referred = 'bí thư' | 'tập thể';

/** "Phiếu của … do cấp ủy cấp trên (…) xem xét", or that nobody holds that role yet. */
export function committeeAboveSentence(whose: Referred, committeeAbove: ReviewContext['committeeAbove']): string {
	return committeeAbove
		? `Phiếu của ${whose} do cấp ủy cấp trên (${committeeAbove.unitName}) xem xét.`
		: `Phiếu của ${whose} do cấp ủy cấp trên xem xét; hiện chưa có ai được giao vai trò cấp ủy cấp trên.`;
}

/** Why this actor may not decide a sheet that goes to the committee above, or null when they are that committee. */
export function committeeAboveRefusal(
	grants: readonly ReviewGrant[],
	whose: Referred,
	committeeAbove: ReviewContext['committeeAbove']
): string | null {
	if (!committeeAbove)
		return `Phiếu của ${whose} cần cấp ủy cấp trên xem xét, nhưng chưa có ai được giao vai trò cấp ủy cấp trên.`;
	return holdsRole(grants, 'committee', committeeAbove.unitId) ? null : committeeAboveSentence(whose, committeeAbove);
}

/** Who decides a sheet: the chapter's secretary, or — for a secretary's own sheet — another secretary or the committee above. */
export type Decider =
	| { kind: 'secretary' }
	| { kind: 'other_secretary' }
	| { kind: 'committee'; unitId: number; unitName: string }
	| { kind: 'nobody' };

/** In whose name a decision on a sheet is written: the chi ủy, or the committee above. */
export type DecidingBody = 'chi ủy' | 'cấp ủy cấp trên';

/** The committee above decides in its own name; a secretary, or another one, in the chi ủy's. */
export function decidingBody(decider: Decider): DecidingBody {
	return decider.kind === 'committee' ? 'cấp ủy cấp trên' : 'chi ủy';
}

/** Who decides this sheet. */
export function deciderOf(ctx: ReviewContext): Decider {
	if (!ctx.secretaryIds.includes(ctx.ownerId)) return { kind: 'secretary' };
	if (ctx.secretaryIds.some((id) => id !== ctx.ownerId)) return { kind: 'other_secretary' };
	if (ctx.committeeAbove) return { kind: 'committee', ...ctx.committeeAbove };
	return { kind: 'nobody' };
}

/** "Phiếu của bí thư do … xem xét", as the chapter page and the review page say it. */
export function secretarySheetDecider(ctx: Omit<ReviewContext, 'ownerId'>): string {
	// A chapter with two secretaries: each one's sheet goes to the other.
	if (ctx.secretaryIds.length >= 2) return 'Phiếu của bí thư do bí thư còn lại của chi bộ xem xét.';
	return committeeAboveSentence('bí thư', ctx.committeeAbove);
}

/** Why this actor may not decide this sheet (a sentence in Vietnamese), or null when they may. */
export function decisionRefusal(
	actor: { id: number; grants: readonly ReviewGrant[] },
	ctx: ReviewContext
): string | null {
	if (actor.id === ctx.ownerId)
		return 'Không ai tự xem xét phiếu của chính mình: phiếu này phải do người khác trả lại, duyệt hoặc mở lại.';
	const decider = deciderOf(ctx);
	if (decider.kind === 'secretary' || decider.kind === 'other_secretary')
		return holdsRole(actor.grants, 'secretary', ctx.chapterId)
			? null
			: 'Chỉ bí thư chi bộ được thực hiện thao tác này.';
	return committeeAboveRefusal(actor.grants, 'bí thư', ctx.committeeAbove);
}

/** True when the actor may decide this sheet. */
export function canDecide(actor: { id: number; grants: readonly ReviewGrant[] }, ctx: ReviewContext): boolean {
	return decisionRefusal(actor, ctx) === null;
}

/**
 * What anyone but its member (secretary, committee, administrator) sees of a sheet: its content once handed in
 * — a returned sheet as it was last handed in, never the member's edits since — else only its status and
 * progress. A draft is the member's own until they hand it in.
 */
export function reviewerView(status: SheetStatusKey, handedInBefore: boolean): 'content' | 'status' {
	if (isHandedIn(status)) return 'content';
	return status === 'returned' && handedInBefore ? 'content' : 'status';
}
