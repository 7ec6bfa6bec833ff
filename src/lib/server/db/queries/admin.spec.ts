// What an administrator does to the organisation (units, members, roles, periods) and reads back from
// the audit log, on real databases built from the migrations.
import { isHttpError } from '@sveltejs/kit';
import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	giveRole,
	TEST_PASSWORD
} from '../../../../../tests/helpers/db';
import { handIn, maintainedCounts, signedInUser } from '../../../../../tests/helpers/sheets';
import type { Db } from '../client';
import {
	auditEvent,
	member,
	membership,
	period,
	roleGrant,
	session,
	sheet,
	unit,
	unitSignStats,
	unitStats,
	user
} from '../schema';
import { addUnit, closeUnit, moveUnit, renameUnit } from '../../admin/units';
import { deactivateMember, transferMember, updateMemberDetails } from '../../admin/members';
import { memberForAdmin } from './members';
import { closePeriod, extendDeadline, openPeriod, reopenPeriod } from '../../admin/periods';
import { notHandedIn } from './periods';
import { grantRole, revokeRole } from '../../admin/roles';
import { auditLog } from './audit';
import { createPeriod, findPeriod } from './periods';
import { chapterMembers } from './members';
import { ensureDefaultTemplate } from '../../admin/templates';
import { createUnit, findUnit, type UnitRow } from './units';
import { rebuildMemberCounts, rebuildUnitStats } from './stats';
import { attemptSignIn } from '../../auth/login';
import { createSession, generateSessionToken, validateSessionToken } from '../../auth/session';
import { canViewUnit, homePathFor, isSecretaryOf, navigationFor } from '../../auth/access';
import { requireUnitViewer } from '../../auth/guards';
import type { AuthUser } from '../../auth/types';
import { actionLabel } from '../../../domain/audit';
import { bootstrapInstallation } from '../../seed/bootstrap';
import { openCurrentSheet, saveSheet } from '../../sheets/member';

const TODAY = '2026-03-10';

/** The test tree, the default template and an administrator (an account without membership) to act. */
async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const adminId = await createTestAccount(db, 'quantri');
	giveRole(db, adminId, 'admin', tree.province);
	return { db, version, content: version.content, tree, adminId };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

const units = (db: Db) => db.select().from(unit).orderBy(asc(unit.id)).all();
const memberships = (db: Db) => db.select().from(membership).orderBy(asc(membership.id)).all();
const audits = (db: Db, action: string) =>
	db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(asc(auditEvent.id)).all();
const count = (db: Db, table: typeof unit | typeof period | typeof roleGrant | typeof auditEvent | typeof user) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;
const memberCount = (db: Db, u: UnitRow) => findUnit(db, u.id)!.memberCount;

/** Every unit's path is its parent's path plus its own id, and its depth is the number of ancestors. */
function expectConsistentTree(db: Db): void {
	const all = units(db);
	const byId = new Map(all.map((u) => [u.id, u]));
	for (const u of all) {
		const parent = u.parentId === null ? undefined : byId.get(u.parentId);
		expect(u.path, u.name).toBe(`${parent?.path ?? '/'}${u.id}/`);
		expect(u.depth, u.name).toBe(parent ? parent.depth + 1 : 0);
	}
}

const COUNTERS = ['draft', 'submitted', 'returned', 'approved', 'tot', 'kha', 'trungBinh', 'yeuKem'] as const;

