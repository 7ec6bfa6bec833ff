import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { myTasks } from '$lib/server/tasks/view';
import { reportProgress } from '$lib/server/tasks/report';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { tasks: myTasks(getDb(), user) };
};

export const actions: Actions = {
	report: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const taskId = Number(data.get('taskId'));
		const result = reportProgress(getDb(), user, taskId, { text: data.get('text') });
		if (!result.ok && result.status === 404) error(404, result.message);
		// The refusal names the task, so the right form refills.
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { taskId });
		redirect(303, `/tasks?done=reported#task-${result.id}`);
	}
};
