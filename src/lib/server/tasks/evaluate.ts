// Once a task's year is over, a committee over the ordering unit records its result with a comment.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import { findTask, writeResult } from '../db/queries/tasks';
import { recordAudit } from '../db/queries/audit';
import { commentRequired, evaluateRefusal, hasCommitteeScope, TASK_RESULT_LABELS } from '../../domain/tasks';
import { evaluateTaskSchema } from '../../schemas/tasks';
import { invalid, taskNotFound, type TaskChange } from './result';

/**
 * Records (or corrects) the result. A result short of "completed" needs a comment; a correction keeps the
 * earlier result in the audit line.
 */
export function evaluateTask(db: Db, actor: AuthUser, taskId: number, input: unknown, today: string): TaskChange {
	const parsed = evaluateTaskSchema.safeParse(input);
	return db.transaction(
		(tx): TaskChange => {
			const task = Number.isSafeInteger(taskId) ? findTask(tx, taskId) : undefined;
			if (!task) return taskNotFound;
			const refused = evaluateRefusal(actor, task, today);
			// Only "the year is not over yet" is about timing (409); the rest is about who is asking (403).
			const timing = hasCommitteeScope(actor, task.unitPath) && actor.id !== task.leaderId;
			if (refused) return { ok: false, status: timing ? 409 : 403, message: refused };
			if (!parsed.success) return invalid(parsed.error);
			const { result, comment } = parsed.data;
			if (commentRequired(result) && comment.length < 5)
				return {
					ok: false,
					status: 400,
					message: `Kết quả «${TASK_RESULT_LABELS[result]}»: hãy ghi nhận xét (ít nhất 5 ký tự) nói rõ phần chưa đạt.`,
					field: 'comment'
				};
			writeResult(tx, task.id, { result, comment, evaluatedBy: actor.id, at: new Date() });
			recordAudit(tx, {
				actorId: actor.id,
				action: 'task.evaluate',
				unitId: task.unitId,
				target: { type: 'task', id: task.id },
				reason: comment || null,
				detail: { from: task.result, to: result }
			});
			return { ok: true, id: task.id };
		},
		{ behavior: 'immediate' }
	);
}
