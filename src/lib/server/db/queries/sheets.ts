import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { actionProgress, member, period, reviewNote, sheet, sheetAnswer, templateVersion, unit, user } from '../schema';
import type { AnswerEntry, ProgressEntry, ProgressLine, SheetTexts } from '../../../domain/sheet';
import type { Level, TemplateContent, TargetGroup } from '../../../domain/template';
import { recordSheetTransition } from './stats';
import { recordAudit } from './audit';
import type { AuditAction } from '../../../domain/audit';
// Not from './templates', which bundles the default template's JSON: browser-test fixtures import this file.
import { templateContent } from './template-content';

export type SheetRow = typeof sheet.$inferSelect;

/** A member's sheet for a period, if made. */
export function findMemberSheet(db: Db, memberId: number, periodId: number): SheetRow | undefined {
	return db
		.select()
		.from(sheet)
		.where(and(eq(sheet.memberId, memberId), eq(sheet.periodId, periodId)))
		.get();
}

/** The member's sheet of the year before `year`, if it was handed in (a returned one was not finished). */
function priorSheet(db: Db, memberId: number, year: number): SheetRow | undefined {
	return db
		.select({ sheet })
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.where(
			and(eq(sheet.memberId, memberId), eq(period.year, year - 1), inArray(sheet.status, ['submitted', 'approved']))
		)
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
		const prior = priorSheet(tx, input.memberId, year);
		if (prior) {
			const actions = tx
				.select({ code: sheetAnswer.code })
				.from(sheetAnswer)
				.where(and(eq(sheetAnswer.sheetId, prior.id), sql`${sheetAnswer.level} >= 1`, sql`${sheetAnswer.action} <> ''`))
				.all();
			for (const a of actions)
				tx.insert(actionProgress).values({ sheetId: created.id, priorSheetId: prior.id, code: a.code }).run();
		}
		return created;
	});
}

/** Everything the sheet page and the print view show about one sheet. */
export interface SheetDetail {
	sheet: SheetRow;
	period: typeof period.$inferSelect;
	content: TemplateContent;
	templateVersion: number;
	person: { fullName: string; dateOfBirth: string; position: string };
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
}

/** What a save needs of a sheet: the row, its period, its template, the answers and last year's plan lines. */
export interface SheetCore {
	sheet: SheetRow;
	period: typeof period.$inferSelect;
	content: TemplateContent;
	chapter: { path: string };
	answers: Record<string, AnswerEntry>;
	progress: { code: string; status: ProgressEntry['status']; note: string }[];
}

