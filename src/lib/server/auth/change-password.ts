import type { Db } from '../db/client';
import { findUserById, setPassword } from '../db/queries/users';
import { recordAudit } from '../db/queries/audit';
import { hashPassword, verifyPassword } from './password';
import { createSession, generateSessionToken, invalidateUserSessions } from './session';
import { beginAttempt, forgiveAttempt, signInCounters, waitText } from './throttle';

export type ChangePasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; field: 'currentPassword' | 'newPassword'; message: string; throttled?: true };

/**
 * Replaces a user's password after checking the current one; ends every session and opens a fresh one for
 * this device. The check is throttled like sign-in, on the same account-and-address counter, so a session
 * left open cannot be used to guess the password faster than the sign-in page allows.
 */
export async function changePassword(
	db: Db,
	userId: number,
	input: { currentPassword: string; newPassword: string; address: string },
	now = Date.now()
): Promise<ChangePasswordResult> {
	const account = findUserById(db, userId);
	if (!account) return { ok: false, field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' };
	const { pair } = signInCounters(account.username, input.address);
	const attempt = beginAttempt(db, [pair], now);
	if (!attempt.ok) {
		const message = `Nhập sai mật khẩu quá nhiều lần. Vui lòng đợi ${waitText(attempt.waitMs)} rồi thử lại.`;
		return { ok: false, field: 'currentPassword', message, throttled: true };
	}
	if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
		return { ok: false, field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' };
	}
	forgiveAttempt(db, attempt, [pair.key]);
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
