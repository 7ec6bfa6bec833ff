import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireSecretary, requireUnitViewer } from '$lib/server/auth/guards';
import { isSecretaryOf } from '$lib/server/auth/access';
import { approveSheet, chapterSheet, reopenSheet, returnSheet, type ReviewResult } from '$lib/server/sheets/review';
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
	return {
		chapter: { id: unit.id, name: unit.name },
		isSecretary: isSecretaryOf(user, unit.id),
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

/** Every review action: only this chapter's secretary, only a sheet of this chapter. */
type Event = Parameters<Actions[string]>[0];
type Detail = NonNullable<ReturnType<typeof chapterSheet>>;
type Act = (
	input: FormData,
	detail: Detail,
	db: ReturnType<typeof getDb>,
	user: App.Locals['user'] & object
) => ReviewResult;

async function review(event: Event, { user, unit }: ReturnType<typeof requireSecretary>, act: Act, done: string) {
	const db = getDb();
	const detail = chapterSheet(db, unit.id, Number(event.params.sheetId));
	if (!detail) error(404, 'Không tìm thấy phiếu trong chi bộ này.');
	const data = await event.request.formData();
	const result = act(data, detail, db, user);
	// A refusal gives back everything typed (assessment, chosen rating, notes) so nothing has to be typed twice.
	if (!result.ok) return refuse(result.status, formValues(data), refusalErrors(result));
	redirect(303, `/chapters/${unit.id}/sheets/${detail.sheet.id}?done=${done}`);
}

export const actions: Actions = {
	return: (event) =>
		review(
			event,
			requireSecretary(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) => returnSheet(db, user, detail, returnFormToInput(data)),
			'returned'
		),
	approve: (event) =>
		review(
			event,
			requireSecretary(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) =>
				approveSheet(db, user, detail, {
					assessment: data.get('assessment') ?? '',
					finalRating: data.get('finalRating'),
					reason: data.get('reason') ?? ''
				}),
			'approved'
		),
	reopen: (event) =>
		review(
			event,
			requireSecretary(event, getDb(), Number(event.params.id), { hide: true }),
			(data, detail, db, user) => reopenSheet(db, user, detail, { reason: data.get('reopenReason') }),
			'reopened'
		)
};
