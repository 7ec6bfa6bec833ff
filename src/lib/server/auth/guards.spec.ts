import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	giveRole
} from '../../../../tests/helpers/db';
import { signedInUser, testSecretary } from '../../../../tests/helpers/sheets';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import {
	requireAdmin,
	requireApiUser,
	requireMember,
	requireSecretary,
	requireUnitViewer,
	requireUser
} from './guards';
import type { AuthUser, Grant } from './types';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/queries/units';

// Guards take only `locals` and `url` of the request, so a plain object is the whole event.
function event(user: AuthUser | null, url = 'http://localhost/sheets'): Parameters<typeof requireUser>[0] {
	return { locals: { user, sessionId: null }, url: new URL(url) };
}

/** What a guard threw: a redirect's status and target, or an HTTP error's status and message. */
function thrown(run: () => unknown): { status: number; location?: string; message?: string } {
	try {
		run();
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		throw e;
	}
	throw new Error('the guard let the request through');
}

/** An account that is no party member, with the given roles, as a request carries it after signing in. */
async function account(db: Db, username: string, grants: [Grant['role'], UnitRow][] = []): Promise<AuthUser> {
	const id = await createTestAccount(db, username);
	for (const [role, unit] of grants) giveRole(db, id, role, unit);
	const token = generateSessionToken();
	createSession(db, token, id);
	return validateSessionToken(db, token)!.user;
}

async function setup() {
	const db = createTestDb();
	const tree = createTestTree(db);
	const member = signedInUser(db, await createTestMember(db, tree.chapterA));
	const secretary = await testSecretary(db, tree.chapterA);
	const admin = await account(db, 'quantri', [['admin', tree.province]]);
	const committee = await account(db, 'banthuongvu', [['committee', tree.branch]]);
	const outsider = await account(db, 'ngoai');
	return { db, tree, member, secretary, admin, committee, outsider };
}

describe('requireUser', () => {
	it('returns the signed-in user', async () => {
		const { member } = await setup();
		expect(requireUser(event(member))).toBe(member);
	});

	it('sends a visitor to the sign-in page with the path and query to come back to', () => {
		expect(thrown(() => requireUser(event(null, 'http://localhost/chapters/4?tab=ky 2')))).toEqual({
			status: 303,
			location: `/login?next=${encodeURIComponent('/chapters/4?tab=ky%202')}`
		});
		expect(thrown(() => requireUser(event(null, 'http://localhost/sheets')))).toEqual({
			status: 303,
			location: '/login?next=%2Fsheets'
		});
	});
});

describe('requireApiUser', () => {
	it('returns the signed-in user', async () => {
		const { member } = await setup();
		expect(requireApiUser(event(member))).toBe(member);
	});

	it('answers a visitor 401 in Vietnamese, saying what was typed is kept', () => {
		expect(thrown(() => requireApiUser(event(null)))).toEqual({
			status: 401,
			message: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; những gì bạn vừa nhập vẫn được giữ trên máy này.'
		});
	});
});

describe('requireMember', () => {
	it('returns a member with their chapter', async () => {
		const { member, tree } = await setup();
		expect(requireMember(event(member))).toMatchObject({ id: member.id, chapterId: tree.chapterA.id });
	});

	it('refuses an account with no chapter (403, Vietnamese) and sends a visitor to sign in', async () => {
		const { admin } = await setup();
		expect(thrown(() => requireMember(event(admin)))).toEqual({
			status: 403,
			message: 'Tài khoản này không gắn với chi bộ nào nên không có phiếu tự soi, tự sửa.'
		});
		expect(thrown(() => requireMember(event(null)))).toMatchObject({ status: 303 });
	});
});

describe('requireAdmin', () => {
	it('returns an administrator', async () => {
		const { admin } = await setup();
		expect(requireAdmin(event(admin))).toBe(admin);
	});

	it('refuses a committee member, a secretary and a member (403), and sends a visitor to sign in', async () => {
		const { committee, secretary, member } = await setup();
		for (const u of [committee, secretary, member])
			expect(thrown(() => requireAdmin(event(u)))).toEqual({
				status: 403,
				message: 'Chỉ quản trị viên được mở trang này.'
			});
		expect(thrown(() => requireAdmin(event(null)))).toMatchObject({ status: 303 });
	});
});

