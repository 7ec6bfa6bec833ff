// Setting up a real installation from an empty database.

import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { member, roleGrant, user } from '../db/schema';
import { attemptSignIn } from '../auth/login';
import { bootstrapInstallation } from './bootstrap';
import { setup, units, count } from '../../../../tests/helpers/admin';

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
