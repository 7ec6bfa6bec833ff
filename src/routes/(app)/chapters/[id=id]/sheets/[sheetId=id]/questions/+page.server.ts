import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { chapterSheet } from '$lib/server/sheets/review';
import { askQuestion, questionsPage } from '$lib/server/sheets/questions';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** Gợi ý kiểm điểm for one sheet: what has been asked, and a form to ask more (chi ủy or committee above). */
export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const page = questionsPage(db, unit.id, Number(event.params.sheetId));
	if (!page) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	return {
		chapter: { id: unit.id, name: unit.name },
		sheetId: page.detail.sheet.id,
		memberName: page.detail.person.fullName,
		answersHidden: page.answersHidden,
		questions: page.questions
	};
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
		const detail = chapterSheet(db, unit.id, Number(event.params.sheetId));
		if (!detail) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
		const data = await event.request.formData();
		const result = askQuestion(db, user, detail, data.get('question'));
		// Not this person's to ask (their own sheet, or no role here): refused like a guard, as the review page does.
		if (!result.ok && result.status === 403) error(403, result.message);
		if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
		redirect(303, `/chapters/${unit.id}/sheets/${detail.sheet.id}?done=asked`);
	}
};
