import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { chooseYear } from '$lib/server/tasks/view';
import { taskExportResponse } from '$lib/server/tasks/export';
import { todayIso } from '$lib/domain/dates';
import type { RequestHandler } from './$types';

/** The breakthrough tasks of a unit's subtree for `?year=` (this year by default) as XLSX or CSV. */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	return taskExportResponse(db, unit, event.params.format, chooseYear(event.url.searchParams.get('year'), todayIso()));
};
