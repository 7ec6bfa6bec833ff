import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { choosePeriod } from '$lib/server/overview';
import { unitExample } from '$lib/server/example-setting/view';
import { rateExample } from '$lib/server/example-setting/review';
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
		const result = rateExample(db, user, unit.id, sheetId, {
			rating: data.get('rating'),
			reason: data.get('reason') ?? ''
		});
		if (!result.ok && (result.status === 403 || result.status === 404)) error(result.status, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { sheetId });
		redirect(303, `/units/${unit.id}/example-setting?period=${result.periodId}&done=reviewed#sheet-${sheetId}`);
	}
};
