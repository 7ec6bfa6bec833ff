import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

import { UNIT_KINDS, ROLES } from '../../domain/org';
import { PROGRESS_STATUSES, SHEET_STATUSES } from '../../domain/sheet';
import { RATINGS, TARGET_GROUPS } from '../../domain/template';
import { TASK_RESULTS } from '../../domain/tasks';

// The lists of values are the domain's; the schema only stores them.
export type { UnitKind, GrantedRole } from '../../domain/org';
export type { SheetStatus } from '../../domain/sheet';

/** A moment in milliseconds, set to now when the row is inserted. */
const stamp = (column: string) =>
	integer(column, { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
const createdAt = () => stamp('created_at');

/** A node of the organisation tree. `path` is the chain of ids from the root ("/1/4/9/"), so a subtree is one indexed prefix scan. */
export const unit = sqliteTable(
	'unit',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		kind: text('kind', { enum: UNIT_KINDS }).notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => unit.id),
		path: text('path').notNull(),
		depth: integer('depth').notNull(),
		/** Current members in this unit's whole subtree, kept up to date by the member queries. */
		memberCount: integer('member_count').notNull().default(0),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('unit_parent_idx').on(t.parentId), uniqueIndex('unit_path_idx').on(t.path)]
);

/** A person who can sign in. Party members also have a `member` row. */
export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	username: text('username').notNull().unique(),
	fullName: text('full_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

/** The party-member profile of a user. */
export const member = sqliteTable('member', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	dateOfBirth: text('date_of_birth').notNull(),
	position: text('position').notNull().default(''),
	targetGroup: text('target_group', { enum: TARGET_GROUPS }).notNull()
});

/** Which chapter a member belongs to, and since when; a move closes one row and opens another. */
export const membership = sqliteTable(
	'membership',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		memberId: integer('member_id')
			.notNull()
			.references(() => member.userId, { onDelete: 'cascade' }),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		startedOn: text('started_on').notNull(),
		endedOn: text('ended_on')
	},
	(t) => [
		index('membership_unit_idx').on(t.unitId, t.endedOn),
		uniqueIndex('membership_current_idx')
			.on(t.memberId)
			.where(sql`ended_on is null`)
	]
);

/** A role held over a unit: secretary of a chapter, committee of a subtree, administrator. */
export const roleGrant = sqliteTable(
	'role_grant',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.role, t.unitId] })]
);

/** A session; `id` is the SHA-256 of the token in the cookie, never the token itself. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * Failed sign-in counters, keyed "pair:<address> <name>", "user:<name>" or "ip:<address>"; kept in the database
 * so a restart does not reset them. `lockedUntil` is when the next attempt may be made (see auth/throttle.ts).
 */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});

/** A questionnaire template; its content lives in immutable versions. */
export const template = sqliteTable('template', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	key: text('key').notNull().unique(),
	name: text('name').notNull(),
	createdAt: createdAt()
});

/** One immutable version of a template: editing makes a new row, so old sheets keep scoring with theirs. */
export const templateVersion = sqliteTable(
	'template_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		templateId: integer('template_id')
			.notNull()
			.references(() => template.id),
		version: integer('version').notNull(),
		content: text('content', { mode: 'json' }).notNull(),
		note: text('note').notNull().default(''),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('template_version_idx').on(t.templateId, t.version)]
);

/** Append-only record of who did what, when and why. */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: createdAt(),
		actorId: integer('actor_id').references(() => user.id),
		action: text('action').notNull(),
		unitId: integer('unit_id').references(() => unit.id),
		targetType: text('target_type'),
		targetId: integer('target_id'),
		reason: text('reason'),
		detail: text('detail', { mode: 'json' })
	},
	(t) => [index('audit_event_unit_idx').on(t.unitId, t.at), index('audit_event_actor_idx').on(t.actorId, t.at)]
);

/** An administrator's correction of one of the 27 signs' wording (e.g. the official text entered from the resolution). */
export const signWording = sqliteTable('sign_wording', {
	signId: text('sign_id').primaryKey(),
	text: text('text').notNull(),
	/** True when the administrator confirms this is the resolution's own wording. */
	official: integer('official', { mode: 'boolean' }).notNull(),
	source: text('source').notNull().default(''),
	updatedBy: integer('updated_by').references(() => user.id),
	updatedAt: stamp('updated_at')
});

/** A review period ("Năm 2026") over a unit's subtree, pinned to one template version. */
export const period = sqliteTable(
	'period',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		year: integer('year').notNull(),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		templateVersionId: integer('template_version_id')
			.notNull()
			.references(() => templateVersion.id),
		opensOn: text('opens_on').notNull(),
		deadline: text('deadline').notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('period_unit_idx').on(t.unitId, t.year)]
);

