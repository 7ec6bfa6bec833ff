import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { periodForPrint } from '$lib/server/print';
import { chapterReviewList } from '$lib/server/sheets/review';
import { stillToHandIn } from '$lib/domain/chapter-list';
import { SHEET_STATUS_LABELS } from '$lib/domain/sheet';
import type { PageServerLoad } from './$types';

/** A printable list of who has not started or not handed in, for the chapter's meeting or notice board. */
export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
	const { rows } = chapterReviewList(db, unit, period);
	const { notStarted, notHandedIn } = stillToHandIn(rows.filter((r) => r.current));
	const person = (r: (typeof rows)[number]) => ({ name: r.fullName, status: SHEET_STATUS_LABELS[r.status] });
	return {
		chapterName: unit.name,
		periodName: period.name,
		deadline: period.deadline,
		notStarted: notStarted.map(person),
		notHandedIn: notHandedIn.map(person),
		back: `/chapters/${unit.id}?period=${period.id}`
	};
};
