import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';
import { actionProgress, member, period, reviewNote, sheet, sheetAnswer, templateVersion, unit, user } from '../schema';
import type { AnswerEntry, ProgressEntry, ProgressLine, SheetTexts } from '../../../domain/sheet';
import { collectiveName } from '../../../domain/collective';
import {
	NOT_APPLICABLE,
	isCollectiveGroup,
	type CollectiveGroup,
	type AnswerLevel,
	type Level,
	type TemplateContent,
	type TargetGroup
} from '../../../domain/template';
import { recordSheetTransition } from './stats';
import { recordAudit } from './audit';
import type { AuditAction } from '../../../domain/audit';
import type { SubmissionContent } from '../../../domain/submission';
// Not from './templates', which bundles the default template's JSON: browser-test fixtures import this file.
import { templateContent } from './template-content';
import { preparedOnce, statement } from '../statements';

export type SheetRow = typeof sheet.$inferSelect;

/** Whose sheet it is: a member's, or a collective's (the unit's); exactly one is set. */
export type SheetSubject = Pick<SheetRow, 'memberId' | 'collectiveUnitId'>;

/** The condition "a sheet of this same subject" (the member's, or the collective's). */
export function sameSubject(subject: SheetSubject) {
	return subject.collectiveUnitId !== null
		? eq(sheet.collectiveUnitId, subject.collectiveUnitId)
		: eq(sheet.memberId, subject.memberId!);
}

/** A member's sheet for a period, if made. */
export function findMemberSheet(db: Db, memberId: number, periodId: number): SheetRow | undefined {
	return db
		.select()
		.from(sheet)
		.where(and(eq(sheet.memberId, memberId), eq(sheet.periodId, periodId)))
		.get();
}

/** The subject's sheet of the year before `year`, if it was handed in (a returned one was not finished). */
function priorSheet(db: Db, subject: SheetSubject, year: number): SheetRow | undefined {
	return db
		.select({ sheet })
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.where(and(sameSubject(subject), eq(period.year, year - 1), inArray(sheet.status, ['submitted', 'approved'])))
		.orderBy(desc(sheet.id))
		.limit(1)
		.get()?.sheet;
}

/** Makes a member's sheet for a period, with one progress line for each action of last year's plan. */
export function createSheet(
	db: Db,
	input: {
		periodId: number;
		year: number;
		memberId: number;
		chapterId: number;
		targetGroup: TargetGroup;
		templateVersionId: number;
	}
): SheetRow {
	return db.transaction((tx) => {
		const { year, ...values } = input;
		const created = tx.insert(sheet).values(values).returning().get();
		const chapter = tx.select({ path: unit.path }).from(unit).where(eq(unit.id, input.chapterId)).get()!;
		recordSheetTransition(tx, {
			periodId: input.periodId,
			chapterPath: chapter.path,
			before: null,
			after: { status: 'draft', rating: null, finalRating: null, flagged: [] }
		});
		copyPriorPlan(tx, created.id, { memberId: input.memberId, collectiveUnitId: null }, year);
		return created;
	});
}

/** A collective's sheet for a period, if made. */
export function findCollectiveSheet(db: Db, unitId: number, periodId: number): SheetRow | undefined {
	return db
		.select()
		.from(sheet)
		.where(and(eq(sheet.collectiveUnitId, unitId), eq(sheet.periodId, periodId)))
		.get();
}

/**
 * Makes a collective's sheet for a period (its own unit is its `chapter_id`), with a progress line for each action
 * of the collective's plan of last year. The collective is not a member: it stays out of the members' counts.
 */
export function createCollectiveSheet(
	db: Db,
	input: { periodId: number; year: number; unitId: number; group: CollectiveGroup; templateVersionId: number }
): SheetRow {
	return db.transaction((tx) => {
		const created = tx
			.insert(sheet)
			.values({
				periodId: input.periodId,
				collectiveUnitId: input.unitId,
				chapterId: input.unitId,
				targetGroup: input.group,
				templateVersionId: input.templateVersionId
			})
			.returning()
			.get();
		copyPriorPlan(tx, created.id, { memberId: null, collectiveUnitId: input.unitId }, input.year);
		return created;
	});
}

