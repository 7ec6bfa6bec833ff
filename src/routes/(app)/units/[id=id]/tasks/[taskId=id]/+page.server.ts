import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { unitTask } from '$lib/server/tasks/view';
import { evaluateTask } from '$lib/server/tasks/evaluate';
import { withdrawTask } from '$lib/server/tasks/withdraw';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
	const found = unitTask(db, user, unit, Number(event.params.taskId), todayIso());
	if (!found) error(404, 'Không tìm thấy nhiệm vụ trong đơn vị này.');
	return { unit: { id: unit.id, name: unit.name }, ...found };
};

export const actions: Actions = {
	evaluate: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
		const today = todayIso();
		const found = unitTask(db, user, unit, Number(event.params.taskId), today);
		if (!found) error(404, 'Không tìm thấy nhiệm vụ trong đơn vị này.');
		const data = await event.request.formData();
		const result = evaluateTask(db, user, found.task.id, Object.fromEntries(data), today);
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
		redirect(303, `/units/${unit.id}/tasks/${found.task.id}?done=evaluated`);
	},
	withdraw: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id));
		const found = unitTask(db, user, unit, Number(event.params.taskId), todayIso());
		if (!found) error(404, 'Không tìm thấy nhiệm vụ trong đơn vị này.');
		const data = await event.request.formData();
		const result = withdrawTask(db, user, found.task.id, { reason: data.get('reason') });
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { withdraw: true });
		redirect(303, `/units/${unit.id}/tasks?year=${found.task.year}&done=withdrawn`);
	}
};
