import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { session } from '../db/schema';
import { deleteSession, extendSession, findSession } from '../db/queries/sessions';
import type { AuthUser } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
// Extend a session once it is past half its life, so an active user never gets signed out.
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export const SESSION_COOKIE = 'tusoi_session';

/** A new random session token (160 bits), the value that goes into the cookie. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The id stored for a token: its SHA-256, so a leaked database does not leak live sessions. */
export function sessionIdOf(token: string): string {
	// node:crypto's SHA-256 (native), not a JavaScript one: this runs on every request.
	return createHash('sha256').update(token).digest('hex');
}

/** Stores a session for the token and returns its expiry. */
export function createSession(db: Db, token: string, userId: number, now = Date.now()): Date {
	const expiresAt = new Date(now + SESSION_LIFETIME_MS);
	db.insert(session)
		.values({ id: sessionIdOf(token), userId, expiresAt })
		.run();
	return expiresAt;
}

/**
 * The signed-in user and the session's (possibly extended) expiry, or null when the token is unknown, expired or
 * the account inactive. One compiled statement reads the session, the account, its chapter and its grants: it runs
 * on every request. `renewed` says the expiry moved, so the cookie must be sent again with it.
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): { user: AuthUser; expiresAt: Date; sessionId: string; renewed: boolean } | null {
	const sessionId = sessionIdOf(token);
	const row = findSession(db, sessionId);
	if (!row) return null;
	if (row.expiresAt.getTime() <= now || !row.active) {
		deleteSession(db, sessionId);
		return null;
	}
	let expiresAt = row.expiresAt;
	const renewed = expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS;
	if (renewed) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		extendSession(db, sessionId, expiresAt);
	}
	const user: AuthUser = {
		id: row.userId,
		username: row.username,
		fullName: row.fullName,
		mustChangePassword: row.mustChangePassword,
		chapterId: row.chapterId,
		targetGroup: row.targetGroup,
		grants: row.grants
	};
	return { user, expiresAt, sessionId, renewed };
}

/** Ends one session (sign-out). */
export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a user, e.g. after a password change. */
export function invalidateUserSessions(db: Db, userId: number): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

/** Removes expired sessions; run on start and every hour (startup.ts) so the table does not grow without bound. */
export function deleteExpiredSessions(db: Db, now = Date.now()): number {
	return db
		.delete(session)
		.where(lte(session.expiresAt, new Date(now)))
		.run().changes;
}