describe('requireUnitViewer', () => {
	it('lets the committee over a unit, its secretary and an administrator read it, and returns the unit', async () => {
		const { db, tree, committee, secretary, admin } = await setup();
		for (const u of [committee, secretary, admin]) {
			const found = requireUnitViewer(event(u), db, tree.chapterA.id);
			expect(found.user).toBe(u);
			expect(found.unit).toMatchObject({ id: tree.chapterA.id, path: tree.chapterA.path, name: tree.chapterA.name });
		}
		expect(requireUnitViewer(event(committee), db, tree.branch.id).unit.id).toBe(tree.branch.id);
	});

	it("refuses a unit outside the reader's scope with 403, or with 404 when asked to hide it", async () => {
		const { db, tree, committee, secretary, member } = await setup();
		const refusals: [AuthUser, number][] = [
			[committee, tree.otherChapter.id],
			[committee, tree.province.id],
			[secretary, tree.chapterB.id],
			[member, tree.chapterA.id]
		];
		for (const [u, unitId] of refusals) {
			expect(thrown(() => requireUnitViewer(event(u), db, unitId))).toEqual({
				status: 403,
				message: 'Bạn không có quyền xem đơn vị này.'
			});
			expect(thrown(() => requireUnitViewer(event(u), db, unitId, { hide: true }))).toEqual({
				status: 404,
				message: 'Không tìm thấy phiếu.'
			});
		}
	});

	it('answers 404 for a unit that does not exist or an id that is not a whole number', async () => {
		const { db, admin } = await setup();
		for (const id of [9999, Number.NaN, 1.5, Number.MAX_SAFE_INTEGER + 2])
			expect(thrown(() => requireUnitViewer(event(admin), db, id))).toEqual({
				status: 404,
				message: 'Không tìm thấy đơn vị.'
			});
	});

	it('sends a visitor to sign in before looking anything up', async () => {
		const { db } = await setup();
		expect(thrown(() => requireUnitViewer(event(null), db, 9999))).toMatchObject({ status: 303 });
	});
});

describe('requireSecretary', () => {
	it("returns the chapter's own secretary and the chapter", async () => {
		const { db, tree, secretary } = await setup();
		const found = requireSecretary(event(secretary), db, tree.chapterA.id);
		expect(found.user).toBe(secretary);
		expect(found.unit.id).toBe(tree.chapterA.id);
	});

	it('refuses readers who are not its secretary (403, Vietnamese): the committee over it and an administrator', async () => {
		const { db, tree, committee, admin } = await setup();
		for (const u of [committee, admin])
			expect(thrown(() => requireSecretary(event(u), db, tree.chapterA.id))).toEqual({
				status: 403,
				message: 'Chỉ bí thư chi bộ được thực hiện thao tác này.'
			});
	});

	it('hides another chapter from a secretary when asked (404), and refuses it otherwise (403)', async () => {
		const { db, tree, secretary, outsider } = await setup();
		expect(thrown(() => requireSecretary(event(secretary), db, tree.chapterB.id, { hide: true }))).toEqual({
			status: 404,
			message: 'Không tìm thấy phiếu.'
		});
		expect(thrown(() => requireSecretary(event(outsider), db, tree.chapterB.id))).toEqual({
			status: 403,
			message: 'Bạn không có quyền xem đơn vị này.'
		});
		expect(thrown(() => requireSecretary(event(null), db, tree.chapterA.id))).toMatchObject({ status: 303 });
	});
});

/** Where requireUser sends a visitor who is not signed in and asks for `url`. */
function signInRedirect(url: string): string {
	try {
		requireUser({ locals: { user: null, sessionId: null }, url: new URL(url) });
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('expected a redirect');
}

describe('requireUser and the way back after sign-in', () => {
	it('sends a visitor to sign in and back to the page asked for', () => {
		expect(signInRedirect('http://localhost:4310/sheets')).toBe('/login?next=%2Fsheets');
		expect(signInRedirect('http://localhost:4310/units/3?year=2026')).toBe('/login?next=%2Funits%2F3%3Fyear%3D2026');
	});

	it('never puts a path that leaves the site into next', () => {
		expect(signInRedirect('http://localhost:4310//evil.example/x')).toBe('/login');
		expect(signInRedirect('http://localhost:4310/.//evil.example')).toBe('/login');
		expect(signInRedirect('http://localhost:4310/')).toBe('/login');
	});
});
