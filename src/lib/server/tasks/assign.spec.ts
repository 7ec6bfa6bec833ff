// Ordering a breakthrough task: who may, to whom, and that a refusal writes nothing.
import { describe, expect, it } from 'vitest';
import { assignInput, taskAudits, taskSetup, taskTables } from '../../../../tests/helpers/tasks';
import { createTestMember } from '../../../../tests/helpers/db';
import { assignTask } from './assign';
import { findTask } from '../db/queries/tasks';
import { closeUnit } from '../admin/units';
import { createUnit, findUnit } from '../db/queries/units';

const TODAY = '2026-03-10';

describe('assignTask', () => {
	it('writes the task for the leader, with their chapter, and one audit line', async () => {
		const { db, tree, people } = await taskSetup();
		const done = assignTask(db, people.branchCommittee, tree.branch, assignInput(), TODAY);
		if (!done.ok) throw new Error(done.message);
		expect(findTask(db, done.id)).toMatchObject({
			unitId: tree.branch.id,
			leaderId: people.leader.id,
			chapterId: tree.chapterA.id,
			year: 2026,
			title: 'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
			deadline: '2026-11-30',
			decisionNo: '125-QĐ/ĐU',
			assignedByName: 'Tài khoản capuyphuong',
			result: null
		});
		expect(taskAudits(db, 'task.assign')).toMatchObject([
			{
				actorId: people.branchCommittee.id,
				unitId: tree.branch.id,
				targetType: 'task',
				targetId: done.id,
				detail: { leaderId: people.leader.id, year: 2026, decisionNo: '125-QĐ/ĐU' }
			}
		]);
	});

	// Who may order the leader of chapter A (under the grassroots unit, under the branch) a task, at which unit.
	const matrix = [
		['branchCommittee', 'branch', true],
		['provinceCommittee', 'branch', true],
		['provinceCommittee', 'province', true],
		['grassrootsCommittee', 'grassroots', true],
		['grassrootsCommittee', 'branch', false],
		['otherCommittee', 'branch', false],
		['otherCommittee', 'otherBranch', false],
		['secretary', 'chapterA', false],
		['admin', 'branch', false],
		['member', 'chapterA', false],
		['leader', 'branch', false]
	] as const;

	for (const [who, at, allowed] of matrix) {
		it(`${allowed ? 'lets' : 'refuses'} ${who} ordering at ${at}`, async () => {
			const { db, tree, people } = await taskSetup();
			const before = taskTables(db);
			const result = assignTask(db, people[who], tree[at], assignInput(), TODAY);
			expect(result.ok).toBe(allowed);
			if (!allowed) {
				// otherBranch does not hold the leader: a committee of it is refused for the leader, not the scope.
				expect(result).toMatchObject({
					ok: false,
					status: who === 'otherCommittee' && at === 'otherBranch' ? 400 : 403
				});
				expect(taskTables(db)).toEqual(before);
			}
		});
	}

	it('refuses bad input field by field, and every rule of the domain, writing nothing', async () => {
		const { db, tree, people } = await taskSetup();
		const bMember = await createTestMember(db, tree.chapterA, { username: 'nhomb', targetGroup: 'B' });
		expect(bMember).toBeGreaterThan(0);
		const before = taskTables(db);
		const cases: [Record<string, string>, string, RegExp][] = [
			[{ title: 'abc' }, 'title', /ít nhất 5/],
			[{ expectedResult: '' }, 'expectedResult', /kết quả cần đạt/],
			[{ deadline: '2026-02-30' }, 'deadline', /không hợp lệ/],
			[{ deadline: '2027-01-15' }, 'deadline', /trong năm 2026/],
			[{ deadline: '2026-03-01' }, 'deadline', /đã qua/],
			[{ decisionNo: '  ' }, 'decisionNo', /số văn bản/],
			[{ year: 'hai nghìn' }, 'year', /Năm không hợp lệ/],
			[{ year: '2025', deadline: '2025-12-01' }, 'year', /năm đã qua/],
			[{ leader: 'khongco' }, 'leader', /Không tìm thấy/],
			[{ leader: 'nhomb' }, 'leader', /nhóm A/],
			[{ leader: 'lanhdaokhac' }, 'leader', /Đảng bộ phường Một/],
			[{ leader: 'capuyphuong' }, 'leader', /Không tìm thấy/]
		];
		for (const [over, field, message] of cases) {
			const result = assignTask(db, people.branchCommittee, tree.branch, assignInput(over), TODAY);
			expect(result, JSON.stringify(over)).toMatchObject({ ok: false, status: 400, field, message });
		}
		expect(taskTables(db)).toEqual(before);
	});

	it('refuses a closed unit and a committee ordering itself', async () => {
		const { db, tree, people } = await taskSetup();
		// The secretary, given the committee role over their own branch, still may not order themselves.
		const self = {
			...people.secretary,
			grants: [
				...people.secretary.grants,
				{ role: 'committee' as const, unitId: tree.branch.id, unitPath: tree.branch.path }
			]
		};
		expect(assignTask(db, self, tree.branch, assignInput({ leader: 'bithu' }), TODAY)).toMatchObject({
			ok: false,
			field: 'leader',
			message: /chính mình/
		});
		const empty = createUnit(db, { name: 'Chi bộ Cũ', kind: 'chi_bo', parentId: tree.branch.id });
		expect(closeUnit(db, empty.id, people.admin.id)).toMatchObject({ ok: true });
		const closed = findUnit(db, empty.id)!;
		expect(assignTask(db, people.branchCommittee, closed, assignInput(), TODAY)).toMatchObject({
			ok: false,
			message: /giải thể/
		});
		expect(taskAudits(db, 'task.assign')).toEqual([]);
	});
});
