import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	assignRefusal,
	commentRequired,
	deadlineRefusal,
	evaluateRefusal,
	hasCommitteeScope,
	reportRefusal,
	tallyTasks,
	taskResultLabel,
	withdrawRefusal,
	yearEnded,
	type TaskActor,
	type TaskFacts,
	type TaskLeader
} from './tasks';

// A province /1/ with a branch /1/2/ holding a chapter /1/2/5/, and another branch /1/3/ with chapter /1/3/6/.
const BRANCH = { name: 'Đảng bộ phường Một', path: '/1/2/', closed: false };
const committee = (id: number, unitPath: string, unitId = 2): TaskActor => ({
	id,
	grants: [{ role: 'committee', unitId, unitPath }]
});
const leader = (over: Partial<TaskLeader> = {}): TaskLeader => ({
	id: 10,
	active: true,
	targetGroup: 'A',
	chapterPath: '/1/2/5/',
	...over
});
const TODAY = '2026-03-10';

describe('who may order a breakthrough task', () => {
	it('lets a committee at the unit or above it order a group A leader of the subtree, this year or up to five years ahead', () => {
		expect(assignRefusal(committee(1, '/1/2/'), BRANCH, leader(), 2026, TODAY)).toBeNull();
		expect(assignRefusal(committee(1, '/1/', 1), BRANCH, leader(), 2031, TODAY)).toBeNull();
	});

	it('refuses a committee of another subtree, a secretary, an administrator and a committee below the unit', () => {
		const refused = { field: 'form', message: expect.stringMatching(/thẩm quyền/) };
		expect(assignRefusal(committee(1, '/1/3/', 3), BRANCH, leader(), 2026, TODAY)).toEqual(refused);
		expect(assignRefusal(committee(1, '/1/2/5/', 5), BRANCH, leader(), 2026, TODAY)).toEqual(refused);
		for (const role of ['secretary', 'admin'] as const)
			expect(
				assignRefusal({ id: 1, grants: [{ role, unitId: 2, unitPath: '/1/2/' }] }, BRANCH, leader(), 2026, TODAY)
			).toEqual(refused);
		expect(assignRefusal({ id: 1, grants: [] }, BRANCH, leader(), 2026, TODAY)).toEqual(refused);
	});

	it('refuses a closed unit, and a leader who is unknown, inactive, outside the subtree, oneself or not in group A', () => {
		const actor = committee(1, '/1/');
		expect(assignRefusal(actor, { ...BRANCH, closed: true }, leader(), 2026, TODAY)?.message).toMatch(/giải thể/);
		expect(assignRefusal(actor, BRANCH, null, 2026, TODAY)?.field).toBe('leader');
		expect(assignRefusal(actor, BRANCH, leader({ active: false }), 2026, TODAY)?.field).toBe('leader');
		expect(assignRefusal(actor, BRANCH, leader({ chapterPath: null }), 2026, TODAY)?.field).toBe('leader');
		expect(assignRefusal(actor, BRANCH, leader({ chapterPath: '/1/3/6/' }), 2026, TODAY)?.message).toBe(
			'Chỉ giao nhiệm vụ cho cán bộ sinh hoạt trong Đảng bộ phường Một.'
		);
		// "/1/2" is a prefix of "/1/23/" as text, but the paths end in "/" so a sibling never passes.
		expect(assignRefusal(actor, BRANCH, leader({ chapterPath: '/1/23/7/' }), 2026, TODAY)?.field).toBe('leader');
		expect(assignRefusal(committee(10, '/1/'), BRANCH, leader(), 2026, TODAY)?.message).toMatch(/chính mình/);
		for (const targetGroup of ['B', 'C', null] as const)
			expect(assignRefusal(actor, BRANCH, leader({ targetGroup }), 2026, TODAY)?.message).toMatch(/nhóm A/);
	});

	it('refuses a year already past and one more than five years ahead', () => {
		const actor = committee(1, '/1/');
		expect(assignRefusal(actor, BRANCH, leader(), 2025, TODAY)).toEqual({
			field: 'year',
			message: 'Không giao nhiệm vụ cho năm đã qua.'
		});
		expect(assignRefusal(actor, BRANCH, leader(), 2032, TODAY)?.field).toBe('year');
	});

	it('wants the deadline inside the task year and not before today', () => {
		expect(deadlineRefusal(2026, '2026-12-31', TODAY)).toBeNull();
		expect(deadlineRefusal(2026, TODAY, TODAY)).toBeNull();
		expect(deadlineRefusal(2026, '2027-01-01', TODAY)).toBe('Thời hạn phải trong năm 2026.');
		expect(deadlineRefusal(2026, '2026-03-09', TODAY)).toMatch(/đã qua/);
	});
});

