import type { Db } from '../db/client';
import { findUserById, setPassword } from '../db/queries/users';
import { recordAudit } from '../db/queries/audit';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, invalidateUserSessions } from './session';

export type ChangePasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; field: 'currentPassword' | 'newPassword'; message: string };

/** Replaces a user's password after checking the current one; ends every session and opens a fresh one for this device. */
export async function changePassword(
	db: Db,
	userId: number,
	input: { currentPassword: string; newPassword: string }
): Promise<ChangePasswordResult> {
	const account = findUserById(db, userId);
	if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
		return { ok: false, field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' };
	}
	if (input.newPassword.toLowerCase().includes(account.username.toLowerCase())) {
		return { ok: false, field: 'newPassword', message: 'Mật khẩu mới không được chứa tên đăng nhập.' };
	}
	const passwordHash = await hashPassword(input.newPassword);
	const token = generateSessionToken();
	let expiresAt = new Date();
	db.transaction((tx) => {
		setPassword(tx, userId, passwordHash);
		recordAudit(tx, { actorId: userId, action: 'password.change', target: { type: 'user', id: userId } });
		invalidateUserSessions(tx, userId);
		expiresAt = createSession(tx, token, userId);
	});
	return { ok: true, token, expiresAt };
}
