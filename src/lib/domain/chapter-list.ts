// Filtering and sorting of a chapter's member list. Pure, shared by the page and the export.
import { compareVietnameseNames } from './names';
import { RATINGS, type Rating } from './template';
import { shownSelfRating, type SheetStatusKey } from './sheet';

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
/** The rating a list shows for a row: the chi ủy's, else the member's once handed in (a draft's is provisional and not shown). */
export function shownRating(r: Pick<ListRow, 'status' | 'rating' | 'finalRating'>): Rating | null {
	return r.finalRating ?? shownSelfRating(r.status, r.rating);
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
