// Whoever decides a leader's sheet rates their example-setting too, with a reason when it differs from theirs.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { loadSheetCore } from '../db/queries/sheets';
import { sheetDecisionRefusal } from '../sheets/decide';
import { findExampleRating, writeReviewerRating } from '../db/queries/example-setting';
import { recordAudit } from '../db/queries/audit';
import { closedPeriodMessage } from '../../domain/period';
import { reasonRequired, reviewReasonRefusal, reviewerRatingRefusal } from '../../domain/example-setting';
import { reviewExampleSchema } from '../../schemas/tasks';
import { invalid, type TaskChange } from '../tasks/result';

/** Why this user may not rate this sheet's example-setting now, or null; undefined when the sheet does not exist. */
export function reviewGate(db: Db, actor: AuthUser, sheetId: number) {
	const core = Number.isSafeInteger(sheetId) ? loadSheetCore(db, sheetId) : undefined;
	if (!core) return undefined;
	const decision = sheetDecisionRefusal(db, actor, core.sheet, core.chapter.path);
	const existing = findExampleRating(db, sheetId);
	const refused = reviewerRatingRefusal(
		decision,
		closedPeriodMessage(core.period),
		core.sheet,
		existing?.selfRating ?? null
	);
	return { core, existing, decision, refused };
}

/**
 * Records the reviewer's rating of a sheet of this chapter (a later one replaces it, the log keeps both); a sheet
 * of another chapter is reported as not found, so the chapter's page rates only its own sheets.
 */
export function rateExample(
	db: Db,
	actor: AuthUser,
	chapterId: number,
	sheetId: number,
	input: unknown
): TaskChange & { periodId?: number } {
	const parsed = reviewExampleSchema.safeParse(input);
	return db.transaction(
		(tx): TaskChange & { periodId?: number } => {
			const gate = reviewGate(tx, actor, sheetId);
			if (!gate || gate.core.sheet.chapterId !== chapterId)
				return { ok: false, status: 404, message: 'Không tìm thấy phiếu trong chi bộ này.' };
			if (gate.refused) return { ok: false, status: gate.decision ? 403 : 409, message: gate.refused };
			if (!parsed.success) return invalid(parsed.error);
			const self = gate.existing!.selfRating;
			const { rating, reason } = parsed.data;
			const missing = reviewReasonRefusal(self, rating, reason, gate.core.sheet.collectiveUnitId != null);
			if (missing) return { ok: false, status: 400, message: missing, field: 'reason' };
			const kept = reasonRequired(self, rating) ? reason : null;
			writeReviewerRating(tx, sheetId, { rating, reason: kept, reviewerId: actor.id });
			recordAudit(tx, {
				actorId: actor.id,
				action: 'example.review',
				unitId: gate.core.sheet.chapterId,
				target: { type: 'sheet', id: sheetId },
				reason: kept,
				detail: { self, reviewer: rating }
			});
			return { ok: true, id: sheetId, periodId: gate.core.sheet.periodId };
		},
		{ behavior: 'immediate' }
	);
}
