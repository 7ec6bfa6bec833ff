// Helpers for tests of the member's sheet: the signed-in user, complete answers, and a snapshot of
// every sheet-related row so a refused save can be shown to have written nothing.
import { asc } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { actionProgress, auditEvent, sheet, sheetAnswer } from '../../src/lib/server/db/schema';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import type { AuthUser } from '../../src/lib/server/auth/types';
import { parseTemplate } from '../../src/lib/schemas/template';
import { signsForGroup, type Level, type SheetGroup, type TemplateContent } from '../../src/lib/domain/template';
import { formFor, storesOwnValue, type SectionValue } from '../../src/lib/domain/sections';
import defaultTemplateJson from '../../src/lib/data/template-default.json' with { type: 'json' };

/** The bundled default template, validated the way the app validates it. */
export function defaultTemplateContent(): TemplateContent {
	const parsed = parseTemplate(defaultTemplateJson);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.content;
}

/** The user a request would carry after signing in, built through a real session. */
export function signedInUser(db: Db, userId: number): AuthUser & { chapterId: number } {
	const token = generateSessionToken();
	createSession(db, token, userId);
	const found = validateSessionToken(db, token);
	if (!found) throw new Error(`no session for user ${userId}`);
	if (found.user.chapterId === null) throw new Error(`user ${userId} is not a member of a chapter`);
	return found.user as AuthUser & { chapterId: number };
}

/** The three free-text parts, each a sentence long, as a hand-in needs them. */
export const completeTexts = {
	strengths: 'Hoàn thành tốt nhiệm vụ được giao; đoàn kết với đồng nghiệp.',
	shortcomings: 'Có lúc chưa chủ động nghiên cứu tài liệu của chi bộ.',
	commitment: 'Tiếp tục tu dưỡng, rèn luyện, sửa chữa những hạn chế đã nêu.'
};

/**
 * A value for every required section of the group's Bản kiểm điểm (none for a version without forms), as a
 * hand-in needs them: a sentence, the 30 + 70 frame, a proposed level.
 */
export function completeSections(content: TemplateContent, group: SheetGroup): Record<string, Partial<SectionValue>> {
	const out: Record<string, Partial<SectionValue>> = {};
	for (const section of formFor(content, group)?.sections ?? []) {
		if (!section.required || !storesOwnValue(section)) continue;
		if (section.kind === 'text') out[section.key] = { text: `Nội dung mục ${section.key} của bản kiểm điểm.` };
		else if (section.kind === 'score366') out[section.key] = { general: 27, tasks: 63 };
		else if (section.kind === 'quality') out[section.key] = { quality: 'tot' };
		else if (section.kind === 'items')
			out[section.key] = { items: [{ id: 'own-1', text: `Dòng của mục ${section.key}.`, status: null, note: '' }] };
	}
	return out;
}

/** A flagged answer's action text in tests, so assertions can find it. */
export const testAction = (code: string) => `Biện pháp khắc phục cho ${code}: tự kiểm tra hằng tháng.`;

/**
 * Answers for every sign of the group: level 0, except the codes in `flagged` at the given level,
 * each with an action and a deadline so the sheet is complete.
 */
export function completeAnswers(
	content: TemplateContent,
	group: SheetGroup,
	flagged: Record<string, Level> = {},
	deadline = '2026-09-30'
): Record<string, { level: Level; action?: string; actionDeadline?: string }> {
	const out: Record<string, { level: Level; action?: string; actionDeadline?: string }> = {};
	for (const sign of signsForGroup(content, group)) {
		const level = flagged[sign.code] ?? 0;
		out[sign.code] = level >= 1 ? { level, action: testAction(sign.code), actionDeadline: deadline } : { level };
	}
	return out;
}

/** Every row a member's save could touch, in a stable order. */
export function sheetTables(db: Db) {
	return {
		sheets: db.select().from(sheet).orderBy(asc(sheet.id)).all(),
		answers: db.select().from(sheetAnswer).orderBy(asc(sheetAnswer.sheetId), asc(sheetAnswer.code)).all(),
		progress: db.select().from(actionProgress).orderBy(asc(actionProgress.sheetId), asc(actionProgress.code)).all(),
		audit: db.select().from(auditEvent).orderBy(asc(auditEvent.id)).all()
	};
}

