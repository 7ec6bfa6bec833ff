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
		/** Ratings of handed-in sheets (submitted or approved): the chi ủy's where given, else the computed one. */
		tot: integer('tot').notNull().default(0),
		kha: integer('kha').notNull().default(0),
		trungBinh: integer('trung_binh').notNull().default(0),
		yeuKem: integer('yeu_kem').notNull().default(0)
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
