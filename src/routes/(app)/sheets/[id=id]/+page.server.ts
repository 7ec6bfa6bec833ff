import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { ownSheet, saveSheet } from '$lib/server/sheets/member';
import { memberSheetView } from '$lib/server/sheets/view';
import { formToChanges } from '$lib/schemas/sheet';
import { formValues, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const detail = ownSheet(db, user, Number(event.params.id));
	if (!detail) error(404, 'Không tìm thấy phiếu.');
	return {
		// A whole page carries its questionnaire (it renders without JavaScript); the data alone leaves it to +page.ts.
		sheet: memberSheetView(db, detail, todayIso(), !event.isDataRequest),
		submitted: event.url.searchParams.has('submitted')
	};
};

/** Both actions take the whole form, so the sheet works with a plain POST when JavaScript is off. */
async function handle(event: Parameters<Actions[string]>[0], user: App.Locals['user'] & object, submit: boolean) {
	const id = Number(event.params.id);
	const data = await event.request.formData();
	const result = saveSheet(getDb(), user, id, formToChanges(data), todayIso(), { submit });
	if (!result.ok) {
		if (result.status === 404) error(404, result.message);
		// Each problem names its sign; the page puts it by that sign (problems), the message heads the form.
		return refuse(
			result.status,
			formValues(data),
			{ form: result.message },
			{ problems: result.problems ?? [], revision: result.revision ?? null }
		);
	}
	if (submit) redirect(303, `/sheets/${id}?submitted=1`);
	return { saved: true, savedAt: result.savedAt, revision: result.revision };
}

export const actions: Actions = {
	save: (event) => handle(event, requireUser(event), false),
	submit: (event) => handle(event, requireUser(event), true)
};
