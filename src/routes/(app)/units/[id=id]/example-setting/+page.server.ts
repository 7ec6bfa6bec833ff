import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { choosePeriod } from '$lib/server/overview';
import { unitExample } from '$lib/server/example-setting/view';
import { rateExample } from '$lib/server/example-setting/review';
import { loadSheetCore } from '$lib/server/db/queries/sheets';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const { period, periods } = choosePeriod(db, unit, event.url.searchParams.get('period'), todayIso());
	return {
		unit: { id: unit.id, name: unit.name },
		periods: periods.map((p) => ({ id: p.id, name: p.name })),
		period: period ? { id: period.id, name: period.name } : null,
		example: period ? unitExample(db, user, unit, period) : null
	};
};

export const actions: Actions = {
	review: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
		const data = await event.request.formData();
		const sheetId = Number(data.get('sheetId'));
		// Only a sheet of this chapter is rated from this chapter's page.
		const core = Number.isSafeInteger(sheetId) ? loadSheetCore(db, sheetId) : undefined;
		if (!core || core.sheet.chapterId !== unit.id) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
		const result = rateExample(db, user, sheetId, { rating: data.get('rating'), reason: data.get('reason') ?? '' });
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { sheetId });
		redirect(303, `/units/${unit.id}/example-setting?period=${core.sheet.periodId}&done=reviewed#sheet-${sheetId}`);
	}
};
