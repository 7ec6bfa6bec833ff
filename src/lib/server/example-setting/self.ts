// A leader rates their own example-setting on their sheet while the sheet can still be changed.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { loadSheetCore } from '../db/queries/sheets';
import { findExampleRating, writeSelfRating } from '../db/queries/example-setting';
import { recordAudit } from '../db/queries/audit';
import { editRefusal } from '../sheets/member';
import { selfRatingRefusal } from '../../domain/example-setting';
import { writesSheet } from '../../domain/collective';
import { selfExampleSchema } from '../../schemas/tasks';
import { invalid, type TaskChange } from '../tasks/result';

const notFound = { ok: false, status: 404, message: 'Không tìm thấy phiếu.' } as const;

/** Writes the member's own rating; changing it clears a reviewer's rating of the earlier one (kept in the log). */
export function rateOwnExample(
	db: Db,
	actor: AuthUser,
	sheetId: number,
	input: unknown,
	today: string,
	/** Rated from this unit's collective page: the sheet must be that collective's. */
	collectiveOf?: number
): TaskChange {
	const parsed = selfExampleSchema.safeParse(input);
	return db.transaction(
		(tx): TaskChange => {
			const core = Number.isSafeInteger(sheetId) ? loadSheetCore(tx, sheetId) : undefined;
			// Someone else's sheet is "not found", as everywhere a sheet id is typed.
			if (!core || !writesSheet(actor, core.sheet)) return notFound;
			if (collectiveOf !== undefined && core.sheet.collectiveUnitId !== collectiveOf) return notFound;
			const lock = editRefusal(core, today)?.message ?? null;
			const refused = selfRatingRefusal(actor, core.sheet, lock);
			if (refused) return { ok: false, status: lock === refused ? 409 : 403, message: refused };
			if (!parsed.success) return invalid(parsed.error);
			const before = findExampleRating(tx, sheetId);
			writeSelfRating(tx, sheetId, { rating: parsed.data.rating, note: parsed.data.note });
			recordAudit(tx, {
				actorId: actor.id,
				action: 'example.self_rate',
				unitId: core.sheet.chapterId,
				target: { type: 'sheet', id: sheetId },
				detail: {
					from: before?.selfRating ?? null,
					to: parsed.data.rating,
					clearedReviewer: before?.reviewerRating ?? null
				}
			});
			return { ok: true, id: sheetId };
		},
		{ behavior: 'immediate' }
	);
}
