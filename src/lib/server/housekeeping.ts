// What only grows unless something drops it: run when the server starts and every hour while it runs.
import type { Db } from './db/client';
import { deleteExpiredSessions } from './auth/session';
import { pruneThrottle } from './auth/throttle';

/** How often housekeeping runs while the server runs: every hour. */
export const HOUSEKEEPING_MS = 60 * 60 * 1000;

/** Drops expired sessions and the sign-in counters that count nothing any more; says how many of each went. */
export function housekeeping(db: Db, now = Date.now()): { sessions: number; counters: number } {
	return { sessions: deleteExpiredSessions(db, now), counters: pruneThrottle(db, now) };
}
