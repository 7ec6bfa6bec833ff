// Withdrawing a task ordered by mistake: who may, and not once the leader has reported or it has a result.
import { describe, expect, it } from 'vitest';
import { assignInput, taskAudits, taskTables, withAssignedTask } from '../../../../tests/helpers/tasks';
import { assignTask } from './assign';
import { reportProgress } from './report';
import { evaluateTask } from './evaluate';
import { withdrawTask } from './withdraw';
import { findTask } from '../db/queries/tasks';

const TODAY = '2026-03-10';
const REASON = { reason: 'Giao nhầm cán bộ.' };

const withTask = () => withAssignedTask(TODAY);

describe('withdrawTask', () => {
	it('removes the task and keeps what it was, and why, in the audit log', async () => {
		const { db, people, taskId, tree } = await withTask();
		expect(withdrawTask(db, people.branchCommittee, taskId, REASON)).toEqual({ ok: true, id: taskId });
		expect(findTask(db, taskId)).toBeUndefined();
		expect(taskAudits(db, 'task.withdraw')).toMatchObject([
			{
				actorId: people.branchCommittee.id,
				unitId: tree.branch.id,
				targetId: taskId,
				reason: 'Giao nhầm cán bộ.',
				detail: { leaderId: people.leader.id, year: 2026, title: assignInput().title, decisionNo: '125-QĐ/ĐU' }
			}
		]);
	});

	const matrix = [
		['branchCommittee', true],
		['provinceCommittee', true],
		['grassrootsCommittee', false],
		['otherCommittee', false],
		['secretary', false],
		['admin', false],
		['leader', false]
	] as const;
	for (const [who, allowed] of matrix) {
		it(`${allowed ? 'lets' : 'refuses'} ${who}`, async () => {
			const { db, people, taskId } = await withTask();
			const before = taskTables(db);
			const result = withdrawTask(db, people[who], taskId, REASON);
			expect(result.ok).toBe(allowed);
			if (!allowed) {
				expect(result).toMatchObject({ ok: false, status: 403 });
				expect(taskTables(db)).toEqual(before);
			}
		});
	}

	it('refuses without a reason, once the leader has reported, and once it has a result, writing nothing', async () => {
		const { db, people, taskId, tree } = await withTask();
		const before = taskTables(db);
		expect(withdrawTask(db, people.branchCommittee, taskId, { reason: ' ' })).toMatchObject({
			status: 400,
			field: 'reason'
		});
		expect(withdrawTask(db, people.branchCommittee, taskId + 9, REASON)).toMatchObject({ status: 404 });
		expect(taskTables(db)).toEqual(before);
		expect(reportProgress(db, people.leader, taskId, { text: 'Đã bắt đầu triển khai.' }).ok).toBe(true);
		const reported = taskTables(db);
		expect(withdrawTask(db, people.branchCommittee, taskId, REASON)).toMatchObject({
			status: 409,
			message: /đã báo cáo/
		});
		expect(taskTables(db)).toEqual(reported);

		const other = assignTask(
			db,
			people.branchCommittee,
			tree.branch,
			assignInput({ title: 'Nhiệm vụ thứ hai' }),
			TODAY
		);
		if (!other.ok) throw new Error(other.message);
		expect(
			evaluateTask(db, people.branchCommittee, other.id, { result: 'completed', comment: '' }, '2027-01-05').ok
		).toBe(true);
		expect(withdrawTask(db, people.branchCommittee, other.id, REASON)).toMatchObject({
			status: 409,
			message: /đã có kết quả/
		});
	});
});
