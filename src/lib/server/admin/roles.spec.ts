// Giving and taking roles over units, and what each role may then see and do.
import { isHttpError } from '@sveltejs/kit';

import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { roleGrant } from '../db/schema';
import { closeUnit } from './units';
import { grantRole, revokeRole } from './roles';
import { createUnit, type UnitRow } from '../db/queries/units';
import { canViewUnit, homePathFor, isSecretaryOf, navigationFor } from '../auth/access';
import { requireUnitViewer } from '../auth/guards';
import { type AuthUser } from '../auth/types';
import { setup, audits, count, requestUser, signIn } from '../../../../tests/helpers/admin';

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
