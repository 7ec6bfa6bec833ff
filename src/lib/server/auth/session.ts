import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { member, membership, roleGrant, session, unit, user } from '../db/schema';
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
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Stores a session for the token and returns its expiry. */
export function createSession(db: Db, token: string, userId: number, now = Date.now()): Date {
	const expiresAt = new Date(now + SESSION_LIFETIME_MS);
	db.insert(session)
		.values({ id: sessionIdOf(token), userId, expiresAt })
		.run();
	return expiresAt;
}

/** The signed-in user and the session's (possibly extended) expiry, or null when the token is unknown, expired or the account inactive. */
export function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): { user: AuthUser; expiresAt: Date; sessionId: string } | null {
	const sessionId = sessionIdOf(token);
	const row = db
		.select({
			userId: user.id,
			username: user.username,
			fullName: user.fullName,
			mustChangePassword: user.mustChangePassword,
			active: user.active,
			expiresAt: session.expiresAt
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, sessionId))
		.get();
	if (!row) return null;
	if (row.expiresAt.getTime() <= now || !row.active) {
		db.delete(session).where(eq(session.id, sessionId)).run();
		return null;
	}
	let expiresAt = row.expiresAt;
	if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		db.update(session).set({ expiresAt }).where(eq(session.id, sessionId)).run();
	}
	return { user: loadAuthUser(db, row), expiresAt, sessionId };
}

function loadAuthUser(
	db: Db,
	row: { userId: number; username: string; fullName: string; mustChangePassword: boolean }
): AuthUser {
	const current = db
		.select({ unitId: membership.unitId, targetGroup: member.targetGroup })
		.from(membership)
		.innerJoin(member, eq(member.userId, membership.memberId))
		.where(and(eq(membership.memberId, row.userId), isNull(membership.endedOn)))
		.get();
	const grants = db
		.select({ role: roleGrant.role, unitId: roleGrant.unitId, unitPath: unit.path })
		.from(roleGrant)
		.innerJoin(unit, eq(unit.id, roleGrant.unitId))
		.where(eq(roleGrant.userId, row.userId))
		.all();
	return {
		id: row.userId,
		username: row.username,
		fullName: row.fullName,
		mustChangePassword: row.mustChangePassword,
		chapterId: current?.unitId ?? null,
		targetGroup: current?.targetGroup ?? null,
		grants
	};
}

/** Ends one session (sign-out). */
export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a user, e.g. after a password change. */
export function invalidateUserSessions(db: Db, userId: number): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

/** Removes expired sessions; run on start so the table does not grow without bound. */
export function deleteExpiredSessions(db: Db, now = Date.now()): number {
	return db
		.delete(session)
		.where(lte(session.expiresAt, new Date(now)))
		.run().changes;
}