/** One progress line on a new sheet for each remediation action of the subject's sheet of last year. */
function copyPriorPlan(tx: Db, sheetId: number, subject: SheetSubject, year: number): void {
	const prior = priorSheet(tx, subject, year);
	if (!prior) return;
	const actions = tx
		.select({ code: sheetAnswer.code })
		.from(sheetAnswer)
		.where(and(eq(sheetAnswer.sheetId, prior.id), sql`${sheetAnswer.level} >= 1`, sql`${sheetAnswer.action} <> ''`))
		.all();
	for (const a of actions) tx.insert(actionProgress).values({ sheetId, priorSheetId: prior.id, code: a.code }).run();
}

/** The collective a sheet is of: its unit. */
export interface SheetCollective {
	unitId: number;
	unitName: string;
}

/** Everything the sheet page and the print view show about one sheet. */
export interface SheetDetail {
	sheet: SheetRow;
	period: typeof period.$inferSelect;
	content: TemplateContent;
	templateVersion: number;
	/** The member; for a collective's sheet, the collective's name in `fullName` and the rest empty. */
	person: { fullName: string; dateOfBirth: string; position: string };
	/** Set when the sheet is a collective's (tập thể chi bộ, tập thể cấp ủy), null for a member's. */
	collective: SheetCollective | null;
	chapter: { id: number; name: string; path: string; parentName: string | null };
	answers: Record<string, AnswerEntry>;
	progress: ProgressLine[];
	notes: {
		id: number;
		code: string | null;
		text: string;
		createdAt: Date;
		authorName: string;
		resolvedAt: Date | null;
	}[];
	/**
	 * Set by `reviewedSheet` on a returned sheet: its Bản kiểm điểm sections and gợi ý answers as last handed in,
	 * which the pages show instead of the member's edits since. A part the hand-in did not record is absent.
	 */
	handedIn?: Pick<SubmissionContent, 'sections' | 'questions'>;
}

function answersOf(db: Db, sheetId: number): Record<string, AnswerEntry> {
	const answers: Record<string, AnswerEntry> = {};
	const rows = statement(
		db,
		'select code, level, not_applicable as na, note, action, action_deadline as actionDeadline from sheet_answer where sheet_id = ?'
	).all(sheetId) as ({ code: string; na: 0 | 1; level: Level | null } & Omit<AnswerEntry, 'level'>)[];
	for (const { code, level, na, note, action, actionDeadline } of rows)
		answers[code] = { level: na ? NOT_APPLICABLE : level, note, action, actionDeadline };
	return answers;
}

/** What an autosave reads of a sheet: the row, its period, its template and its chapter's path. */
export interface SaveTarget {
	sheet: SheetRow;
	period: typeof period.$inferSelect;
	content: TemplateContent;
	chapter: { path: string };
	/** The answers given so far, "Không áp dụng" included (a sign without one is absent), read only when asked for. */
	levels?: Record<string, AnswerLevel>;
}

const saveTargetQuery = (db: Db) =>
	db
		.select({ sheet, period, chapterPath: unit.path })
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.where(eq(sheet.id, sql.placeholder('id')))
		.prepare();

const saveTargetWithLevelsQuery = (db: Db) =>
	db
		.select({
			sheet,
			period,
			chapterPath: unit.path,
			levels: sql<
				string | null
			>`(select json_group_object(code, case when ${sheetAnswer.notApplicable} then ${sql.raw(`'${NOT_APPLICABLE}'`)} else ${sheetAnswer.level} end) from ${sheetAnswer} where ${sheetAnswer.sheetId} = ${sheet.id} and (${sheetAnswer.level} is not null or ${sheetAnswer.notApplicable}))`
		})
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.where(eq(sheet.id, sql.placeholder('id')))
		.prepare();

/**
 * The sheet an autosave writes to, in one compiled statement; with `levels`, the same statement also gathers the
 * levels given so far, which is all a rescore needs (the notes and actions do not count).
 */
