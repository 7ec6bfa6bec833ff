// Housekeeping against a migrated database: expired sessions and dead sign-in counters go, live ones stay.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestAccount, createTestDb } from '../../../tests/helpers/db';
import { loginThrottle, session } from './db/schema';
import { createSession, generateSessionToken, validateSessionToken } from './auth/session';
import { housekeeping } from './housekeeping';

const DAY = 24 * 60 * 60 * 1000;

describe('housekeeping', () => {
	it('drops expired sessions and counters that count nothing, and keeps the rest', async () => {
		const db = createTestDb();
		const userId = await createTestAccount(db, 'donrac');
		const live = generateSessionToken();
		createSession(db, live, userId);
		createSession(db, generateSessionToken(), userId);
		const now = Date.now();
		// One session has run out: its expiry is moved to yesterday.
		const [, stale] = db.select().from(session).all();
		db.update(session)
			.set({ expiresAt: new Date(now - DAY) })
			.where(eq(session.id, stale.id))
			.run();
		db.insert(loginThrottle)
			.values([
				{ key: 'ip:10.0.0.1', failures: 3, windowStartedAt: new Date(now - 2 * DAY), lockedUntil: null },
				{ key: 'ip:10.0.0.2', failures: 3, windowStartedAt: new Date(now - 60_000), lockedUntil: null }
			])
			.run();

		expect(housekeeping(db, now)).toEqual({ sessions: 1, counters: 1 });
		expect(validateSessionToken(db, live)).not.toBeNull();
		expect(
			db
				.select()
				.from(loginThrottle)
				.all()
				.map((r) => r.key)
		).toEqual(['ip:10.0.0.2']);
		expect(housekeeping(db, now)).toEqual({ sessions: 0, counters: 0 });
	});
});
