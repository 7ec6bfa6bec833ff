import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { member, membership, sheet, unitSignStats, unitStats, user } from '../schema';
import { compareVietnameseNames } from '../../../domain/names';
import type { SheetStatusKey } from '../../../domain/sheet';
import type { Rating, TargetGroup } from '../../../domain/template';

/** One member of a chapter with their sheet for the period, if any. */
export interface ChapterRow {
	memberId: number;
	fullName: string;
	username: string;
	position: string;
	targetGroup: TargetGroup;
	sheetId: number | null;
	status: SheetStatusKey;
	score: number | null;
	rating: Rating | null;
	finalRating: Rating | null;
	/** Signs answered so far (a draft's progress). */
	answeredCount: number;
	lastActivity: number | null;
	/** False for someone whose sheet stays with this chapter after they moved on. */
	current: boolean;
}

/** Everyone in a chapter for a period: its current members, and those who made their sheet here before moving. */
export function chapterRows(db: Db, chapterId: number, periodId: number): ChapterRow[] {
	const people = db
		.select({
			memberId: user.id,
			fullName: user.fullName,
			username: user.username,
			position: member.position,
			targetGroup: member.targetGroup
		})
		.from(membership)
		.innerJoin(member, eq(member.userId, membership.memberId))
		.innerJoin(user, eq(user.id, membership.memberId))
		.where(and(eq(membership.unitId, chapterId), isNull(membership.endedOn)))
		.all();
	const sheets = db
		.select({
			id: sheet.id,
			memberId: sheet.memberId,
			status: sheet.status,
			score: sheet.score,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			answeredCount: sheet.answeredCount,
			updatedAt: sheet.updatedAt,
			fullName: user.fullName,
			username: user.username,
			position: member.position,
			targetGroup: sheet.targetGroup
		})
		.from(sheet)
		.innerJoin(user, eq(user.id, sheet.memberId))
		.innerJoin(member, eq(member.userId, sheet.memberId))
		// A member's sheets only: the collective's own sheet is counted apart from the members (collectives.ts).
		.where(and(eq(sheet.periodId, periodId), eq(sheet.chapterId, chapterId), isNotNull(sheet.memberId)))
		.all()
		.map((s) => ({ ...s, memberId: s.memberId!, targetGroup: s.targetGroup as TargetGroup }));
	const bySheetMember = new Map(sheets.map((s) => [s.memberId, s]));
	const rows: ChapterRow[] = people.map((p) => {
		const s = bySheetMember.get(p.memberId);
		bySheetMember.delete(p.memberId);
		return {
			...p,
			sheetId: s?.id ?? null,
			status: s?.status ?? 'not_started',
			score: s?.score ?? null,
			rating: s?.rating ?? null,
			finalRating: s?.finalRating ?? null,
			answeredCount: s?.answeredCount ?? 0,
			lastActivity: s?.updatedAt.getTime() ?? null,
			current: true
		};
	});
	for (const s of bySheetMember.values()) {
		rows.push({
			memberId: s.memberId,
			fullName: s.fullName,
			username: s.username,
			position: s.position,
			targetGroup: s.targetGroup,
			sheetId: s.id,
			status: s.status,
			score: s.score,
			rating: s.rating,
			finalRating: s.finalRating,
			answeredCount: s.answeredCount,
			lastActivity: s.updatedAt.getTime(),
			current: false
		});
	}
	return rows.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

export type UnitStatsRow = typeof unitStats.$inferSelect;

/** The maintained counts of several units for a period, by unit id (a unit with no sheets yet has no row). */
export function statsFor(db: Db, periodId: number, unitIds: number[]): Map<number, UnitStatsRow> {
	if (unitIds.length === 0) return new Map();
	const rows = db
		.select()
		.from(unitStats)
		.where(and(eq(unitStats.periodId, periodId), inArray(unitStats.unitId, unitIds)))
		.all();
	return new Map(rows.map((r) => [r.unitId, r]));
}

/** The concrete signs most often flagged in handed-in sheets of a unit's subtree. */
export function topFlagged(db: Db, periodId: number, unitId: number, limit = 10): { code: string; flagged: number }[] {
	return db
		.select({ code: unitSignStats.code, flagged: unitSignStats.flagged })
		.from(unitSignStats)
		.where(and(eq(unitSignStats.periodId, periodId), eq(unitSignStats.unitId, unitId)))
		.orderBy(desc(unitSignStats.flagged), unitSignStats.code)
		.limit(limit)
		.all()
		.filter((r) => r.flagged > 0);
}