/** A unit's counters and flagged signs for a period (no row means zeros). */
function statsAt(db: Db, periodId: number, unitId: number) {
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
function normalisedCounts(db: Db, periodId: number) {
	const m = maintainedCounts(db, periodId);
	return {
		stats: m.stats.filter((r) => COUNTERS.some((c) => r[c] !== 0)),
		signStats: m.signStats.filter((r) => r.flagged !== 0),
		memberCounts: m.memberCounts
	};
}

/** The user a request carries for this session token, as the hook builds it. */
function requestUser(db: Db, token: string): AuthUser {
	const found = validateSessionToken(db, token);
	if (!found) throw new Error('session not valid');
	return found.user;
}

function signIn(db: Db, userId: number): string {
	const token = generateSessionToken();
	createSession(db, token, userId);
	return token;
}

describe('units', () => {
	it('addUnit refuses a chapter as parent and a closed parent, and adds and audits under an open one', async () => {
		const { db, tree, adminId } = await setup();
		const closed = createUnit(db, { name: 'Đảng bộ xã Cũ', kind: 'dang_bo_truc_thuoc', parentId: tree.province.id });
		expect(closeUnit(db, closed.id, adminId)).toMatchObject({ ok: true });
		const before = units(db);

		expect(addUnit(db, { name: 'Chi bộ Tổ Con', kind: 'chi_bo', parentId: tree.chapterA.id }, adminId)).toEqual({
			ok: false,
			message: 'Chi bộ không có đơn vị trực thuộc.'
		});
		expect(addUnit(db, { name: 'Chi bộ Tổ Con', kind: 'chi_bo', parentId: tree.otherChapter.id }, adminId)).toEqual({
			ok: false,
			message: 'Chi bộ không có đơn vị trực thuộc.'
		});
		expect(addUnit(db, { name: 'Chi bộ Thôn Cũ', kind: 'chi_bo_co_so', parentId: closed.id }, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị cấp trên đã giải thể.'
		});
		expect(addUnit(db, { name: 'Chi bộ Ma', kind: 'chi_bo', parentId: 9999 }, adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đơn vị cấp trên.'
		});
		expect(units(db)).toEqual(before);
		expect(audits(db, 'unit.create')).toEqual([]);

		const added = addUnit(db, { name: 'Chi bộ Thư viện', kind: 'chi_bo', parentId: tree.grassroots.id }, adminId);
		if (!added.ok) throw new Error(added.message);
		expect(added.unit).toMatchObject({
			name: 'Chi bộ Thư viện',
			kind: 'chi_bo',
			parentId: tree.grassroots.id,
			path: `${tree.grassroots.path}${added.unit.id}/`,
			depth: 3,
			memberCount: 0
		});
		expect(audits(db, 'unit.create')).toMatchObject([
			{
				actorId: adminId,
				unitId: added.unit.id,
				targetType: 'unit',
				targetId: added.unit.id,
				detail: { name: 'Chi bộ Thư viện', kind: 'chi_bo', parentId: tree.grassroots.id }
			}
		]);
	});

	it('renameUnit changes only the name and audits from and to', async () => {
		const { db, tree, adminId } = await setup();
		const before = units(db);
		expect(renameUnit(db, tree.chapterA.id, 'Chi bộ Giáo viên Tiểu học', adminId)).toMatchObject({
			ok: true,
			unit: { id: tree.chapterA.id, name: 'Chi bộ Giáo viên Tiểu học' }
		});
		expect(units(db)).toEqual(
			before.map((u) => (u.id === tree.chapterA.id ? { ...u, name: 'Chi bộ Giáo viên Tiểu học' } : u))
		);
		expect(audits(db, 'unit.rename')).toMatchObject([
			{
				actorId: adminId,
				unitId: tree.chapterA.id,
				detail: { from: 'Chi bộ Giáo viên', to: 'Chi bộ Giáo viên Tiểu học' }
			}
		]);
		expect(renameUnit(db, 9999, 'Không có', adminId)).toEqual({ ok: false, message: 'Không tìm thấy đơn vị.' });
	});

	describe('moveUnit', () => {
		/** A đảng bộ bộ phận with a chapter under the grassroots unit, so the moved subtree is three levels deep. */
		async function deepTree(ctx: Ctx) {
			const section = createUnit(ctx.db, {
				name: 'Đảng bộ bộ phận Khối Một',
				kind: 'dang_bo_bo_phan',
				parentId: ctx.tree.grassroots.id
			});
			const deepChapter = createUnit(ctx.db, { name: 'Chi bộ Tổ Một', kind: 'chi_bo', parentId: section.id });
			return { section, deepChapter };
		}

		it('rewrites the path and depth of the whole subtree and nothing else', async () => {
			const ctx = await setup();
			const { db, tree, adminId } = ctx;
			const { section, deepChapter } = await deepTree(ctx);
			// A second level under the other branch, so the subtree lands deeper than it was.
			const middle = createUnit(db, {
				name: 'Đảng bộ xã Hai Mới',
				kind: 'dang_bo_co_so',
				parentId: tree.otherBranch.id
			});
			const before = units(db);
			const moved = new Set([tree.grassroots.id, tree.chapterA.id, tree.chapterB.id, section.id, deepChapter.id]);

			const result = moveUnit(db, tree.grassroots.id, middle.id, adminId);
			expect(result).toMatchObject({
				ok: true,
				unit: { id: tree.grassroots.id, parentId: middle.id, path: `${middle.path}${tree.grassroots.id}/`, depth: 3 }
			});
			expectConsistentTree(db);
			const after = new Map(units(db).map((u) => [u.id, u]));
			expect(after.get(deepChapter.id)).toMatchObject({
				path: `${middle.path}${tree.grassroots.id}/${section.id}/${deepChapter.id}/`,
				depth: 5
			});
			expect(after.get(tree.chapterA.id)).toMatchObject({
				path: `${middle.path}${tree.grassroots.id}/${tree.chapterA.id}/`,
				depth: 4
			});
			for (const u of before) {
				if (moved.has(u.id)) expect(after.get(u.id)!.depth, u.name).toBe(u.depth + 1);
				else expect(after.get(u.id), u.name).toEqual(u);
			}
			expect(audits(db, 'unit.move')).toMatchObject([
				{ actorId: adminId, unitId: tree.grassroots.id, detail: { from: tree.branch.id, to: middle.id } }
			]);
		});

		it('refuses moving a unit into itself or its own subtree, under a chapter, and moving the root', async () => {
			const ctx = await setup();
			const { db, tree, adminId } = ctx;
			const { section } = await deepTree(ctx);
			const before = units(db);
			const ownSubtree = 'Không chuyển được một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.';
			expect(moveUnit(db, tree.branch.id, tree.branch.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.branch.id, tree.grassroots.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.branch.id, section.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.grassroots.id, tree.chapterB.id, adminId)).toEqual({
				ok: false,
				message: 'Chi bộ không có đơn vị trực thuộc.'
			});
			expect(moveUnit(db, tree.province.id, tree.otherBranch.id, adminId)).toEqual({
				ok: false,
				message: 'Không chuyển được đơn vị gốc.'
			});
			expect(units(db)).toEqual(before);
			expect(audits(db, 'unit.move')).toEqual([]);
		});

		it('moves member counts and sheet statistics from the old ancestors to the new ones', async () => {
			const ctx = await setup();
			const { db, tree, adminId, content, version } = ctx;
			const { deepChapter } = await deepTree(ctx);
			const current = createPeriod(db, {
				name: 'Năm 2026',
				year: 2026,
				unitId: tree.province.id,
				templateVersionId: version.id,
				opensOn: '2026-03-01',
				deadline: '2026-03-31'
			});
			const a1 = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
			const a2 = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
			const b1 = await createTestMember(db, tree.chapterB, { targetGroup: 'C' });
			const d1 = await createTestMember(db, deepChapter, { targetGroup: 'A' });
			const o1 = await createTestMember(db, tree.otherChapter, { targetGroup: 'C' });
			handIn(db, a1, content, TODAY, { 'TT1.1': 1, 'DD9.2': 2 });
			handIn(db, b1, content, TODAY, { 'TT1.1': 1 });
			handIn(db, d1, content, TODAY);
			handIn(db, o1, content, TODAY, { 'TT1.1': 2 });
			openCurrentSheet(db, signedInUser(db, a2), TODAY); // a draft

			const subtree = statsAt(db, current.id, tree.grassroots.id);
			expect(subtree.counters).toMatchObject({ draft: 1, submitted: 3 });
			expect(subtree.flagged).toMatchObject({ 'TT1.1': 2, 'DD9.2': 1 });
			const oldBranch = statsAt(db, current.id, tree.branch.id);
			const newBranch = statsAt(db, current.id, tree.otherBranch.id);
			const province = statsAt(db, current.id, tree.province.id);
			const insideBefore = [tree.grassroots, tree.chapterA, tree.chapterB, deepChapter].map((u) =>
				statsAt(db, current.id, u.id)
			);
			expect([memberCount(db, tree.branch), memberCount(db, tree.otherBranch), memberCount(db, tree.province)]).toEqual(
				[4, 1, 5]
			);

			expect(moveUnit(db, tree.grassroots.id, tree.otherBranch.id, adminId)).toMatchObject({ ok: true });

			// Member counts: the old branch loses the four members, the new one gains them, the root keeps five.
			expect([
				memberCount(db, tree.branch),
				memberCount(db, tree.otherBranch),
				memberCount(db, tree.province),
				memberCount(db, tree.grassroots)
			]).toEqual([0, 5, 5, 4]);
			const zero = Object.fromEntries(COUNTERS.map((c) => [c, 0]));
			expect(statsAt(db, current.id, tree.branch.id)).toEqual({ counters: zero, flagged: {} });
			const added = (a: Record<string, number>, b: Record<string, number>) =>
				Object.fromEntries(
					[...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)])
				);
			expect(oldBranch).toEqual(subtree);
			expect(statsAt(db, current.id, tree.otherBranch.id)).toEqual({
				counters: added(newBranch.counters, subtree.counters),
				flagged: added(newBranch.flagged, subtree.flagged)
			});
			expect(statsAt(db, current.id, tree.province.id)).toEqual(province);
			expect(
				[tree.grassroots, tree.chapterA, tree.chapterB, deepChapter].map((u) => statsAt(db, current.id, u.id))
			).toEqual(insideBefore);

			// And they are what a full recount gives.
			const maintained = normalisedCounts(db, current.id);
			rebuildMemberCounts(db);
			rebuildUnitStats(db, current.id);
			expect(normalisedCounts(db, current.id)).toEqual(maintained);
		});
	});

	it('closeUnit refuses while members or open sub-units remain, then closes and audits', async () => {
		const { db, tree, adminId } = await setup();
		const section = createUnit(db, {
			name: 'Đảng bộ bộ phận Khối Hai',
			kind: 'dang_bo_bo_phan',
			parentId: tree.grassroots.id
		});
		const chapter = createUnit(db, { name: 'Chi bộ Tổ Hai', kind: 'chi_bo', parentId: section.id });
		const memberId = await createTestMember(db, chapter);

		expect(closeUnit(db, chapter.id, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị còn 1 đảng viên: hãy chuyển sinh hoạt trước khi giải thể.'
		});
		expect(transferMember(db, memberId, tree.chapterB.id, '2026-02-01', adminId)).toEqual({ ok: true });
		expect(closeUnit(db, section.id, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị còn 1 đơn vị trực thuộc đang hoạt động.'
		});
		expect(closeUnit(db, tree.province.id, adminId)).toEqual({ ok: false, message: 'Không giải thể được đơn vị gốc.' });
		expect(units(db).every((u) => u.closedAt === null)).toBe(true);
		expect(audits(db, 'unit.close')).toEqual([]);

		expect(closeUnit(db, chapter.id, adminId)).toMatchObject({ ok: true, unit: { id: chapter.id } });
		expect(closeUnit(db, section.id, adminId)).toMatchObject({ ok: true, unit: { id: section.id } });
		expect(findUnit(db, chapter.id)!.closedAt).toBeInstanceOf(Date);
		expect(findUnit(db, section.id)!.closedAt).toBeInstanceOf(Date);
		expect(findUnit(db, tree.grassroots.id)!.closedAt).toBeNull();
		expect(audits(db, 'unit.close')).toMatchObject([
			{ actorId: adminId, unitId: chapter.id, detail: { name: 'Chi bộ Tổ Hai' } },
			{ actorId: adminId, unitId: section.id, detail: { name: 'Đảng bộ bộ phận Khối Hai' } }
		]);
		// A closed chapter takes no one in.
		expect(transferMember(db, memberId, chapter.id, '2026-03-01', adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một chi bộ đang hoạt động.'
		});
	});
});

