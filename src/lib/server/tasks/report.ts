// The leader reports progress on a task during its year (and until the committee has evaluated it).
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { findTask, insertReport } from '../db/queries/tasks';
import { recordAudit } from '../db/queries/audit';
import { reportRefusal } from '../../domain/tasks';
import { taskReportSchema } from '../../schemas/tasks';
import { invalid, taskNotFound, type TaskChange } from './result';

/** Adds the leader's report to the task; anyone else's is refused, and so is a report on an evaluated task. */
export function reportProgress(db: Db, actor: AuthUser, taskId: number, input: unknown): TaskChange {
	const parsed = taskReportSchema.safeParse(input);
	return db.transaction(
		(tx): TaskChange => {
			// Read inside the write transaction: a result recorded meanwhile closes the task to reports.
			const task = Number.isSafeInteger(taskId) ? findTask(tx, taskId) : undefined;
			// Someone else's task is "not found": its existence is not theirs to learn.
			if (!task || task.leaderId !== actor.id) return taskNotFound;
			const refused = reportRefusal(actor, task);
			if (refused) return { ok: false, status: 409, message: refused };
			if (!parsed.success) return invalid(parsed.error);
			const reportId = insertReport(tx, { taskId: task.id, authorId: actor.id, text: parsed.data.text });
			recordAudit(tx, {
				actorId: actor.id,
				action: 'task.report',
				unitId: task.unitId,
				target: { type: 'task', id: task.id },
				detail: { reportId }
			});
			return { ok: true, id: task.id };
		},
		{ behavior: 'immediate' }
	);
}
