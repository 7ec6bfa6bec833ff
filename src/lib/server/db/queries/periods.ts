import { and, desc, eq, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { member, membership, period, sheet, template, templateVersion, unit, user } from '../schema';
import { compareVietnameseNames } from '../../../domain/names';
import { findUnit, inSubtree } from './units';

export type PeriodRow = typeof period.$inferSelect;

/** Creates a review period over a unit's subtree. */
export function createPeriod(
	db: Db,
	input: {
		name: string;
		year: number;
		unitId: number;
		templateVersionId: number;
		opensOn: string;
		deadline: string;
		closedAt?: Date | null;
	}
): PeriodRow {
	return db.insert(period).values(input).returning().get();
}

/** One period by id. */
export function findPeriod(db: Db, id: number): PeriodRow | undefined {
	return db.select().from(period).where(eq(period.id, id)).get();
}

// A period covers a chapter when the period's unit is the chapter or one of its ancestors.
const covers = (chapterPath: string) => sql`substr(${chapterPath}, 1, length(${unit.path})) = ${unit.path}`;

/** The open period covering a chapter on `today` (the latest year when several are open). */
export function currentPeriodFor(db: Db, chapterPath: string, today: string): PeriodRow | undefined {
	return db
		.select({ period })
		.from(period)
		.innerJoin(unit, eq(unit.id, period.unitId))
		.where(and(covers(chapterPath), isNull(period.closedAt), lte(period.opensOn, today)))
		.orderBy(desc(period.year), desc(period.id))
		.limit(1)
		.get()?.period;
}

/** Whether a period accepts changes to its sheets. */
export function isPeriodOpen(p: PeriodRow, today: string): boolean {
	return p.closedAt === null && p.opensOn <= today;
}

/** Every period covering a unit (over it or one of its ancestors), newest first. */
export function periodsCovering(db: Db, unitPath: string): PeriodRow[] {
	return db
		.select({ period })
		.from(period)
		.innerJoin(unit, eq(unit.id, period.unitId))
		.where(covers(unitPath))
		.orderBy(desc(period.year), desc(period.id))
		.all()
		.map((r) => r.period);
}

/** Every period, newest first, with its unit and template version. */
export function listPeriods(db: Db) {
	return db
		.select({
			id: period.id,
			name: period.name,
			year: period.year,
			opensOn: period.opensOn,
			deadline: period.deadline,
			closedAt: period.closedAt,
			unitId: unit.id,
			unitName: unit.name,
			templateName: template.name,
			version: templateVersion.version
		})
		.from(period)
		.innerJoin(unit, eq(unit.id, period.unitId))
		.innerJoin(templateVersion, eq(templateVersion.id, period.templateVersionId))
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.orderBy(desc(period.year), desc(period.id))
		.all();
}

/** Per chapter of the period's subtree, the current members who have not handed in a sheet. */
export function notHandedIn(db: Db, periodId: number) {
	const found = findPeriod(db, periodId);
	const root = found && findUnit(db, found.unitId);
	if (!found || !root) return [];
	const rows = db
		.select({
			chapterId: unit.id,
			chapterName: unit.name,
			path: unit.path,
			fullName: user.fullName,
			username: user.username,
			status: sheet.status
		})
		.from(membership)
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.innerJoin(user, eq(user.id, membership.memberId))
		.innerJoin(member, eq(member.userId, membership.memberId))
		.leftJoin(sheet, and(eq(sheet.memberId, membership.memberId), eq(sheet.periodId, periodId)))
		.where(
			and(
				isNull(membership.endedOn),
				inSubtree(root.path),
				or(isNull(sheet.id), notInArray(sheet.status, ['submitted', 'approved']))
			)
		)
		.all();
	const byChapter = new Map<
		number,
		{
			chapterId: number;
			chapterName: string;
			path: string;
			members: { fullName: string; username: string; status: string }[];
		}
	>();
	for (const r of rows) {
		const entry = byChapter.get(r.chapterId) ?? {
			chapterId: r.chapterId,
			chapterName: r.chapterName,
			path: r.path,
			members: []
		};
		entry.members.push({ fullName: r.fullName, username: r.username, status: r.status ?? 'not_started' });
		byChapter.set(r.chapterId, entry);
	}
	return [...byChapter.values()]
		.sort((a, b) => a.path.localeCompare(b.path))
		.map((c) => ({ ...c, members: c.members.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)) }));
}

/** How many template versions exist (the period form needs at least one). */
export function templateVersionChoices(db: Db) {
	return db
		.select({
			id: templateVersion.id,
			name: template.name,
			version: templateVersion.version,
			signs: sql<number>`json_array_length(${templateVersion.content}, '$.signs')`
		})
		.from(templateVersion)
		.innerJoin(template, eq(template.id, templateVersion.templateId))
		.orderBy(template.name, desc(templateVersion.version))
		.all();
}

/** The open periods (of one year, or all) with their units' names and paths. */
export function openPeriodsOfYear(db: Db, year?: number) {
	return db
		.select({ id: period.id, name: period.name, year: period.year, unitName: unit.name, unitPath: unit.path })
		.from(period)
		.innerJoin(unit, eq(unit.id, period.unitId))
		.where(and(year === undefined ? undefined : eq(period.year, year), isNull(period.closedAt)))
		.orderBy(period.id)
		.all();
}
