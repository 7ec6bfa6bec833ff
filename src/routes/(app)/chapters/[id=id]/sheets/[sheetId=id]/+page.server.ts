import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import { approveSheet, chapterSheet, reopenSheet, returnSheet, type ReviewResult } from '$lib/server/sheets/review';
import { reviewPage } from '$lib/server/sheets/view';
import { returnFormToInput } from '$lib/schemas/review';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const page = reviewPage(db, user, { id: unit.id, name: unit.name }, Number(event.params.sheetId), todayIso());
	if (!page) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	return page;
};

/**
 * Every review action: a reader of this chapter (secretary, committee above, administrator), a sheet of this
 * chapter; the use case then decides whether this reader may decide this sheet (separation of duties).
 */
type Event = Parameters<Actions[string]>[0];
type Detail = NonNullable<ReturnType<typeof chapterSheet>>;
type Act = (
	input: FormData,
	detail: Detail,
	db: ReturnType<typeof getDb>,
	user: App.Locals['user'] & object
) => ReviewResult;

async function review(event: Event, { user, unit }: ReturnType<typeof requireUnitViewer>, act: Act, done: string) {
	const db = getDb();
	const detail = chapterSheet(db, unit.id, Number(event.params.sheetId));
	if (!detail) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	const data = await event.request.formData();
	const result = act(data, detail, db, user);
	// Not this person's decision (their own sheet, or read-only here): refused like a guard, whatever the client.
	if (!result.ok && result.status === 403) error(403, result.message);
	// A refusal gives back everything typed (assessment, chosen rating, notes) so nothing has to be typed twice.
	if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
	redirect(303, `/chapters/${unit.id}/sheets/${detail.sheet.id}?done=${done}`);
}

export const actions: Actions = {
	return: (event) =>
		review(
			event,
			requireUnitViewer(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) =>
				returnSheet(db, user, detail, { ...(returnFormToInput(data) as object), revision: data.get('revision') }),
			'returned'
		),
	approve: (event) =>
		review(
			event,
			requireUnitViewer(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) =>
				approveSheet(db, user, detail, {
					assessment: data.get('assessment') ?? '',
					finalRating: data.get('finalRating'),
					reason: data.get('reason') ?? '',
					revision: data.get('revision')
				}),
			'approved'
		),
	reopen: (event) =>
		review(
			event,
			requireUnitViewer(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) =>
				reopenSheet(db, user, detail, { reason: data.get('reopenReason'), revision: data.get('revision') }),
			'reopened'
		)
};