describe('members', () => {
	it('updateMemberDetails changes the profile, what the next request carries, and audits before and after', async () => {
		const { db, tree, adminId } = await setup();
		const memberId = await createTestMember(db, tree.chapterA, { fullName: 'Nguyễn Văn Cũ', targetGroup: 'B' });
		const input = {
			fullName: 'Nguyễn Văn Mới',
			dateOfBirth: '1979-12-01',
			position: 'Hiệu trưởng',
			targetGroup: 'A' as const
		};
		expect(updateMemberDetails(db, memberId, input, adminId)).toEqual({ ok: true });
		expect(memberForAdmin(db, memberId)!.person).toMatchObject(input);
		expect(signedInUser(db, memberId)).toMatchObject({ fullName: 'Nguyễn Văn Mới', targetGroup: 'A' });
		expect(audits(db, 'member.update')).toMatchObject([
			{
				actorId: adminId,
				targetType: 'user',
				targetId: memberId,
				detail: { before: { fullName: 'Nguyễn Văn Cũ', targetGroup: 'B', position: 'Chuyên viên' }, after: input }
			}
		]);
		expect(updateMemberDetails(db, adminId, input, adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đảng viên.'
		});
	});

	describe('transferMember', () => {
		it('keeps the history with dates, leaves exactly one open membership and moves the counts', async () => {
			const { db, tree, adminId } = await setup();
			const memberId = await createTestMember(db, tree.chapterA);
			await createTestMember(db, tree.chapterA);
			expect(transferMember(db, memberId, tree.otherChapter.id, '2026-02-01', adminId)).toEqual({ ok: true });

			expect(memberForAdmin(db, memberId)!.history).toEqual([
				{ unitId: tree.chapterA.id, unitName: 'Chi bộ Giáo viên', startedOn: '2010-01-01', endedOn: '2026-02-01' },
				{ unitId: tree.otherChapter.id, unitName: 'Chi bộ Thôn Hai', startedOn: '2026-02-01', endedOn: null }
			]);
			expect(memberships(db).filter((m) => m.memberId === memberId && m.endedOn === null)).toHaveLength(1);
			expect(signedInUser(db, memberId).chapterId).toBe(tree.otherChapter.id);
			expect(chapterMembers(db, tree.otherChapter.id).map((m) => m.userId)).toEqual([memberId]);
			expect(chapterMembers(db, tree.chapterA.id).map((m) => m.userId)).not.toContain(memberId);
			expect(
				[tree.chapterA, tree.grassroots, tree.branch, tree.otherChapter, tree.otherBranch, tree.province].map((u) =>
					memberCount(db, u)
				)
			).toEqual([1, 1, 1, 1, 1, 2]);
			const maintained = units(db).map((u) => [u.id, u.memberCount]);
			rebuildMemberCounts(db);
			expect(units(db).map((u) => [u.id, u.memberCount])).toEqual(maintained);
			expect(audits(db, 'member.move')).toMatchObject([
				{
					actorId: adminId,
					unitId: tree.otherChapter.id,
					targetType: 'user',
					targetId: memberId,
					detail: { from: tree.chapterA.id, to: tree.otherChapter.id, onDate: '2026-02-01' }
				}
			]);

			// A second move is dated from the current membership, not the first one.
			expect(transferMember(db, memberId, tree.chapterB.id, '2026-01-15', adminId)).toEqual({
				ok: false,
				message: 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.'
			});
			expect(transferMember(db, memberId, tree.chapterB.id, '2026-03-01', adminId)).toEqual({ ok: true });
			expect(memberForAdmin(db, memberId)!.history.map((h) => [h.unitId, h.startedOn, h.endedOn])).toEqual([
				[tree.chapterA.id, '2010-01-01', '2026-02-01'],
				[tree.otherChapter.id, '2026-02-01', '2026-03-01'],
				[tree.chapterB.id, '2026-03-01', null]
			]);
		});

		it('refuses the same chapter, a closed chapter, a unit that is not a chapter and a date before the membership began, writing nothing', async () => {
			const { db, tree, adminId } = await setup();
			const memberId = await createTestMember(db, tree.chapterA);
			const closedChapter = createUnit(db, {
				name: 'Chi bộ Đã Giải Thể',
				kind: 'chi_bo',
				parentId: tree.grassroots.id
			});
			expect(closeUnit(db, closedChapter.id, adminId)).toMatchObject({ ok: true });
			const before = { memberships: memberships(db), units: units(db) };

			expect(transferMember(db, memberId, tree.chapterA.id, '2026-02-01', adminId)).toEqual({
				ok: false,
				message: 'Đảng viên đang sinh hoạt ở chi bộ này.'
			});
			expect(transferMember(db, memberId, closedChapter.id, '2026-02-01', adminId)).toEqual({
				ok: false,
				message: 'Hãy chọn một chi bộ đang hoạt động.'
			});
			expect(transferMember(db, memberId, tree.grassroots.id, '2026-02-01', adminId)).toEqual({
				ok: false,
				message: 'Hãy chọn một chi bộ đang hoạt động.'
			});
			expect(transferMember(db, memberId, 9999, '2026-02-01', adminId)).toEqual({
				ok: false,
				message: 'Hãy chọn một chi bộ đang hoạt động.'
			});
			expect(transferMember(db, memberId, tree.chapterB.id, '2009-12-31', adminId)).toEqual({
				ok: false,
				message: 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.'
			});
			expect({ memberships: memberships(db), units: units(db) }).toEqual(before);
			expect(audits(db, 'member.move')).toEqual([]);
		});
	});

	describe('deactivateMember', () => {
		it('stops sign-in, ends sessions and roles, closes the membership and takes the member out of the counts', async () => {
			const { db, tree, adminId } = await setup();
			const memberId = await createTestMember(db, tree.chapterA, { username: 'nghiviec' });
			await createTestMember(db, tree.chapterA);
			giveRole(db, memberId, 'secretary', tree.chapterA);
			giveRole(db, memberId, 'committee', tree.branch);
			const token = signIn(db, memberId);
			const address = '10.0.0.7';
			expect(await attemptSignIn(db, { username: 'nghiviec', password: TEST_PASSWORD, address })).toMatchObject({
				ok: true,
				userId: memberId
			});
			expect([tree.chapterA, tree.grassroots, tree.branch, tree.province].map((u) => memberCount(db, u))).toEqual([
				2, 2, 2, 2
			]);

			expect(deactivateMember(db, memberId, '2026-03-01', adminId)).toEqual({ ok: true });

			expect(await attemptSignIn(db, { username: 'nghiviec', password: TEST_PASSWORD, address })).toEqual({
				ok: false,
				reason: 'invalid'
			});
			// Checked before validating the token, which would delete an inactive account's session itself.
			expect(db.select().from(session).where(eq(session.userId, memberId)).all()).toEqual([]);
			expect(validateSessionToken(db, token)).toBeNull();
			expect(db.select().from(roleGrant).where(eq(roleGrant.userId, memberId)).all()).toEqual([]);
			expect(memberForAdmin(db, memberId)).toMatchObject({
				person: { active: false },
				current: null,
				history: [{ unitId: tree.chapterA.id, startedOn: '2010-01-01', endedOn: '2026-03-01' }]
			});
			expect(chapterMembers(db, tree.chapterA.id).map((m) => m.userId)).not.toContain(memberId);
			expect(
				[tree.chapterA, tree.grassroots, tree.branch, tree.province, tree.otherBranch].map((u) => memberCount(db, u))
			).toEqual([1, 1, 1, 1, 0]);
			const maintained = units(db).map((u) => [u.id, u.memberCount]);
			rebuildMemberCounts(db);
			expect(units(db).map((u) => [u.id, u.memberCount])).toEqual(maintained);
			expect(audits(db, 'member.deactivate')).toMatchObject([
				{ actorId: adminId, targetType: 'user', targetId: memberId, detail: { onDate: '2026-03-01' } }
			]);

			expect(deactivateMember(db, memberId, '2026-03-02', adminId)).toEqual({
				ok: false,
				message: 'Tài khoản này đã ngừng hoạt động.'
			});
			expect(transferMember(db, memberId, tree.chapterB.id, '2026-03-05', adminId)).toEqual({
				ok: false,
				message: 'Không tìm thấy đảng viên đang sinh hoạt.'
			});
			expect(grantRole(db, { username: 'nghiviec', role: 'secretary', unitId: tree.chapterA.id }, adminId)).toEqual({
				ok: false,
				message: 'Không có tài khoản «nghiviec».'
			});
		});

		it('does not let an administrator deactivate their own account', async () => {
			const { db, tree } = await setup();
			const selfId = await createTestMember(db, tree.chapterA);
			giveRole(db, selfId, 'admin', tree.province);
			const token = signIn(db, selfId);
			expect(deactivateMember(db, selfId, '2026-03-01', selfId)).toEqual({
				ok: false,
				message: 'Không thể tự ngừng tài khoản của mình.'
			});
			expect(memberForAdmin(db, selfId)).toMatchObject({
				person: { active: true },
				current: { unitId: tree.chapterA.id, endedOn: null }
			});
			expect(requestUser(db, token).grants).toMatchObject([{ role: 'admin', unitId: tree.province.id }]);
			expect(memberCount(db, tree.chapterA)).toBe(1);
			expect(audits(db, 'member.deactivate')).toEqual([]);
		});
	});
});

