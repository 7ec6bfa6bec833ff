import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { member, membership, sheet, sheetAnswer, unit, user } from '../schema';
import { compareVietnameseNames } from '../../../domain/names';

/** Everything in a unit's subtree ordered by path: the paths are digits and "/", and "~" sorts after both. */
export function inSubtree(path: string) {
	return and(gte(unit.path, path), lt(unit.path, `${path}~`));
}

/** One current member of a unit's subtree with their sheet for the period, as exported. */
export function resultRows(db: Db, unitPath: string, periodId: number) {
	const rows = db
		.select({
			fullName: user.fullName,
			username: user.username,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			targetGroup: member.targetGroup,
			chapterName: unit.name,
			chapterPath: unit.path,
			status: sheet.status,
			score: sheet.score,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			finalRatingReason: sheet.finalRatingReason,
			flagged: sql<string | null>`(select group_concat(${sheetAnswer.code}, ', ') from ${sheetAnswer} where ${sheetAnswer.sheetId} = ${sheet.id} and ${sheetAnswer.level} >= 1)`
		})
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.innerJoin(user, eq(user.id, membership.memberId))
		.innerJoin(member, eq(member.userId, membership.memberId))
		.leftJoin(sheet, and(eq(sheet.memberId, membership.memberId), eq(sheet.periodId, periodId)))
		.where(and(isNull(membership.endedOn), inSubtree(unitPath)))
		.all();
	return rows.sort((a, b) => a.chapterPath.localeCompare(b.chapterPath) || compareVietnameseNames(a.fullName, b.fullName));
}

export type ResultRow = ReturnType<typeof resultRows>[number];