function answersOf(db: Db, sheetId: number): Record<string, AnswerEntry> {
	const answers: Record<string, AnswerEntry> = {};
	for (const a of db.select().from(sheetAnswer).where(eq(sheetAnswer.sheetId, sheetId)).all()) {
		answers[a.code] = {
			level: a.level as Level | null,
			note: a.note,
			action: a.action,
			actionDeadline: a.actionDeadline
		};
	}
	return answers;
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

/** The part of a sheet an autosave reads: no names, notes or last year's wording, so a save stays cheap. */
export function loadSheetCore(db: Db, sheetId: number): SheetCore | undefined {
	const row = db
		.select({ sheet, period, chapterPath: unit.path })
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.where(eq(sheet.id, sheetId))
		.get();
	const content = row && templateContent(db, row.sheet.templateVersionId);
	if (!row || !content) return undefined;
	return {
		sheet: row.sheet,
		period: row.period,
		content,
		chapter: { path: row.chapterPath },
		answers: answersOf(db, sheetId),
		progress: db
			.select({ code: actionProgress.code, status: actionProgress.status, note: actionProgress.note })
			.from(actionProgress)
			.where(eq(actionProgress.sheetId, sheetId))
			.all()
	};
}

/** Loads a sheet with its period, template version, answers, last year's plan and the chi ủy's notes. */
export function loadSheetDetail(db: Db, sheetId: number): SheetDetail | undefined {
	const row = db
		.select({
			sheet,
			period,
			version: templateVersion.version,
			fullName: user.fullName,
			dateOfBirth: member.dateOfBirth,
			position: member.position,
			chapterName: unit.name,
			chapterPath: unit.path,
			chapterParent: unit.parentId
		})
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.innerJoin(templateVersion, eq(templateVersion.id, sheet.templateVersionId))
		.innerJoin(user, eq(user.id, sheet.memberId))
		.innerJoin(member, eq(member.userId, sheet.memberId))
		.innerJoin(unit, eq(unit.id, sheet.chapterId))
		.where(eq(sheet.id, sheetId))
		.get();
	if (!row) return undefined;
	const parentName =
		row.chapterParent === null
			? null
			: (db.select({ name: unit.name }).from(unit).where(eq(unit.id, row.chapterParent)).get()?.name ?? null);
	const answers = answersOf(db, sheetId);
	return {
		sheet: row.sheet,
		period: row.period,
		content: templateContent(db, row.sheet.templateVersionId)!,
		templateVersion: row.version,
		person: { fullName: row.fullName, dateOfBirth: row.dateOfBirth, position: row.position },
		chapter: { id: row.sheet.chapterId, name: row.chapterName, path: row.chapterPath, parentName },
		answers,
		progress: progressLines(db, sheetId),
		notes: db
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
			.where(eq(reviewNote.sheetId, sheetId))
			.orderBy(reviewNote.id)
			.all()
	};
}

function progressLines(db: Db, sheetId: number): ProgressLine[] {
	const rows = db
		.select()
		.from(actionProgress)
		.where(eq(actionProgress.sheetId, sheetId))
		.orderBy(actionProgress.code)
		.all();
	if (rows.length === 0) return [];
	const priorId = rows[0].priorSheetId;
	const prior = db
		.select({
			code: sheetAnswer.code,
			level: sheetAnswer.level,
			action: sheetAnswer.action,
			deadline: sheetAnswer.actionDeadline
		})
		.from(sheetAnswer)
		.where(
			and(
				eq(sheetAnswer.sheetId, priorId),
				inArray(
					sheetAnswer.code,
					rows.map((r) => r.code)
				)
			)
		)
		.all();
	const priorVersion = db
		.select({ versionId: sheet.templateVersionId })
		.from(sheet)
		.where(eq(sheet.id, priorId))
		.get()?.versionId;
	const priorContent = priorVersion === undefined ? undefined : templateContent(db, priorVersion);
	const byCode = new Map(prior.map((p) => [p.code, p]));
	return rows.map((r) => {
		const p = byCode.get(r.code);
		return {
			code: r.code,
			status: r.status,
			note: r.note,
			action: p?.action ?? '',
			actionDeadline: p?.deadline ?? null,
			level: (p?.level ?? 0) as Level,
			signText: priorContent?.signs.find((s) => s.code === r.code)?.text ?? ''
		};
	});
}

/** The changes one save applies; every part is optional. */
export interface SheetWrite {
	answers?: Record<string, Partial<AnswerEntry> & { sectionNone?: boolean }>;
	texts?: Partial<SheetTexts>;
	progress?: Record<string, Partial<ProgressEntry>>;
}

/** Writes answer, text and progress changes of one sheet (inside the caller's transaction). */
export function writeSheetChanges(db: Db, sheetId: number, changes: SheetWrite): void {
	for (const [code, change] of Object.entries(changes.answers ?? {})) {
		const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
		if (Object.keys(set).length === 0) continue;
		db.insert(sheetAnswer)
			.values({ sheetId, code, ...set })
			.onConflictDoUpdate({ target: [sheetAnswer.sheetId, sheetAnswer.code], set })
			.run();
	}
	const texts = Object.fromEntries(Object.entries(changes.texts ?? {}).filter(([, v]) => v !== undefined));
	if (Object.keys(texts).length > 0) db.update(sheet).set(texts).where(eq(sheet.id, sheetId)).run();
	for (const [code, change] of Object.entries(changes.progress ?? {})) {
		const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
		if (Object.keys(set).length === 0) continue;
		db.update(actionProgress)
			.set(set)
			.where(and(eq(actionProgress.sheetId, sheetId), eq(actionProgress.code, code)))
			.run();
	}
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