describe('roles', () => {
	it('grantRole refuses a secretary of a unit that is not a chapter, an unknown login id and a closed unit', async () => {
		const { db, tree, adminId } = await setup();
		await createTestMember(db, tree.chapterA, { username: 'dangvien01' });
		const closed = createUnit(db, { name: 'Chi bộ Đã Giải Thể', kind: 'chi_bo', parentId: tree.grassroots.id });
		expect(closeUnit(db, closed.id, adminId)).toMatchObject({ ok: true });
		const grantsBefore = count(db, roleGrant);

		expect(grantRole(db, { username: 'dangvien01', role: 'secretary', unitId: tree.grassroots.id }, adminId)).toEqual({
			ok: false,
			message: 'Vai trò bí thư chỉ gán cho một chi bộ.'
		});
		expect(grantRole(db, { username: 'dangvien01', role: 'secretary', unitId: tree.branch.id }, adminId)).toEqual({
			ok: false,
			message: 'Vai trò bí thư chỉ gán cho một chi bộ.'
		});
		expect(grantRole(db, { username: 'khongcoai', role: 'committee', unitId: tree.branch.id }, adminId)).toEqual({
			ok: false,
			message: 'Không có tài khoản «khongcoai».'
		});
		expect(grantRole(db, { username: 'dangvien01', role: 'secretary', unitId: closed.id }, adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đơn vị đang hoạt động.'
		});
		expect(count(db, roleGrant)).toBe(grantsBefore);
		expect(audits(db, 'role.grant')).toEqual([]);
		expect(revokeRole(db, { userId: adminId, role: 'committee', unitId: tree.branch.id }, adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy vai trò này.'
		});
		expect(audits(db, 'role.revoke')).toEqual([]);
	});

	it('giving a role changes what that person can open, and taking it away undoes it', async () => {
		const { db, tree, adminId } = await setup();
		// A member of the other branch's chapter, so nothing under the first branch is theirs to begin with.
		const memberId = await createTestMember(db, tree.otherChapter, { username: 'Cap.Uy.Moi' });
		const token = signIn(db, memberId);
		const branchUnits = [tree.branch, tree.grassroots, tree.chapterA, tree.chapterB];
		const canView = (u: AuthUser, target: UnitRow) => canViewUnit(u, target.id, target.path);
		const labels = (u: AuthUser) => navigationFor(u).map((i) => `${i.label} ${i.href}`);
		/** Whether the unit page's guard lets this request through: its status, or 200. */
		const opens = (u: AuthUser, target: UnitRow) => {
			try {
				requireUnitViewer(
					{ locals: { user: u, sessionId: null }, url: new URL(`http://localhost/units/${target.id}`) },
					db,
					target.id
				);
				return 200;
			} catch (e) {
				if (isHttpError(e)) return e.status;
				throw e;
			}
		};

		const plain = requestUser(db, token);
		for (const u of [...branchUnits, tree.otherChapter, tree.otherBranch, tree.province])
			expect(canView(plain, u), u.name).toBe(false);
		expect(labels(plain)).toEqual(['Phiếu của tôi /sheets', 'Các biểu hiện /signs']);
		expect(homePathFor(plain)).toBe('/sheets');
		expect(opens(plain, tree.chapterA)).toBe(403);

		// The login id is typed the way people type it; the same session sees the role on its next request.
		expect(grantRole(db, { username: ' cap.uy.moi ', role: 'committee', unitId: tree.branch.id }, adminId)).toEqual({
			ok: true
		});
		const committee = requestUser(db, token);
		for (const u of branchUnits) {
			expect(canView(committee, u), u.name).toBe(true);
			expect(opens(committee, u), u.name).toBe(200);
		}
		for (const u of [tree.otherBranch, tree.otherChapter, tree.province]) {
			expect(canView(committee, u), u.name).toBe(false);
			expect(opens(committee, u), u.name).toBe(403);
		}
		expect(isSecretaryOf(committee, tree.chapterA.id)).toBe(false);
		expect(labels(committee)).toEqual([
			'Phiếu của tôi /sheets',
			`Theo dõi đơn vị /units/${tree.branch.id}`,
			'Các biểu hiện /signs'
		]);
		expect(homePathFor(committee)).toBe(`/units/${tree.branch.id}`);

		expect(grantRole(db, { username: 'cap.uy.moi', role: 'secretary', unitId: tree.otherChapter.id }, adminId)).toEqual(
			{ ok: true }
		);
		const both = requestUser(db, token);
		expect(isSecretaryOf(both, tree.otherChapter.id)).toBe(true);
		expect(isSecretaryOf(both, tree.chapterA.id)).toBe(false);
		expect(canView(both, tree.otherChapter)).toBe(true);
		expect(canView(both, tree.otherBranch)).toBe(false);
		expect(labels(both)).toEqual([
			'Phiếu của tôi /sheets',
			`Chi bộ của tôi /chapters/${tree.otherChapter.id}`,
			`Theo dõi đơn vị /units/${tree.branch.id}`,
			'Các biểu hiện /signs'
		]);

		expect(revokeRole(db, { userId: memberId, role: 'committee', unitId: tree.branch.id }, adminId)).toEqual({
			ok: true
		});
		const secretaryOnly = requestUser(db, token);
		for (const u of branchUnits) expect(canView(secretaryOnly, u), u.name).toBe(false);
		expect(opens(secretaryOnly, tree.chapterA)).toBe(403);
		expect(labels(secretaryOnly)).toEqual([
			'Phiếu của tôi /sheets',
			`Chi bộ của tôi /chapters/${tree.otherChapter.id}`,
			'Các biểu hiện /signs'
		]);
		expect(homePathFor(secretaryOnly)).toBe(`/chapters/${tree.otherChapter.id}`);

		expect(revokeRole(db, { userId: memberId, role: 'secretary', unitId: tree.otherChapter.id }, adminId)).toEqual({
			ok: true
		});
		const again = requestUser(db, token);
		expect(again.grants).toEqual([]);
		expect(labels(again)).toEqual(labels(plain));
		expect(homePathFor(again)).toBe('/sheets');

		expect(audits(db, 'role.grant')).toMatchObject([
			{
				actorId: adminId,
				unitId: tree.branch.id,
				targetType: 'user',
				targetId: memberId,
				detail: { role: 'committee' }
			},
			{
				actorId: adminId,
				unitId: tree.otherChapter.id,
				targetType: 'user',
				targetId: memberId,
				detail: { role: 'secretary' }
			}
		]);
		expect(audits(db, 'role.revoke')).toMatchObject([
			{ unitId: tree.branch.id, targetId: memberId, detail: { role: 'committee' } },
			{ unitId: tree.otherChapter.id, targetId: memberId, detail: { role: 'secretary' } }
		]);
	});
});

