import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	TEST_PASSWORD
} from '../../../../tests/helpers/db';
import type { Db } from '../db/client';
import { loginThrottle, user } from '../db/schema';
import { attemptSignIn } from './login';
import { clearFailures, lockedMinutes, MAX_FAILURES, recordFailure, throttleKeys } from './throttle';

const MINUTE = 60_000;
const WRONG = 'sai-mat-khau';

let db: Db;

function signIn(username: string, password: string, address = '10.0.0.1') {
	return attemptSignIn(db, { username, password, address });
}

async function failTimes(n: number, username: string, address: string) {
	for (let i = 0; i < n; i++) expect(await signIn(username, WRONG, address)).toEqual({ ok: false, reason: 'invalid' });
}

function throttleRow(key: string) {
	return db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

beforeEach(() => {
	db = createTestDb();
});

describe('attemptSignIn', () => {
	it('accepts the right password and reports whether it must be changed', async () => {
		const tree = createTestTree(db);
		const memberId = await createTestMember(db, tree.chapterA, { username: 'dangvien7' });
		const adminId = await createTestAccount(db, 'quantri9', true);

		expect(await signIn('dangvien7', TEST_PASSWORD)).toEqual({ ok: true, userId: memberId, mustChangePassword: false });
		expect(await signIn('quantri9', TEST_PASSWORD)).toEqual({ ok: true, userId: adminId, mustChangePassword: true });
	});

	it('answers a wrong password and an unknown user the same way', async () => {
		await createTestAccount(db, 'coten');
		expect(await signIn('coten', WRONG)).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn('khongco', TEST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
		expect(await signIn('coten', '')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses a deactivated account even with the right password', async () => {
		const id = await createTestAccount(db, 'danghi');
		db.update(user).set({ active: false }).where(eq(user.id, id)).run();
		expect(await signIn('danghi', TEST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('ignores the case and surrounding spaces of the username', async () => {
		const id = await createTestAccount(db, 'bithu05');
		expect(await signIn('  BiThu05 ', TEST_PASSWORD)).toMatchObject({ ok: true, userId: id });
		expect(await signIn('BITHU05', TEST_PASSWORD)).toMatchObject({ ok: true, userId: id });
	});

	it('does not ignore the case of the password', async () => {
		await createTestAccount(db, 'hoathuong');
		expect(await signIn('hoathuong', TEST_PASSWORD.toUpperCase())).toEqual({ ok: false, reason: 'invalid' });
	});

	it('locks an account after 5 failures, even against the right password, while others still sign in', async () => {
		await createTestAccount(db, 'nannhan');
		const otherId = await createTestAccount(db, 'nguoikhac');
		expect(MAX_FAILURES.account).toBe(5);

		await failTimes(5, 'nannhan', '10.0.0.1');

		const locked = await signIn('nannhan', TEST_PASSWORD, '10.0.0.1');
		expect(locked).toMatchObject({ ok: false, reason: 'locked' });
		if (locked.ok || locked.reason !== 'locked') throw new Error('expected a lock');
		expect(locked.minutes).toBeGreaterThan(0);
		expect(locked.minutes).toBeLessThanOrEqual(15);
		// The lock is on the account, so a new address does not get around it.
		expect(await signIn('nannhan', TEST_PASSWORD, '10.9.9.9')).toMatchObject({ ok: false, reason: 'locked' });
		expect(await signIn('nguoikhac', TEST_PASSWORD, '10.0.0.2')).toEqual({
			ok: true,
			userId: otherId,
			mustChangePassword: false
		});
	});

	it('counts failures under any spelling of the same username', async () => {
		await createTestAccount(db, 'vietkhac');
		for (const spelling of ['vietkhac', 'VietKhac', ' vietkhac', 'VIETKHAC ', 'vietKhac']) {
			await signIn(spelling, WRONG, '10.0.0.3');
		}
		expect(await signIn('vietkhac', TEST_PASSWORD, '10.0.0.3')).toMatchObject({ ok: false, reason: 'locked' });
	});

	it('does not lock before the fifth failure', async () => {
		const id = await createTestAccount(db, 'bonlan');
		await failTimes(4, 'bonlan', '10.0.0.4');
		expect(await signIn('bonlan', TEST_PASSWORD, '10.0.0.4')).toMatchObject({ ok: true, userId: id });
	});

	it('clears the account failures after a success', async () => {
		const id = await createTestAccount(db, 'quenmk');
		await failTimes(4, 'quenmk', '10.0.0.5');
		expect(await signIn('quenmk', TEST_PASSWORD, '10.0.0.5')).toMatchObject({ ok: true, userId: id });
		expect(throttleRow(throttleKeys('quenmk', '10.0.0.5').account)).toBeUndefined();
		// Without the reset these would make 8 failures in one window.
		await failTimes(4, 'quenmk', '10.0.0.5');
		expect(await signIn('quenmk', TEST_PASSWORD, '10.0.0.5')).toMatchObject({ ok: true, userId: id });
	});

	it('locks an address for every account after 30 failures from it', async () => {
		const firstId = await createTestAccount(db, 'trongvanphong');
		const secondId = await createTestAccount(db, 'canbo2');
		expect(MAX_FAILURES.address).toBe(30);
		const office = '203.0.113.7';

		// Different usernames, so no single account reaches its own limit.
		for (let i = 1; i <= 29; i++) await signIn(`khach${i}`, WRONG, office);
		expect(await signIn('trongvanphong', TEST_PASSWORD, office)).toMatchObject({ ok: true, userId: firstId });

		await signIn('khach30', WRONG, office);
		const locked = await signIn('canbo2', TEST_PASSWORD, office);
		expect(locked).toMatchObject({ ok: false, reason: 'locked' });
		expect(await signIn('trongvanphong', TEST_PASSWORD, office)).toMatchObject({ ok: false, reason: 'locked' });
		// Elsewhere the same accounts are fine.
		expect(await signIn('canbo2', TEST_PASSWORD, '198.51.100.1')).toMatchObject({ ok: true, userId: secondId });
	});

	it('lets the account in again once an old lock has run out', async () => {
		const id = await createTestAccount(db, 'hetkhoa');
		const key = throttleKeys('hetkhoa', '10.0.0.6').account;
		const twentyMinutesAgo = Date.now() - 20 * MINUTE;
		for (let i = 0; i < 5; i++) recordFailure(db, key, MAX_FAILURES.account, twentyMinutesAgo);

		expect(await signIn('hetkhoa', TEST_PASSWORD, '10.0.0.6')).toMatchObject({ ok: true, userId: id });
	});

	it('keeps a recent lock in force', async () => {
		await createTestAccount(db, 'conkhoa');
		const key = throttleKeys('conkhoa', '10.0.0.7').account;
		const fiveMinutesAgo = Date.now() - 5 * MINUTE;
		for (let i = 0; i < 5; i++) recordFailure(db, key, MAX_FAILURES.account, fiveMinutesAgo);

		const result = await signIn('conkhoa', TEST_PASSWORD, '10.0.0.7');
		expect(result).toMatchObject({ ok: false, reason: 'locked' });
		if (result.ok || result.reason !== 'locked') throw new Error('expected a lock');
		// Locked 5 minutes ago for 15: at most 10 minutes remain.
		expect(result.minutes).toBeGreaterThan(0);
		expect(result.minutes).toBeLessThanOrEqual(10);
	});
});

describe('throttle windows', () => {
	const T0 = Date.UTC(2026, 3, 10, 7, 30, 0);
	const KEY = 'user:thu';

	it('keys an attempt by the normalised username and by the address', () => {
		expect(throttleKeys('  NguyenVan ', '192.0.2.1')).toEqual({ account: 'user:nguyenvan', address: 'ip:192.0.2.1' });
	});

	it('locks for 15 minutes from the failure that reached the limit', () => {
		for (let i = 0; i < 5; i++) recordFailure(db, KEY, 5, T0 + i * MINUTE);
		const lockStart = T0 + 4 * MINUTE;

		expect(lockedMinutes(db, [KEY], lockStart)).toBe(15);
		expect(lockedMinutes(db, [KEY], lockStart + 14 * MINUTE + 1)).toBe(1);
		expect(lockedMinutes(db, [KEY], lockStart + 15 * MINUTE - 1)).toBe(1);
		expect(lockedMinutes(db, [KEY], lockStart + 15 * MINUTE)).toBe(0);
	});

	it('forgets failures older than the 15-minute window', () => {
		for (let i = 0; i < 4; i++) recordFailure(db, KEY, 5, T0);
		recordFailure(db, KEY, 5, T0 + 15 * MINUTE + 1);

		expect(lockedMinutes(db, [KEY], T0 + 15 * MINUTE + 1)).toBe(0);
		expect(throttleRow(KEY)).toMatchObject({ failures: 1 });
		expect(throttleRow(KEY)!.windowStartedAt.getTime()).toBe(T0 + 15 * MINUTE + 1);
	});

	it('counts failures spread across one window together', () => {
		for (let i = 0; i < 5; i++) recordFailure(db, KEY, 5, T0 + i * 3 * MINUTE); // last one 12 minutes in
		expect(lockedMinutes(db, [KEY], T0 + 12 * MINUTE)).toBe(15);
	});

	it('starts afresh after a lock has run out', () => {
		for (let i = 0; i < 5; i++) recordFailure(db, KEY, 5, T0);
		const after = T0 + 15 * MINUTE + 1;
		recordFailure(db, KEY, 5, after);

		expect(lockedMinutes(db, [KEY], after)).toBe(0);
		expect(throttleRow(KEY)).toMatchObject({ failures: 1, lockedUntil: null });
	});

	it('reports the longest lock among the keys, and 0 for keys never seen', () => {
		for (let i = 0; i < 5; i++) recordFailure(db, 'user:mot', 5, T0);
		for (let i = 0; i < 5; i++) recordFailure(db, 'user:hai', 5, T0 + 10 * MINUTE);

		expect(lockedMinutes(db, ['user:mot', 'user:hai'], T0 + 10 * MINUTE)).toBe(15);
		expect(lockedMinutes(db, ['user:mot', 'ip:chua-gap'], T0 + 10 * MINUTE)).toBe(5);
		expect(lockedMinutes(db, ['ip:chua-gap'], T0)).toBe(0);
	});

	it('clearFailures removes the counter of one key only', () => {
		for (let i = 0; i < 5; i++) recordFailure(db, 'user:mot', 5, T0);
		for (let i = 0; i < 5; i++) recordFailure(db, 'user:hai', 5, T0);
		clearFailures(db, 'user:mot');

		expect(lockedMinutes(db, ['user:mot'], T0)).toBe(0);
		expect(lockedMinutes(db, ['user:hai'], T0)).toBe(15);
	});
});
