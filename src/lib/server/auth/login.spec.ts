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
import {
	beginAttempt,
	delayAfter,
	FIRST_DELAY_MS,
	forgetAccount,
	forgiveAttempt,
	MAX_DELAY_MS,
	pruneThrottle,
	signInCounters as counters,
	THROTTLE,
	waitMs,
	waitText
} from './throttle';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 3, 10, 7, 30, 0);
const WRONG = 'sai-mat-khau';
const ATTACKER = '203.0.113.66';
const HOME = '198.51.100.200';
const OFFICE = '192.0.2.10';

let db: Db;
/** The time every attempt is made at; tests move it instead of sleeping. */
let clock: number;

function signIn(username: string, password: string, address = '10.0.0.1') {
	return attemptSignIn(db, { username, password, address }, clock);
}

async function failTimes(n: number, username: string, address: string) {
	for (let i = 0; i < n; i++) expect(await signIn(username, WRONG, address)).toEqual({ ok: false, reason: 'invalid' });
}

/** Fails `n` times, waiting out every delay as a patient attacker would. */
async function failPatiently(n: number, username: string, address: string) {
	for (let failed = 0; failed < n;) {
		const result = await signIn(username, WRONG, address);
		if (result.ok) throw new Error('expected a failure');
		if (result.reason === 'throttled') clock += result.waitMs;
		else failed += 1;
	}
}

