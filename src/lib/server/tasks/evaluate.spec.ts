// The committee's result on a task: who may record it, and not before the task year has ended.
import { describe, expect, it } from 'vitest';
import { taskAudits, taskTables, withAssignedTask } from '../../../../tests/helpers/tasks';
import { evaluateTask } from './evaluate';
import { findTask } from '../db/queries/tasks';

const ASSIGNED = '2026-03-10';
const NEXT_YEAR = '2027-01-12';

const withTask = () => withAssignedTask(ASSIGNED);

describe('evaluateTask', () => {
	it('records the result with the comment, audited, and a correction keeps the earlier result in the log', async () => {
		const { db, people, taskId, tree } = await withTask();
		const partly = { result: 'partly_completed', comment: 'Mới đạt 80% hồ sơ trực tuyến.' };
		expect(evaluateTask(db, people.branchCommittee, taskId, partly, NEXT_YEAR)).toEqual({ ok: true, id: taskId });
		expect(findTask(db, taskId)).toMatchObject({
			result: 'partly_completed',
			resultComment: 'Mới đạt 80% hồ sơ trực tuyến.'
		});
		expect(
			evaluateTask(db, people.provinceCommittee, taskId, { result: 'completed', comment: '' }, '2027-02-01')
		).toMatchObject({ ok: true });
		expect(findTask(db, taskId)).toMatchObject({ result: 'completed', resultComment: '' });
		expect(taskAudits(db, 'task.evaluate')).toMatchObject([
			{
				actorId: people.branchCommittee.id,
				unitId: tree.branch.id,
				targetId: taskId,
				reason: 'Mới đạt 80% hồ sơ trực tuyến.',
				detail: { from: null, to: 'partly_completed' }
			},
			{ actorId: people.provinceCommittee.id, reason: null, detail: { from: 'partly_completed', to: 'completed' } }
		]);
	});

	it('refuses any day of the task year itself, even the last, writing nothing', async () => {
		const { db, people, taskId } = await withTask();
		const before = taskTables(db);
		for (const today of [ASSIGNED, '2026-12-31'])
			expect(evaluateTask(db, people.branchCommittee, taskId, { result: 'completed', comment: '' }, today)).toEqual({
				ok: false,
				status: 409,
				message: 'Kết quả nhiệm vụ năm 2026 chỉ được ghi sau khi năm 2026 kết thúc (từ ngày 01/01/2027).'
			});
		expect(taskTables(db)).toEqual(before);
	});

	// Who may record the result of a task ordered at the branch.
	const matrix = [
		['branchCommittee', true],
		['provinceCommittee', true],
		['grassrootsCommittee', false],
		['otherCommittee', false],
		['secretary', false],
		['admin', false],
		['member', false],
		['leader', false]
	] as const;
	for (const [who, allowed] of matrix) {
		it(`${allowed ? 'lets' : 'refuses'} ${who}`, async () => {
			const { db, people, taskId } = await withTask();
			const before = taskTables(db);
			const result = evaluateTask(
				db,
				people[who],
				taskId,
				{ result: 'not_completed', comment: 'Chưa triển khai.' },
				NEXT_YEAR
			);
			expect(result.ok).toBe(allowed);
			if (!allowed) {
				expect(result).toMatchObject({ ok: false, status: 403 });
				expect(taskTables(db)).toEqual(before);
			}
		});
	}

	it('wants a comment for a result short of completed, a known result and a known task', async () => {
		const { db, people, taskId } = await withTask();
		const before = taskTables(db);
		for (const result of ['partly_completed', 'not_completed'])
			expect(evaluateTask(db, people.branchCommittee, taskId, { result, comment: ' ok ' }, NEXT_YEAR)).toMatchObject({
				ok: false,
				status: 400,
				field: 'comment',
				message: /hãy ghi nhận xét/
			});
		expect(
			evaluateTask(db, people.branchCommittee, taskId, { result: 'xuat_sac', comment: '' }, NEXT_YEAR)
		).toMatchObject({
			ok: false,
			field: 'result',
			message: 'Hãy chọn kết quả.'
		});
		expect(
			evaluateTask(db, people.branchCommittee, taskId + 5, { result: 'completed', comment: '' }, NEXT_YEAR)
		).toMatchObject({
			status: 404
		});
		expect(taskTables(db)).toEqual(before);
	});
});
