// Breakthrough tasks ("nhiệm vụ đột phá, đổi mới"): a committee orders a named leader in its subtree to carry
// a task for a year; the leader reports progress; once the year is over the committee records the result,
// which counts in the leader's review of that year. Pure rules, asked by the use cases, the pages and the tests.
import type { GrantedRole } from './org';
import type { TargetGroup } from './template';

/** What the committee records for a task once its year is over. */
export const TASK_RESULTS = ['completed', 'partly_completed', 'not_completed'] as const;
export type TaskResult = (typeof TASK_RESULTS)[number];

/** The results in Vietnamese, as the evaluation form, the lists, the exports and the printed review say them. */
export const TASK_RESULT_LABELS: Record<TaskResult, string> = {
	completed: 'Hoàn thành',
	partly_completed: 'Hoàn thành một phần',
	not_completed: 'Không hoàn thành'
};

/** A task not evaluated yet, in the lists and the printed review. */
export const TASK_PENDING_LABEL = 'Chưa đánh giá';

/** Limits of the task's texts (characters). */
export const TASK_TEXT_LIMITS = { title: 300, expectedResult: 2000, decisionNo: 100, report: 4000, comment: 2000 };

/** Most years ahead a task may be ordered for (a committee's term is five years). */
export const MAX_YEARS_AHEAD = 5;

/** A role the actor holds, with its unit's path so scope is checked without a query. */
export interface TaskGrant {
	role: GrantedRole;
	unitId: number;
	unitPath: string;
}

/** The person acting. */
export interface TaskActor {
	id: number;
	grants: readonly TaskGrant[];
}

/** True when the actor holds the committee role over this unit (at it or above it). */
export function hasCommitteeScope(actor: TaskActor, unitPath: string): boolean {
	return actor.grants.some((g) => g.role === 'committee' && unitPath.startsWith(g.unitPath));
}

/** The year a date (YYYY-MM-DD) falls in. */
export function yearOf(iso: string): number {
	return Number(iso.slice(0, 4));
}

/** True once the task's year is over (from 1 January of the next year, in Vietnam). */
export function yearEnded(year: number, today: string): boolean {
	return yearOf(today) > year;
}

/** The person a task is meant for, as the rule needs them. */
export interface TaskLeader {
	id: number;
	active: boolean;
	targetGroup: TargetGroup | null;
	/** Path of the chapter they belong to now; null when they belong to none. */
	chapterPath: string | null;
}

/** Why this actor may not order this leader a task for this year at this unit (in Vietnamese), or null when they may. */
export function assignRefusal(
	actor: TaskActor,
	unit: { name: string; path: string; closed: boolean },
	leader: TaskLeader | null,
	year: number,
	today: string
): { field: 'form' | 'leader' | 'year'; message: string } | null {
	if (!hasCommitteeScope(actor, unit.path))
		return { field: 'form', message: 'Chỉ cấp ủy có thẩm quyền đối với đơn vị này được giao nhiệm vụ đột phá.' };
	if (unit.closed) return { field: 'form', message: 'Đơn vị đã giải thể: không giao nhiệm vụ mới.' };
	if (!leader || !leader.active || leader.chapterPath === null)
		return { field: 'leader', message: 'Không tìm thấy đảng viên đang sinh hoạt với tên đăng nhập này.' };
	if (!leader.chapterPath.startsWith(unit.path))
		return { field: 'leader', message: `Chỉ giao nhiệm vụ cho cán bộ sinh hoạt trong ${unit.name}.` };
	if (leader.id === actor.id) return { field: 'leader', message: 'Không ai tự giao nhiệm vụ cho chính mình.' };
	if (leader.targetGroup !== 'A')
		return {
			field: 'leader',
			message: 'Nhiệm vụ đột phá giao cho đảng viên giữ chức vụ lãnh đạo, quản lý (nhóm A).'
		};
	if (year < yearOf(today)) return { field: 'year', message: 'Không giao nhiệm vụ cho năm đã qua.' };
	if (year > yearOf(today) + MAX_YEARS_AHEAD)
		return { field: 'year', message: `Chỉ giao nhiệm vụ cho tối đa ${MAX_YEARS_AHEAD} năm tới.` };
	return null;
}

