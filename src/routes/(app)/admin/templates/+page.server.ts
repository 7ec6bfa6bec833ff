import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { listTemplateVersions } from '$lib/server/db/queries/templates';
import { importTemplate } from '$lib/server/admin/templates';
import { MAX_TEMPLATE_BYTES, uploadedText } from '$lib/schemas/upload';
import { formValues, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** A refused template names its problems in a list; the form-level message heads it. */
const refused = { form: 'Không nhập được mẫu phiếu. Chưa có gì thay đổi.' };

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { versions: listTemplateVersions(getDb()) };
};

export const actions: Actions = {
	import: async (event) => {
		const admin = requireAdmin(event);
		const data = await event.request.formData();
		const upload = await uploadedText(data, 'file', 'json', MAX_TEMPLATE_BYTES);
		const note = String(data.get('note') ?? '').slice(0, 500);
		const result = upload.ok
			? importTemplate(getDb(), upload.text, { note, actorId: admin.id })
			: { ok: false as const, errors: [upload.error] };
		if (!result.ok)
			return refuse(400, formValues(data), refused, {
				problems: result.errors.slice(0, 50),
				more: Math.max(0, result.errors.length - 50)
			});
		return { imported: { key: result.version.templateKey, version: result.version.version } };
	}
};
