import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { personalReport } from '$lib/server/reports';
import { renderPdf } from '$lib/server/pdf/pool';
import { pdfResponse } from '$lib/server/export';
import { readableSheet, reportFileName } from '$lib/server/print';
import type { RequestHandler } from './$types';

/** One sheet of the chapter as a PDF, for its secretary or a committee above it. */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const detail = readableSheet(db, unit.id, Number(event.params.sheetId));
	const report = personalReport(db, detail);
	return pdfResponse(
		await renderPdf({ kind: 'personal', report }),
		reportFileName('Phiếu tự soi, tự sửa', report.memberName, detail.period.year)
	);
};
