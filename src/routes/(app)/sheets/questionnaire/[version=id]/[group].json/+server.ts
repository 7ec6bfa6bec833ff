import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/auth/guards';
import { questionnaireDigest, versionQuestionnaire } from '$lib/server/sheets/view';
import { SHEET_GROUPS, type SheetGroup } from '$lib/domain/template';
import type { RequestHandler } from './$types';

/**
 * The questionnaire of one template version for one group (the same for every member of the group, nothing
 * personal in it). Its address carries a digest of its content (`?h=`), so when it matches the browser and the
 * service worker may keep the answer for good; an old digest gets today's content, not kept.
 */
export const GET: RequestHandler = (event) => {
	requireApiUser(event);
	// A member's group (A/B/C) or a collective's (CB/CU).
	const group = event.params.group as SheetGroup;
	if (!SHEET_GROUPS.includes(group)) error(404, 'Không tìm thấy bộ câu hỏi.');
	const found = versionQuestionnaire(getDb(), Number(event.params.version), group);
	if (!found) error(404, 'Không tìm thấy bộ câu hỏi.');
	const current = event.url.searchParams.get('h') === questionnaireDigest(found);
	return json(found, {
		headers: { 'cache-control': current ? 'private, max-age=31536000, immutable' : 'private, no-cache' }
	});
};