/** One member's sheet for one period. The chapter is the one they belonged to when it was made, so history stays with it. */
export const sheet = sqliteTable(
	'sheet',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		periodId: integer('period_id')
			.notNull()
			.references(() => period.id),
		memberId: integer('member_id')
			.notNull()
			.references(() => user.id),
		chapterId: integer('chapter_id')
			.notNull()
			.references(() => unit.id),
		targetGroup: text('target_group', { enum: TARGET_GROUPS }).notNull(),
		templateVersionId: integer('template_version_id')
			.notNull()
			.references(() => templateVersion.id),
		status: text('status', { enum: SHEET_STATUSES }).notNull().default('draft'),
		/** Bumped by every write; a save must name the revision it started from. */
		revision: integer('revision').notNull().default(0),
		strengths: text('strengths').notNull().default(''),
		shortcomings: text('shortcomings').notNull().default(''),
		commitment: text('commitment').notNull().default(''),
		score: real('score'),
		rating: text('rating', { enum: RATINGS }),
		answeredCount: integer('answered_count').notNull().default(0),
		finalRating: text('final_rating', { enum: RATINGS }),
		finalRatingReason: text('final_rating_reason'),
		assessment: text('assessment').notNull().default(''),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		updatedAt: stamp('updated_at'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('sheet_member_period_idx').on(t.memberId, t.periodId),
		index('sheet_period_chapter_idx').on(t.periodId, t.chapterId, t.status)
	]
);

/** The level a member gave one concrete sign, with the note and the remediation action for a flagged sign. */
export const sheetAnswer = sqliteTable(
	'sheet_answer',
	{
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		level: integer('level'),
		/** "Không áp dụng": the item cannot apply to this member (level stays null); left out of the maximum. */
		notApplicable: integer('not_applicable', { mode: 'boolean' }).notNull().default(false),
		note: text('note').notNull().default(''),
		action: text('action').notNull().default(''),
		actionDeadline: text('action_deadline'),
		/** "Không có biểu hiện" was set for the rest of a section at once, the member confirming they had read these signs. */
		sectionNone: integer('section_none', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.sheetId, t.code] })]
);

/** Progress this year on one action of last year's plan (section III of the official form). */
export const actionProgress = sqliteTable(
	'action_progress',
	{
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		priorSheetId: integer('prior_sheet_id')
			.notNull()
			.references(() => sheet.id),
		code: text('code').notNull(),
		status: text('status', { enum: PROGRESS_STATUSES }),
		note: text('note').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.sheetId, t.code] })]
);

/** A chi ủy's note on a returned sheet, on one concrete sign or (code null) on the whole sheet. */
export const reviewNote = sqliteTable(
	'review_note',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		code: text('code'),
		text: text('text').notNull(),
		authorId: integer('author_id')
			.notNull()
			.references(() => user.id),
		createdAt: createdAt(),
		/** Set when the member hands the sheet in again: the note has been answered. */
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('review_note_sheet_idx').on(t.sheetId)]
);

/**
 * Counts per period and unit over the unit's whole subtree, kept up to date on every sheet transition,
 * so a committee page at the root of a 260,000-member province reads a handful of rows instead of
 * scanning every sheet. `rebuildUnitStats` recomputes them from the sheets.
 */
export const unitStats = sqliteTable(
	'unit_stats',
	{
		periodId: integer('period_id')
			.notNull()
			.references(() => period.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		draft: integer('draft').notNull().default(0),
		submitted: integer('submitted').notNull().default(0),
		returned: integer('returned').notNull().default(0),
		approved: integer('approved').notNull().default(0),
		/** The member's self-rating (computed from the answers) of each handed-in sheet (submitted or approved). */
		tot: integer('tot').notNull().default(0),
		kha: integer('kha').notNull().default(0),
		trungBinh: integer('trung_binh').notNull().default(0),
		yeuKem: integer('yeu_kem').notNull().default(0),
		/** The chi ủy's final rating of each approved sheet: counted beside the self-rating, never in its place. */
		finalTot: integer('final_tot').notNull().default(0),
		finalKha: integer('final_kha').notNull().default(0),
		finalTrungBinh: integer('final_trung_binh').notNull().default(0),
		finalYeuKem: integer('final_yeu_kem').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.periodId, t.unitId] })]
);

/** How many handed-in sheets in a unit's subtree flag each concrete sign, per period. */
export const unitSignStats = sqliteTable(
	'unit_sign_stats',
	{
		periodId: integer('period_id')
			.notNull()
			.references(() => period.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		code: text('code').notNull(),
		flagged: integer('flagged').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.periodId, t.unitId, t.code] })]
);

