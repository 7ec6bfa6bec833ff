import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUnitViewer } from '$lib/server/auth/guards';
import {
	approveSheet,
	chapterSheet,
	reopenSheet,
	returnSheet,
	reviewRights,
	type ReviewResult
} from '$lib/server/sheets/review';
import { sheetView } from '$lib/server/sheets/view';
import { sheetHistory } from '$lib/server/db/queries/audit';
import { returnFormToInput } from '$lib/schemas/review';
import { formValues, refusalErrors, refuse } from '$lib/schemas/form';
import { describeSheetEvent } from '$lib/domain/audit';
import { scoreSheet } from '$lib/domain/scoring';
import { levelsOf } from '$lib/domain/sheet';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const db = getDb();
	const { user, unit } = requireUnitViewer(event, db, Number(event.params.id), { hide: true });
	const detail = chapterSheet(db, unit.id, Number(event.params.sheetId));
	if (!detail) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	const rights = reviewRights(db, user, detail);
	return {
		chapter: { id: unit.id, name: unit.name },
		// Whether this user decides this very sheet: nobody decides their own, a secretary's goes to someone else.
		isSecretary: rights.canDecide,
		secretarySheet: rights.secretarySheet,
		person: detail.person,
		sheet: sheetView(db, detail, todayIso()),
		score: scoreSheet(detail.content, detail.sheet.targetGroup, levelsOf(detail.answers)),
		finalRatingReason: detail.sheet.finalRatingReason,
		allNotes: detail.notes.map((n) => ({
			...n,
			createdAt: n.createdAt.getTime(),
			resolvedAt: n.resolvedAt?.getTime() ?? null
		})),
		history: sheetHistory(db, detail.sheet.id).map((h) => ({
			id: h.id,
			at: h.at.getTime(),
			actorName: h.actorName ?? '',
			text: describeSheetEvent(h.action, h.detail),
			reason: h.reason
		}))
	};
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
