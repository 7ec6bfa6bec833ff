import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { readableSheet } from '$lib/server/print';
import { personalReport } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const detail = readableSheet(db, unit.id, Number(event.params.sheetId));
	const base = `/chapters/${unit.id}/sheets/${detail.sheet.id}`;
	return { report: personalReport(db, detail), back: base, pdf: `${base}/report.pdf` };
};
