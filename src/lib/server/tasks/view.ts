// What the task pages show: a unit's tasks for a year, one task with its reports, a leader's own tasks,
// the counts by child unit for the committee's overview, and the lines of the leader's printed review.
import type { Db } from '../db/client';
import type { AuthUser } from '../auth/types';
import type { UnitRow } from '../db/queries/units';
import { CHAPTER_KINDS, childrenOf } from '../db/queries/units';
import { canViewUnit } from '../auth/access';
import {
	findTask,
	leadersInSubtree,
	reportsOf,
	taskResultsInSubtree,
	tasksInSubtree,
	tasksOfLeader,
	taskYears,
	type TaskView
} from '../db/queries/tasks';
import {
	EMPTY_TALLY,
	evaluateRefusal,
	hasCommitteeScope,
	reportRefusal,
	tallyTasks,
	taskResultLabel,
	withdrawRefusal,
	yearOf,
	type LeaderTaskLine
} from '../../domain/tasks';
import { formatDate, formatDateTime } from '../../domain/dates';

/** How many suggestions the assign form offers (a longer list helps nobody; the login id can always be typed). */
const SUGGESTIONS = 300;

/** A task with its reports, oldest first. */
export type TaskWithReports = TaskView & { reports: { id: number; text: string; at: string }[] };

function withReports(db: Db, tasks: TaskView[]): TaskWithReports[] {
	const reports = reportsOf(
		db,
		tasks.map((t) => t.id)
	);
	return tasks.map((t) => ({
		...t,
		reports: reports
			.filter((r) => r.taskId === t.id)
			.map((r) => ({ id: r.id, text: r.text, at: formatDateTime(r.createdAt) }))
	}));
}

/** The year a task page shows: the one asked for if valid, else this year. */
export function chooseYear(asked: string | null, today: string): number {
	const n = Number(asked);
	return asked && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : yearOf(today);
}

/** A unit's task page: the year's tasks in its subtree, their counts, and whether (and whom) this user may order. */
export function unitTasks(db: Db, user: AuthUser, unit: UnitRow, year: number, today: string) {
	const tasks = withReports(db, tasksInSubtree(db, unit.path, year));
	const mayAssign = hasCommitteeScope(user, unit.path) && unit.closedAt === null;
	const years = [...new Set([yearOf(today), ...taskYears(db, unit.path)])].sort((a, b) => b - a);
	return {
		year,
		years,
		tasks,
		tally: tallyTasks(tasks),
		mayAssign,
		candidates: mayAssign ? leadersInSubtree(db, unit.path, SUGGESTIONS) : []
	};
}

/** True when the user may read this task: its leader, or anyone who may read its ordering unit or the leader's chapter. */
export function canViewTask(user: AuthUser, task: TaskView): boolean {
	return (
		task.leaderId === user.id ||
		canViewUnit(user, task.unitId, task.unitPath) ||
		canViewUnit(user, task.chapterId, task.chapterPath)
	);
}

/** One task as a unit's page shows it; undefined when it is not in this unit's subtree or not the user's to read. */
export function unitTask(db: Db, user: AuthUser, unit: UnitRow, taskId: number, today: string) {
	const task = Number.isSafeInteger(taskId) ? findTask(db, taskId) : undefined;
	if (!task || !task.chapterPath.startsWith(unit.path) || !canViewTask(user, task)) return undefined;
	const [full] = withReports(db, [task]);
	const refused = evaluateRefusal(user, task, today);
	// A committee whose only obstacle is the calendar is told from when it may record the result.
	const waiting = refused !== null && hasCommitteeScope(user, task.unitPath) && user.id !== task.leaderId;
	return {
		task: full,
		mayEvaluate: refused === null,
		evaluateFrom: waiting ? refused : null,
		mayWithdraw: withdrawRefusal(user, task, full.reports.length) === null
	};
}

/** The leader's own tasks, newest year first, each saying whether a report may still be added. */
export function myTasks(db: Db, user: AuthUser) {
	return withReports(db, tasksOfLeader(db, user.id)).map((t) => ({ ...t, mayReport: reportRefusal(user, t) === null }));
}

/** Per child unit: how many tasks its leaders carry this year and how they ended (a chapter counts its own). */
export function taskCountsByChild(db: Db, unit: UnitRow, year: number) {
	const children = childrenOf(db, unit.id);
	const byChild = new Map<number, { result: TaskView['result'] }[]>(children.map((c) => [c.id, []]));
	const all = taskResultsInSubtree(db, unit.path, year);
	for (const row of all) {
		// The child is the path's next id below this unit.
		const childId = Number(row.chapterPath.slice(unit.path.length).split('/')[0]);
		byChild.get(childId)?.push(row);
	}
	return {
		year,
		total: tallyTasks(all),
		children: children.map((c) => ({
			id: c.id,
			name: c.name,
			isChapter: CHAPTER_KINDS.includes(c.kind),
			tally: byChild.has(c.id) ? tallyTasks(byChild.get(c.id)!) : { ...EMPTY_TALLY }
		}))
	};
}

/** A leader's tasks of one year as the printed review lists them (empty for anyone without tasks). */
export function leaderTaskLines(db: Db, leaderId: number, year: number): LeaderTaskLine[] {
	return withReports(db, tasksOfLeader(db, leaderId, year)).map((t) => ({
		title: t.title,
		expectedResult: t.expectedResult,
		deadline: formatDate(t.deadline),
		decision: t.decisionNo,
		assignedBy: t.unitName,
		lastReport: t.reports.at(-1)?.text ?? '',
		result: taskResultLabel(t.result),
		comment: t.resultComment
	}));
}
