// How many SQL statements the two requests a member makes most cost: an autosave and a view of the sheet page.
// Counted, never timed: each statement is a compile-free run of a statement prepared once per connection.
import { describe, expect, it } from 'vitest';
import { createTestMember, createTestTree } from '../../../../tests/helpers/db';
import { createCountingDb, isTransactionControl } from '../../../../tests/helpers/statements';
import { ensureDefaultTemplate } from '../admin/templates';
import { openTestPeriod } from '../../../../tests/helpers/sheets';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { openCurrentSheet, ownSheet, saveSheet } from './member';
import { sheetView } from './view';

const TODAY = '2026-03-10';

async function setup() {
	const { db, count } = createCountingDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	openTestPeriod(db, tree, version);
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
	const token = generateSessionToken();
	createSession(db, token, memberId);
	const user = validateSessionToken(db, token)!.user as Parameters<typeof openCurrentSheet>[1];
	const sheetId = openCurrentSheet(db, user, TODAY)!.sheet.id;
	/** What the server does for one autosave request: the session from the cookie, then the save. */
	const autosave = (payload: unknown) =>
		count(() => {
			const session = validateSessionToken(db, token)!;
			return saveSheet(db, session.user, sheetId, payload, TODAY);
		});
	/** What the server does for one view of the sheet page: the session, the sheet, the page's data. */
	const view = () =>
		count(() => {
			const session = validateSessionToken(db, token)!;
			return sheetView(db, ownSheet(db, session.user, sheetId)!, TODAY);
		});
	return { db, sheetId, autosave, view };
}

const data = (statements: string[]) => statements.filter((s) => !isTransactionControl(s));

describe('SQL statements per request', () => {
	it('an autosave of a note runs 4 statements besides BEGIN and COMMIT: session, sheet, answer, revision', async () => {
		const ctx = await setup();
		ctx.autosave({ revision: 0, answers: { 'TT1.1': { level: 1 } } });
		const { result, statements } = ctx.autosave({ revision: 1, answers: { 'TT1.1': { note: 'Ghi chú' } } });
		expect(result).toMatchObject({ ok: true, revision: 2 });
		expect(data(statements)).toHaveLength(4);
		expect(statements.filter(isTransactionControl)).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
		// Nothing re-reads the template or every answer when no level changed.
		expect(statements.some((s) => /from "?template_version"?/i.test(s))).toBe(false);
		expect(statements.some((s) => /from "?sheet_answer"?/i.test(s))).toBe(false);
	});

	it('an autosave that changes a level rescores in the same 4 statements (the levels come with the sheet)', async () => {
		const ctx = await setup();
		const { result, statements } = ctx.autosave({ revision: 0, answers: { 'TT1.1': { level: 2 } } });
		expect(result).toMatchObject({ ok: true, revision: 1 });
		expect(data(statements)).toHaveLength(4);
		expect(statements.filter(isTransactionControl)).toHaveLength(2);
	});

	it('an autosave of a text runs 3 statements besides BEGIN and COMMIT: the text goes with the revision', async () => {
		const ctx = await setup();
		const { result, statements } = ctx.autosave({ revision: 0, texts: { strengths: 'Nhiệt tình' } });
		expect(result).toMatchObject({ ok: true, revision: 1 });
		expect(data(statements)).toHaveLength(3);
	});

	it('an autosave of a section of the Bản kiểm điểm runs 5 statements besides BEGIN and COMMIT: session, sheet, revision, the stored sections, the section', async () => {
		const ctx = await setup();
		const { result, statements } = ctx.autosave({ revision: 0, sections: { 'A.VI': { text: 'Biện pháp khắc phục' } } });
		expect(result).toMatchObject({ ok: true, revision: 1 });
		expect(data(statements)).toHaveLength(5);
		expect(statements.filter(isTransactionControl)).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
	});

	it('a stale autosave is refused after the session and the sheet: 2 statements, nothing written', async () => {
		const ctx = await setup();
		ctx.autosave({ revision: 0, answers: { 'TT1.1': { level: 1 } } });
		const { result, statements } = ctx.autosave({ revision: 0, answers: { 'TT1.1': { note: 'Cũ' } } });
		expect(result).toMatchObject({ ok: false, status: 409 });
		expect(data(statements)).toHaveLength(2);
		expect(statements.some((s) => /^(insert|update|delete)/i.test(s))).toBe(false);
	});

	it('a view of the sheet page runs 9 statements: session, sheet, answers, plan lines, notes, sign wording, and the Bản kiểm điểm’s sections, last year’s sheet and questions', async () => {
		const ctx = await setup();
		ctx.autosave({ revision: 0, answers: { 'TT1.1': { level: 1, note: 'Ghi chú' } } });
		const { result, statements } = ctx.view();
		expect(result.answers['TT1.1']).toMatchObject({ level: 1, note: 'Ghi chú' });
		expect(statements).toHaveLength(9);
		expect(statements.some((s) => /from "?template_version"?/i.test(s) && /content/i.test(s))).toBe(false);
	});
});
