// The leader's progress reports: only theirs, only until the task is evaluated.
import { describe, expect, it } from 'vitest';
import { taskAudits, taskTables, withAssignedTask } from '../../../../tests/helpers/tasks';
import { reportProgress } from './report';
import { evaluateTask } from './evaluate';
import { reportsOf } from '../db/queries/tasks';

const TODAY = '2026-03-10';

const withTask = () => withAssignedTask(TODAY);

describe('reportProgress', () => {
	it("adds the leader's reports in order, each audited", async () => {
		const { db, people, taskId, tree } = await withTask();
		expect(reportProgress(db, people.leader, taskId, { text: 'Đã số hóa 40% hồ sơ.' })).toEqual({
			ok: true,
			id: taskId
		});
		expect(reportProgress(db, people.leader, taskId, { text: 'Đã số hóa 75% hồ sơ.' })).toEqual({
			ok: true,
			id: taskId
		});
		expect(reportsOf(db, [taskId]).map((r) => r.text)).toEqual(['Đã số hóa 40% hồ sơ.', 'Đã số hóa 75% hồ sơ.']);
		expect(taskAudits(db, 'task.report')).toMatchObject([
			{ actorId: people.leader.id, unitId: tree.branch.id, targetType: 'task', targetId: taskId },
			{ actorId: people.leader.id, targetId: taskId }
		]);
	});

	const others = ['branchCommittee', 'provinceCommittee', 'secretary', 'member', 'admin', 'otherLeader'] as const;
	for (const who of others) {
		it(`refuses ${who} as "not found", writing nothing`, async () => {
			const { db, people, taskId } = await withTask();
			const before = taskTables(db);
			expect(reportProgress(db, people[who], taskId, { text: 'Báo cáo thay cho cán bộ.' })).toEqual({
				ok: false,
				status: 404,
				message: 'Không tìm thấy nhiệm vụ.'
			});
			expect(taskTables(db)).toEqual(before);
		});
	}

	it('refuses an empty or too long report, an unknown task, and any report once the task is evaluated', async () => {
		const { db, people, taskId } = await withTask();
		const before = taskTables(db);
		expect(reportProgress(db, people.leader, taskId, { text: ' ' })).toMatchObject({
			ok: false,
			status: 400,
			field: 'text'
		});
		expect(reportProgress(db, people.leader, taskId, { text: 'x'.repeat(4001) })).toMatchObject({
			ok: false,
			field: 'text',
			message: /không quá 4\.000/
		});
		expect(reportProgress(db, people.leader, taskId + 99, { text: 'Đã làm xong.' })).toMatchObject({ status: 404 });
		expect(reportProgress(db, people.leader, Number.NaN, { text: 'Đã làm xong.' })).toMatchObject({ status: 404 });
		expect(taskTables(db)).toEqual(before);
		expect(
			evaluateTask(db, people.branchCommittee, taskId, { result: 'completed', comment: '' }, '2027-01-05').ok
		).toBe(true);
		const evaluated = taskTables(db);
		expect(reportProgress(db, people.leader, taskId, { text: 'Báo cáo muộn.' })).toEqual({
			ok: false,
			status: 409,
			message: 'Nhiệm vụ đã được đánh giá: không báo cáo thêm.'
		});
		expect(taskTables(db)).toEqual(evaluated);
	});
});
