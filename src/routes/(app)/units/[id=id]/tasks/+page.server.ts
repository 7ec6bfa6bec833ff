import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { chooseYear, unitTasks } from '$lib/server/tasks/view';
import { assignTask } from '$lib/server/tasks/assign';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const today = todayIso();
	const year = chooseYear(event.url.searchParams.get('year'), today);
	return { today, unit: { id: unit.id, name: unit.name }, ...unitTasks(db, user, unit, year, today) };
};

export const actions: Actions = {
	assign: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
		const data = await event.request.formData();
		const result = assignTask(db, user, unit, Object.fromEntries(data), todayIso());
		// Not a committee over this unit: refused like a guard, whatever the client sent.
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
		redirect(303, `/units/${unit.id}/tasks/${result.id}?done=assigned`);
	}
};