describe('periods', () => {
	const input = (ctx: Ctx, extra: Partial<Parameters<typeof openPeriod>[1]> = {}) => ({
		name: 'Năm 2026',
		year: 2026,
		unitId: ctx.tree.branch.id,
		templateVersionId: ctx.version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31',
		...extra
	});

	it('openPeriod refuses a deadline before the opening, a closed or unknown unit and an unknown template version', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const closed = createUnit(db, { name: 'Đảng bộ xã Cũ', kind: 'dang_bo_truc_thuoc', parentId: tree.province.id });
		expect(closeUnit(db, closed.id, adminId)).toMatchObject({ ok: true });

		expect(openPeriod(db, input(ctx, { deadline: '2026-02-28' }), adminId)).toEqual({
			ok: false,
			message: 'Hạn nộp phải sau ngày mở đợt.'
		});
		expect(openPeriod(db, input(ctx, { unitId: closed.id }), adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một đơn vị đang hoạt động.'
		});
		expect(openPeriod(db, input(ctx, { unitId: 9999 }), adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một đơn vị đang hoạt động.'
		});
		expect(openPeriod(db, input(ctx, { templateVersionId: ctx.version.id + 100 }), adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy phiên bản mẫu phiếu.'
		});
		expect(count(db, period)).toBe(0);
		expect(audits(db, 'period.create')).toEqual([]);

		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		expect(findPeriod(db, opened.id)).toMatchObject({ ...input(ctx), closedAt: null });
		expect(audits(db, 'period.create')).toMatchObject([
			{ actorId: adminId, unitId: tree.branch.id, targetType: 'period', targetId: opened.id }
		]);
	});

	it('extendDeadline only moves the deadline later, and not once the period is closed', async () => {
		const ctx = await setup();
		const { db, adminId } = ctx;
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		expect(extendDeadline(db, opened.id, '2026-03-30', adminId)).toEqual({
			ok: false,
			message: 'Hạn mới phải sau hạn hiện tại.'
		});
		expect(extendDeadline(db, opened.id, '2026-03-31', adminId)).toEqual({
			ok: false,
			message: 'Hạn mới phải sau hạn hiện tại.'
		});
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-03-31');
		expect(extendDeadline(db, opened.id, '2026-04-15', adminId)).toEqual({ ok: true, id: opened.id });
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-04-15');
		expect(audits(db, 'period.extend')).toMatchObject([
			{ actorId: adminId, targetId: opened.id, detail: { from: '2026-03-31', to: '2026-04-15' } }
		]);
		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: true, id: opened.id });
		expect(extendDeadline(db, opened.id, '2026-05-01', adminId)).toEqual({
			ok: false,
			message: 'Đợt kiểm điểm đã kết thúc.'
		});
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-04-15');
		expect(extendDeadline(db, 9999, '2026-05-01', adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đợt kiểm điểm.'
		});
	});

	it('closePeriod stops members from saving or handing in their sheets', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const signedIn = signedInUser(db, memberId);
		const detail = openCurrentSheet(db, signedIn, TODAY)!;
		expect(
			saveSheet(db, signedIn, detail.sheet.id, { revision: 0, answers: { 'TT1.1': { level: 1 } } }, TODAY)
		).toMatchObject({ ok: true, revision: 1 });

		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: true, id: opened.id });
		expect(findPeriod(db, opened.id)!.closedAt).toBeInstanceOf(Date);
		const before = db.select().from(sheet).all();
		const refused = {
			ok: false,
			status: 409,
			message: 'Đợt kiểm điểm năm 2026 đã kết thúc: phiếu chỉ còn để xem.'
		};
		expect(
			saveSheet(db, signedIn, detail.sheet.id, { revision: 1, answers: { 'TT1.1': { level: 0 } } }, TODAY)
		).toEqual(refused);
		expect(saveSheet(db, signedIn, detail.sheet.id, { revision: 1, answers: {} }, TODAY, { submit: true })).toEqual(
			refused
		);
		expect(db.select().from(sheet).all()).toEqual(before);
		expect(openCurrentSheet(db, signedIn, TODAY)).toBeNull();
		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: false, message: 'Đợt kiểm điểm đã kết thúc.' });
		expect(audits(db, 'period.close')).toHaveLength(1);
	});

	it("notHandedIn lists, per chapter of the period's subtree, the current members without a handed-in sheet", async () => {
		const ctx = await setup();
		const { db, tree, adminId, content } = ctx;
		const directChapter = createUnit(db, {
			name: 'Chi bộ Cơ quan Phường',
			kind: 'chi_bo_co_so',
			parentId: tree.branch.id
		});
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		const at = (chapter: UnitRow, fullName: string, username: string) =>
			createTestMember(db, chapter, { fullName, username });

		handIn(db, await at(tree.chapterA, 'Lê Văn Đạt', 'levandat'), content, TODAY);
		const drafting = await at(tree.chapterA, 'Phạm Thị Cúc', 'phamthicuc');
		openCurrentSheet(db, signedInUser(db, drafting), TODAY);
		await at(tree.chapterA, 'Trần Văn An', 'tranvanan');
		const leaving = await at(tree.chapterA, 'Hoàng Văn Bảo', 'hoangvanbao');
		expect(transferMember(db, leaving, tree.otherChapter.id, '2026-02-01', adminId)).toEqual({ ok: true });
		const approved = await at(tree.chapterB, 'Võ Thị Hoa', 'vothihoa');
		const returned = await at(tree.chapterB, 'Đỗ Văn Giang', 'dovangiang');
		const deactivated = await at(tree.chapterB, 'Bùi Văn Khải', 'buivankhai');
		for (const id of [approved, returned]) handIn(db, id, content, TODAY);
		db.update(sheet).set({ status: 'approved' }).where(eq(sheet.memberId, approved)).run();
		db.update(sheet).set({ status: 'returned' }).where(eq(sheet.memberId, returned)).run();
		expect(deactivateMember(db, deactivated, '2026-03-05', adminId)).toEqual({ ok: true });
		handIn(db, await at(directChapter, 'Ngô Văn Long', 'ngovanlong'), content, TODAY);
		await at(tree.otherChapter, 'Mai Thị Nga', 'maithinga'); // outside the period's subtree

		expect(
			notHandedIn(db, opened.id).map((c) => ({
				chapterId: c.chapterId,
				chapterName: c.chapterName,
				members: c.members
			}))
		).toEqual([
			{
				chapterId: tree.chapterA.id,
				chapterName: 'Chi bộ Giáo viên',
				members: [
					{ fullName: 'Trần Văn An', username: 'tranvanan', status: 'not_started' },
					{ fullName: 'Phạm Thị Cúc', username: 'phamthicuc', status: 'draft' }
				]
			},
			{
				chapterId: tree.chapterB.id,
				chapterName: 'Chi bộ Hành chính',
				members: [{ fullName: 'Đỗ Văn Giang', username: 'dovangiang', status: 'returned' }]
			}
		]);
		expect(notHandedIn(db, 9999)).toEqual([]);
	});
});

