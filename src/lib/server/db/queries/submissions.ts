import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { actionProgress, sheet, sheetSubmission } from '../schema';
import { sheetAnswers } from './sheets';
import { sheetQuestions, sheetSections } from './sections';
import { readSubmission, type SubmissionContent } from '../../../domain/submission';

/** Keeps what a sheet contains now as one hand-in (call it inside the hand-in's transaction, after its writes). */
export function recordSubmission(db: Db, sheetId: number, at: Date): void {
	const row = db.select().from(sheet).where(eq(sheet.id, sheetId)).get();
	if (!row) return;
	const answers = sheetAnswers(db, sheetId);
	const progress = Object.fromEntries(
		db
			.select({ code: actionProgress.code, status: actionProgress.status, note: actionProgress.note })
			.from(actionProgress)
			.where(eq(actionProgress.sheetId, sheetId))
			.all()
			.map((p) => [p.code, { status: p.status, note: p.note }])
	);
	const content: SubmissionContent = {
		answers,
		texts: { strengths: row.strengths, shortcomings: row.shortcomings, commitment: row.commitment },
		progress,
		score: row.score,
		rating: row.rating,
		sections: sheetSections(db, sheetId),
		questions: sheetQuestions(db, sheetId).map((q) => ({ id: q.id, text: q.text, answer: q.answer }))
	};
	db.insert(sheetSubmission).values({ sheetId, submittedAt: at, content }).run();
}

/** A sheet's hand-ins, newest first (the last `limit` of them). */
export function submissionsOf(db: Db, sheetId: number, limit = 2) {
	return db
		.select()
		.from(sheetSubmission)
		.where(eq(sheetSubmission.sheetId, sheetId))
		.orderBy(desc(sheetSubmission.id))
		.limit(limit)
		.all()
		.map((s) => ({ id: s.id, submittedAt: s.submittedAt, content: readSubmission(s.content) }));
}

/** How many times a sheet has been handed in. */
export function submissionCount(db: Db, sheetId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(sheetSubmission)
		.where(eq(sheetSubmission.sheetId, sheetId))
		.get()!.n;
}
