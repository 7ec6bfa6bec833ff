import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { signCatalog } from '$lib/server/db/queries/signs';
import { setSignWording } from '$lib/server/admin/signs';
import { signWordingSchema } from '$lib/schemas/sign-wording';
import { fieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return {
		signs: signCatalog(getDb()).map((s) => ({
			id: s.id,
			number: s.number,
			category: s.category,
			text: s.text,
			verified: s.verified
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const parsed = signWordingSchema.safeParse({
			signId: data.get('signId'),
			text: data.get('text'),
			official: data.get('official') === 'on',
			source: data.get('source') ?? ''
		});
		const signId = String(data.get('signId') ?? '');
		if (!parsed.success) return fail(400, { signId, errors: fieldErrors(parsed.error) });
		setSignWording(getDb(), parsed.data, admin.id);
		return { saved: parsed.data.signId };
	}
};
