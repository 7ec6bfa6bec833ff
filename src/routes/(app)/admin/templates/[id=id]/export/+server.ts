import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { findTemplateVersion } from '$lib/server/db/queries/templates';
import { serializeTemplate } from '$lib/schemas/template';
import type { RequestHandler } from './$types';

/** Downloads one template version as the JSON file that import accepts. */
export const GET: RequestHandler = (event) => {
	requireAdmin(event);
	const version = findTemplateVersion(getDb(), Number(event.params.id));
	if (!version) error(404, 'Không tìm thấy phiên bản mẫu phiếu.');
	return new Response(serializeTemplate(version.content), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${version.templateKey}-v${version.version}.json"`
		}
	});
};
