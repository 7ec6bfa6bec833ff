import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { addMember } from '$lib/server/admin/members';
import { openChapters } from '$lib/server/db/queries/members';
import { newMemberSchema } from '$lib/schemas/admin';
import { parseForm, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { chapters: openChapters(getDb()), chapterId: Number(event.url.searchParams.get('chapter')) || null };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(newMemberSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors);
		const result = await addMember(getDb(), parsed.data, { actorId: admin.id, today: todayIso() });
		if (!result.ok) return refuse(400, parsed.values, refusalErrors(result));
		return {
			created: {
				id: result.id,
				username: parsed.data.username,
				fullName: parsed.data.fullName,
				password: result.password
			}
		};
	}
};
