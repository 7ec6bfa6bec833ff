import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { choosePeriod } from '$lib/server/overview';
import { collectiveSheetState, openCollectiveSheet } from '$lib/server/sheets/collective';
import { rateOwnExample } from '$lib/server/example-setting/self';
import { rateExample } from '$lib/server/example-setting/review';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const { period } = choosePeriod(db, unit, event.url.searchParams.get('period'), todayIso());
	return {
		unit: { id: unit.id, name: unit.name },
		period: period ? { name: period.name } : null,
		state: collectiveSheetState(db, user, unit, period, todayIso()),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	/** Opens the collective's sheet of the open period (made on first use) and goes to it. */
	open: (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
		const result = openCollectiveSheet(db, user, unit, todayIso());
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, {}, { form: result.message });
		redirect(303, `/sheets/${result.detail.sheet.id}`);
	},
	/** The collective's own example-setting rating, given by whoever fills its sheet. */
	exampleSelf: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
		const data = await event.request.formData();
		const input = { rating: data.get('rating'), note: data.get('note') ?? '' };
		const result = rateOwnExample(db, user, Number(data.get('sheetId')), input, todayIso(), unit.id);
		if (!result.ok && (result.status === 403 || result.status === 404)) error(result.status, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { part: 'self' });
		redirect(303, `/units/${unit.id}/collective?done=example#example`);
	},
	/** The committee above's rating of the collective's example-setting, with a reason when it differs. */
	exampleReview: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
		const data = await event.request.formData();
		const input = { rating: data.get('rating'), reason: data.get('reason') ?? '' };
		const result = rateExample(db, user, unit.id, Number(data.get('sheetId')), input);
		if (!result.ok && (result.status === 403 || result.status === 404)) error(result.status, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { part: 'review' });
		redirect(303, `/units/${unit.id}/collective?done=example#example`);
	}
};