describe('auditLog', () => {
	/** Events at chosen instants; ids grow with the order given, and the log reads newest id first. */
	async function withEvents() {
		// No default template here: its creation is logged, today, and the log is append-only.
		const db = createTestDb();
		const tree = createTestTree(db);
		const adminId = await createTestAccount(db, 'quantri');
		const memberId = await createTestMember(db, tree.chapterA, { username: 'thanhvien' });
		const otherId = await createTestMember(db, tree.otherChapter);
		expect(count(db, auditEvent)).toBe(0);
		const add = (e: Partial<typeof auditEvent.$inferInsert> & { action: string; at: Date }) =>
			db
				.insert(auditEvent)
				.values({ actorId: adminId, ...e })
				.returning({ id: auditEvent.id })
				.get().id;
		const ids = {
			// 23:30 on 9 March in Vietnam (UTC+7).
			lateOn9th: add({
				action: 'unit.rename',
				at: new Date('2026-03-09T16:30:00Z'),
				unitId: tree.chapterA.id,
				targetType: 'unit',
				targetId: tree.chapterA.id
			}),
			// 00:30 on 10 March in Vietnam, though still 9 March in UTC.
			earlyOn10th: add({
				action: 'role.grant',
				at: new Date('2026-03-09T17:30:00Z'),
				unitId: tree.otherChapter.id,
				targetType: 'user',
				targetId: memberId
			}),
			byMember: add({
				action: 'password.change',
				at: new Date('2026-03-08T03:00:00Z'),
				actorId: memberId,
				targetType: 'user',
				targetId: memberId
			}),
			branchMove: add({
				action: 'member.move',
				at: new Date('2026-03-08T04:00:00Z'),
				unitId: tree.branch.id,
				targetType: 'user',
				targetId: otherId
			}),
			// A period whose id happens to equal the member's user id: not an event about the member.
			samePeriodId: add({
				action: 'period.extend',
				at: new Date('2026-03-08T05:00:00Z'),
				unitId: tree.province.id,
				targetType: 'period',
				targetId: memberId
			}),
			grassroots: add({
				action: 'unit.rename',
				at: new Date('2026-03-07T05:00:00Z'),
				unitId: tree.grassroots.id,
				targetType: 'unit',
				targetId: tree.grassroots.id
			})
		};
		const ids_ = (f: Omit<Parameters<typeof auditLog>[1], 'limit' | 'offset'>) =>
			auditLog(db, { limit: 100, offset: 0, ...f }).rows.map((r) => r.id);
		return { db, tree, adminId, memberId, ids, find: ids_ };
	}

	it('filters by a unit and everything under it', async () => {
		const { tree, ids, find } = await withEvents();
		expect(find({ unitPath: tree.branch.path })).toEqual([ids.grassroots, ids.branchMove, ids.lateOn9th]);
		expect(find({ unitPath: tree.chapterA.path })).toEqual([ids.lateOn9th]);
		expect(find({ unitPath: tree.otherBranch.path })).toEqual([ids.earlyOn10th]);
		expect(find({ unitPath: tree.province.path })).toEqual([
			ids.grassroots,
			ids.samePeriodId,
			ids.branchMove,
			ids.earlyOn10th,
			ids.lateOn9th
		]);
	});

	it('filters by a person, whether they did it or it was done to their account', async () => {
		const { adminId, memberId, ids, find } = await withEvents();
		expect(find({ userId: memberId })).toEqual([ids.byMember, ids.earlyOn10th]);
		expect(find({ userId: adminId })).toEqual([
			ids.grassroots,
			ids.samePeriodId,
			ids.branchMove,
			ids.earlyOn10th,
			ids.lateOn9th
		]);
	});

	it('filters by action, and combines filters', async () => {
		const { tree, memberId, ids, find } = await withEvents();
		expect(find({ action: 'unit.rename' })).toEqual([ids.grassroots, ids.lateOn9th]);
		expect(find({ action: 'unit.rename', unitPath: tree.chapterA.path })).toEqual([ids.lateOn9th]);
		expect(find({ action: 'role.grant', userId: memberId, from: '2026-03-10', to: '2026-03-10' })).toEqual([
			ids.earlyOn10th
		]);
		expect(find({ action: 'sheet.submit' })).toEqual([]);
	});

	it('reads dates as days in Vietnam: 23:30 on the 9th is inside to=9th and outside from=10th', async () => {
		const { ids, find } = await withEvents();
		expect(find({ to: '2026-03-09' })).toContain(ids.lateOn9th);
		expect(find({ to: '2026-03-09' })).not.toContain(ids.earlyOn10th);
		expect(find({ from: '2026-03-10' })).toEqual([ids.earlyOn10th]);
		expect(find({ from: '2026-03-09', to: '2026-03-09' })).toEqual([ids.lateOn9th]);
		expect(find({ from: '2026-03-08', to: '2026-03-08' })).toEqual([ids.samePeriodId, ids.branchMove, ids.byMember]);
		expect(find({ from: '2026-03-11' })).toEqual([]);
	});

	it('pages newest first and says when another page follows', async () => {
		const { db, ids } = await withEvents();
		const all = [ids.grassroots, ids.samePeriodId, ids.branchMove, ids.byMember, ids.earlyOn10th, ids.lateOn9th];
		const page = (offset: number) => auditLog(db, { limit: 4, offset });
		expect(page(0)).toMatchObject({ more: true });
		expect(page(0).rows.map((r) => r.id)).toEqual(all.slice(0, 4));
		expect(page(4)).toMatchObject({ more: false });
		expect(page(4).rows.map((r) => r.id)).toEqual(all.slice(4));
		expect(auditLog(db, { limit: 6, offset: 0 }).more).toBe(false);
		expect(auditLog(db, { limit: 5, offset: 0 }).more).toBe(true);
		// Each row names who did it and where.
		expect(page(4).rows.at(-1)).toMatchObject({
			action: 'unit.rename',
			actorUsername: 'quantri',
			unitName: 'Chi bộ Giáo viên'
		});
	});
});

