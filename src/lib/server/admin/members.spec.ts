// Administering members: editing, moving between chapters and deactivating, on real databases from the migrations.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestMember, giveRole, TEST_PASSWORD } from '../../../../tests/helpers/db';
import { signedInUser } from '../../../../tests/helpers/sheets';
import { roleGrant, session } from '../db/schema';
import { closeUnit } from './units';
import { deactivateMember, transferMember, updateMemberDetails } from './members';
import { memberForAdmin, chapterMembers } from '../db/queries/members';
import { grantRole } from './roles';
import { createUnit } from '../db/queries/units';
import { rebuildMemberCounts } from '../db/queries/stats';
import { attemptSignIn } from '../auth/login';
import { validateSessionToken } from '../auth/session';
import { setup, units, memberships, audits, memberCount, requestUser, signIn } from '../../../../tests/helpers/admin';

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
