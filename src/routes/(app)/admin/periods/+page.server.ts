import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { allUnits } from '$lib/server/db/queries/units';
import { openPeriod } from '$lib/server/admin/periods';
import { listPeriods, templateVersionChoices } from '$lib/server/db/queries/periods';
import { newPeriodSchema } from '$lib/schemas/admin';
import { parseForm, refusalErrors, refuse } from '$lib/schemas/form';
import { addDays, todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const today = todayIso();
	return {
		periods: listPeriods(db),
		units: allUnits(db)
			.filter((u) => !u.closedAt)
			.map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
		versions: templateVersionChoices(db),
		defaults: { year: Number(today.slice(0, 4)), opensOn: today, deadline: addDays(today, 30) }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(newPeriodSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors);
		const result = openPeriod(getDb(), parsed.data, admin.id);
		if (!result.ok) return refuse(400, parsed.values, refusalErrors(result));
		redirect(303, `/admin/periods/${result.id}`);
	}
};
