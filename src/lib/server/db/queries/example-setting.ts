// Example-setting ratings: plain reads and writes. The rules are in domain/example-setting.ts.
import { and, asc, count, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { exampleRating, sheet, unit, user } from '../schema';
import type { ExampleRating } from '../../../domain/example-setting';

export type ExampleRatingRow = typeof exampleRating.$inferSelect;

/** The example-setting rating of a sheet, if given. */
export function findExampleRating(db: Db, sheetId: number): ExampleRatingRow | undefined {
	return db.select().from(exampleRating).where(eq(exampleRating.sheetId, sheetId)).get();
}

/** Writes the member's own rating; a reviewer's rating given before is cleared (it answered another self-rating). */
export function writeSelfRating(db: Db, sheetId: number, input: { rating: ExampleRating; note: string }): void {
	const values = {
		selfRating: input.rating,
		selfNote: input.note,
		reviewerRating: null,
		reviewerReason: null,
		reviewerId: null,
		reviewedAt: null,
		updatedAt: new Date()
	};
	db.insert(exampleRating)
		.values({ sheetId, ...values })
		.onConflictDoUpdate({ target: exampleRating.sheetId, set: values })
		.run();
}

/** Writes the reviewer's rating and reason on a sheet that has a self-rating. */
export function writeReviewerRating(
	db: Db,
	sheetId: number,
	input: { rating: ExampleRating; reason: string | null; reviewerId: number }
): void {
	db.update(exampleRating)
		.set({
			reviewerRating: input.rating,
			reviewerReason: input.reason,
			reviewerId: input.reviewerId,
			reviewedAt: new Date(),
			updatedAt: new Date()
		})
		.where(eq(exampleRating.sheetId, sheetId))
		.run();
}

const chapter = alias(unit, 'chapter');
const reviewer = alias(user, 'reviewer');

/** Every group A sheet of a period in a subtree, with its example-setting ratings beside the sheet's own result. */
export function exampleRowsInSubtree(db: Db, unitPath: string, periodId: number) {
	return db
		.select({
			sheetId: sheet.id,
			memberId: sheet.memberId,
			fullName: user.fullName,
			chapterId: sheet.chapterId,
			chapterName: chapter.name,
			chapterPath: chapter.path,
			status: sheet.status,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			self: exampleRating.selfRating,
			selfNote: exampleRating.selfNote,
			reviewer: exampleRating.reviewerRating,
			reviewerReason: exampleRating.reviewerReason,
			reviewerName: reviewer.fullName
		})
		.from(sheet)
		.innerJoin(user, eq(user.id, sheet.memberId))
		.innerJoin(chapter, eq(chapter.id, sheet.chapterId))
		.leftJoin(exampleRating, eq(exampleRating.sheetId, sheet.id))
		.leftJoin(reviewer, eq(reviewer.id, exampleRating.reviewerId))
		.where(
			and(
				eq(sheet.periodId, periodId),
				eq(sheet.targetGroup, 'A'),
				gte(chapter.path, unitPath),
				lt(chapter.path, `${unitPath}~`)
			)
		)
		.orderBy(asc(chapter.path), asc(user.fullName))
		.all();
}

/** Group A sheets of a period in a subtree, counted by their example-setting ratings and their own result (one row per combination). */
export function exampleCountsInSubtree(db: Db, unitPath: string, periodId: number) {
	return db
		.select({
			self: exampleRating.selfRating,
			reviewer: exampleRating.reviewerRating,
			status: sheet.status,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			n: count()
		})
		.from(sheet)
		.innerJoin(chapter, eq(chapter.id, sheet.chapterId))
		.leftJoin(exampleRating, eq(exampleRating.sheetId, sheet.id))
		.where(
			and(
				eq(sheet.periodId, periodId),
				eq(sheet.targetGroup, 'A'),
				gte(chapter.path, unitPath),
				lt(chapter.path, `${unitPath}~`)
			)
		)
		.groupBy(exampleRating.selfRating, exampleRating.reviewerRating, sheet.status, sheet.rating, sheet.finalRating)
		.all();
}
