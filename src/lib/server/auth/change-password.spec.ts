import { beforeEach, describe, expect, it } from 'vitest';
import { changePasswordSchema, loginSchema } from '../../schemas/auth';
import { fieldErrors } from '../../schemas/form';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	TEST_PASSWORD
} from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import { findUserById } from '../db/queries/users';
import { auditEvent, loginThrottle, session } from '../db/schema';
import { changePassword } from './change-password';
import { attemptSignIn } from './login';
import { verifyPassword } from './password';
import { createSession, generateSessionToken, validateSessionToken } from './session';

const NEW_PASSWORD = 'Rèn-luyện-2026';
const ADDRESS = '192.0.2.44';
const T0 = Date.UTC(2026, 3, 10, 7, 30, 0);

describe('changePassword', () => {
	let db: Db;
	let userId: number;

	beforeEach(async () => {
		db = createTestDb();
		const tree = createTestTree(db);
		userId = await createTestMember(db, tree.chapterA, { username: 'hoangmai', mustChangePassword: true });
	});

	it('refuses a wrong current password and keeps the stored hash', async () => {
		const before = findUserById(db, userId)!;
		const result = await changePassword(db, userId, {
			currentPassword: 'khong-dung',
			newPassword: NEW_PASSWORD,
			address: ADDRESS
		});

		expect(result).toEqual({ ok: false, field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' });
		const after = findUserById(db, userId)!;
		expect(after.passwordHash).toBe(before.passwordHash);
		expect(after.mustChangePassword).toBe(true);
		expect(db.select().from(auditEvent).all()).toHaveLength(0);
	});

	it('refuses, like a wrong password, for an account that no longer exists, and counts nothing', async () => {
		const result = await changePassword(db, userId + 1000, {
			currentPassword: 'khong-dung',
			newPassword: NEW_PASSWORD,
			address: ADDRESS
		});
		expect(result).toEqual({ ok: false, field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' });
		expect(db.select().from(loginThrottle).all()).toEqual([]);
		expect(db.select().from(auditEvent).all()).toHaveLength(0);
	});

	it('makes the current-password check wait after three wrong ones from the same address, like sign-in', async () => {
		const before = findUserById(db, userId)!;
		const attempt = (currentPassword: string, address: string, now: number) =>
			changePassword(db, userId, { currentPassword, newPassword: NEW_PASSWORD, address }, now);
		for (let i = 0; i < 3; i++) {
			expect(await attempt('khong-dung', ADDRESS, T0)).toMatchObject({
				ok: false,
				message: 'Mật khẩu hiện tại không đúng.'
			});
		}
		const counted = db.select().from(loginThrottle).all();

		// Not even the right password is checked until the wait is over, and the wait is not counted.
		expect(await attempt(TEST_PASSWORD, ADDRESS, T0)).toEqual({
			ok: false,
			field: 'currentPassword',
			message: 'Nhập sai mật khẩu quá nhiều lần. Vui lòng đợi 1 giây rồi thử lại.',
			throttled: true
		});
		expect(db.select().from(loginThrottle).all()).toEqual(counted);
		expect(findUserById(db, userId)!.passwordHash).toBe(before.passwordHash);

		// The next wrong one, once allowed, doubles the wait.
		expect(await attempt('khong-dung', ADDRESS, T0 + 1000)).toMatchObject({ ok: false, field: 'currentPassword' });
		expect(await attempt(TEST_PASSWORD, ADDRESS, T0 + 1000)).toMatchObject({
			message: 'Nhập sai mật khẩu quá nhiều lần. Vui lòng đợi 2 giây rồi thử lại.'
		});
		expect(await attempt(TEST_PASSWORD, ADDRESS, T0 + 3000)).toMatchObject({ ok: true });
		// Success forgets the count.
		expect(db.select().from(loginThrottle).all()).toEqual([]);
	});

	it('shares its counter with sign-in for the same account and address, and not with others', async () => {
		for (let i = 0; i < 3; i++) {
			await attemptSignIn(db, { username: 'HoangMai', password: 'khong-dung', address: ADDRESS }, T0);
		}
		const input = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
		expect(await changePassword(db, userId, { ...input, address: ADDRESS }, T0)).toMatchObject({ throttled: true });
		expect(await changePassword(db, userId, { ...input, address: '198.51.100.9' }, T0)).toMatchObject({ ok: true });
	});

	it('refuses a new password that contains the username, whatever its case', async () => {
		const before = findUserById(db, userId)!;
		for (const newPassword of ['hoangmai2026!', 'x-HoangMai-x']) {
			const result = await changePassword(db, userId, {
				currentPassword: TEST_PASSWORD,
				newPassword,
				address: ADDRESS
			});
			expect(result).toMatchObject({ ok: false, field: 'newPassword' });
			if (result.ok) throw new Error('expected a refusal');
			expect(result.message).toContain('tên đăng nhập');
		}
		expect(findUserById(db, userId)!.passwordHash).toBe(before.passwordHash);
	});

	it('stores a new hash, clears the must-change flag and ends every earlier session of that user only', async () => {
		const otherId = await createTestAccount(db, 'nguoikhac');
		const oldTokens = [generateSessionToken(), generateSessionToken()];
		for (const t of oldTokens) createSession(db, t, userId);
		const otherToken = generateSessionToken();
		createSession(db, otherToken, otherId);
		const before = findUserById(db, userId)!;

		const result = await changePassword(db, userId, {
			currentPassword: TEST_PASSWORD,
			newPassword: NEW_PASSWORD,
			address: ADDRESS
		});

		expect(result.ok).toBe(true);
		if (!result.ok) throw new Error('expected success');
		const after = findUserById(db, userId)!;
		expect(after.passwordHash).not.toBe(before.passwordHash);
		expect(after.passwordHash).not.toContain(NEW_PASSWORD);
		expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
		expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
		expect(after.mustChangePassword).toBe(false);

		for (const t of oldTokens) expect(validateSessionToken(db, t)).toBeNull();
		expect(validateSessionToken(db, otherToken)!.user.id).toBe(otherId);

		// The fresh session for this device works and carries the cleared flag.
		expect(result.token).toMatch(/^[a-z2-7]{32}$/);
		expect(oldTokens).not.toContain(result.token);
		const fresh = validateSessionToken(db, result.token);
		expect(fresh!.user).toMatchObject({ id: userId, mustChangePassword: false });
		expect(fresh!.expiresAt.getTime()).toBe(result.expiresAt.getTime());
		expect(
			db
				.select()
				.from(session)
				.all()
				.filter((s) => s.userId === userId)
		).toHaveLength(1);
	});

	it('records the change in the audit log', async () => {
		await changePassword(db, userId, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, address: ADDRESS });

		const events = db.select().from(auditEvent).all();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			action: 'password.change',
			actorId: userId,
			targetType: 'user',
			targetId: userId
		});
		expect(JSON.stringify(events[0])).not.toContain(NEW_PASSWORD);
	});
});

describe('changePasswordSchema', () => {
	const valid = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

	function errorsOf(input: Record<string, unknown>) {
		const parsed = changePasswordSchema.safeParse(input);
		return parsed.success ? {} : fieldErrors(parsed.error);
	}

	it('accepts a well-formed change', () => {
		expect(changePasswordSchema.safeParse(valid).success).toBe(true);
	});

	it('refuses a new password shorter than 8 characters', () => {
		expect(errorsOf({ ...valid, newPassword: 'ngan7ky', confirmPassword: 'ngan7ky' })).toEqual({
			newPassword: 'Mật khẩu mới cần ít nhất 8 ký tự.'
		});
		expect(
			changePasswordSchema.safeParse({ ...valid, newPassword: '8kytu-ok', confirmPassword: '8kytu-ok' }).success
		).toBe(true);
	});

	it('refuses a confirmation that does not match', () => {
		expect(errorsOf({ ...valid, confirmPassword: NEW_PASSWORD + 'x' })).toEqual({
			confirmPassword: 'Hai lần nhập mật khẩu mới không khớp.'
		});
	});

	it('refuses a new password equal to the current one', () => {
		expect(
			errorsOf({ currentPassword: NEW_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })
		).toEqual({
			newPassword: 'Mật khẩu mới phải khác mật khẩu hiện tại.'
		});
	});

	it('asks for the current password when it is missing', () => {
		expect(errorsOf({ ...valid, currentPassword: '' })).toEqual({
			currentPassword: 'Vui lòng nhập mật khẩu hiện tại.'
		});
		expect(errorsOf({ newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({
			currentPassword: 'Vui lòng nhập mật khẩu hiện tại.'
		});
	});
});

describe('loginSchema', () => {
	function errorsOf(input: Record<string, unknown>) {
		const parsed = loginSchema.safeParse(input);
		return parsed.success ? {} : fieldErrors(parsed.error);
	}

	it('accepts a username and password and trims the username', () => {
		expect(loginSchema.parse({ username: '  bithu01 ', password: ' mk có dấu cách ' })).toEqual({
			username: 'bithu01',
			password: ' mk có dấu cách '
		});
	});

	it('asks for both fields when they are empty or missing', () => {
		expect(errorsOf({ username: '', password: '' })).toEqual({
			username: 'Vui lòng nhập tên đăng nhập.',
			password: 'Vui lòng nhập mật khẩu.'
		});
		expect(errorsOf({ username: '   ', password: 'x' })).toEqual({ username: 'Vui lòng nhập tên đăng nhập.' });
		expect(errorsOf({})).toEqual({ username: 'Vui lòng nhập tên đăng nhập.', password: 'Vui lòng nhập mật khẩu.' });
	});

	it('refuses a 65-character username but takes 64', () => {
		expect(errorsOf({ username: 'a'.repeat(65), password: 'x' })).toEqual({
			username: 'Tên đăng nhập không quá 64 ký tự.'
		});
		expect(loginSchema.safeParse({ username: 'a'.repeat(64), password: 'x' }).success).toBe(true);
	});

	it('refuses a 129-character password but takes 128', () => {
		expect(errorsOf({ username: 'a', password: 'p'.repeat(129) })).toEqual({
			password: 'Mật khẩu không quá 128 ký tự.'
		});
		expect(loginSchema.safeParse({ username: 'a', password: 'p'.repeat(128) }).success).toBe(true);
	});
});
