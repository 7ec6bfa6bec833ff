// Shared setup for the breakthrough-task tests: a tree, the people around one leader, and read-backs.
import { asc, eq } from 'drizzle-orm';
import { createTestAccount, createTestDb, createTestMember, createTestTree, giveRole } from './db';
import { openTestPeriod, signedInUser } from './sheets';
import { ensureDefaultTemplate } from '../../src/lib/server/admin/templates';
import type { Db } from '../../src/lib/server/db/client';
import { auditEvent, leaderTask, taskReport } from '../../src/lib/server/db/schema';
import { validateSessionToken, createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import type { AuthUser } from '../../src/lib/server/auth/types';
import { assignTask } from '../../src/lib/server/tasks/assign';

/** The user a request would carry, members or not. */
export function asUser(db: Db, userId: number): AuthUser {
	const token = generateSessionToken();
	createSession(db, token, userId);
	const found = validateSessionToken(db, token);
	if (!found) throw new Error(`no session for user ${userId}`);
	return found.user;
}

/**
 * A tree with a group A leader in chapter A, and everyone who might act on their task: the committee of the
 * branch above (the one that orders), the province's, another branch's, chapter A's secretary, an ordinary
 * member, an administrator, and a group A leader in the other branch.
 */
export async function taskSetup() {
	const db = createTestDb();
	const tree = createTestTree(db);
	const leaderId = await createTestMember(db, tree.chapterA, {
		username: 'lanhdao',
		fullName: 'Phạm Văn Lãnh Đạo',
		targetGroup: 'A'
	});
	const memberId = await createTestMember(db, tree.chapterA, { username: 'thuong', targetGroup: 'B' });
	const secretaryId = await createTestMember(db, tree.chapterA, { username: 'bithu', targetGroup: 'A' });
	giveRole(db, secretaryId, 'secretary', tree.chapterA);
	const otherLeaderId = await createTestMember(db, tree.otherChapter, { username: 'lanhdaokhac', targetGroup: 'A' });
	const branchCommitteeId = await createTestAccount(db, 'capuyphuong');
	giveRole(db, branchCommitteeId, 'committee', tree.branch);
	const provinceCommitteeId = await createTestAccount(db, 'capuytinh');
	giveRole(db, provinceCommitteeId, 'committee', tree.province);
	const otherCommitteeId = await createTestAccount(db, 'capuyxa');
	giveRole(db, otherCommitteeId, 'committee', tree.otherBranch);
	const grassrootsCommitteeId = await createTestAccount(db, 'capuycoso');
	giveRole(db, grassrootsCommitteeId, 'committee', tree.grassroots);
	const adminId = await createTestAccount(db, 'quantri');
	giveRole(db, adminId, 'admin', tree.province);
	const people = {
		leader: signedInUser(db, leaderId),
		member: signedInUser(db, memberId),
		secretary: signedInUser(db, secretaryId),
		otherLeader: signedInUser(db, otherLeaderId),
		branchCommittee: asUser(db, branchCommitteeId),
		provinceCommittee: asUser(db, provinceCommitteeId),
		otherCommittee: asUser(db, otherCommitteeId),
		grassrootsCommittee: asUser(db, grassrootsCommitteeId),
		admin: asUser(db, adminId)
	};
	return { db, tree, people };
}

/** taskSetup's tree and people, with the default template and openTestPeriod's "Năm 2026" over the province. */
export async function taskPeriodSetup() {
	const ctx = await taskSetup();
	const version = ensureDefaultTemplate(ctx.db);
	const period = openTestPeriod(ctx.db, ctx.tree, version);
	return { ...ctx, version, period };
}

/** A complete assign form for the leader, for the year of `today`. */
export const assignInput = (over: Record<string, string> = {}) => ({
	leader: 'lanhdao',
	year: '2026',
	title: 'Chuyển đổi số toàn bộ hồ sơ một cửa của phường',
	expectedResult: '100% hồ sơ một cửa được tiếp nhận và trả kết quả trực tuyến.',
	deadline: '2026-11-30',
	decisionNo: '125-QĐ/ĐU',
	...over
});

/** Every row a task action could touch, in a stable order. */
export function taskTables(db: Db) {
	return {
		tasks: db.select().from(leaderTask).orderBy(asc(leaderTask.id)).all(),
		reports: db.select().from(taskReport).orderBy(asc(taskReport.id)).all(),
		audit: db.select().from(auditEvent).orderBy(asc(auditEvent.id)).all()
	};
}

/** The audit lines of one action. */
export function taskAudits(db: Db, action: string) {
	return db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(asc(auditEvent.id)).all();
}

/** taskSetup with one task assigned to the leader by the branch's committee on `assignedOn`; gives its id too. */
export async function withAssignedTask(assignedOn: string) {
	const ctx = await taskSetup();
	const done = assignTask(ctx.db, ctx.people.branchCommittee, ctx.tree.branch, assignInput(), assignedOn);
	if (!done.ok) throw new Error(done.message);
	return { ...ctx, taskId: done.id };
}
