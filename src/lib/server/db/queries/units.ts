import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { membership, unit, type UnitKind } from '../schema';

export type UnitRow = typeof unit.$inferSelect;

/** Kinds of unit that hold members directly. */
export const CHAPTER_KINDS: readonly UnitKind[] = ['chi_bo', 'chi_bo_co_so'];

/** One unit by id. */
export function findUnit(db: Db, id: number): UnitRow | undefined {
	return db.select().from(unit).where(eq(unit.id, id)).get();
}

/** Adds a unit under `parentId` (or a root) and fills in its materialised path. */
export function createUnit(db: Db, input: { name: string; kind: UnitKind; parentId: number | null }): UnitRow {
	return db.transaction((tx) => {
		const parent = input.parentId === null ? undefined : tx.select().from(unit).where(eq(unit.id, input.parentId)).get();
		if (input.parentId !== null && !parent) throw new Error(`Unknown parent unit ${input.parentId}`);
		// The path needs the new id, so insert with a unique placeholder first.
		const placeholder = `tmp:${crypto.randomUUID()}`;
		const { id } = tx
			.insert(unit)
			.values({ name: input.name, kind: input.kind, parentId: input.parentId, path: placeholder, depth: (parent?.depth ?? -1) + 1 })
			.returning({ id: unit.id })
			.get();
		const path = `${parent?.path ?? '/'}${id}/`;
		return tx.update(unit).set({ path }).where(eq(unit.id, id)).returning().get();
	});
}

/** The chain of units from the root down to (and including) this one. */
export function ancestorsOf(db: Db, target: UnitRow): UnitRow[] {
	const ids = target.path.split('/').filter(Boolean).map(Number);
	const rows = db.select().from(unit).where(inArray(unit.id, ids)).all();
	return rows.sort((a, b) => a.depth - b.depth);
}

/** The direct children of a unit, by name. */
export function childrenOf(db: Db, parentId: number): UnitRow[] {
	return db.select().from(unit).where(eq(unit.parentId, parentId)).orderBy(asc(unit.name)).all();
}

export interface ChildSummary {
	unit: UnitRow;
	/** Members whose current chapter lies in this child's subtree. */
	members: number;
	chapters: number;
}

/** Each child of a unit with the number of current members and chapters in its subtree. */
export function childSummaries(db: Db, parentId: number): ChildSummary[] {
	const children = childrenOf(db, parentId);
	return children.map((child) => {
		const inSubtree = like(unit.path, `${child.path}%`);
		const members = db
			.select({ n: sql<number>`count(*)` })
			.from(membership)
			.innerJoin(unit, eq(unit.id, membership.unitId))
			.where(and(inSubtree, isNull(membership.endedOn)))
			.get()!.n;
		const chapters = db
			.select({ n: sql<number>`count(*)` })
			.from(unit)
			.where(and(inSubtree, inArray(unit.kind, [...CHAPTER_KINDS])))
			.get()!.n;
		return { unit: child, members, chapters };
	});
}

/** Every unit, ordered so that a parent comes before its children (for the admin tree). */
export function allUnits(db: Db): UnitRow[] {
	return db.select().from(unit).orderBy(asc(unit.path)).all();
}
