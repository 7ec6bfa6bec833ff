// Helpers for tests of the member's sheet: the signed-in user, complete answers, and a snapshot of
// every sheet-related row so a refused save can be shown to have written nothing.
import { asc } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { actionProgress, auditEvent, sheet, sheetAnswer } from '../../src/lib/server/db/schema';
import { createSession, generateSessionToken, validateSessionToken } from '../../src/lib/server/auth/session';
import type { AuthUser } from '../../src/lib/server/auth/types';
import { parseTemplate } from '../../src/lib/schemas/template';
import { signsForGroup, type Level, type TargetGroup, type TemplateContent } from '../../src/lib/domain/template';
import defaultTemplateJson from '../../src/lib/data/template-default.json';

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

/** A flagged answer's action text in tests, so assertions can find it. */
export const testAction = (code: string) => `Biện pháp khắc phục cho ${code}: tự kiểm tra hằng tháng.`;

/**
 * Answers for every sign of the group: level 0, except the codes in `flagged` at the given level,
 * each with an action and a deadline so the sheet is complete.
 */
export function completeAnswers(
	content: TemplateContent,
	group: TargetGroup,
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
