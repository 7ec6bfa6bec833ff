import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { chapterSheet, reviewedSheet } from '$lib/server/sheets/review';
import { askQuestion } from '$lib/server/sheets/questions';
import { sheetQuestions } from '$lib/server/db/queries/sections';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** Gợi ý kiểm điểm for one sheet: what has been asked, and a form to ask more (chi ủy or committee above). */
export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const reviewed = reviewedSheet(db, unit.id, Number(event.params.sheetId));
	if (!reviewed) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	const { detail, readable } = reviewed;
	return {
		chapter: { id: unit.id, name: unit.name },
		sheetId: detail.sheet.id,
		memberName: detail.person.fullName,
		// What the member answers stays theirs until the hand-in, by the same rule as the rest of the sheet.
		answersHidden: !readable,
		questions: sheetQuestions(db, detail.sheet.id).map((q) => ({
			...q,
			answer: readable ? q.answer : '',
			createdAt: q.createdAt.getTime()
		}))
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
