// Breakthrough tasks: plain reads and writes. The rules are in domain/tasks.ts, the use cases in server/tasks/.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { leaderTask, member, membership, taskReport, unit, user } from '../schema';
import { inSubtree } from './units';
import { normalizeUsername } from './users';
import type { TaskResult } from '../../../domain/tasks';
import type { TargetGroup } from '../../../domain/template';

export type LeaderTaskRow = typeof leaderTask.$inferSelect;

/** A person who might be given a task: their account, group and current chapter. */
export interface LeaderCandidate {
	id: number;
	username: string;
	fullName: string;
	active: boolean;
	targetGroup: TargetGroup | null;
	position: string;
	chapterId: number | null;
	chapterPath: string | null;
}

/** An account by login id, with its member profile and current chapter (nulls when it has none). */
export function findLeaderByUsername(db: Db, username: string): LeaderCandidate | undefined {
	return db
		.select({
			id: user.id,
			username: user.username,
			fullName: user.fullName,
			active: user.active,
			targetGroup: member.targetGroup,
			position: sql<string>`coalesce(${member.position}, '')`,
			chapterId: membership.unitId,
			chapterPath: unit.path
		})
		.from(user)
		.leftJoin(member, eq(member.userId, user.id))
		.leftJoin(membership, and(eq(membership.memberId, user.id), isNull(membership.endedOn)))
		.leftJoin(unit, eq(unit.id, membership.unitId))
		.where(eq(user.username, normalizeUsername(username)))
		.get();
}

/** Active group A members now in a unit's subtree, by name, for the assign form's suggestions. */
export function leadersInSubtree(db: Db, unitPath: string, limit: number) {
	return db
		.select({ username: user.username, fullName: user.fullName, position: member.position, chapterName: unit.name })
		.from(member)
		.innerJoin(user, eq(user.id, member.userId))
		.innerJoin(membership, and(eq(membership.memberId, member.userId), isNull(membership.endedOn)))
		.innerJoin(unit, eq(unit.id, membership.unitId))
		.where(and(eq(member.targetGroup, 'A'), eq(user.active, true), inSubtree(unitPath)))
		.orderBy(asc(user.fullName))
		.limit(limit)
		.all();
}

/** Writes a new task and returns its id. */
export function insertTask(
	db: Db,
	input: Omit<typeof leaderTask.$inferInsert, 'id' | 'result' | 'resultComment' | 'evaluatedBy' | 'evaluatedAt'>
): number {
	return db.insert(leaderTask).values(input).returning({ id: leaderTask.id }).get().id;
}

const leader = alias(user, 'leader');
const assigner = alias(user, 'assigner');
const chapter = alias(unit, 'chapter');

/** The leader's chapter lies in this subtree (the same indexed range as `inSubtree`, on the chapter's path). */
const chapterInSubtree = (path: string) => and(gte(chapter.path, path), lt(chapter.path, `${path}~`));

/** What every list of tasks shows: the task, its leader, the ordering unit and the leader's chapter. */
const taskColumns = {
	id: leaderTask.id,
	unitId: leaderTask.unitId,
	unitName: unit.name,
	unitPath: unit.path,
	leaderId: leaderTask.leaderId,
	leaderName: leader.fullName,
	leaderUsername: leader.username,
	chapterId: leaderTask.chapterId,
	chapterName: chapter.name,
	chapterPath: chapter.path,
	year: leaderTask.year,
	title: leaderTask.title,
	expectedResult: leaderTask.expectedResult,
	deadline: leaderTask.deadline,
	decisionNo: leaderTask.decisionNo,
	assignedByName: assigner.fullName,
	result: leaderTask.result,
	resultComment: leaderTask.resultComment,
	evaluatedAt: leaderTask.evaluatedAt,
	createdAt: leaderTask.createdAt
};

function tasksQuery(db: Db) {
	return db
		.select(taskColumns)
		.from(leaderTask)
		.innerJoin(unit, eq(unit.id, leaderTask.unitId))
		.innerJoin(leader, eq(leader.id, leaderTask.leaderId))
		.innerJoin(chapter, eq(chapter.id, leaderTask.chapterId))
		.innerJoin(assigner, eq(assigner.id, leaderTask.assignedBy));
}

/** A task as the pages show it. */
export type TaskView = NonNullable<ReturnType<typeof findTask>>;

/** One task with its names and paths. */
export function findTask(db: Db, id: number) {
	return tasksQuery(db).where(eq(leaderTask.id, id)).get();
}

/** Every task of a year whose leader's chapter lies in this subtree, by chapter and leader. */
export function tasksInSubtree(db: Db, unitPath: string, year: number) {
	return tasksQuery(db)
		.where(and(eq(leaderTask.year, year), chapterInSubtree(unitPath)))
		.orderBy(asc(chapter.path), asc(leader.fullName), asc(leaderTask.id))
		.all();
}

/** A leader's tasks, newest year first; only one year when `year` is given. */
export function tasksOfLeader(db: Db, leaderId: number, year?: number) {
	return tasksQuery(db)
		.where(and(eq(leaderTask.leaderId, leaderId), year === undefined ? undefined : eq(leaderTask.year, year)))
		.orderBy(desc(leaderTask.year), asc(leaderTask.deadline), asc(leaderTask.id))
		.all();
}

/** The years that have tasks in this subtree, newest first. */
export function taskYears(db: Db, unitPath: string): number[] {
	return db
		.selectDistinct({ year: leaderTask.year })
		.from(leaderTask)
		.innerJoin(chapter, eq(chapter.id, leaderTask.chapterId))
		.where(chapterInSubtree(unitPath))
		.orderBy(desc(leaderTask.year))
		.all()
		.map((r) => r.year);
}

/** Results of a year's tasks, with the leader's chapter path, for the counts by unit. */
export function taskResultsInSubtree(db: Db, unitPath: string, year: number) {
	return db
		.select({ chapterPath: chapter.path, result: leaderTask.result })
		.from(leaderTask)
		.innerJoin(chapter, eq(chapter.id, leaderTask.chapterId))
		.where(and(eq(leaderTask.year, year), chapterInSubtree(unitPath)))
		.all();
}

/** Adds a progress report to a task. */
export function insertReport(db: Db, input: { taskId: number; authorId: number; text: string }): number {
	return db.insert(taskReport).values(input).returning({ id: taskReport.id }).get().id;
}

/** The reports on these tasks, oldest first. */
export function reportsOf(db: Db, taskIds: number[]) {
	if (taskIds.length === 0) return [];
	return db
		.select({ id: taskReport.id, taskId: taskReport.taskId, text: taskReport.text, createdAt: taskReport.createdAt })
		.from(taskReport)
		.where(inArray(taskReport.taskId, taskIds))
		.orderBy(asc(taskReport.id))
		.all();
}

/** Records the committee's result on a task. */
export function writeResult(
	db: Db,
	taskId: number,
	input: { result: TaskResult; comment: string; evaluatedBy: number; at: Date }
): void {
	db.update(leaderTask)
		.set({ result: input.result, resultComment: input.comment, evaluatedBy: input.evaluatedBy, evaluatedAt: input.at })
		.where(eq(leaderTask.id, taskId))
		.run();
}

/** Deletes a task (its reports go with it); the use case has already written everything about it to the audit log. */
export function deleteTask(db: Db, taskId: number): void {
	db.delete(leaderTask).where(eq(leaderTask.id, taskId)).run();
}
