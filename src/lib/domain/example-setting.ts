// Example-setting ("nêu gương"): leaders (group A) rate how they set an example at four levels — Tốt, Khá,
// Trung bình, Yếu kém, as Việt Trì rates it — and whoever decides their sheet gives their own rating, with the
// reason when it differs. It stands beside the self-examination result and is never folded into its score.
import { RATINGS, RATING_LABELS, isCollectiveGroup, type Rating, type SheetGroup } from './template';
import { writesSheet } from './collective';
import type { ReviewGrant } from './review-rights';
import type { SheetStatus } from './sheet';

/** The four levels (the same words as the sheet's rating, stored and counted apart from it). */
export const EXAMPLE_RATINGS = RATINGS;
export type ExampleRating = Rating;
export const EXAMPLE_RATING_LABELS = RATING_LABELS;

/** The section's heading on the pages and in the printed review (the app's own wording). */
export const EXAMPLE_SETTING_TITLE = 'Đánh giá việc nêu gương';

/** Where the practice comes from, said wherever the ratings are shown. */
export const EXAMPLE_SETTING_NOTE =
	'Bốn mức Tốt, Khá, Trung bình, Yếu kém theo cách làm ở Việt Trì (Phú Thọ, theo báo cáo năm 2021). Kết quả nêu gương đứng riêng: không cộng vào kết quả tự soi, tự sửa và không phải xếp loại chất lượng đảng viên theo Quy định 366-QĐ/TW.';

/** What the member writes about: the 2A form's own item (Hướng dẫn 43-HD/BTCTW, Mẫu 2A). */
export const EXAMPLE_SETTING_PROMPT = 'Trách nhiệm nêu gương của bản thân và gia đình';
export const EXAMPLE_SETTING_PROMPT_SOURCE = 'Mẫu 2A, Hướng dẫn 43-HD/BTCTW';

/** Limits of the texts (characters). */
export const EXAMPLE_TEXT_LIMITS = { note: 2000, reason: 1000 };

/** Leaders (group A) rate their example-setting, and so do the collectives (tập thể chi bộ, tập thể cấp ủy). */
export function exampleSettingApplies(group: SheetGroup | null): boolean {
	return group === 'A' || (group !== null && isCollectiveGroup(group));
}

/** Why this member may not give (or change) the self-rating on this sheet, or null. `lock` is the sheet's own lock, if any. */
export function selfRatingRefusal(
	actor: { id: number; grants?: readonly ReviewGrant[] },
	sheet: { memberId: number | null; collectiveUnitId?: number | null; targetGroup: SheetGroup },
	lock: string | null
): string | null {
	if (sheet.collectiveUnitId != null) {
		// A collective rates itself through whoever fills its sheet.
		if (
			!writesSheet({ id: actor.id, grants: actor.grants ?? [] }, { ...sheet, collectiveUnitId: sheet.collectiveUnitId })
		)
			return 'Chỉ người lập phiếu của tập thể được tự đánh giá việc nêu gương của tập thể.';
	} else if (actor.id !== sheet.memberId) return 'Chỉ đảng viên của phiếu được tự đánh giá việc nêu gương.';
	if (!exampleSettingApplies(sheet.targetGroup))
		return 'Việc đánh giá nêu gương dành cho đảng viên giữ chức vụ lãnh đạo, quản lý (nhóm A) và cho các tập thể.';
	return lock;
}

/**
 * Why this reviewer may not rate the sheet's example-setting, or null. `decision` is the review rule's refusal
 * (review-rights.ts: the sheet's decider, never its owner), `lock` the period's.
 */
export function reviewerRatingRefusal(
	decision: string | null,
	lock: string | null,
	sheet: { targetGroup: SheetGroup; status: SheetStatus },
	self: ExampleRating | null
): string | null {
	if (decision) return decision;
	if (!exampleSettingApplies(sheet.targetGroup))
		return 'Việc đánh giá nêu gương dành cho đảng viên giữ chức vụ lãnh đạo, quản lý (nhóm A) và cho các tập thể.';
	if (lock) return lock;
	if (sheet.status !== 'submitted' && sheet.status !== 'approved')
		return 'Chỉ đánh giá việc nêu gương trên phiếu đã nộp.';
	if (self === null) return 'Đảng viên chưa tự đánh giá việc nêu gương: hãy trả lại phiếu để đảng viên bổ sung.';
	return null;
}

/** A reviewer's rating other than the member's own needs a reason. */
export function reasonRequired(self: ExampleRating | null, reviewer: ExampleRating): boolean {
	return self !== null && self !== reviewer;
}

/** The shortest reason a reviewer may give for a different level. */
export const REVIEW_REASON_MIN = 5;

/**
 * Why a reviewer's level cannot be kept as given: it differs from the self-rating (of the member, or of the
 * collective on a collective's sheet) without a reason of at least REVIEW_REASON_MIN characters.
 */
export function reviewReasonRefusal(
	self: ExampleRating | null,
	reviewer: ExampleRating,
	reason: string,
	collective: boolean
): string | null {
	if (!reasonRequired(self, reviewer) || reason.trim().length >= REVIEW_REASON_MIN) return null;
	const whose = collective ? 'tập thể' : 'đảng viên';
	return `Mức đánh giá khác với mức ${whose} tự đánh giá («${EXAMPLE_RATING_LABELS[self!]}»): hãy ghi lý do (ít nhất ${REVIEW_REASON_MIN} ký tự).`;
}

/** How the ratings of a set of sheets fall: the members' own and the reviewers', counted apart. */
export interface ExampleCounts {
	sheets: number;
	self: Record<ExampleRating, number>;
	reviewer: Record<ExampleRating, number>;
	notSelfRated: number;
	notReviewed: number;
}

const zero = (): Record<ExampleRating, number> => ({ tot: 0, kha: 0, trung_binh: 0, yeu_kem: 0 });

/** Counts each kind of rating over the sheets. */
export function countExampleRatings(
	rows: readonly { self: ExampleRating | null; reviewer: ExampleRating | null }[]
): ExampleCounts {
	const out: ExampleCounts = { sheets: 0, self: zero(), reviewer: zero(), notSelfRated: 0, notReviewed: 0 };
	for (const r of rows) {
		out.sheets += 1;
		if (r.self) out.self[r.self] += 1;
		else out.notSelfRated += 1;
		if (r.reviewer) out.reviewer[r.reviewer] += 1;
		else out.notReviewed += 1;
	}
	return out;
}

/** The example-setting lines of a leader's printed review, in words. */
export interface ExampleSettingLines {
	self: string;
	note: string;
	reviewer: string;
	reason: string;
}

/** The printed lines for a sheet's ratings ("Chưa đánh giá" where none). */
export function exampleSettingLines(
	r: {
		selfRating: ExampleRating;
		selfNote: string;
		reviewerRating: ExampleRating | null;
		reviewerReason: string | null;
	} | null
): ExampleSettingLines {
	return {
		self: r ? EXAMPLE_RATING_LABELS[r.selfRating] : 'Chưa đánh giá',
		note: r?.selfNote ?? '',
		reviewer: r?.reviewerRating ? EXAMPLE_RATING_LABELS[r.reviewerRating] : 'Chưa đánh giá',
		reason: r?.reviewerReason ?? ''
	};
}
