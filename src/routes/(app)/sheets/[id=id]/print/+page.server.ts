import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { ownSheet } from '$lib/server/sheets/member';
import { personalReport } from '$lib/server/reports';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const detail = ownSheet(db, user, Number(event.params.id));
	if (!detail) error(404, 'Không tìm thấy phiếu.');
	return {
		report: personalReport(db, detail),
		back: `/sheets/${detail.sheet.id}`,
		pdf: `/sheets/${detail.sheet.id}/report.pdf`
	};
};
