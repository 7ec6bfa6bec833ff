import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	giveRole
} from '../../../../../tests/helpers/db';
import { auditEvent, roleGrant } from '../schema';
import { grantRole, revokeRole } from '../../admin/roles';
import { addMember, createMemberByAdmin, deactivateMember } from '../../admin/members';
import { attemptSignIn } from '../../auth/login';
import { user } from '../schema';
import { testPasswordHash } from '../../../../../tests/helpers/db';

async function setup() {
	const db = createTestDb();
	const tree = createTestTree(db);
	const admin = await createTestAccount(db, 'quantri-thu');
	giveRole(db, admin, 'admin', tree.province);
	const member = await createTestMember(db, tree.chapterA, { username: 'dv-vai-tro' });
	return { db, tree, admin, member };
}

describe('role rules', () => {
	it('gives the administrator role only on the root', async () => {
		const { db, tree, admin } = await setup();
		expect(grantRole(db, { username: 'dv-vai-tro', role: 'admin', unitId: tree.branch.id }, admin)).toEqual({
			ok: false,
			message: 'Vai trò quản trị chỉ gán tại đơn vị gốc.'
		});
		expect(grantRole(db, { username: 'dv-vai-tro', role: 'admin', unitId: tree.province.id }, admin)).toEqual({
			ok: true
		});
	});

	it('refuses a role the person already holds, without a second audit entry', async () => {
		const { db, tree, admin } = await setup();
		expect(grantRole(db, { username: 'dv-vai-tro', role: 'committee', unitId: tree.branch.id }, admin).ok).toBe(true);
		const result = grantRole(db, { username: 'dv-vai-tro', role: 'committee', unitId: tree.branch.id }, admin);
		expect(result.ok).toBe(false);
		expect(db.select().from(auditEvent).where(eq(auditEvent.action, 'role.grant')).all()).toHaveLength(1);
	});

	it('never leaves the installation without an administrator', async () => {
		const { db, tree, admin, member } = await setup();
		expect(revokeRole(db, { userId: admin, role: 'admin', unitId: tree.province.id }, admin)).toEqual({
			ok: false,
			message: 'Không thể tự thu hồi vai trò quản trị của mình.'
		});
		const other = await createTestAccount(db, 'quantri-hai');
		giveRole(db, other, 'admin', tree.province);
		expect(revokeRole(db, { userId: admin, role: 'admin', unitId: tree.province.id }, other)).toEqual({ ok: true });
		expect(revokeRole(db, { userId: other, role: 'admin', unitId: tree.province.id }, member)).toEqual({
			ok: false,
			message: 'Phải còn ít nhất một quản trị viên.'
		});
		expect(db.select().from(roleGrant).where(eq(roleGrant.role, 'admin')).all()).toHaveLength(1);
	});

	it('deactivates an account without a member profile, and audits a member added by hand', async () => {
		const { db, tree, admin } = await setup();
		const committee = await createTestAccount(db, 'capuy-thu');
		expect(deactivateMember(db, committee, '2026-11-22', admin)).toEqual({ ok: true });
		const id = createMemberByAdmin(
			db,
			{
				username: 'dv-moi',
				fullName: 'Lê Thị Mới',
				passwordHash: await testPasswordHash(),
				mustChangePassword: true,
				dateOfBirth: '1990-01-01',
				position: '',
				targetGroup: 'B',
				chapterId: tree.chapterB.id,
				joinedOn: '2026-11-22'
			},
			admin
		);
		expect(
			db
				.select()
				.from(auditEvent)
				.where(eq(auditEvent.action, 'member.create'))
				.all()
				.map((e) => e.targetId)
		).toEqual([id]);
	});

	it('adds a member by hand with a temporary password that must be changed, refusing a taken login id or a closed chapter', async () => {
		const { db, tree, admin } = await setup();
		const input = {
			username: 'dv-tay',
			fullName: 'Phan Văn Tay',
			dateOfBirth: '1988-02-29',
			position: '',
			targetGroup: 'B' as const,
			chapterId: tree.chapterA.id
		};
		const added = await addMember(db, input, { actorId: admin, today: '2026-11-22' });
		if (!added.ok) throw new Error(added.message);
		expect(db.select().from(user).where(eq(user.id, added.id)).get()?.mustChangePassword).toBe(true);
		expect(
			await attemptSignIn(db, { username: 'dv-tay', password: added.password, address: '127.0.0.9' })
		).toMatchObject({ ok: true, mustChangePassword: true });
		expect(await addMember(db, input, { actorId: admin, today: '2026-11-22' })).toEqual({
			ok: false,
			field: 'username',
			message: 'Tên đăng nhập này đã có người dùng.'
		});
		expect(
			await addMember(
				db,
				{ ...input, username: 'dv-khac', chapterId: tree.branch.id },
				{ actorId: admin, today: '2026-11-22' }
			)
		).toEqual({ ok: false, field: 'chapterId', message: 'Hãy chọn một chi bộ đang hoạt động.' });
	});
});
