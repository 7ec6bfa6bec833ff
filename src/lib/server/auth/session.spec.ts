import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	giveRole
} from '../../../../tests/helpers/db';
import type { Connection, Db } from '../db/client';
import { moveMember } from '../db/queries/members';
import { session, user } from '../db/schema';
import {
	createSession,
	deleteExpiredSessions,
	generateSessionToken,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	sessionIdOf,
	validateSessionToken
} from './session';

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);

function sessionRows(db: Db) {
	return db.select().from(session).all();
}

describe('generateSessionToken', () => {
	it('gives 32 lower-case base32 characters (160 bits)', () => {
		expect(generateSessionToken()).toMatch(/^[a-z2-7]{32}$/);
	});

	it('never repeats a token', () => {
		const tokens = new Set(Array.from({ length: 500 }, () => generateSessionToken()));
		expect(tokens.size).toBe(500);
	});

	it('uses the whole alphabet at every position, not a fixed or counter-like prefix', () => {
		const tokens = Array.from({ length: 200 }, () => generateSessionToken());
		const firstChars = new Set(tokens.map((t) => t[0]));
		const lastChars = new Set(tokens.map((t) => t[31]));
		// 200 draws from 32 symbols: fewer than 16 distinct would mean the bytes are not random.
		expect(firstChars.size).toBeGreaterThan(16);
		expect(lastChars.size).toBeGreaterThan(16);
	});
});

