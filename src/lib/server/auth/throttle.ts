import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;
// An address may serve a whole office behind one NAT, so it gets more room than one account.
export const MAX_FAILURES = { account: 5, address: 30 } as const;

/** The throttle keys of one sign-in attempt. */
export function throttleKeys(username: string, address: string) {
	return { account: `user:${username.trim().toLowerCase()}`, address: `ip:${address}` } as const;
}

/** Minutes left on a lock for any of the keys, or 0 when sign-in may be tried. */
export function lockedMinutes(db: Db, keys: readonly string[], now = Date.now()): number {
	let until = 0;
	for (const key of keys) {
		const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
		const lockedUntil = row?.lockedUntil?.getTime() ?? 0;
		if (lockedUntil > now) until = Math.max(until, lockedUntil);
	}
	return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

/** Counts a failed attempt against a key and locks it once it reaches `limit` within the window. */
export function recordFailure(db: Db, key: string, limit: number, now = Date.now()): void {
	db.transaction((tx) => {
		const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
		const fresh = !row || now - row.windowStartedAt.getTime() > WINDOW_MS;
		const failures = fresh ? 1 : row.failures + 1;
		const values = {
			failures,
			windowStartedAt: fresh ? new Date(now) : row.windowStartedAt,
			lockedUntil: failures >= limit ? new Date(now + LOCK_MS) : null
		};
		tx.insert(loginThrottle)
			.values({ key, ...values })
			.onConflictDoUpdate({ target: loginThrottle.key, set: values })
			.run();
	});
}

/** Forgets the failures of a key after a successful sign-in. */
export function clearFailures(db: Db, key: string): void {
	db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
}
