import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { exportResponse } from '$lib/server/export-response';
import type { RequestHandler } from './$types';

/** The results of a unit's whole subtree as XLSX or CSV. */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	return exportResponse(db, unit, event.params.format, event.url.searchParams.get('period'));
};
