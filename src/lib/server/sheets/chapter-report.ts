import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { PeriodRow } from '../db/queries/periods';
import { saveChapterReportRow } from '../db/queries/chapter-report';
import { recordAudit } from '../db/queries/audit';
import { chapterReportSchema } from '../../schemas/review';
import type { Refusal } from './member';

/** Saves the number and the plan the secretary writes into the chapter's summary report; audited. */
export function saveChapterReport(
	db: Db,
	actor: AuthUser,
	chapter: { id: number },
	period: PeriodRow,
	input: unknown
): { ok: true } | (Refusal & { field?: string }) {
	const parsed = chapterReportSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { ok: false, status: 400, message: issue.message, field: String(issue.path[0] ?? 'form') };
	}
	db.transaction((tx) => {
		saveChapterReportRow(tx, { periodId: period.id, unitId: chapter.id, ...parsed.data, updatedBy: actor.id });
		recordAudit(tx, {
			actorId: actor.id,
			action: 'chapter.report.save',
			unitId: chapter.id,
			target: { type: 'period', id: period.id },
			detail: { number: parsed.data.number }
		});
	});
	return { ok: true };
}
