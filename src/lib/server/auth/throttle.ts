import { and, eq, isNull, like, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** How one counter slows attempts: `free` failures within `windowMs` cost nothing; each one after that makes the next attempt wait, doubling from 1 second up to 15 minutes. */
export interface ThrottleRule {
	free: number;
	windowMs: number;
}

// Slow an attacker, never lock out the owner (OWASP ASVS 2.2.1): nothing is ever locked for good, and the
// counter an attacker can drive up from one address (the pair) is not the one the owner elsewhere needs.
export const THROTTLE = {
	// One account from one address: a person mistyping, or one attacker guessing. The window is a day so
	// that waiting out a short window does not buy the attacker fresh free guesses.
	pair: { free: 3, windowMs: 24 * HOUR },
	// Many accounts from one address (credential stuffing). An office behind one NAT shares it, hence the room.
	address: { free: 30, windowMs: HOUR },
	// One account from many addresses. One address can fail at most about 15 times an hour (its pair waits),
	// so only a distributed attack reaches this, and even then at most about 60 guesses an hour get through.
	account: { free: 50, windowMs: HOUR }
} as const satisfies Record<string, ThrottleRule>;

export const FIRST_DELAY_MS = SECOND;
export const MAX_DELAY_MS = 15 * MINUTE;

/** One counter an attempt is checked and counted against. */
export interface Counter {
	key: string;
	rule: ThrottleRule;
}

/** The failure counted against one key before the password was checked, so it can be taken back. */
interface CountedFailure {
	key: string;
	failures: number;
	windowStartedAt: number;
}

/** An attempt either waits (and nothing was checked or counted) or goes ahead, already counted as a failure. */
export type Attempt = { ok: false; waitMs: number } | { ok: true; counted: CountedFailure[] };

/** The username as sign-in compares it. */
const accountName = (username: string) => username.trim().toLowerCase();
/** The counter of one account from any address. */
const accountKey = (name: string) => `user:${name}`;

/** The counters of one sign-in attempt (the username is compared the way sign-in finds the account). */
export function signInCounters(username: string, address: string) {
	const name = accountName(username);
	return {
		// The address first: it has no spaces, so no username can make two pairs share a key.
		pair: { key: `pair:${address} ${name}`, rule: THROTTLE.pair },
		address: { key: `ip:${address}`, rule: THROTTLE.address },
		account: { key: accountKey(name), rule: THROTTLE.account }
	} as const satisfies Record<string, Counter>;
}

/** How long the next attempt must wait after `failures` failures within a window of `rule`. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
	if (failures < rule.free) return 0;
	return Math.min(FIRST_DELAY_MS * 2 ** (failures - rule.free), MAX_DELAY_MS);
}

/** Milliseconds until an attempt may be made against every one of `keys`, or 0. */
export function waitMs(db: Db, keys: readonly string[], now = Date.now()): number {
	let until = 0;
	for (const key of keys) {
		const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
		until = Math.max(until, row?.lockedUntil?.getTime() ?? 0);
	}
	return Math.max(0, until - now);
}

function countFailure(db: Db, { key, rule }: Counter, now: number): CountedFailure {
	const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const fresh = !row || now - row.windowStartedAt.getTime() >= rule.windowMs;
	const failures = fresh ? 1 : row.failures + 1;
	const windowStartedAt = fresh ? new Date(now) : row.windowStartedAt;
	const delay = delayAfter(failures, rule);
	const values = { failures, windowStartedAt, lockedUntil: delay > 0 ? new Date(now + delay) : null };
	db.insert(loginThrottle)
		.values({ key, ...values })
		.onConflictDoUpdate({ target: loginThrottle.key, set: values })
		.run();
	return { key, failures, windowStartedAt: windowStartedAt.getTime() };
}

/**
 * Starts an attempt: when any counter still makes it wait, says how long and counts nothing (the password
 * is not even checked). Otherwise counts the attempt as a failure on every counter before the password is
 * checked, so that attempts sent all at once cannot each slip through before the first one is counted.
 */
export function beginAttempt(db: Db, counters: readonly Counter[], now = Date.now()): Attempt {
	return db.transaction(
		(tx) => {
			const wait = waitMs(
				tx,
				counters.map((c) => c.key),
				now
			);
			if (wait > 0) return { ok: false, waitMs: wait };
			return { ok: true, counted: counters.map((c) => countFailure(tx, c, now)) };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Ends an attempt whose password was right: the keys in `reset` are forgotten, and the failure counted on
 * the others is taken back (with the wait it set, unless another failure has been counted since).
 */
export function forgiveAttempt(db: Db, attempt: Extract<Attempt, { ok: true }>, reset: readonly string[]): void {
	db.transaction(
		(tx) => {
			for (const counted of attempt.counted) {
				const where = eq(loginThrottle.key, counted.key);
				const row = tx.select().from(loginThrottle).where(where).get();
				// Gone, or a new window has begun since: the failure it counted is already forgotten.
				const stillCounted = row !== undefined && row.windowStartedAt.getTime() === counted.windowStartedAt;
				if (reset.includes(counted.key) || (stillCounted && row.failures <= 1)) {
					tx.delete(loginThrottle).where(where).run();
					continue;
				}
				if (!stillCounted) continue;
				// When no failure was counted after this one, the wait it set is its own; otherwise keep the later one.
				const lastCounted = row.failures === counted.failures;
				tx.update(loginThrottle)
					.set({ failures: row.failures - 1, lockedUntil: lastCounted ? null : row.lockedUntil })
					.where(where)
					.run();
			}
		},
		{ behavior: 'immediate' }
	);
}

/** What a person is told when they must wait `ms` before trying again, rounded up (seconds, then minutes). */
export function waitText(ms: number): string {
	const seconds = Math.max(1, Math.ceil(ms / SECOND));
	return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** The longest window of any counter: a counter untouched that long that makes nobody wait counts nothing any more. */
const LONGEST_WINDOW_MS = Math.max(...Object.values(THROTTLE).map((rule) => rule.windowMs));

/**
 * Forgets one account's own counters — its pairs with every address and the account's — as when an administrator
 * gives it a new password: the owner, who may have locked themselves out, signs in with it at once. The addresses'
 * counters stay, since they stand for every account tried from there.
 */
export function forgetAccount(db: Db, username: string): void {
	const name = accountName(username);
	const { key } = loginThrottle;
	db.delete(loginThrottle)
		.where(
			or(
				eq(key, accountKey(name)),
				// A pair's key is "pair:<address> <name>", and an address has no spaces.
				and(like(key, 'pair:%'), sql`substr(${key}, instr(${key}, ' ') + 1) = ${name}`)
			)
		)
		.run();
}

/**
 * Deletes the counters that count nothing any more — whose window began over a day ago (the longest window; a
 * shorter one is over by then too) and that make nobody wait — so the table does not grow with every address
 * that ever tried. Returns how many went.
 */
export function pruneThrottle(db: Db, now = Date.now()): number {
	return db
		.delete(loginThrottle)
		.where(
			and(
				lt(loginThrottle.windowStartedAt, new Date(now - LONGEST_WINDOW_MS)),
				or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, new Date(now)))
			)
		)
		.run().changes;
}