describe('bootstrapInstallation', () => {
	it('gives an empty database one root and one administrator who must change the password', async () => {
		const db = createTestDb();
		const password = await bootstrapInstallation(db, {
			rootName: 'Đảng bộ tỉnh Thử Nghiệm',
			adminUsername: 'quantri',
			adminPassword: 'tam-thoi-quan-tri'
		});
		expect(password).toBe('tam-thoi-quan-tri');
		const [root, ...others] = units(db);
		expect(others).toEqual([]);
		expect(root).toMatchObject({
			name: 'Đảng bộ tỉnh Thử Nghiệm',
			kind: 'dang_bo_tinh',
			parentId: null,
			path: `/${root!.id}/`,
			depth: 0,
			memberCount: 0,
			closedAt: null
		});
		const accounts = db.select().from(user).all();
		expect(accounts).toHaveLength(1);
		expect(accounts[0]).toMatchObject({ username: 'quantri', mustChangePassword: true, active: true });
		expect(db.select().from(member).all()).toEqual([]);
		expect(
			db.select({ userId: roleGrant.userId, role: roleGrant.role, unitId: roleGrant.unitId }).from(roleGrant).all()
		).toEqual([{ userId: accounts[0]!.id, role: 'admin', unitId: root!.id }]);
		expect(
			await attemptSignIn(db, { username: 'quantri', password: 'tam-thoi-quan-tri', address: '10.0.0.1' })
		).toEqual({ ok: true, userId: accounts[0]!.id, mustChangePassword: true });

		// Started again (every server start calls it), it leaves the installation alone.
		expect(
			await bootstrapInstallation(db, {
				rootName: 'Đảng bộ tỉnh Khác',
				adminUsername: 'quantri2',
				adminPassword: 'khac-nua-1'
			})
		).toBeNull();
		expect(units(db)).toEqual([root]);
		expect(count(db, user)).toBe(1);
	});

	it('makes up a temporary password when none is given', async () => {
		const db = createTestDb();
		const password = await bootstrapInstallation(db, { rootName: 'Đảng bộ tỉnh', adminUsername: 'quantri' });
		expect(password).toMatch(/^[a-z2-9]{12}$/);
		expect(await attemptSignIn(db, { username: 'quantri', password: password!, address: '10.0.0.1' })).toMatchObject({
			ok: true,
			mustChangePassword: true
		});
	});

	it('does nothing on a database that already has accounts', async () => {
		const { db } = await setup();
		const before = { units: units(db), users: db.select().from(user).all(), grants: count(db, roleGrant) };
		expect(
			await bootstrapInstallation(db, {
				rootName: 'Đảng bộ tỉnh Mới',
				adminUsername: 'quantrimoi',
				adminPassword: 'tam-thoi-quan-tri'
			})
		).toBeNull();
		expect({ units: units(db), users: db.select().from(user).all(), grants: count(db, roleGrant) }).toEqual(before);
	});
});

