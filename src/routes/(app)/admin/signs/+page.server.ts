import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { signCatalog } from '$lib/server/db/queries/signs';
import { setSignWording } from '$lib/server/admin/signs';
import { signWordingSchema } from '$lib/schemas/sign-wording';
import { parseForm, refuse } from '$lib/schemas/form';
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
		const parsed = parseForm(signWordingSchema, await event.request.formData(), (data) => ({
			signId: data.get('signId'),
			text: data.get('text'),
			official: data.get('official') === 'on',
			source: data.get('source') ?? ''
		}));
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { signId: parsed.values.signId ?? '' });
		setSignWording(getDb(), parsed.data, admin.id);
		return { saved: parsed.data.signId };
	}
};
