// Direct writes for the breakthrough-task journeys (the test server's database runs in WAL mode, so this is safe while it serves).
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { createDb } from '../../src/lib/server/db/client';
import { createMember } from '../../src/lib/server/db/queries/members';
import { createSheet } from '../../src/lib/server/db/queries/sheets';
import { hashPassword } from '../../src/lib/server/auth/password';
import { leaderTask, period, sheet, unit, user } from '../../src/lib/server/db/schema';
import { templateContent } from '../../src/lib/server/db/queries/template-content';
import { openCurrentSheet } from '../../src/lib/server/sheets/member';
import { todayIso } from '../../src/lib/domain/dates';
import type { Level, TemplateContent } from '../../src/lib/domain/template';
import { handIn, signedInUser } from '../helpers/sheets';
import { DEMO_PASSWORD } from './helpers';
import { E2E_DATABASE } from './paths';

let created = 0;

/** A new group A leader of "Chi bộ Văn phòng Sở" with the demo password, so the journey's tasks are its own. */
export async function newLeader(): Promise<{ username: string; fullName: string }> {
	created += 1;
	const username = `lanhdao${process.pid}x${created}`;
	const fullName = `Vũ Thị Lãnh Đạo ${created}`;
	const db = createDb(E2E_DATABASE);
	try {
		const chapter = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get();
		if (!chapter) throw new Error('The demo data has no "Chi bộ Văn phòng Sở"');
		createMember(db, {
			username,
			fullName,
			passwordHash: await hashPassword(DEMO_PASSWORD),
			mustChangePassword: false,
			dateOfBirth: '1978-10-10',
			position: 'Trưởng phòng',
			targetGroup: 'A',
			chapterId: chapter.id,
			joinedOn: '2005-03-26'
		});
	} finally {
		db.$client.close();
	}
	return { username, fullName };
}

/**
 * "A year later": the task's year becomes last year, so it is over and the committee may evaluate it, and the
 * leader gets a handed-in sheet in last year's (closed) period, whose printed review will list the task.
 * Returns that sheet's id.
 */
export function aYearLater(taskId: number): number {
	const db = createDb(E2E_DATABASE);
	try {
		const task = db.select().from(leaderTask).where(eq(leaderTask.id, taskId)).get();
		if (!task) throw new Error(`No task ${taskId}`);
		const year = task.year - 1;
		db.update(leaderTask)
			.set({ year, deadline: `${year}${task.deadline.slice(4)}` })
			.where(eq(leaderTask.id, taskId))
			.run();
		const last = db
			.select()
			.from(period)
			.where(and(isNotNull(period.closedAt), eq(period.year, year)))
			.get();
		if (!last) throw new Error(`The demo data has no closed period for ${year}`);
		const made = createSheet(db, {
			periodId: last.id,
			year,
			memberId: task.leaderId,
			chapterId: task.chapterId,
			targetGroup: 'A',
			templateVersionId: last.templateVersionId
		});
		db.update(sheet)
			.set({ status: 'submitted', revision: 1, submittedAt: new Date(`${year}-12-05T08:00:00Z`) })
			.where(and(eq(sheet.id, made.id), isNull(sheet.submittedAt)))
			.run();
		return made.id;
	} finally {
		db.$client.close();
	}
}

/** Opens this year's sheet of a member through the use case, as the "Bắt đầu" button does; returns its id. */
export function startSheet(username: string): number {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(user).where(eq(user.username, username)).get();
		if (!found) throw new Error(`No user ${username}`);
		const detail = openCurrentSheet(db, signedInUser(db, found.id), todayIso());
		if (!detail) throw new Error(`No open period for ${username}`);
		return detail.sheet.id;
	} finally {
		db.$client.close();
	}
}

/** Hands the member's sheet in complete, through the member's own save use case (no sign flagged unless asked). */
export function handInSheet(
	username: string,
	flagged: (content: TemplateContent) => Record<string, Level> = () => ({})
): void {
	const db = createDb(E2E_DATABASE);
	try {
		const found = db.select().from(user).where(eq(user.username, username)).get();
		if (!found) throw new Error(`No user ${username}`);
		const open = db.select().from(period).where(isNull(period.closedAt)).get()!;
		const content = templateContent(db, open.templateVersionId)!;
		// A flagged sign's remediation deadline may not lie in the past: a year from now.
		const deadline = `${Number(todayIso().slice(0, 4)) + 1}-06-30`;
		handIn(db, found.id, content, todayIso(), flagged(content), deadline);
	} finally {
		db.$client.close();
	}
}
