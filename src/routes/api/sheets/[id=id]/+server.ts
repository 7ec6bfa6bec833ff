import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/auth/guards';
import { ownSheet, saveSheet } from '$lib/server/sheets/member';
import { sheetQuestions } from '$lib/server/db/queries/sections';
import { todayIso } from '$lib/domain/dates';
import type { RequestHandler } from './$types';

const MAX_BODY_BYTES = 256_000;

/** Autosave: applies the changes typed since the last save, if the sheet is still at the revision the page started from. */
export const POST: RequestHandler = async (event) => {
	const user = requireApiUser(event);
	const body = await event.request.text();
	if (body.length > MAX_BODY_BYTES) return json({ message: 'Dữ liệu gửi lên quá lớn.' }, { status: 413 });
	let payload: unknown;
	try {
		payload = JSON.parse(body);
	} catch {
		return json({ message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' }, { status: 400 });
	}
	const result = saveSheet(getDb(), user, Number(event.params.id), payload, todayIso());
	if (!result.ok) return json({ message: result.message }, { status: result.status });
	// The page scores live itself; the save queue reads only these two.
	return json({ revision: result.revision, savedAt: result.savedAt });
};

/**
 * The revision and status of the member's own sheet and how many gợi ý kiểm điểm it has, so a page opened from the
 * device's copy knows whether it is current.
 */
export const GET: RequestHandler = (event) => {
	const user = requireApiUser(event);
	const db = getDb();
	const found = ownSheet(db, user, Number(event.params.id));
	if (!found) return json({ message: 'Không tìm thấy phiếu.' }, { status: 404 });
	return json({
		revision: found.sheet.revision,
		status: found.sheet.status,
		questions: sheetQuestions(db, found.sheet.id).length
	});
};