describe('one open period per unit subtree per year', () => {
	const input = (ctx: Ctx, extra: Partial<Parameters<typeof openPeriod>[1]> = {}) => ({
		name: 'Năm 2026',
		year: 2026,
		unitId: ctx.tree.branch.id,
		templateVersionId: ctx.version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31',
		...extra
	});

	it('refuses a period for the same unit, a unit inside or a unit above an open period of that year, naming it', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const first = openPeriod(db, input(ctx, { name: 'Đợt phường Một' }), adminId);
		expect(first.ok).toBe(true);
		const before = { periods: count(db, period), audit: count(db, auditEvent) };
		for (const unitId of [tree.branch.id, tree.chapterA.id, tree.grassroots.id, tree.province.id]) {
			const refused = openPeriod(db, input(ctx, { unitId, name: 'Đợt trùng' }), adminId);
			expect(refused).toEqual({ ok: false, message: expect.stringContaining('«Đợt phường Một» năm 2026') });
			expect(refused.ok || refused.message).toMatch(/Đảng bộ phường Một/);
		}
		expect({ periods: count(db, period), audit: count(db, auditEvent) }).toEqual(before);
	});

	it('allows a sibling subtree, another year, and the same unit once the first period is closed', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const first = openPeriod(db, input(ctx), adminId);
		if (!first.ok) throw new Error(first.message);
		expect(openPeriod(db, input(ctx, { unitId: tree.otherBranch.id }), adminId).ok).toBe(true);
		expect(openPeriod(db, input(ctx, { year: 2027, opensOn: '2027-03-01', deadline: '2027-03-31' }), adminId).ok).toBe(
			true
		);
		expect(closePeriod(db, first.id, adminId).ok).toBe(true);
		expect(openPeriod(db, input(ctx, { unitId: tree.chapterA.id }), adminId).ok).toBe(true);
	});

	it('is held by the database too: an overlapping open period cannot be inserted or reopened behind the use case', async () => {
		const ctx = await setup();
		const { db, tree, version } = ctx;
		const base = { year: 2026, templateVersionId: version.id, opensOn: '2026-03-01', deadline: '2026-03-31' };
		createPeriod(db, { ...base, name: 'Đợt tỉnh', unitId: tree.province.id });
		expect(() => createPeriod(db, { ...base, name: 'Đợt chi bộ', unitId: tree.chapterA.id })).toThrow(/period_overlap/);
		const closed = createPeriod(db, {
			...base,
			name: 'Đợt cũ',
			unitId: tree.chapterA.id,
			closedAt: new Date('2026-02-01T00:00:00Z')
		});
		expect(() => db.update(period).set({ closedAt: null }).where(eq(period.id, closed.id)).run()).toThrow(
			/period_overlap/
		);
		expect(count(db, period)).toBe(2);
	});

	it('reopenPeriod needs a reason, refuses an open or overlapping period, and audits "period.reopen"', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const last = openPeriod(db, input(ctx, { name: 'Năm 2026 (đợt một)' }), adminId);
		if (!last.ok) throw new Error(last.message);
		expect(reopenPeriod(db, last.id, 'Sửa sai sót', adminId)).toEqual({ ok: false, message: 'Đợt kiểm điểm đang mở.' });
		closePeriod(db, last.id, adminId);
		expect(reopenPeriod(db, last.id, '  sửa ', adminId)).toEqual({
			ok: false,
			message: 'Hãy ghi lý do mở lại đợt kiểm điểm (ít nhất 5 ký tự).'
		});
		expect(reopenPeriod(db, 9999, 'Sửa sai sót', adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đợt kiểm điểm.'
		});
		const second = openPeriod(db, input(ctx, { name: 'Năm 2026 (đợt hai)', unitId: tree.chapterA.id }), adminId);
		if (!second.ok) throw new Error(second.message);
		expect(reopenPeriod(db, last.id, 'Sửa sai sót', adminId)).toEqual({
			ok: false,
			message: expect.stringContaining('«Năm 2026 (đợt hai)»')
		});
		expect(findPeriod(db, last.id)!.closedAt).toBeInstanceOf(Date);
		expect(audits(db, 'period.reopen')).toEqual([]);
		closePeriod(db, second.id, adminId);
		expect(reopenPeriod(db, last.id, '  Sửa xếp loại nhầm của năm  ', adminId)).toEqual({ ok: true, id: last.id });
		expect(findPeriod(db, last.id)!.closedAt).toBeNull();
		expect(audits(db, 'period.reopen')).toMatchObject([
			{
				actorId: adminId,
				unitId: tree.branch.id,
				targetType: 'period',
				targetId: last.id,
				reason: 'Sửa xếp loại nhầm của năm'
			}
		]);
		expect(actionLabel('period.reopen')).toBe('Mở lại đợt kiểm điểm đã kết thúc');
	});
});
