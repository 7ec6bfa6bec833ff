import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { myExampleSheets } from '$lib/server/example-setting/view';
import { rateOwnExample } from '$lib/server/example-setting/self';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { sheets: myExampleSheets(getDb(), user, todayIso()) };
};

export const actions: Actions = {
	rate: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const sheetId = Number(data.get('sheetId'));
		const result = rateOwnExample(
			getDb(),
			user,
			sheetId,
			{ rating: data.get('rating'), note: data.get('note') ?? '' },
			todayIso()
		);
		if (!result.ok && result.status === 404) error(404, result.message);
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result), { sheetId });
		redirect(303, '/example-setting?done=rated');
	}
};
