import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { period, unit } from '../schema';

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
