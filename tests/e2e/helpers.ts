import { expect, type Page } from '@playwright/test';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { createMember } from '../../src/lib/server/db/queries/members';
import { member, membership, period, reviewNote, roleGrant, sheet, unit, user } from '../../src/lib/server/db/schema';
import { createSheet, writeSheetChanges } from '../../src/lib/server/db/queries/sheets';
import { hashPassword } from '../../src/lib/server/auth/password';
import { E2E_DATABASE } from './paths';

import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo';

export { DEMO_PASSWORD };

/** Waits until the page's scripts have taken over (at once when JavaScript is off). */
export async function hydrated(page: Page): Promise<void> {
	// SvelteKit's inline start-up script defines a __sveltekit_* global; without JavaScript it never runs. It is
	// near the end of the page: asked before the page is parsed, a page with scripts would pass for one without.
	await page.waitForLoadState('domcontentloaded');
	const scripting = await page.evaluate(() => Object.keys(window).some((key) => key.startsWith('__sveltekit')));
	if (scripting) await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await hydrated(page);
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

let created = 0;

/** A new member of "Chi bộ Văn phòng Sở" with the demo password, so a test has a sheet nobody else touches. */
export async function newMember(prefix = 'thu', fullName = 'Đặng Thị Thử'): Promise<string> {
	created += 1;
	const username = `${prefix}${process.pid}x${created}`;
	const db = createDb(E2E_DATABASE);
	try {
		const chapter = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get();
		if (!chapter) throw new Error('The demo data has no "Chi bộ Văn phòng Sở"');
		createMember(db, {
			username,
			fullName: `${fullName} ${created}`,
			passwordHash: await demoHash(),
			mustChangePassword: false,
			dateOfBirth: '1990-04-30',
			position: 'Chuyên viên',
			targetGroup: 'B',
			chapterId: chapter.id,
			joinedOn: '2015-02-03'
		});
	} finally {
		db.$client.close();
	}
	return username;
}

let hash: Promise<string> | undefined;
const demoHash = () => (hash ??= hashPassword(DEMO_PASSWORD));

/** Adds a member with a temporary password straight into the test server's database (it runs in WAL mode, so this is safe while it serves). */
export async function createMemberWithTemporaryPassword(username: string, password: string): Promise<void> {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(unit).where(eq(unit.kind, 'chi_bo')).limit(1).get();
		if (!found) throw new Error('The demo data has no chapter');
		createMember(db, {
			username,
			fullName: 'Đỗ Thị Mới',
			passwordHash: await hashPassword(password),
			mustChangePassword: true,
			dateOfBirth: '1995-09-02',
			position: 'Chuyên viên',
			targetGroup: 'B',
			chapterId: found.id,
			joinedOn: '2024-05-19'
		});
	} finally {
		db.$client.close();
	}
}

/** Makes a member's sheet for the open period and puts it in "returned" with the chi ủy's notes, as a secretary would. */
export async function returnedSheetWithNotes(
	username: string,
	notes: { code: string | null; text: string }[]
): Promise<void> {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(user).where(eq(user.username, username)).get();
		if (!found) throw new Error(`No user ${username}`);
		const profile = db.select().from(member).where(eq(member.userId, found.id)).get()!;
		const current = db
			.select()
			.from(membership)
			.where(and(eq(membership.memberId, found.id), isNull(membership.endedOn)))
			.get()!;
		const open = db.select().from(period).where(isNull(period.closedAt)).get()!;
		const secretary = db
			.select()
			.from(roleGrant)
			.where(and(eq(roleGrant.role, 'secretary'), eq(roleGrant.unitId, current.unitId)))
			.get()!;
		const made = createSheet(db, {
			periodId: open.id,
			year: open.year,
			memberId: found.id,
			chapterId: current.unitId,
			targetGroup: profile.targetGroup,
			templateVersionId: open.templateVersionId
		});
		db.update(sheet).set({ status: 'returned', revision: 1 }).where(eq(sheet.id, made.id)).run();
		for (const note of notes)
			db.insert(reviewNote)
				.values({ sheetId: made.id, code: note.code, text: note.text, authorId: secretary.userId })
				.run();
	} finally {
		db.$client.close();
	}
}

/** Gives a member a handed-in sheet in last year's (closed) period whose flagged signs carry actions: this year's plan to report on. */
export function lastYearSheetWithPlan(
	username: string,
	plan: Record<string, { level: 1 | 2 | 3; action: string }>
): void {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(user).where(eq(user.username, username)).get();
		if (!found) throw new Error(`No user ${username}`);
		const profile = db.select().from(member).where(eq(member.userId, found.id)).get()!;
		const current = db
			.select()
			.from(membership)
			.where(and(eq(membership.memberId, found.id), isNull(membership.endedOn)))
			.get()!;
		const open = db.select().from(period).where(isNull(period.closedAt)).get()!;
		const last = db
			.select()
			.from(period)
			.where(and(isNotNull(period.closedAt), eq(period.year, open.year - 1)))
			.get();
		if (!last) throw new Error(`The demo data has no closed period for ${open.year - 1}`);
		const made = createSheet(db, {
			periodId: last.id,
			year: last.year,
			memberId: found.id,
			chapterId: current.unitId,
			targetGroup: profile.targetGroup,
			templateVersionId: last.templateVersionId
		});
		const answers = Object.fromEntries(
			Object.entries(plan).map(([code, { level, action }]) => [
				code,
				{ level, action, actionDeadline: `${last.year}-12-31` }
			])
		);
		writeSheetChanges(db, made.id, { answers });
		db.update(sheet)
			.set({ status: 'submitted', revision: 1, submittedAt: new Date() })
			.where(eq(sheet.id, made.id))
			.run();
	} finally {
		db.$client.close();
	}
}