function throttleRow(key: string) {
	return db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

beforeEach(() => {
	db = createTestDb();
	clock = T0;
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

	it('lets three failures from one place through, then makes that place wait 1, 2, 4 … seconds, up to 15 minutes', async () => {
		await createTestAccount(db, 'nannhan');
		await failTimes(3, 'nannhan', ATTACKER);

		const expected = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900].map((s) => s * SECOND);
		for (const delay of expected) {
			const last = clock;
			// Not even the right password gets in before the wait is over.
			expect(await signIn('nannhan', TEST_PASSWORD, ATTACKER)).toEqual({
				ok: false,
				reason: 'throttled',
				waitMs: delay
			});
			clock = last + delay - 1;
			expect(await signIn('nannhan', WRONG, ATTACKER)).toEqual({ ok: false, reason: 'throttled', waitMs: 1 });
			clock = last + delay;
			expect(await signIn('nannhan', WRONG, ATTACKER)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(throttleRow(counters('nannhan', ATTACKER).pair.key)).toMatchObject({ failures: 16 });
	});

	it('answers a throttled attempt without checking the password or counting it', async () => {
		await createTestAccount(db, 'chokiem');
		await failTimes(3, 'chokiem', ATTACKER);
		const before = db.select().from(loginThrottle).all();

		for (const password of [TEST_PASSWORD, WRONG, '']) {
			expect(await signIn('chokiem', password, ATTACKER)).toMatchObject({ ok: false, reason: 'throttled' });
		}
		expect(db.select().from(loginThrottle).all()).toEqual(before);
	});

	it('lets the owner sign in from elsewhere while an attacker at one address has failed 50 times', async () => {
		const ownerId = await createTestAccount(db, 'quantri9');
		const secretaryId = await createTestAccount(db, 'bithu01');
		await failPatiently(50, 'quantri9', ATTACKER);
		// Fifty failures took the attacker hours: each one past the third waited, the last ones 15 minutes.
		expect(clock - T0).toBeGreaterThan(9 * HOUR);

		expect(await signIn('quantri9', TEST_PASSWORD, HOME)).toEqual({
			ok: true,
			userId: ownerId,
			mustChangePassword: false
		});
		// Even a colleague behind the attacker's address is not slowed.
		expect(await signIn('bithu01', TEST_PASSWORD, ATTACKER)).toMatchObject({ ok: true, userId: secretaryId });
		// The attacker's own pair still waits.
		expect(await signIn('quantri9', TEST_PASSWORD, ATTACKER)).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('slows a guess at one account from many addresses once they fail 50 times within an hour', async () => {
		const id = await createTestAccount(db, 'bithu02');
		expect(THROTTLE.account).toEqual({ free: 50, windowMs: HOUR });
		for (let i = 1; i <= 49; i++) await failTimes(1, 'bithu02', `198.51.100.${i}`);
		expect(await signIn('bithu02', TEST_PASSWORD, HOME)).toMatchObject({ ok: true, userId: id });

		await failTimes(1, 'bithu02', '198.51.100.50');
		expect(await signIn('bithu02', TEST_PASSWORD, HOME)).toEqual({ ok: false, reason: 'throttled', waitMs: SECOND });
		clock += SECOND;
		expect(await signIn('bithu02', TEST_PASSWORD, HOME)).toMatchObject({ ok: true, userId: id });
		// The owner's success does not wipe the attackers' count: the next failure waits longer.
		await failTimes(1, 'bithu02', '198.51.100.51');
		expect(await signIn('bithu02', TEST_PASSWORD, HOME)).toEqual({
			ok: false,
			reason: 'throttled',
			waitMs: 2 * SECOND
		});
		// An hour after the first failure the window starts again.
		clock = T0 + HOUR;
		expect(await signIn('bithu02', TEST_PASSWORD, HOME)).toMatchObject({ ok: true, userId: id });
	});

	it('slows every sign-in from an address once it has failed 30 times across accounts', async () => {
		const firstId = await createTestAccount(db, 'trongvanphong');
		const secondId = await createTestAccount(db, 'canbo2');
		expect(THROTTLE.address).toEqual({ free: 30, windowMs: HOUR });

		// Different usernames, so no pair waits.
		for (let i = 1; i <= 29; i++) await failTimes(1, `khach${i}`, OFFICE);
		expect(await signIn('trongvanphong', TEST_PASSWORD, OFFICE)).toMatchObject({ ok: true, userId: firstId });

		await failTimes(1, 'khach30', OFFICE);
		expect(await signIn('canbo2', TEST_PASSWORD, OFFICE)).toEqual({ ok: false, reason: 'throttled', waitMs: SECOND });
		expect(await signIn('khach31', WRONG, OFFICE)).toMatchObject({ ok: false, reason: 'throttled' });
		// Elsewhere the same accounts are fine.
		expect(await signIn('canbo2', TEST_PASSWORD, HOME)).toMatchObject({ ok: true, userId: secondId });

		clock += SECOND;
		expect(await signIn('canbo2', TEST_PASSWORD, OFFICE)).toMatchObject({ ok: true, userId: secondId });
		await failTimes(1, 'khach31', OFFICE);
		expect(await signIn('trongvanphong', TEST_PASSWORD, OFFICE)).toEqual({
			ok: false,
			reason: 'throttled',
			waitMs: 2 * SECOND
		});
	});

	it('counts failures under any spelling of the same username', async () => {
		await createTestAccount(db, 'vietkhac');
		for (const spelling of ['vietkhac', ' VietKhac', 'VIETKHAC ']) await failTimes(1, spelling, ATTACKER);
		expect(await signIn('vietKhac', TEST_PASSWORD, ATTACKER)).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('forgets the failures of that account at that address after a success', async () => {
		const id = await createTestAccount(db, 'quenmk');
		await failTimes(3, 'quenmk', OFFICE);
		clock += SECOND;
		expect(await signIn('quenmk', TEST_PASSWORD, OFFICE)).toMatchObject({ ok: true, userId: id });
		expect(throttleRow(counters('quenmk', OFFICE).pair.key)).toBeUndefined();
		// Without the reset the first of these would already wait.
		await failTimes(3, 'quenmk', OFFICE);
	});

	it('leaves no counter behind when sign-in succeeds at once', async () => {
		const id = await createTestAccount(db, 'dungngay');
		expect(await signIn('dungngay', TEST_PASSWORD, OFFICE)).toMatchObject({ ok: true, userId: id });
		expect(db.select().from(loginThrottle).all()).toEqual([]);
	});

	it('counts attempts sent all at once before checking any password, so they cannot all slip through', async () => {
		const id = await createTestAccount(db, 'songsong');
		const wrong = await Promise.all(Array.from({ length: 10 }, () => signIn('songsong', WRONG, ATTACKER)));
		expect(wrong.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(3);
		expect(wrong.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(7);

		// Right passwords at once from elsewhere all get in, and give back what they counted.
		const right = await Promise.all(Array.from({ length: 3 }, () => signIn('songsong', TEST_PASSWORD, HOME)));
		expect(right).toEqual(Array.from({ length: 3 }, () => ({ ok: true, userId: id, mustChangePassword: false })));
		expect(throttleRow(counters('songsong', HOME).address.key)).toBeUndefined();
		expect(throttleRow(counters('songsong', HOME).account.key)).toMatchObject({ failures: 3 });
	});
});

describe('throttle counters', () => {
	const RULE = { free: 3, windowMs: HOUR };

	it('keys an attempt by the address with the normalised username, by the address, and by the username', () => {
		expect(counters('  NguyenVan ', '192.0.2.1')).toEqual({
			pair: { key: 'pair:192.0.2.1 nguyenvan', rule: THROTTLE.pair },
			address: { key: 'ip:192.0.2.1', rule: THROTTLE.address },
			account: { key: 'user:nguyenvan', rule: THROTTLE.account }
		});
	});

	it('waits nothing for the free failures, then doubles from 1 second up to 15 minutes', () => {
		expect(FIRST_DELAY_MS).toBe(SECOND);
		expect(MAX_DELAY_MS).toBe(15 * MINUTE);
		expect([0, 1, 2, 3, 4, 5, 12, 13, 14, 10_000].map((n) => delayAfter(n, THROTTLE.pair) / SECOND)).toEqual([
			0, 0, 0, 1, 2, 4, 512, 900, 900, 900
		]);
		expect([29, 30, 31].map((n) => delayAfter(n, THROTTLE.address) / SECOND)).toEqual([0, 1, 2]);
		expect([49, 50, 51].map((n) => delayAfter(n, THROTTLE.account) / SECOND)).toEqual([0, 1, 2]);
	});

	it('starts a counter afresh once its window has passed', () => {
		const counter = { key: 'user:thu', rule: RULE };
		for (const at of [T0, T0 + 10 * MINUTE, T0 + 20 * MINUTE, T0 + HOUR - 1]) {
			expect(beginAttempt(db, [counter], at).ok).toBe(true);
		}
		expect(throttleRow('user:thu')).toMatchObject({ failures: 4 });
		expect(waitMs(db, ['user:thu'], T0 + HOUR - 1)).toBe(2 * SECOND);

		expect(beginAttempt(db, [counter], T0 + HOUR + 2 * SECOND).ok).toBe(true);
		expect(throttleRow('user:thu')).toMatchObject({ failures: 1, lockedUntil: null });
		expect(throttleRow('user:thu')!.windowStartedAt.getTime()).toBe(T0 + HOUR + 2 * SECOND);
	});

	it('reports the longest wait among the keys, and 0 for keys never seen', () => {
		for (let i = 0; i < 3; i++) beginAttempt(db, [{ key: 'user:mot', rule: RULE }], T0);
		for (let i = 0; i < 4; i++) beginAttempt(db, [{ key: 'user:hai', rule: RULE }], T0 + (i === 3 ? SECOND : 0));

		expect(waitMs(db, ['user:mot'], T0)).toBe(SECOND);
		expect(waitMs(db, ['user:mot', 'user:hai', 'ip:chua-gap'], T0 + SECOND)).toBe(2 * SECOND);
		expect(waitMs(db, ['ip:chua-gap'], T0)).toBe(0);
		expect(waitMs(db, ['user:mot', 'user:hai'], T0 + 3 * SECOND)).toBe(0);
	});

	it('keeps the wait of a failure counted after the one it takes back', () => {
		const counter = { key: 'ip:chung', rule: RULE };
		const mine = beginAttempt(db, [counter], T0);
		for (let i = 0; i < 2; i++) beginAttempt(db, [counter], T0);
		if (!mine.ok) throw new Error('expected the attempt to go ahead');
		forgiveAttempt(db, mine, []);

		expect(throttleRow('ip:chung')).toMatchObject({ failures: 2 });
		expect(waitMs(db, ['ip:chung'], T0)).toBe(SECOND);
	});

	it('says how long to wait in seconds under a minute, then in whole minutes rounded up', () => {
		expect([1, 1000, 1001, 59_000, 59_001, 60_000, 61_000, 15 * MINUTE].map(waitText)).toEqual([
			'1 giây',
			'1 giây',
			'2 giây',
			'59 giây',
			'1 phút',
			'1 phút',
			'2 phút',
			'15 phút'
		]);
	});
});

describe('forgetting and pruning counters', () => {
	const keys = () =>
		db
			.select()
			.from(loginThrottle)
			.all()
			.map((r) => r.key)
			.sort();

	it('forgets one account’s own counters from every address, never another account’s or an address’s', async () => {
		await createTestAccount(db, 'quenmk');
		await failPatiently(6, 'quenmk', HOME);
		await failTimes(1, 'QuenMK ', OFFICE);
		await failTimes(1, 'quenmk2', HOME);
		// "pair:<address> <name>": a name that ends like another's must not match it.
		await failTimes(1, 'xquenmk', OFFICE);
		expect((await signIn('quenmk', TEST_PASSWORD, HOME)).ok).toBe(false);

		forgetAccount(db, ' QUENMK');
		expect(keys()).toEqual(
			[
				`ip:${HOME}`,
				`ip:${OFFICE}`,
				`pair:${HOME} quenmk2`,
				`pair:${OFFICE} xquenmk`,
				'user:quenmk2',
				'user:xquenmk'
			].sort()
		);
		expect(await signIn('quenmk', TEST_PASSWORD, HOME)).toMatchObject({ ok: true });
	});

	it('prunes only counters whose window began over a day ago and that make nobody wait', () => {
		const DAY = 24 * HOUR;
		const row = (key: string, started: number, lockedUntil: number | null) =>
			db
				.insert(loginThrottle)
				.values({
					key,
					failures: 9,
					windowStartedAt: new Date(started),
					lockedUntil: lockedUntil === null ? null : new Date(lockedUntil)
				})
				.run();
		row('user:cu', T0, null);
		row('pair:10.0.0.9 cu', T0, T0 + 2 * DAY);
		row('ip:10.0.0.9', T0 + DAY, null);

		expect(pruneThrottle(db, T0 + DAY - 1)).toBe(0);
		expect(pruneThrottle(db, T0 + DAY + 1)).toBe(1);
		expect(keys()).toEqual(['ip:10.0.0.9', 'pair:10.0.0.9 cu']);
		// The lock has ended, and the address's window too.
		expect(pruneThrottle(db, T0 + 2 * DAY + 1)).toBe(2);
		expect(keys()).toEqual([]);
	});
});
