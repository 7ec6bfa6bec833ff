import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { bundleReports, periodForPrint, reportFileName } from '$lib/server/print';
import { renderPdf } from '$lib/server/pdf/pool';
import { pdfResponse } from '$lib/server/export';
import type { RequestHandler } from './$types';

/** Every sheet of the chapter for the period in one PDF, each on its own pages. */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
	return pdfResponse(
		await renderPdf({ kind: 'bundle', reports: bundleReports(db, unit, period.id) }),
		reportFileName('Phiếu tự soi, tự sửa', unit.name, period.year)
	);
};
