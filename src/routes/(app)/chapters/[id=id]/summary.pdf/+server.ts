import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { periodForPrint, reportFileName } from '$lib/server/print';
import { chapterSummary } from '$lib/server/reports';
import { renderPdf } from '$lib/server/pdf/pool';
import { pdfResponse } from '$lib/server/export';
import type { RequestHandler } from './$types';

/** The chapter's summary report (báo cáo tổng hợp) for the period as a PDF. */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
	return pdfResponse(
		await renderPdf({ kind: 'summary', report: chapterSummary(db, unit, period) }),
		reportFileName('Báo cáo tổng hợp', unit.name, period.year)
	);
};
