import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { choosePeriod } from '$lib/server/overview';
import { collectiveSheetState, openCollectiveSheet } from '$lib/server/sheets/collective';
import { refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const { period } = choosePeriod(db, unit, event.url.searchParams.get('period'), todayIso());
	return {
		unit: { id: unit.id, name: unit.name },
		period: period ? { name: period.name, open: period.closedAt === null } : null,
		state: collectiveSheetState(db, user, unit, period)
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
	}
};
