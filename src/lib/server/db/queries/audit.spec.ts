// Reading the audit log back with its filters.

import { describe, expect, it } from 'vitest';
import { createTestAccount, createTestDb, createTestMember, createTestTree } from '../../../../../tests/helpers/db';
import { auditEvent } from '../schema';
import { auditLog } from './audit';
import { count } from '../../../../../tests/helpers/admin';

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
