import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { findTemplateVersion } from '$lib/server/db/queries/templates';
import { addTemplateVersion } from '$lib/server/admin/templates';
import { parseTemplateText, serializeTemplate } from '$lib/schemas/template';
import { MAX_TEMPLATE_BYTES, uploadedText } from '$lib/schemas/upload';
import { SHEET_GROUPS, signsForGroup } from '$lib/domain/template';
import { formValues, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const version = findTemplateVersion(getDb(), Number(event.params.id));
	if (!version) error(404, 'Không tìm thấy phiên bản mẫu phiếu.');
	return {
		version: {
			id: version.id,
			key: version.templateKey,
			number: version.version,
			note: version.note,
			createdAt: version.createdAt.getTime()
		},
		content: version.content,
		perGroup: SHEET_GROUPS.map((g) => ({ group: g, count: signsForGroup(version.content, g).length })),
		json: serializeTemplate(version.content)
	};
};

export const actions: Actions = {
	/** Editing never changes this version: the edited JSON becomes the next version of the template. */
	newVersion: async (event) => {
		const admin = requireAdmin(event);
		if (!findTemplateVersion(getDb(), Number(event.params.id))) error(404, 'Không tìm thấy phiên bản mẫu phiếu.');
		const data = await event.request.formData();
		const upload = await uploadedText(data, 'file', 'json', MAX_TEMPLATE_BYTES);
		const parsed = upload.ok ? parseTemplateText(upload.text) : { ok: false as const, errors: [upload.error] };
		if (!parsed.ok)
			return refuse(
				400,
				formValues(data),
				{ form: 'Chưa lưu được. Chưa có gì thay đổi.' },
				{ problems: parsed.errors.slice(0, 50) }
			);
		const created = addTemplateVersion(getDb(), parsed.content, {
			note: String(data.get('note') ?? '').slice(0, 500),
			actorId: admin.id
		});
		redirect(303, `/admin/templates/${created.id}`);
	}
};