export function loadSaveTarget(db: Db, sheetId: number, options: { levels: boolean }): SaveTarget | undefined {
	const withLevels = options.levels ? preparedOnce(db, saveTargetWithLevelsQuery).get({ id: sheetId }) : undefined;
	const row = options.levels ? withLevels : preparedOnce(db, saveTargetQuery).get({ id: sheetId });
	const content = row && templateContent(db, row.sheet.templateVersionId);
	if (!row || !content) return undefined;
	const target: SaveTarget = { sheet: row.sheet, period: row.period, content, chapter: { path: row.chapterPath } };
	if (options.levels)
		target.levels = withLevels?.levels ? (JSON.parse(withLevels.levels) as Record<string, AnswerLevel>) : {};
	return target;
}

/** A sheet's answers, every field, keyed by code (a hand-in checks them all). */
export function sheetAnswers(db: Db, sheetId: number): Record<string, AnswerEntry> {
	return answersOf(db, sheetId);
}

/** The progress lines of last year's plan on a sheet: code, result and note. */
export function sheetProgress(
	db: Db,
	sheetId: number
): { code: string; status: ProgressEntry['status']; note: string }[] {
	return statement(db, 'select code, status, note from action_progress where sheet_id = ?').all(sheetId) as {
		code: string;
		status: ProgressEntry['status'];
		note: string;
	}[];
}

/** The signs of a sheet answered "Không có biểu hiện" for the rest of their section at once, not one by one. */
export function sectionNoneCodes(db: Db, sheetId: number): string[] {
	return db
		.select({ code: sheetAnswer.code })
		.from(sheetAnswer)
		.where(and(eq(sheetAnswer.sheetId, sheetId), eq(sheetAnswer.sectionNone, true)))
		.all()
		.map((a) => a.code);
}

/** A sheet with all its answers and last year's plan lines, for the use cases that read a whole sheet to decide. */
export interface SheetCore extends SaveTarget {
	answers: Record<string, AnswerEntry>;
	progress: { code: string; status: ProgressEntry['status']; note: string }[];
}

export function loadSheetCore(db: Db, sheetId: number): SheetCore | undefined {
	const target = loadSaveTarget(db, sheetId, { levels: false });
	return target && { ...target, answers: sheetAnswers(db, sheetId), progress: sheetProgress(db, sheetId) };
}

const parentUnit = alias(unit, 'parent_unit');

