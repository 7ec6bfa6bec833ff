// A committee withdraws a task it ordered by mistake, before the leader has reported on it or it has a result.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { deleteTask, findTask, reportsOf } from '../db/queries/tasks';
import { recordAudit } from '../db/queries/audit';
import { hasCommitteeScope, withdrawRefusal } from '../../domain/tasks';
import { withdrawTaskSchema } from '../../schemas/tasks';
import { invalid, taskNotFound, type TaskChange } from './result';

/** Removes the task; the audit line keeps what it was (leader, year, title, decision) and why it was withdrawn. */
export function withdrawTask(db: Db, actor: AuthUser, taskId: number, input: unknown): TaskChange {
	const parsed = withdrawTaskSchema.safeParse(input);
	return db.transaction(
		(tx): TaskChange => {
			const task = Number.isSafeInteger(taskId) ? findTask(tx, taskId) : undefined;
			if (!task) return taskNotFound;
			const refused = withdrawRefusal(actor, task, reportsOf(tx, [task.id]).length);
			if (refused) return { ok: false, status: hasCommitteeScope(actor, task.unitPath) ? 409 : 403, message: refused };
			if (!parsed.success) return invalid(parsed.error);
			deleteTask(tx, task.id);
			recordAudit(tx, {
				actorId: actor.id,
				action: 'task.withdraw',
				unitId: task.unitId,
				target: { type: 'task', id: task.id },
				reason: parsed.data.reason,
				detail: {
					leaderId: task.leaderId,
					year: task.year,
					title: task.title,
					decisionNo: task.decisionNo,
					deadline: task.deadline
				}
			});
			return { ok: true, id: task.id };
		},
		{ behavior: 'immediate' }
	);
}
