import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { addMember } from '$lib/server/admin/members';
import { openChapters } from '$lib/server/db/queries/members';
import { newMemberSchema } from '$lib/schemas/admin';
import { fieldErrors } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { chapters: openChapters(getDb()), chapterId: Number(event.url.searchParams.get('chapter')) || null };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const values = Object.fromEntries(await event.request.formData());
		const shown = Object.fromEntries(
			Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : ''])
		);
		const parsed = newMemberSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values: shown, errors: fieldErrors(parsed.error) });
		const result = await addMember(getDb(), parsed.data, { actorId: admin.id, today: todayIso() });
		if (!result.ok)
			return fail(400, { values: shown, errors: { [result.field]: result.message } as Record<string, string> });
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
