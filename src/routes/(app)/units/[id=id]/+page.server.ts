import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { canViewUnit } from '$lib/server/auth/access';
import { ancestorsOf, CHAPTER_KINDS } from '$lib/server/db/queries/units';
import { choosePeriod, unitOverview } from '$lib/server/overview';
import { todayIso } from '$lib/domain/dates';
import { taskCountsByChild } from '$lib/server/tasks/view';
import { collectiveSheetState, collectivesBelow } from '$lib/server/sheets/collective';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const today = todayIso();
	const crumbs = ancestorsOf(db, unit).map((u) => ({
		id: u.id,
		name: u.name,
		href: canViewUnit(user, u.id, u.path) ? `/units/${u.id}` : undefined
	}));
	const { period, periods } = choosePeriod(db, unit, event.url.searchParams.get('period'), today);
	return {
		today,
		unit: { id: unit.id, name: unit.name, kind: unit.kind, isChapter: CHAPTER_KINDS.includes(unit.kind) },
		crumbs,
		periods: periods.map((p) => ({ id: p.id, name: p.name })),
		period: period
			? { id: period.id, name: period.name, deadline: period.deadline, open: period.closedAt === null }
			: null,
		overview: period ? unitOverview(db, unit, period) : null,
		// Breakthrough tasks of the period's year (this year when there is no period), beside — not inside — the sheets' counts.
		tasks: taskCountsByChild(db, unit, period?.year ?? Number(today.slice(0, 4))),
		// Collectives examine themselves too: this unit's own (a committee's) and those below, counted apart.
		collective: CHAPTER_KINDS.includes(unit.kind) ? null : collectiveSheetState(db, user, unit, period, today),
		collectives: period ? collectivesBelow(db, user, unit, period) : null
	};
};
