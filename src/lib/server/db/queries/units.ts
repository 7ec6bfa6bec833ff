import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { unit, type UnitKind } from '../schema';

export type UnitRow = typeof unit.$inferSelect;

export { CHAPTER_KINDS } from '../../../domain/org';

/** A unit and everything under it, as a range on the materialised path (indexed): paths are digits and "/", and "~" sorts after both. */
export function inSubtree(path: string) {
	return and(gte(unit.path, path), lt(unit.path, `${path}~`));
}

/** One unit by id. */
export function findUnit(db: Db, id: number): UnitRow | undefined {
	return db.select().from(unit).where(eq(unit.id, id)).get();
}

/** Adds a unit under `parentId` (or a root) and fills in its materialised path. */
export function createUnit(db: Db, input: { name: string; kind: UnitKind; parentId: number | null }): UnitRow {
	return db.transaction((tx) => {
		const parent =
			input.parentId === null ? undefined : tx.select().from(unit).where(eq(unit.id, input.parentId)).get();
		if (input.parentId !== null && !parent) throw new Error(`Unknown parent unit ${input.parentId}`);
		// The path needs the new id, so insert with a unique placeholder first.
		const placeholder = `tmp:${crypto.randomUUID()}`;
		const { id } = tx
			.insert(unit)
			.values({
				name: input.name,
				kind: input.kind,
				parentId: input.parentId,
				path: placeholder,
				depth: (parent?.depth ?? -1) + 1
			})
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

/** Every unit in tree order: each parent before its children, siblings by name (for the admin tree). */
export function allUnits(db: Db): UnitRow[] {
	const rows = db.select().from(unit).all();
	const byParent = new Map<number | null, UnitRow[]>();
	for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
	const collator = new Intl.Collator('vi');
	const ordered: UnitRow[] = [];
	const visit = (parentId: number | null) => {
		for (const child of (byParent.get(parentId) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
			ordered.push(child);
			visit(child.id);
		}
	};
	visit(null);
	return ordered;
}