/** Why a task's deadline does not fit (it must fall in the task's year, not before today), or null. */
export function deadlineRefusal(year: number, deadline: string, today: string): string | null {
	if (yearOf(deadline) !== year) return `Thời hạn phải trong năm ${year}.`;
	if (deadline < today) return 'Thời hạn đã qua: hãy chọn một ngày từ hôm nay trở đi.';
	return null;
}

/** A task as the rules after its assignment see it. */
export interface TaskFacts {
	leaderId: number;
	year: number;
	/** Path of the unit whose committee ordered it. */
	unitPath: string;
	result: TaskResult | null;
}

/** Why this actor may not report progress on this task, or null: only the leader, and only until it is evaluated. */
export function reportRefusal(actor: { id: number }, task: TaskFacts): string | null {
	if (actor.id !== task.leaderId) return 'Chỉ cán bộ được giao nhiệm vụ được báo cáo tiến độ.';
	if (task.result !== null) return 'Nhiệm vụ đã được đánh giá: không báo cáo thêm.';
	return null;
}

/** Why this actor may not record the task's result today, or null: a committee over the ordering unit, once the year is over. */
export function evaluateRefusal(actor: TaskActor, task: TaskFacts, today: string): string | null {
	if (!hasCommitteeScope(actor, task.unitPath))
		return 'Chỉ cấp ủy đã giao nhiệm vụ (hoặc cấp ủy cấp trên của đơn vị đó) được đánh giá kết quả.';
	if (actor.id === task.leaderId) return 'Không ai tự đánh giá nhiệm vụ của chính mình.';
	if (!yearEnded(task.year, today))
		return `Kết quả nhiệm vụ năm ${task.year} chỉ được ghi sau khi năm ${task.year} kết thúc (từ ngày 01/01/${task.year + 1}).`;
	return null;
}

/**
 * Why this actor may not withdraw a task ordered by mistake, or null: a committee over the ordering unit, while the
 * task has neither a result nor a report (after that it is part of the leader's year and stays on record).
 */
export function withdrawRefusal(actor: TaskActor, task: TaskFacts, reports: number): string | null {
	if (!hasCommitteeScope(actor, task.unitPath))
		return 'Chỉ cấp ủy đã giao nhiệm vụ (hoặc cấp ủy cấp trên của đơn vị đó) được rút lại nhiệm vụ.';
	if (task.result !== null) return 'Nhiệm vụ đã có kết quả: không rút lại được; nếu cần, hãy sửa kết quả đánh giá.';
	if (reports > 0) return 'Cán bộ đã báo cáo tiến độ nhiệm vụ này: không rút lại được nữa.';
	return null;
}

/** A result short of "completed" needs the committee's comment saying what was missing. */
export function commentRequired(result: TaskResult): boolean {
	return result !== 'completed';
}

/** How many tasks, and how they ended. */
export interface TaskTally {
	total: number;
	completed: number;
	partlyCompleted: number;
	notCompleted: number;
	pending: number;
}

export const EMPTY_TALLY: TaskTally = { total: 0, completed: 0, partlyCompleted: 0, notCompleted: 0, pending: 0 };

/** Counts tasks by result. */
export function tallyTasks(tasks: readonly { result: TaskResult | null }[]): TaskTally {
	const out = { ...EMPTY_TALLY };
	for (const t of tasks) {
		out.total += 1;
		if (t.result === 'completed') out.completed += 1;
		else if (t.result === 'partly_completed') out.partlyCompleted += 1;
		else if (t.result === 'not_completed') out.notCompleted += 1;
		else out.pending += 1;
	}
	return out;
}

/** The result in words, or "Chưa đánh giá". */
export function taskResultLabel(result: TaskResult | null): string {
	return result ? TASK_RESULT_LABELS[result] : TASK_PENDING_LABEL;
}

/** The heading of the leaders' section of the printed review (the app's own wording). */
export const LEADER_TASKS_TITLE = 'Kết quả thực hiện nhiệm vụ đột phá được cấp ủy giao';

/** One task as the leader's printed review shows it (section for leaders). */
export interface LeaderTaskLine {
	title: string;
	expectedResult: string;
	deadline: string;
	decision: string;
	assignedBy: string;
	lastReport: string;
	result: string;
	comment: string;
}