/**
 * What a sheet contained each time it was handed in (answers, texts, progress on last year's plan), so the
 * chi ủy can see what changed since the previous hand-in. Written once at the hand-in, never changed.
 */
export const sheetSubmission = sqliteTable(
	'sheet_submission',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		content: text('content', { mode: 'json' }).notNull()
	},
	(t) => [index('sheet_submission_sheet_idx').on(t.sheetId, t.id)]
);

/** What the secretary writes into a chapter's summary report for a period: its number and what the chapter will do. */
export const chapterReport = sqliteTable(
	'chapter_report',
	{
		periodId: integer('period_id')
			.notNull()
			.references(() => period.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		/** The report's number in the chapter's register ("05" of "Số 05-BC/CB"); empty until issued. */
		number: text('number').notNull().default(''),
		/** What the chapter will do (phương hướng, biện pháp), written by the secretary. */
		plan: text('plan').notNull().default(''),
		updatedBy: integer('updated_by').references(() => user.id),
		updatedAt: stamp('updated_at')
	},
	(t) => [primaryKey({ columns: [t.periodId, t.unitId] })]
);

/**
 * A breakthrough task ("nhiệm vụ đột phá") a committee ordered a named leader to carry for a year. The chapter is
 * the leader's when it was ordered, so the counts stay with the unit where the work was done (as sheets do).
 */
export const leaderTask = sqliteTable(
	'leader_task',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The unit whose committee ordered the task. */
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		leaderId: integer('leader_id')
			.notNull()
			.references(() => user.id),
		chapterId: integer('chapter_id')
			.notNull()
			.references(() => unit.id),
		year: integer('year').notNull(),
		title: text('title').notNull(),
		expectedResult: text('expected_result').notNull(),
		deadline: text('deadline').notNull(),
		/** The number of the assigning decision, e.g. "125-QĐ/TU". */
		decisionNo: text('decision_no').notNull(),
		assignedBy: integer('assigned_by')
			.notNull()
			.references(() => user.id),
		result: text('result', { enum: TASK_RESULTS }),
		resultComment: text('result_comment').notNull().default(''),
		evaluatedBy: integer('evaluated_by').references(() => user.id),
		evaluatedAt: integer('evaluated_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('leader_task_leader_idx').on(t.leaderId, t.year),
		index('leader_task_chapter_idx').on(t.chapterId, t.year),
		index('leader_task_unit_idx').on(t.unitId, t.year)
	]
);

/** One progress report by the leader on a task, in the order written. */
export const taskReport = sqliteTable(
	'task_report',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		taskId: integer('task_id')
			.notNull()
			.references(() => leaderTask.id, { onDelete: 'cascade' }),
		authorId: integer('author_id')
			.notNull()
			.references(() => user.id),
		text: text('text').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('task_report_task_idx').on(t.taskId)]
);

/**
 * A leader's example-setting ("nêu gương") on one sheet: their own four-level rating and note, and the rating
 * of whoever decides the sheet, with the reason when it differs. Kept apart from the sheet's score and rating.
 */
export const exampleRating = sqliteTable('example_rating', {
	sheetId: integer('sheet_id')
		.primaryKey()
		.references(() => sheet.id, { onDelete: 'cascade' }),
	selfRating: text('self_rating', { enum: RATINGS }).notNull(),
	selfNote: text('self_note').notNull().default(''),
	reviewerRating: text('reviewer_rating', { enum: RATINGS }),
	reviewerReason: text('reviewer_reason'),
	reviewerId: integer('reviewer_id').references(() => user.id),
	reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
	updatedAt: stamp('updated_at')
});

/** What a member wrote in one section of the personal review form (Mẫu 2A/2B/2C) that has no column of its own. */
export const sheetSection = sqliteTable(
	'sheet_section',
	{
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		/** The section's value as the domain shapes it (SectionValue): text, items with status, or the 30 + 70 score. */
		value: text('value', { mode: 'json' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.sheetId, t.key] })]
);

/** A question a committee or the chi ủy attaches to a member's sheet (gợi ý kiểm điểm), answered in section A.IV. */
export const sheetQuestion = sqliteTable(
	'sheet_question',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sheetId: integer('sheet_id')
			.notNull()
			.references(() => sheet.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		askedBy: integer('asked_by')
			.notNull()
			.references(() => user.id),
		/** The unit in whose name it was asked: the chapter, or a committee above it. */
		unitId: integer('unit_id')
			.notNull()
			.references(() => unit.id),
		answer: text('answer').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('sheet_question_sheet_idx').on(t.sheetId)]
);