describe('sessions in the database', () => {
	let db: Connection;
	let tree: ReturnType<typeof createTestTree>;

	beforeEach(() => {
		db = createTestDb();
		tree = createTestTree(db);
	});

	it('stores only the SHA-256 hex of the token, never the token itself', async () => {
		const userId = await createTestAccount(db, 'phien1');
		const token = generateSessionToken();
		createSession(db, token, userId, T0);

		const rows = sessionRows(db);
		expect(rows).toHaveLength(1);
		const expectedId = createHash('sha256').update(token).digest('hex');
		expect(rows[0].id).toBe(expectedId);
		expect(sessionIdOf(token)).toBe(expectedId);
		// Look at the raw stored values of every column, not just the ones drizzle maps.
		const raw = db.$client.prepare('select * from session').all() as Record<string, unknown>[];
		for (const value of Object.values(raw[0])) {
			expect(String(value).toLowerCase()).not.toContain(token);
		}
	});

	it('returns null for a token that was never issued', () => {
		expect(validateSessionToken(db, generateSessionToken(), T0)).toBeNull();
	});

	it('returns the user with grants, current chapter and target group', async () => {
		const memberId = await createTestMember(db, tree.chapterA, {
			username: 'bithu.a',
			fullName: 'Trần Thị Hạnh',
			targetGroup: 'A'
		});
		giveRole(db, memberId, 'secretary', tree.chapterA);
		giveRole(db, memberId, 'committee', tree.branch);
		const token = generateSessionToken();
		const expiresAt = createSession(db, token, memberId, T0);

		const found = validateSessionToken(db, token, T0 + 1000);
		expect(found).not.toBeNull();
		expect(found!.sessionId).toBe(sessionIdOf(token));
		expect(found!.expiresAt.getTime()).toBe(expiresAt.getTime());
		expect(found!.user).toEqual({
			id: memberId,
			username: 'bithu.a',
			fullName: 'Trần Thị Hạnh',
			mustChangePassword: false,
			chapterId: tree.chapterA.id,
			targetGroup: 'A',
			grants: expect.arrayContaining([
				{ role: 'secretary', unitId: tree.chapterA.id, unitPath: tree.chapterA.path },
				{ role: 'committee', unitId: tree.branch.id, unitPath: tree.branch.path }
			])
		});
		expect(found!.user.grants).toHaveLength(2);
	});

	it('gives an account without membership no chapter, no target group and no grants', async () => {
		const userId = await createTestAccount(db, 'khongchibo', true);
		const token = generateSessionToken();
		createSession(db, token, userId, T0);

		const found = validateSessionToken(db, token, T0);
		expect(found!.user).toMatchObject({ chapterId: null, targetGroup: null, grants: [], mustChangePassword: true });
	});

	it('reports the chapter the member belongs to now, after a move', async () => {
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'C' });
		moveMember(db, memberId, tree.otherChapter.id, '2026-01-15');
		const token = generateSessionToken();
		createSession(db, token, memberId, T0);

		expect(validateSessionToken(db, token, T0)!.user).toMatchObject({
			chapterId: tree.otherChapter.id,
			targetGroup: 'C'
		});
	});

	it('rejects an expired session and deletes its row', async () => {
		const userId = await createTestAccount(db, 'hethan');
		const token = generateSessionToken();
		const expiresAt = createSession(db, token, userId, T0);

		expect(validateSessionToken(db, token, expiresAt.getTime() + 1)).toBeNull();
		expect(sessionRows(db)).toHaveLength(0);
	});

	it('treats the very millisecond of expiry as expired', async () => {
		const userId = await createTestAccount(db, 'hethan2');
		const token = generateSessionToken();
		const expiresAt = createSession(db, token, userId, T0);

		expect(validateSessionToken(db, token, expiresAt.getTime())).toBeNull();
	});

	it('extends a session with less than 15 days left to a full 30 days from now', async () => {
		const userId = await createTestAccount(db, 'truot');
		const token = generateSessionToken();
		createSession(db, token, userId, T0);
		const now = T0 + 16 * DAY_MS; // 14 days left

		const found = validateSessionToken(db, token, now);
		expect(found!.expiresAt.getTime()).toBe(now + 30 * DAY_MS);
		expect(found!.renewed).toBe(true);
		expect(SESSION_LIFETIME_MS).toBe(30 * DAY_MS);
		expect(sessionRows(db)[0].expiresAt.getTime()).toBe(now + 30 * DAY_MS);
	});

	it('leaves a session with more than 15 days left as it is', async () => {
		const userId = await createTestAccount(db, 'khongtruot');
		const token = generateSessionToken();
		const expiresAt = createSession(db, token, userId, T0);
		const now = T0 + 14 * DAY_MS; // 16 days left

		const found = validateSessionToken(db, token, now);
		expect(found!.expiresAt.getTime()).toBe(expiresAt.getTime());
		// Nothing moved, so the cookie (which expires with the session) is not sent again.
		expect(found!.renewed).toBe(false);
		expect(sessionRows(db)[0].expiresAt.getTime()).toBe(T0 + 30 * DAY_MS);
	});

	it('rejects the session of a deactivated account', async () => {
		const userId = await createTestAccount(db, 'khoa');
		const token = generateSessionToken();
		createSession(db, token, userId, T0);
		expect(validateSessionToken(db, token, T0)).not.toBeNull();

		db.update(user).set({ active: false }).where(eq(user.id, userId)).run();
		expect(validateSessionToken(db, token, T0)).toBeNull();
	});

	it('invalidateUserSessions ends every session of that user and no one else', async () => {
		const first = await createTestAccount(db, 'nguoi1');
		const second = await createTestAccount(db, 'nguoi2');
		const firstTokens = [generateSessionToken(), generateSessionToken()];
		for (const t of firstTokens) createSession(db, t, first, T0);
		const secondToken = generateSessionToken();
		createSession(db, secondToken, second, T0);

		invalidateUserSessions(db, first);

		for (const t of firstTokens) expect(validateSessionToken(db, t, T0)).toBeNull();
		expect(validateSessionToken(db, secondToken, T0)!.user.id).toBe(second);
		expect(sessionRows(db).map((r) => r.userId)).toEqual([second]);
	});

	it('deleteExpiredSessions removes only the sessions past their expiry and says how many', async () => {
		const userId = await createTestAccount(db, 'donhep');
		const old1 = generateSessionToken();
		const old2 = generateSessionToken();
		const fresh = generateSessionToken();
		createSession(db, old1, userId, T0 - 40 * DAY_MS);
		createSession(db, old2, userId, T0 - 31 * DAY_MS);
		createSession(db, fresh, userId, T0 - 29 * DAY_MS);

		expect(deleteExpiredSessions(db, T0)).toBe(2);
		expect(sessionRows(db).map((r) => r.id)).toEqual([sessionIdOf(fresh)]);
		expect(deleteExpiredSessions(db, T0)).toBe(0);
		expect(validateSessionToken(db, fresh, T0)).not.toBeNull();
	});
});
