// Administration of the organisation tree: each use case checks its rules, writes in one transaction and audits.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { membership, period, unit, type UnitKind } from '../db/schema';
import { recordAudit } from '../db/queries/audit';
import { openPeriodsOfYear } from '../db/queries/periods';
import { moveOverlapMessage, overlapAfterMove } from '../../domain/period';
import type { AuditAction } from '../../domain/audit';
import { CHAPTER_KINDS, createUnit, findUnit, inSubtree, type UnitRow } from '../db/queries/units';
import { rebuildMemberCounts, rebuildUnitStats } from '../db/queries/stats';

export type UnitChange = { ok: true; unit: UnitRow } | { ok: false; message: string };

function audit(db: Db, actorId: number, action: AuditAction, unitId: number, detail: unknown): void {
	recordAudit(db, { actorId, action, unitId, target: { type: 'unit', id: unitId }, detail });
}

/** A chapter holds members, not units. */
function parentRefusal(parent: UnitRow | undefined): string | null {
	if (!parent) return 'Không tìm thấy đơn vị cấp trên.';
	if (parent.closedAt) return 'Đơn vị cấp trên đã giải thể.';
	if (CHAPTER_KINDS.includes(parent.kind)) return 'Chi bộ không có đơn vị trực thuộc.';
	return null;
}

/** Adds a unit under a parent. */
export function addUnit(
	db: Db,
	input: { name: string; kind: UnitKind; parentId: number },
	actorId: number
): UnitChange {
	const refusal = parentRefusal(findUnit(db, input.parentId));
	if (refusal) return { ok: false, message: refusal };
	return db.transaction((tx) => {
		const created = createUnit(tx, input);
		audit(tx, actorId, 'unit.create', created.id, {
			name: input.name,
			kind: input.kind,
			parentId: input.parentId
		});
		return { ok: true as const, unit: created };
	});
}

/** Renames a unit (its history keeps the ids, so nothing else changes). */
export function renameUnit(db: Db, unitId: number, name: string, actorId: number): UnitChange {
	const found = findUnit(db, unitId);
	if (!found) return { ok: false, message: 'Không tìm thấy đơn vị.' };
	return db.transaction((tx) => {
		const updated = tx.update(unit).set({ name }).where(eq(unit.id, unitId)).returning().get();
		audit(tx, actorId, 'unit.rename', unitId, { from: found.name, to: name });
		return { ok: true as const, unit: updated };
	});
}

/**
 * Moves a unit and its whole subtree under another parent: every path below it is rewritten, and the
 * maintained counts are rebuilt because every ancestor's totals change.
 */
export function moveUnit(db: Db, unitId: number, newParentId: number, actorId: number): UnitChange {
	const moving = findUnit(db, unitId);
	const parent = findUnit(db, newParentId);
	if (!moving) return { ok: false, message: 'Không tìm thấy đơn vị.' };
	if (moving.parentId === null) return { ok: false, message: 'Không chuyển được đơn vị gốc.' };
	const refusal = parentRefusal(parent);
	if (refusal) return { ok: false, message: refusal };
	if (parent!.path.startsWith(moving.path))
		return { ok: false, message: 'Không chuyển được một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.' };
	if (moving.closedAt) return { ok: false, message: 'Đơn vị đã giải thể.' };
	if (moving.parentId === parent!.id) return { ok: false, message: 'Đơn vị đã trực thuộc đơn vị này.' };
	const overlap = overlapAfterMove(moving.path, parent!.path, openPeriodsOfYear(db));
	if (overlap) return { ok: false, message: moveOverlapMessage(overlap) };
	const newPath = `${parent!.path}${moving.id}/`;
	const depthShift = parent!.depth + 1 - moving.depth;
	db.transaction((tx) => {
		tx.update(unit).set({ parentId: parent!.id }).where(eq(unit.id, moving.id)).run();
		tx.update(unit)
			.set({
				path: sql`${newPath} || substr(${unit.path}, ${moving.path.length + 1})`,
				depth: sql`${unit.depth} + ${depthShift}`
			})
			.where(inSubtree(moving.path))
			.run();
		rebuildMemberCounts(tx);
		for (const p of tx.select({ id: period.id }).from(period).all()) rebuildUnitStats(tx, p.id);
		audit(tx, actorId, 'unit.move', moving.id, { from: moving.parentId, to: parent!.id });
	});
	return { ok: true, unit: findUnit(db, unitId)! };
}

/** Closes (dissolves) a unit that no longer has members or open units under it. */
export function closeUnit(db: Db, unitId: number, actorId: number): UnitChange {
	const found = findUnit(db, unitId);
	if (!found) return { ok: false, message: 'Không tìm thấy đơn vị.' };
	if (found.parentId === null) return { ok: false, message: 'Không giải thể được đơn vị gốc.' };
	if (found.memberCount > 0)
		return {
			ok: false,
			message: `Đơn vị còn ${found.memberCount} đảng viên: hãy chuyển sinh hoạt trước khi giải thể.`
		};
	const openChildren = db
		.select({ n: sql<number>`count(*)` })
		.from(unit)
		.where(and(eq(unit.parentId, unitId), isNull(unit.closedAt)))
		.get()!.n;
	if (openChildren > 0) return { ok: false, message: `Đơn vị còn ${openChildren} đơn vị trực thuộc đang hoạt động.` };
	const members = db
		.select({ n: sql<number>`count(*)` })
		.from(membership)
		.where(and(eq(membership.unitId, unitId), isNull(membership.endedOn)))
		.get()!.n;
	if (members > 0) return { ok: false, message: 'Đơn vị còn đảng viên đang sinh hoạt.' };
	return db.transaction((tx) => {
		const updated = tx.update(unit).set({ closedAt: new Date() }).where(eq(unit.id, unitId)).returning().get();
		audit(tx, actorId, 'unit.close', unitId, { name: found.name });
		return { ok: true as const, unit: updated };
	});
}