const sheetDetailQuery = (db: Db) =>
	db
		.select({
			sheet,
			period,
			version: templateVersion.version,
			fullName: user.fullName,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			chapterName: unit.name,
			chapterPath: unit.path,
			parentName: parentUnit.name
		})
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(templateVersion, eq(templateVersion.id, sheet.templateVersionId))
		// A collective's sheet has no member.
		.leftJoin(user, eq(user.id, sheet.memberId))
		.leftJoin(member, eq(member.userId, sheet.memberId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.leftJoin(parentUnit, eq(parentUnit.id, unit.parentId))
		.where(eq(sheet.id, sql.placeholder('id')))
		.prepare();

const sheetNotesQuery = (db: Db) =>
	db
		.select({
			id: reviewNote.id,
			code: reviewNote.code,
			text: reviewNote.text,
			createdAt: reviewNote.createdAt,
			authorName: user.fullName,
			resolvedAt: reviewNote.resolvedAt
		})
		.from(reviewNote)
		.innerJoin(user, eq(user.id, reviewNote.authorId))
		.where(eq(reviewNote.sheetId, sql.placeholder('id')))
		.orderBy(reviewNote.id)
		.prepare();

/** Loads a sheet with its period, template version, answers, last year's plan and the chi ủy's notes. */
export function loadSheetDetail(db: Db, sheetId: number): SheetDetail | undefined {
	const row = preparedOnce(db, sheetDetailQuery).get({ id: sheetId });
	if (!row) return undefined;
	const group = row.sheet.targetGroup;
	const collective =
		row.sheet.collectiveUnitId !== null && isCollectiveGroup(group)
			? {
					unitId: row.sheet.collectiveUnitId,
					unitName: row.chapterName
				}
			: null;
	return {
		sheet: row.sheet,
		period: row.period,
		content: templateContent(db, row.sheet.templateVersionId)!,
		templateVersion: row.version,
		person:
			collective && isCollectiveGroup(group)
				? { fullName: collectiveName(group, collective.unitName), dateOfBirth: '', position: '' }
				: { fullName: row.fullName ?? '', dateOfBirth: row.dateOfBirth ?? '', position: row.position ?? '' },
		collective,
		chapter: { id: row.sheet.chapterId, name: row.chapterName, path: row.chapterPath, parentName: row.parentName },
		answers: answersOf(db, sheetId),
		progress: progressLines(db, sheetId),
		notes: preparedOnce(db, sheetNotesQuery).all({ id: sheetId })
	};
}

function progressLines(db: Db, sheetId: number): ProgressLine[] {
	const rows = statement(
		db,
		'select code, status, note, prior_sheet_id from action_progress where sheet_id = ? order by code'
	).all(sheetId) as { code: string; status: ProgressEntry['status']; note: string; prior_sheet_id: number }[];
	if (rows.length === 0) return [];
	const priorId = rows[0].prior_sheet_id;
	const priorVersion = (
		statement(db, 'select template_version_id from sheet where id = ?').get(priorId) as
			{ template_version_id: number } | undefined
	)?.template_version_id;
	const prior = answersOf(db, priorId);
	const priorContent = priorVersion === undefined ? undefined : templateContent(db, priorVersion);
	return rows.map((r) => {
		const p = prior[r.code];
		return {
			code: r.code,
			status: r.status,
			note: r.note,
			action: p?.action ?? '',
			actionDeadline: p?.actionDeadline ?? null,
			level: (p?.level ?? 0) as Level,
			signText: priorContent?.signs.find((s) => s.code === r.code)?.text ?? ''
		};
	});
}

/** The changes one save applies; every part is optional. */
/** One answer's change: its fields, and whether its level was set by "none for the rest" of the section. */
export type AnswerWrite = Partial<AnswerEntry> & { sectionNone?: boolean };

export interface SheetWrite {
	answers?: Record<string, AnswerWrite>;
	texts?: Partial<SheetTexts>;
	progress?: Record<string, Partial<ProgressEntry>>;
}

const ANSWER_COLUMNS = {
	level: 'level',
	notApplicable: 'not_applicable',
	note: 'note',
	action: 'action',
	actionDeadline: 'action_deadline',
	sectionNone: 'section_none'
} as const;
const PROGRESS_COLUMNS = { status: 'status', note: 'note' } as const;
const TEXT_COLUMNS = { strengths: 'strengths', shortcomings: 'shortcomings', commitment: 'commitment' } as const;

/** The fields of a change that are set, in a fixed order, with their columns. */
function setFields<K extends string>(columns: Record<K, string>, change: Partial<Record<K, unknown>>) {
	const names: string[] = [];
	const values: unknown[] = [];
	for (const key of Object.keys(columns) as K[]) {
		if (change[key] === undefined) continue;
		names.push(columns[key]);
		values.push(change[key]);
	}
	return { names, values };
}

/** An answer change as columns: "Không áp dụng" is a null level with its flag, any other answer clears the flag. */
function answerColumns({ sectionNone, ...change }: AnswerWrite) {
	// SQLite stores the marks as 0 / 1; "none for the rest" only ever marks a level (see the sheet schema).
	const marks = sectionNone === undefined ? {} : { sectionNone: sectionNone ? 1 : 0 };
	if (change.level === undefined) return { ...change, ...marks };
	if (change.level === NOT_APPLICABLE) return { ...change, ...marks, level: null, notApplicable: 1 };
	return { ...change, ...marks, notApplicable: 0 };
}

/** Upserts the answer changes of one sheet; each field set is one compiled statement, reused. */
function writeAnswers(db: Db, sheetId: number, answers: Record<string, AnswerWrite>): void {
	for (const [code, change] of Object.entries(answers)) {
		const { names, values } = setFields(ANSWER_COLUMNS, answerColumns(change));
		if (names.length === 0) continue;
		const text =
			`insert into sheet_answer (sheet_id, code, ${names.join(', ')}) values (?, ?${', ?'.repeat(names.length)}) ` +
			`on conflict (sheet_id, code) do update set ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`;
		statement(db, text).run(sheetId, code, ...values);
	}
}

function writeProgress(db: Db, sheetId: number, progress: Record<string, Partial<ProgressEntry>>): void {
	for (const [code, change] of Object.entries(progress)) {
		const { names, values } = setFields(PROGRESS_COLUMNS, change);
		if (names.length === 0) continue;
		const text = `update action_progress set ${names.map((n) => `${n} = ?`).join(', ')} where sheet_id = ? and code = ?`;
		statement(db, text).run(...values, sheetId, code);
	}
}

/** Writes answer, text and progress changes of one sheet (inside the caller's transaction). */
export function writeSheetChanges(db: Db, sheetId: number, changes: SheetWrite): void {
	writeAnswers(db, sheetId, changes.answers ?? {});
	const { names, values } = setFields(TEXT_COLUMNS, changes.texts ?? {});
	if (names.length > 0)
		statement(db, `update sheet set ${names.map((n) => `${n} = ?`).join(', ')} where id = ?`).run(...values, sheetId);
	writeProgress(db, sheetId, changes.progress ?? {});
}

/** What a save sets on the sheet row besides the new revision. */
export interface SheetSave {
	updatedAt: Date;
	texts?: Partial<SheetTexts>;
	/** The new score, when a level changed or the sheet is handed in. */
	score?: { score: number; rating: SheetRow['rating']; answered: number };
	/** Set when the sheet is handed in now. */
	submittedAt?: Date;
}

/**
 * Writes a save: the answer and progress changes, then the sheet row, texts, score and the next revision in one
 * UPDATE that only matches while the sheet is still at `fromRevision`. False when it is not (nothing of the row
 * was written; the caller's transaction must be rolled back to undo the answers).
 */
export function writeSheetSave(
	db: Db,
	sheetId: number,
	fromRevision: number,
	changes: Pick<SheetWrite, 'answers' | 'progress'>,
	save: SheetSave
): boolean {
	writeAnswers(db, sheetId, changes.answers ?? {});
	writeProgress(db, sheetId, changes.progress ?? {});
	const texts = setFields(TEXT_COLUMNS, save.texts ?? {});
	const names = ['revision', 'updated_at', ...texts.names];
	const values: unknown[] = [fromRevision + 1, save.updatedAt.getTime(), ...texts.values];
	if (save.score) {
		names.push('score', 'rating', 'answered_count');
		values.push(save.score.score, save.score.rating, save.score.answered);
	}
	if (save.submittedAt) {
		names.push('status', 'submitted_at', 'final_rating', 'final_rating_reason');
		values.push('submitted', save.submittedAt.getTime(), null, null);
	}
	const text = `update sheet set ${names.map((n) => `${n} = ?`).join(', ')} where id = ? and revision = ?`;
	return statement(db, text).run(...values, sheetId, fromRevision).changes === 1;
}

/** Marks the open notes of a sheet as answered (the member handed it in again). */
export function resolveReviewNotes(db: Db, sheetId: number, at: Date): void {
	db.update(reviewNote)
		.set({ resolvedAt: at })
		.where(and(eq(reviewNote.sheetId, sheetId), isNull(reviewNote.resolvedAt)))
		.run();
}

/** Records an event about a sheet in the audit log, filed under its chapter. */
export function auditSheet(
	db: Db,
	input: {
		actorId: number;
		sheetId: number;
		chapterId: number;
		action: AuditAction;
		reason?: string | null;
		detail?: unknown;
	}
): void {
	const { sheetId, chapterId, ...entry } = input;
	recordAudit(db, { ...entry, unitId: chapterId, target: { type: 'sheet', id: sheetId } });
}

/** A member's sheets, newest year first, for the "my sheets" list and the year-over-year comparison. */
export function memberSheets(db: Db, memberId: number) {
	return db
		.select({
			id: sheet.id,
			year: period.year,
			periodName: period.name,
			status: sheet.status,
			score: sheet.score,
			rating: sheet.rating,
			finalRating: sheet.finalRating,
			templateVersionId: sheet.templateVersionId,
			chapterName: unit.name,
			flagged: sql<string>`(select coalesce(group_concat(code, ' '), '') from ${sheetAnswer} where ${sheetAnswer.sheetId} = ${sheet.id} and ${sheetAnswer.level} >= 1)`
		})
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.where(eq(sheet.memberId, memberId))
		.orderBy(desc(period.year))
		.all();
}
