// A committee orders a named leader of its subtree a breakthrough task for a year.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { UnitRow } from '../db/queries/units';
import { findLeaderByUsername, insertTask } from '../db/queries/tasks';
import { recordAudit } from '../db/queries/audit';
import { assignRefusal, deadlineRefusal, hasCommitteeScope } from '../../domain/tasks';
import { assignTaskSchema } from '../../schemas/tasks';
import { invalid, type TaskChange } from './result';

/** Orders the task at `unit`: the rule from the domain, the row and its audit line in one transaction. */
export function assignTask(db: Db, actor: AuthUser, unit: UnitRow, input: unknown, today: string): TaskChange {
	if (!hasCommitteeScope(actor, unit.path))
		return {
			ok: false,
			status: 403,
			message: 'Chỉ cấp ủy có thẩm quyền đối với đơn vị này được giao nhiệm vụ đột phá.'
		};
	const parsed = assignTaskSchema.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const data = parsed.data;
	const leader = findLeaderByUsername(db, data.leader);
	const refused = assignRefusal(
		actor,
		{ name: unit.name, path: unit.path, closed: unit.closedAt !== null },
		leader ?? null,
		data.year,
		today
	);
	if (refused) return { ok: false, status: 400, message: refused.message, field: refused.field };
	const late = deadlineRefusal(data.year, data.deadline, today);
	if (late) return { ok: false, status: 400, message: late, field: 'deadline' };
	return db.transaction((tx) => {
		const id = insertTask(tx, {
			unitId: unit.id,
			leaderId: leader!.id,
			chapterId: leader!.chapterId!,
			year: data.year,
			title: data.title,
			expectedResult: data.expectedResult,
			deadline: data.deadline,
			decisionNo: data.decisionNo,
			assignedBy: actor.id
		});
		recordAudit(tx, {
			actorId: actor.id,
			action: 'task.assign',
			unitId: unit.id,
			target: { type: 'task', id },
			detail: { leaderId: leader!.id, year: data.year, decisionNo: data.decisionNo }
		});
		return { ok: true as const, id };
	});
}
