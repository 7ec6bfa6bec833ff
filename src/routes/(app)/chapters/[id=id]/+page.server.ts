import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { isSecretaryOf } from '$lib/server/auth/access';
import { CHAPTER_KINDS } from '$lib/server/db/queries/units';
import { chapterOverview, choosePeriod } from '$lib/server/overview';
import { secretarySheetSentence } from '$lib/server/sheets/review';
import { filterAndSort, SORTS, type SortKey } from '$lib/domain/chapter-list';
import { SHEET_STATUS_LABELS, type SheetStatusKey } from '$lib/domain/sheet';
import { todayIso } from '$lib/domain/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	if (!CHAPTER_KINDS.includes(unit.kind)) error(404, 'Đơn vị này không phải là chi bộ.');
	const params = event.url.searchParams;
	const { period, periods } = choosePeriod(db, unit, params.get('period'), todayIso());
	const status = (Object.keys(SHEET_STATUS_LABELS).find((s) => s === params.get('status')) ??
		null) as SheetStatusKey | null;
	const sort = (Object.keys(SORTS).find((s) => s === params.get('sort')) ?? 'name') as SortKey;
	const overview = period ? chapterOverview(db, unit, period) : null;
	return {
		chapter: { id: unit.id, name: unit.name },
		isSecretary: isSecretaryOf(user, unit.id),
		secretarySheet: secretarySheetSentence(db, unit),
		periods: periods.map((p) => ({ id: p.id, name: p.name })),
		period: period
			? { id: period.id, name: period.name, deadline: period.deadline, open: period.closedAt === null }
			: null,
		filter: { status, sort },
		rows: overview ? filterAndSort(overview.rows, status, sort) : [],
		counts: overview?.counts ?? null,
		topSigns: overview?.topSigns ?? []
	};
};
