// Member administration: adding by hand, editing, moving, deactivating and resetting passwords — each
// use case checks its rules, writes in one transaction and leaves an audit line.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { member, roleGrant, session, user } from '../db/schema';
import { CHAPTER_KINDS, findUnit } from '../db/queries/units';
import {
	createMember,
	endCurrentMembership,
	memberForAdmin,
	moveMember,
	openChapters,
	type NewMember
} from '../db/queries/members';
import { recordAudit } from '../db/queries/audit';
import type { AuditAction } from '../../domain/audit';
import { findUserById, findUserByUsername } from '../db/queries/users';
import { invalidateUserSessions } from '../auth/session';
import { forgetAccount } from '../auth/throttle';
import { generateTemporaryPassword, hashPassword } from '../auth/password';
import type { TargetGroup } from '../../domain/template';

export type MemberChange = { ok: true } | { ok: false; message: string };

function audit(
	db: Db,
	actorId: number,
	action: AuditAction,
	userId: number,
	detail: unknown,
	unitId: number | null = null
): void {
	recordAudit(db, { actorId, action, unitId, target: { type: 'user', id: userId }, detail });
}

/** Adds one member by hand, recorded in the audit log as an import is. */
export function createMemberByAdmin(db: Db, input: NewMember, actorId: number): number {
	return db.transaction((tx) => {
		const id = createMember(tx, input);
		audit(tx, actorId, 'member.create', id, { username: input.username, chapterId: input.chapterId }, input.chapterId);
		return id;
	});
}

export type AddMemberResult =
	{ ok: true; id: number; password: string } | { ok: false; field: 'username' | 'chapterId'; message: string };

/** Adds a member to an open chapter with a temporary password (returned once, to hand over); the login id must be free. */
export async function addMember(
	db: Db,
	input: Omit<NewMember, 'passwordHash' | 'mustChangePassword' | 'joinedOn'>,
	options: { actorId: number; today: string }
): Promise<AddMemberResult> {
	if (findUserByUsername(db, input.username))
		return { ok: false, field: 'username', message: 'Tên đăng nhập này đã có người dùng.' };
	if (!openChapters(db).some((c) => c.id === input.chapterId))
		return { ok: false, field: 'chapterId', message: 'Hãy chọn một chi bộ đang hoạt động.' };
	const password = generateTemporaryPassword();
	const passwordHash = await hashPassword(password);
	// Checked again after the (slow) hash: another administrator may have taken the login id meanwhile.
	if (findUserByUsername(db, input.username))
		return { ok: false, field: 'username', message: 'Tên đăng nhập này đã có người dùng.' };
	const id = createMemberByAdmin(
		db,
		{ ...input, passwordHash, mustChangePassword: true, joinedOn: options.today },
		options.actorId
	);
	return { ok: true, id, password };
}

/** Changes a member's name, date of birth, position and target group. */
export function updateMemberDetails(
	db: Db,
	userId: number,
	input: { fullName: string; dateOfBirth: string; position: string; targetGroup: TargetGroup },
	actorId: number
): MemberChange {
	const found = memberForAdmin(db, userId);
	if (!found) return { ok: false, message: 'Không tìm thấy đảng viên.' };
	db.transaction((tx) => {
		tx.update(user).set({ fullName: input.fullName }).where(eq(user.id, userId)).run();
		tx.update(member)
			.set({ dateOfBirth: input.dateOfBirth, position: input.position, targetGroup: input.targetGroup })
			.where(eq(member.userId, userId))
			.run();
		audit(tx, actorId, 'member.update', userId, { before: found.person, after: input });
	});
	return { ok: true };
}

/** Moves a member to another chapter on a date; the earlier membership is kept with its dates. */
export function transferMember(
	db: Db,
	userId: number,
	chapterId: number,
	onDate: string,
	actorId: number
): MemberChange {
	const found = memberForAdmin(db, userId);
	const target = findUnit(db, chapterId);
	if (!found || !found.person.active) return { ok: false, message: 'Không tìm thấy đảng viên đang sinh hoạt.' };
	if (!target || target.closedAt || !CHAPTER_KINDS.includes(target.kind))
		return { ok: false, message: 'Hãy chọn một chi bộ đang hoạt động.' };
	if (found.current?.unitId === chapterId) return { ok: false, message: 'Đảng viên đang sinh hoạt ở chi bộ này.' };
	if (found.current && onDate < found.current.startedOn)
		return { ok: false, message: 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.' };
	db.transaction((tx) => {
		moveMember(tx, userId, chapterId, onDate);
		audit(
			tx,
			actorId,
			'member.move',
			userId,
			{ from: found.current?.unitId ?? null, to: chapterId, onDate },
			chapterId
		);
	});
	return { ok: true };
}

/** Deactivates a member's account: no sign-in, no roles, membership closed on the date (history kept). */
export function deactivateMember(db: Db, userId: number, onDate: string, actorId: number): MemberChange {
	if (userId === actorId) return { ok: false, message: 'Không thể tự ngừng tài khoản của mình.' };
	// Any account, with or without a member profile (a committee user, a second administrator).
	const account = db.select({ active: user.active }).from(user).where(eq(user.id, userId)).get();
	if (!account) return { ok: false, message: 'Không tìm thấy tài khoản.' };
	if (!account.active) return { ok: false, message: 'Tài khoản này đã ngừng hoạt động.' };
	db.transaction((tx) => {
		tx.update(user).set({ active: false }).where(eq(user.id, userId)).run();
		tx.delete(session).where(eq(session.userId, userId)).run();
		tx.delete(roleGrant).where(eq(roleGrant.userId, userId)).run();
		endCurrentMembership(tx, userId, onDate);
		audit(tx, actorId, 'member.deactivate', userId, { onDate });
	});
	return { ok: true };
}

/** Gives an account a new temporary password that must be changed at the next sign-in, signs it out everywhere and forgets its own failed sign-ins; null when there is no such account. */
export async function resetPassword(db: Db, userId: number, actorId: number): Promise<string | null> {
	const account = findUserById(db, userId);
	if (!account) return null;
	const password = generateTemporaryPassword();
	const passwordHash = await hashPassword(password);
	db.transaction((tx) => {
		tx.update(user).set({ passwordHash, mustChangePassword: true }).where(eq(user.id, userId)).run();
		invalidateUserSessions(tx, userId);
		// The owner may have been slowed by their own failed tries: the new password works at once.
		forgetAccount(tx, account.username);
		audit(tx, actorId, 'password.reset', userId, null);
	});
	return password;
}