describe('progress and results', () => {
	const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
		leaderId: 10,
		year: 2026,
		unitPath: '/1/2/',
		result: null,
		...over
	});

	it('lets only the leader report, and only until the task is evaluated', () => {
		expect(reportRefusal({ id: 10 }, task())).toBeNull();
		expect(reportRefusal({ id: 1 }, task())).toMatch(/Chỉ cán bộ được giao/);
		expect(reportRefusal({ id: 10 }, task({ result: 'completed' }))).toMatch(/đã được đánh giá/);
	});

	it('records a result only after the task year has ended, by a committee over the ordering unit', () => {
		expect(evaluateRefusal(committee(1, '/1/2/'), task(), '2027-01-01')).toBeNull();
		expect(evaluateRefusal(committee(1, '/1/', 1), task(), '2028-06-01')).toBeNull();
		expect(evaluateRefusal(committee(1, '/1/2/'), task(), '2026-12-31')).toBe(
			'Kết quả nhiệm vụ năm 2026 chỉ được ghi sau khi năm 2026 kết thúc (từ ngày 01/01/2027).'
		);
		expect(evaluateRefusal(committee(1, '/1/3/', 3), task(), '2027-01-01')).toMatch(/Chỉ cấp ủy đã giao/);
		expect(evaluateRefusal(committee(1, '/1/2/5/', 5), task(), '2027-01-01')).toMatch(/Chỉ cấp ủy đã giao/);
		expect(evaluateRefusal(committee(10, '/1/'), task(), '2027-01-01')).toMatch(/chính mình/);
	});

	it('never records a result on any day of the task year itself', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 364 }), (year, day) => {
				const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
				expect(yearEnded(year, date)).toBe(false);
				expect(evaluateRefusal(committee(1, '/1/'), task({ year }), date)).not.toBeNull();
				expect(yearEnded(year, `${year + 1}-01-01`)).toBe(true);
			})
		);
	});

	it('lets a committee over the ordering unit withdraw a task only before any report or result', () => {
		expect(withdrawRefusal(committee(1, '/1/2/'), task(), 0)).toBeNull();
		expect(withdrawRefusal(committee(1, '/1/', 1), task(), 0)).toBeNull();
		expect(withdrawRefusal(committee(1, '/1/3/', 3), task(), 0)).toMatch(/Chỉ cấp ủy đã giao/);
		expect(withdrawRefusal({ id: 10, grants: [] }, task(), 0)).toMatch(/Chỉ cấp ủy đã giao/);
		expect(withdrawRefusal(committee(1, '/1/2/'), task(), 1)).toMatch(/đã báo cáo/);
		expect(withdrawRefusal(committee(1, '/1/2/'), task({ result: 'not_completed' }), 0)).toMatch(/đã có kết quả/);
	});

	it('needs a comment for every result short of completed', () => {
		expect(commentRequired('completed')).toBe(false);
		expect(commentRequired('partly_completed')).toBe(true);
		expect(commentRequired('not_completed')).toBe(true);
	});

	it('counts tasks by result', () => {
		expect(
			tallyTasks([
				{ result: 'completed' },
				{ result: 'completed' },
				{ result: 'partly_completed' },
				{ result: 'not_completed' },
				{ result: null }
			])
		).toEqual({ total: 5, completed: 2, partlyCompleted: 1, notCompleted: 1, pending: 1 });
		expect(tallyTasks([]).total).toBe(0);
		expect(taskResultLabel(null)).toBe('Chưa đánh giá');
		expect(taskResultLabel('partly_completed')).toBe('Hoàn thành một phần');
	});

	it('reads the committee scope off the path', () => {
		expect(hasCommitteeScope(committee(1, '/1/2/'), '/1/2/5/')).toBe(true);
		expect(hasCommitteeScope(committee(1, '/1/2/'), '/1/23/')).toBe(false);
	});
});
