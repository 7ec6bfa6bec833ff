import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { chapterReport } from '../schema';

/** What the secretary wrote into a chapter's summary report for a period (empty when nothing yet). */
export function findChapterReport(db: Db, periodId: number, unitId: number): { number: string; plan: string } {
	const row = db
		.select({ number: chapterReport.number, plan: chapterReport.plan })
		.from(chapterReport)
		.where(and(eq(chapterReport.periodId, periodId), eq(chapterReport.unitId, unitId)))
		.get();
	return row ?? { number: '', plan: '' };
}

/** Stores what the secretary wrote into a chapter's summary report for a period. */
export function saveChapterReportRow(
	db: Db,
	input: { periodId: number; unitId: number; number: string; plan: string; updatedBy: number }
): void {
	db.insert(chapterReport)
		.values(input)
		.onConflictDoUpdate({
			target: [chapterReport.periodId, chapterReport.unitId],
			set: { number: input.number, plan: input.plan, updatedBy: input.updatedBy, updatedAt: new Date() }
		})
		.run();
}
