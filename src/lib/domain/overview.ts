// Figures a secretary or committee reads off the counts of a unit. Pure, so they are tested without a database.
import type { Rating } from './template';

/**
 * Counts for a unit (or a chapter) in one period. `tot`…`yeuKem` count the member's self-rating of each
 * handed-in sheet, `finalTot`…`finalYeuKem` the chi ủy's final rating of each approved one.
 */
export interface UnitCounts {
	members: number;
	draft: number;
	submitted: number;
	returned: number;
	approved: number;
	tot: number;
	kha: number;
	trungBinh: number;
	yeuKem: number;
	finalTot: number;
	finalKha: number;
	finalTrungBinh: number;
	finalYeuKem: number;
}

export const EMPTY_COUNTS: Omit<UnitCounts, 'members'> = {
	draft: 0,
	submitted: 0,
	returned: 0,
	approved: 0,
	tot: 0,
	kha: 0,
	trungBinh: 0,
	yeuKem: 0,
	finalTot: 0,
	finalKha: 0,
	finalTrungBinh: 0,
	finalYeuKem: 0
};

/** Sheets handed in (submitted or approved). */
export function handedIn(c: UnitCounts): number {
	return c.submitted + c.approved;
}

/** Members with no sheet yet. */
export function notStarted(c: UnitCounts): number {
	return Math.max(0, c.members - (c.draft + c.submitted + c.returned + c.approved));
}

/** Share of members who handed in, in whole percent. */
export function completionPercent(c: UnitCounts): number {
	return c.members === 0 ? 0 : Math.round((100 * handedIn(c)) / c.members);
}

/** The members' self-ratings of handed-in sheets, by rating. */
export function ratingCounts(c: UnitCounts): Record<Rating, number> {
	return { tot: c.tot, kha: c.kha, trung_binh: c.trungBinh, yeu_kem: c.yeuKem };
}

/** The chi ủy's final ratings of approved sheets, by rating. */
export function finalRatingCounts(c: UnitCounts): Record<Rating, number> {
	return { tot: c.finalTot, kha: c.finalKha, trung_binh: c.finalTrungBinh, yeu_kem: c.finalYeuKem };
}

/** Members who have not handed in once the deadline has passed. */
export function overdue(c: UnitCounts, deadline: string, today: string): number {
	return deadline < today ? c.members - handedIn(c) : 0;
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What makes a unit stand out and deserve a look, in words: every self-rating "Tốt" in a unit of 10 or more, or nothing handed in with the deadline under 7 days away. */
export function outlierNotes(c: UnitCounts, period: { deadline: string; open: boolean }, today: string): string[] {
	const notes: string[] = [];
	const rated = c.tot + c.kha + c.trungBinh + c.yeuKem;
	if (rated >= 10 && c.tot === rated) notes.push(`Tất cả ${rated} phiếu đã nộp đều tự xếp loại Tốt.`);
	const daysLeft = daysBetween(today, period.deadline);
	if (period.open && c.members > 0 && handedIn(c) === 0 && daysLeft < 7) {
		notes.push(
			daysLeft < 0
				? 'Đã quá hạn mà chưa có phiếu nào được nộp.'
				: `Còn ${daysLeft} ngày đến hạn mà chưa có phiếu nào được nộp.`
		);
	}
	return notes;
}
