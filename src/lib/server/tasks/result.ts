import type { z } from '../../schemas/zod';

/** What a task use case answers: done (with the task's id), or refused with a status and a message for one field or the form. */
export type TaskChange =
	{ ok: true; id: number } | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string };

/** A schema's first problem as a refusal next to its field. */
export function invalid(error: z.ZodError): TaskChange & { ok: false } {
	const issue = error.issues[0];
	return { ok: false, status: 400, message: issue.message, field: String(issue.path[0] ?? 'form') };
}

export const taskNotFound: TaskChange & { ok: false } = {
	ok: false,
	status: 404,
	message: 'Không tìm thấy nhiệm vụ.'
};
