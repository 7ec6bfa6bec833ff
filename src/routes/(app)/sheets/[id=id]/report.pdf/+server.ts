import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { ownSheet } from '$lib/server/sheets/member';
import { personalReport } from '$lib/server/reports';
import { renderPdf } from '$lib/server/pdf/pool';
import { pdfResponse } from '$lib/server/export';
import { reportFileName } from '$lib/server/print';
import type { RequestHandler } from './$types';

/** The member's own sheet as a PDF. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const detail = ownSheet(db, user, Number(event.params.id));
	if (!detail) error(404, 'Không tìm thấy phiếu.');
	const report = personalReport(db, detail);
	return pdfResponse(
		await renderPdf({ kind: 'personal', report }),
		reportFileName('Phiếu tự soi, tự sửa', report.memberName, detail.period.year)
	);
};
