import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { periodForPrint, reportFileName } from '$lib/server/print';
import { chapterBundle } from '$lib/server/reports';
import { renderPdf } from '$lib/server/pdf/pool';
import { pdfResponse } from '$lib/server/export';
import type { RequestHandler } from './$types';

/** The chapter's handed-in sheets for the period in one PDF after a cover, each numbered on its own pages. */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id));
	const period = periodForPrint(db, unit, event.url.searchParams.get('period'));
	return pdfResponse(
		await renderPdf({ kind: 'bundle', ...chapterBundle(db, unit, period) }),
		reportFileName('Phiếu tự soi, tự sửa', unit.name, period.year)
	);
};