// --- Helpers for the chi ủy's review and the maintained counts (appended; imports are hoisted). ---
import { eq } from 'drizzle-orm';
import { reviewNote, unit as unitTable, unitSignStats, unitStats } from '../../src/lib/server/db/schema';
import { openCurrentSheet, saveSheet } from '../../src/lib/server/sheets/member';
import type { UnitRow } from '../../src/lib/server/db/queries/units';
import { createTestMember, giveRole } from './db';

/** A member of `chapter` who is also its secretary, as a request would carry them. */
export async function testSecretary(
	db: Db,
	chapter: UnitRow,
	fullName = 'Trần Văn Bí Thư'
): Promise<AuthUser & { chapterId: number }> {
	const id = await createTestMember(db, chapter, { fullName, targetGroup: 'A' });
	giveRole(db, id, 'secretary', chapter);
	return signedInUser(db, id);
}

/**
 * Opens the member's sheet for the open period (making it on first open) and hands it in complete,
 * flagging the given codes and answering 0 to every other sign. Returns the sheet's id.
 */
export function handIn(
	db: Db,
	memberId: number,
	content: TemplateContent,
	today: string,
	flagged: Record<string, Level> = {},
	deadline?: string
): number {
	const user = signedInUser(db, memberId);
	const detail = openCurrentSheet(db, user, today);
	if (!detail) throw new Error(`no open period for member ${memberId}`);
	const answers = completeAnswers(content, detail.sheet.targetGroup, flagged, deadline);
	const result = saveSheet(
		db,
		user,
		detail.sheet.id,
		{
			revision: detail.sheet.revision,
			answers,
			texts: completeTexts,
			sections: completeSections(detail.content, detail.sheet.targetGroup)
		},
		today,
		{ submit: true }
	);
	if (!result.ok) throw new Error(`hand-in refused: ${result.message}`);
	return detail.sheet.id;
}

/** The maintained counts of one period and every unit's member count, in a stable order. */
export function maintainedCounts(db: Db, periodId: number) {
	return {
		stats: db.select().from(unitStats).where(eq(unitStats.periodId, periodId)).orderBy(asc(unitStats.unitId)).all(),
		signStats: db
			.select()
			.from(unitSignStats)
			.where(eq(unitSignStats.periodId, periodId))
			.orderBy(asc(unitSignStats.unitId), asc(unitSignStats.code))
			.all(),
		memberCounts: db
			.select({ id: unitTable.id, memberCount: unitTable.memberCount })
			.from(unitTable)
			.orderBy(asc(unitTable.id))
			.all()
	};
}

/** Every row a review action could touch: the sheet tables, the chi ủy's notes and the maintained counts. */
export function reviewTables(db: Db) {
	return {
		...sheetTables(db),
		notes: db.select().from(reviewNote).orderBy(asc(reviewNote.id)).all(),
		stats: db.select().from(unitStats).orderBy(asc(unitStats.periodId), asc(unitStats.unitId)).all(),
		signStats: db
			.select()
			.from(unitSignStats)
			.orderBy(asc(unitSignStats.periodId), asc(unitSignStats.unitId), asc(unitSignStats.code))
			.all()
	};
}

// --- A migrated database with the default template, the test tree and the province's open period. ---
import { createTestDb, createTestTree } from './db';
import { addTemplateVersion, ensureDefaultTemplate } from '../../src/lib/server/admin/templates';
import type { StoredVersion } from '../../src/lib/server/db/queries/templates';
import { createPeriod } from '../../src/lib/server/db/queries/periods';

/** "Năm 2026" open over the tree's province from 1 March to 31 March 2026, on the given template version. */
export function openTestPeriod(db: Db, tree: { province: UnitRow }, version: StoredVersion) {
	return createPeriod(db, {
		name: 'Năm 2026',
		year: 2026,
		unitId: tree.province.id,
		templateVersionId: version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31'
	});
}

/**
 * A fresh database with a template version (the bundled default, or `template` stored as a new version),
 * createTestTree's units and openTestPeriod's "Năm 2026" over the province.
 */
export function periodSetup(options: { template?: TemplateContent } = {}) {
	const db = createTestDb();
	const version = options.template ? addTemplateVersion(db, options.template) : ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const period = openTestPeriod(db, tree, version);
	return { db, version, content: version.content, tree, period };
}
