// Filtering and sorting of a chapter's member list. Pure, shared by the page and the export.
import { compareVietnameseNames } from './names';
import { RATINGS, type Rating } from './template';
import { isHandedIn, type SheetStatusKey } from './sheet';

export interface ListRow {
	fullName: string;
	status: SheetStatusKey;
	rating: Rating | null;
	finalRating: Rating | null;
	lastActivity: number | null;
}

export const SORTS = {
	name: 'Họ tên',
	status: 'Trạng thái',
	rating: 'Xếp loại',
	activity: 'Hoạt động gần nhất'
} as const;
export type SortKey = keyof typeof SORTS;

const STATUS_ORDER: SheetStatusKey[] = ['not_started', 'draft', 'returned', 'submitted', 'approved'];
/** The rating a list sorts a row by: the chi ủy's, else the member's once handed in (a draft's is the member's own and not shown). */
export function shownRating(r: Pick<ListRow, 'status' | 'rating' | 'finalRating'>): Rating | null {
	return r.finalRating ?? handedInRating(r);
}
const ratingRank = (r: Rating | null) => (r === null ? RATINGS.length : RATINGS.indexOf(r));

/** The rows with the given status (or all), in the given order; names break ties in Vietnamese order. */
export function filterAndSort<T extends ListRow>(rows: T[], status: SheetStatusKey | null, sort: SortKey): T[] {
	const kept = status ? rows.filter((r) => r.status === status) : [...rows];
	const byName = (a: T, b: T) => compareVietnameseNames(a.fullName, b.fullName);
	const compare: Record<SortKey, (a: T, b: T) => number> = {
		name: byName,
		status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a, b),
		rating: (a, b) => ratingRank(shownRating(a)) - ratingRank(shownRating(b)) || byName(a, b),
		activity: (a, b) => (b.lastActivity ?? 0) - (a.lastActivity ?? 0) || byName(a, b)
	};
	return kept.sort(compare[sort]);
}

/** The member's own rating once the sheet is handed in (submitted or approved); a draft's or a returned sheet's is not shown. */
export function handedInRating(r: Pick<ListRow, 'status' | 'rating'>): Rating | null {
	return isHandedIn(r.status) ? r.rating : null;
}

/**
 * The two ratings a chapter counts, side by side and never one under the other's name: the self-rating of
 * every handed-in sheet (computed from its answers), and the chi ủy's final rating of every approved one.
 */
export function ratingTallies(rows: Pick<ListRow, 'status' | 'rating' | 'finalRating'>[]): {
	self: Record<Rating, number>;
	final: Record<Rating, number>;
} {
	const empty = () => Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
	const self = empty();
	const final = empty();
	for (const r of rows) {
		const own = handedInRating(r);
		if (own) self[own] += 1;
		if (r.status === 'approved' && r.finalRating) final[r.finalRating] += 1;
	}
	return { self, final };
}

/** The sheets before and after one in the list's order, among those the reader may open; with its place in that list. */
export function neighbours<T extends { sheetId: number | null }>(
	readable: T[],
	sheetId: number
): { prev: T | null; next: T | null; index: number; total: number } {
	const index = readable.findIndex((r) => r.sheetId === sheetId);
	return {
		prev: index > 0 ? readable[index - 1] : null,
		next: index >= 0 && index < readable.length - 1 ? readable[index + 1] : null,
		index,
		total: readable.length
	};
}

/** Who still has to hand in: those who have not started, and those writing or returned, each in list order. */
export function stillToHandIn<T extends Pick<ListRow, 'status'>>(rows: T[]): { notStarted: T[]; notHandedIn: T[] } {
	return {
		notStarted: rows.filter((r) => r.status === 'not_started'),
		notHandedIn: rows.filter((r) => r.status === 'draft' || r.status === 'returned')
	};
}

/** A reminder for the chapter's chat group, as plain text: the deadline and who has not started or not handed in. */
export function reminderText(input: {
	chapterName: string;
	periodName: string;
	deadline: string;
	rows: (Pick<ListRow, 'status' | 'fullName'> & { current?: boolean })[];
}): string {
	const { notStarted, notHandedIn } = stillToHandIn(input.rows.filter((r) => r.current !== false));
	const [y, m, d] = input.deadline.split('-');
	const lines = [
		`${input.chapterName} — ${input.periodName}`,
		`Đề nghị các đồng chí có tên dưới đây hoàn thành và nộp phiếu tự soi, tự sửa trước ngày ${d}/${m}/${y}.`
	];
	const list = (title: string, people: { fullName: string }[]) =>
		people.length === 0 ? [] : ['', `${title} (${people.length}):`, ...people.map((p, i) => `${i + 1}. ${p.fullName}`)];
	lines.push(...list('Chưa làm phiếu', notStarted), ...list('Đang làm hoặc được trả lại, chưa nộp', notHandedIn));
	if (notStarted.length + notHandedIn.length === 0) lines.push('', 'Tất cả đảng viên đã nộp phiếu.');
	return lines.join('\n');
}
