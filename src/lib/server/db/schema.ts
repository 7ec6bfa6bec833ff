import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

export const UNIT_KINDS = [
	'dang_bo_tinh',
	'dang_bo_truc_thuoc',
	'dang_bo_co_so',
	'dang_bo_bo_phan',
	'chi_bo_co_so',
	'chi_bo'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const TARGET_GROUPS = ['A', 'B', 'C'] as const;
export const ROLES = ['secretary', 'committee', 'admin'] as const;
export type GrantedRole = (typeof ROLES)[number];

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** A node of the organisation tree. `path` is the chain of ids from the root ("/1/4/9/"), so a subtree is one indexed prefix scan. */
export const unit = sqliteTable(
	'unit',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		kind: text('kind', { enum: UNIT_KINDS }).notNull(),
		parentId: integer('parent_id').references((): any => unit.id),
		path: text('path').notNull(),
		depth: integer('depth').notNull(),
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

/** Failed sign-in counters, keyed "user:<name>" or "ip:<address>"; kept in the database so a restart does not reset them. */
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
	updatedAt: createdAt()
});
