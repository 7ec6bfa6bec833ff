// The demo province's breakthrough tasks can be tried from the README's accounts.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { asUser } from '../../../../tests/helpers/tasks';
import type { Db } from '../db/client';
import { attemptSignIn } from '../auth/login';
import { findUserByUsername } from '../db/queries/users';
import { memberSheets, loadSheetDetail } from '../db/queries/sheets';
import { unit } from '../db/schema';
import { DEMO_PASSWORD, seedDemoData } from './demo';
import { DEMO_LEADER } from './demo-tasks';
import { myTasks, taskCountsByChild } from '../tasks/view';
import { evaluateTask } from '../tasks/evaluate';
import { personalReport } from '../reports';
import { todayIso } from '../../domain/dates';
import { choosePeriod } from '../overview';
import { unitExample } from '../example-setting/view';

let db: Db;
beforeAll(async () => {
	db = createTestDb();
	await seedDemoData(db);
});

describe('the demo tasks', () => {
	const year = Number(todayIso().slice(0, 4));

	it('gives the demo leader, who signs in with the demo password, tasks of last year and this year', async () => {
		expect(
			await attemptSignIn(db, { username: DEMO_LEADER, password: DEMO_PASSWORD, address: '127.0.0.1' })
		).toMatchObject({
			ok: true
		});
		const leader = asUser(db, findUserByUsername(db, DEMO_LEADER)!.id);
		expect(leader.targetGroup).toBe('A');
		const tasks = myTasks(db, leader);
		expect(tasks.map((t) => [t.year, t.result, t.mayReport])).toEqual([
			[year, null, true],
			[year - 1, 'completed', false],
			[year - 1, null, true]
		]);
	});

	it("prints last year's evaluated task on the leader's approved sheet of last year", () => {
		const leaderId = findUserByUsername(db, DEMO_LEADER)!.id;
		const last = memberSheets(db, leaderId).find((s) => s.year === year - 1);
		expect(last).toMatchObject({ status: 'approved' });
		const report = personalReport(db, loadSheetDetail(db, last!.id)!);
		expect(report.leaderTasks?.map((t) => t.result)).toEqual(['Hoàn thành', 'Chưa đánh giá']);
		expect(report.exampleSetting).toMatchObject({
			self: 'Tốt',
			reviewer: 'Khá',
			reason: 'Còn nể nang khi góp ý cấp dưới.'
		});
	});

	it("counts the tasks by unit for capuy, who can evaluate last year's waiting task now", () => {
		const capuy = asUser(db, findUserByUsername(db, 'capuy')!.id);
		const root = db.select().from(unit).where(eq(unit.name, 'Đảng bộ tỉnh Mẫu')).get()!;
		const counts = taskCountsByChild(db, root, year);
		expect(counts.total.total).toBe(2);
		expect(counts.children.filter((c) => c.tally.total > 0).map((c) => c.name)).toEqual([
			'Đảng bộ phường Hòa Bình',
			'Đảng bộ Ủy ban nhân dân tỉnh'
		]);
		const waiting = myTasks(db, asUser(db, findUserByUsername(db, DEMO_LEADER)!.id)).find(
			(t) => t.year === year - 1 && t.result === null
		)!;
		expect(
			evaluateTask(db, capuy, waiting.id, { result: 'partly_completed', comment: 'Mới rút còn 14 ngày.' }, todayIso())
		).toMatchObject({ ok: true });
	});
});

describe('the demo example-setting', () => {
	it("gives bithu01 this year's handed-in leaders of the chapter to rate", () => {
		const secretary = asUser(db, findUserByUsername(db, 'bithu01')!.id);
		const chapter = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get()!;
		const current = choosePeriod(db, chapter, null, todayIso()).period!;
		const rows = unitExample(db, secretary, chapter, current).rows;
		expect(rows.filter((r) => r.mayReview).length).toBeGreaterThan(0);
		expect(rows.filter((r) => r.mayReview).every((r) => r.self !== null && r.reviewer === null)).toBe(true);
	});
});
