import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { listTemplateVersions } from '$lib/server/db/queries/templates';
import { addTemplateVersion } from '$lib/server/admin/templates';
import { parseTemplateText } from '$lib/schemas/template';
import { MAX_TEMPLATE_BYTES, uploadedText } from '$lib/schemas/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { versions: listTemplateVersions(getDb()) };
};

export const actions: Actions = {
	import: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const upload = await uploadedText(data, 'file', 'json', MAX_TEMPLATE_BYTES);
		if (!upload.ok) return fail(400, { errors: [upload.error], more: 0 });
		const parsed = parseTemplateText(upload.text);
		if (!parsed.ok)
			return fail(400, { errors: parsed.errors.slice(0, 50), more: Math.max(0, parsed.errors.length - 50) });
		const note = String(data.get('note') ?? '').slice(0, 500);
		const version = addTemplateVersion(getDb(), parsed.content, { note, actorId: admin.id });
		return { imported: { key: version.templateKey, version: version.version } };
	}
};
