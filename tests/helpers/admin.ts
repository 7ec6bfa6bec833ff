// Shared setup and read-backs for the administration tests (server/admin/*.spec.ts and the audit log).
import { and, asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestAccount, createTestDb, createTestTree, giveRole } from './db';
import { maintainedCounts } from './sheets';
import { type Db } from '../../src/lib/server/db/client';
import {
	auditEvent,
	membership,
	period,
	roleGrant,
	unit,
	unitSignStats,
	unitStats,
	user
} from '../../src/lib/server/db/schema';
import { ensureDefaultTemplate } from '../../src/lib/server/admin/templates';
import { findUnit, type UnitRow } from '../../src/lib/server/db/queries/units';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import { type AuthUser } from '../../src/lib/server/auth/types';

export const TODAY = '2026-03-10';

/** The test tree, the default template and an administrator (an account without membership) to act. */
export async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const adminId = await createTestAccount(db, 'quantri');
	giveRole(db, adminId, 'admin', tree.province);
	return { db, version, content: version.content, tree, adminId };
}
export type Ctx = Awaited<ReturnType<typeof setup>>;

export const units = (db: Db) => db.select().from(unit).orderBy(asc(unit.id)).all();
export const memberships = (db: Db) => db.select().from(membership).orderBy(asc(membership.id)).all();
export const audits = (db: Db, action: string) =>
	db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(asc(auditEvent.id)).all();
export const count = (
	db: Db,
	table: typeof unit | typeof period | typeof roleGrant | typeof auditEvent | typeof user
) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;
export const memberCount = (db: Db, u: UnitRow) => findUnit(db, u.id)!.memberCount;

/** Every unit's path is its parent's path plus its own id, and its depth is the number of ancestors. */
export function expectConsistentTree(db: Db): void {
	const all = units(db);
	const byId = new Map(all.map((u) => [u.id, u]));
	for (const u of all) {
		const parent = u.parentId === null ? undefined : byId.get(u.parentId);
		expect(u.path, u.name).toBe(`${parent?.path ?? '/'}${u.id}/`);
		expect(u.depth, u.name).toBe(parent ? parent.depth + 1 : 0);
	}
}

export const COUNTERS = ['draft', 'submitted', 'returned', 'approved', 'tot', 'kha', 'trungBinh', 'yeuKem'] as const;

/** A unit's counters and flagged signs for a period (no row means zeros). */
export function statsAt(db: Db, periodId: number, unitId: number) {
	const row = db
		.select()
		.from(unitStats)
		.where(and(eq(unitStats.periodId, periodId), eq(unitStats.unitId, unitId)))
		.get();
	const counters = Object.fromEntries(COUNTERS.map((c) => [c, row?.[c] ?? 0]));
	const flagged = Object.fromEntries(
		db
			.select()
			.from(unitSignStats)
			.where(and(eq(unitSignStats.periodId, periodId), eq(unitSignStats.unitId, unitId)))
			.all()
			.filter((r) => r.flagged !== 0)
			.map((r) => [r.code, r.flagged])
	);
	return { counters, flagged };
}

/** Maintained counts with rows of zeros left out (a zero row means the same as no row). */
export function normalisedCounts(db: Db, periodId: number) {
	const m = maintainedCounts(db, periodId);
	return {
		stats: m.stats.filter((r) => COUNTERS.some((c) => r[c] !== 0)),
		signStats: m.signStats.filter((r) => r.flagged !== 0),
		memberCounts: m.memberCounts
	};
}

/** The user a request carries for this session token, as the hook builds it. */
export function requestUser(db: Db, token: string): AuthUser {
	const found = validateSessionToken(db, token);
	if (!found) throw new Error('session not valid');
	return found.user;
}

export function signIn(db: Db, userId: number): string {
	const token = generateSessionToken();
	createSession(db, token, userId);
	return token;
}
