// Roles over units: who may review a chapter, follow a subtree or administer the installation.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { roleGrant, user, type GrantedRole } from '../db/schema';
import { recordAudit } from '../db/queries/audit';
import { CHAPTER_KINDS, findUnit } from '../db/queries/units';
import { findUserByUsername } from '../db/queries/users';

export type RoleChange = { ok: true } | { ok: false; message: string };

/** Gives a person a role over a unit; a secretary's unit must be a chapter. */
export function grantRole(
	db: Db,
	input: { username: string; role: GrantedRole; unitId: number },
	actorId: number
): RoleChange {
	const target = findUnit(db, input.unitId);
	if (!target || target.closedAt) return { ok: false, message: 'Không tìm thấy đơn vị đang hoạt động.' };
	if (input.role === 'secretary' && !CHAPTER_KINDS.includes(target.kind))
		return { ok: false, message: 'Vai trò bí thư chỉ gán cho một chi bộ.' };
	// Administration covers the whole installation, so it is only ever given on the root.
	if (input.role === 'admin' && target.parentId !== null)
		return { ok: false, message: 'Vai trò quản trị chỉ gán tại đơn vị gốc.' };
	const person = findUserByUsername(db, input.username);
	if (!person || !person.active) return { ok: false, message: `Không có tài khoản «${input.username}».` };
	return db.transaction((tx) => {
		const added = tx
			.insert(roleGrant)
			.values({ userId: person.id, role: input.role, unitId: target.id })
			.onConflictDoNothing()
			.run().changes;
		if (added === 0) return { ok: false as const, message: `${person.fullName} đã có vai trò này.` };
		recordAudit(tx, {
			actorId,
			action: 'role.grant',
			unitId: target.id,
			target: { type: 'user', id: person.id },
			detail: { role: input.role }
		});
		return { ok: true as const };
	});
}

/** Takes a role away. */
export function revokeRole(
	db: Db,
	input: { userId: number; role: GrantedRole; unitId: number },
	actorId: number
): RoleChange {
	if (input.role === 'admin') {
		if (input.userId === actorId) return { ok: false, message: 'Không thể tự thu hồi vai trò quản trị của mình.' };
		const admins = db
			.select({ userId: roleGrant.userId })
			.from(roleGrant)
			.innerJoin(user, eq(user.id, roleGrant.userId))
			.where(and(eq(roleGrant.role, 'admin'), eq(user.active, true)))
			.all();
		if (new Set(admins.map((a) => a.userId).filter((id) => id !== input.userId)).size === 0)
			return { ok: false, message: 'Phải còn ít nhất một quản trị viên.' };
	}
	return db.transaction((tx) => {
		const removed = tx
			.delete(roleGrant)
			.where(
				and(eq(roleGrant.userId, input.userId), eq(roleGrant.role, input.role), eq(roleGrant.unitId, input.unitId))
			)
			.run().changes;
		if (removed === 0) return { ok: false as const, message: 'Không tìm thấy vai trò này.' };
		recordAudit(tx, {
			actorId,
			action: 'role.revoke',
			unitId: input.unitId,
			target: { type: 'user', id: input.userId },
			detail: { role: input.role }
		});
		return { ok: true as const };
	});
}
