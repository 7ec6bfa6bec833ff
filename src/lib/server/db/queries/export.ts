import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { exampleRating, member, membership, sheet, sheetAnswer, unit, user } from '../schema';
import { compareVietnameseNames } from '../../../domain/names';
import { inSubtree } from './units';

const person = {
	fullName: user.fullName,
	username: user.username,
	dateOfBirth: member.dateOfBirth,
	position: member.position,
	targetGroup: member.targetGroup,
	chapterName: unit.name,
	chapterPath: unit.path
};

/**
 * Everyone in a unit's subtree for a period, as exported: each sheet made in one of its chapters (a sheet
 * stays with the chapter where it was made, as the counts do), and each current member without a sheet.
 */
export function resultRows(db: Db, unitPath: string, periodId: number) {
	const withSheet = db
		.select({
			...person,
			memberId: sheet.memberId,
			status: sheet.status,
			score: sheet.score,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			finalRatingReason: sheet.finalRatingReason,
			// Example-setting (group A): apart from the self-examination result, never mixed with it.
			exampleSelf: exampleRating.selfRating,
			exampleReviewer: exampleRating.reviewerRating,
			flagged: sql<
				string | null
			>`(select group_concat(${sheetAnswer.code}, ', ') from ${sheetAnswer} where ${sheetAnswer.sheetId} = ${sheet.id} and ${sheetAnswer.level} >= 1)`
		})
		.from(sheet)
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.innerJoin(user, eq(user.id, sheet.memberId))
		.innerJoin(member, eq(member.userId, sheet.memberId))
		.leftJoin(exampleRating, eq(exampleRating.sheetId, sheet.id))
		.where(and(eq(sheet.periodId, periodId), inSubtree(unitPath)))
		.all();
	const withoutSheet = db
		.select({ ...person, memberId: membership.memberId })
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.innerJoin(user, eq(user.id, membership.memberId))
		.innerJoin(member, eq(member.userId, membership.memberId))
		.leftJoin(sheet, and(eq(sheet.memberId, membership.memberId), eq(sheet.periodId, periodId)))
		.where(and(isNull(membership.endedOn), inSubtree(unitPath), isNull(sheet.id)))
		.all()
		.map((r) => ({
			...r,
			status: null,
			score: null,
			rating: null,
			finalRating: null,
			finalRatingReason: null,
			exampleSelf: null,
			exampleReviewer: null,
			flagged: null
		}));
	return [...withSheet, ...withoutSheet].sort(
		(a, b) => a.chapterPath.localeCompare(b.chapterPath) || compareVietnameseNames(a.fullName, b.fullName)
	);
}

export type ResultRow = ReturnType<typeof resultRows>[number];
