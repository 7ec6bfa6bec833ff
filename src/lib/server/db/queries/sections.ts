// Reads and writes of the personal review form's own sections, last year's sheet as this year's form carries
// it over, and the questions (gợi ý kiểm điểm) attached to a sheet. Data only: the rules are in the domain.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { period, sheet, sheetQuestion, sheetSection, unit, user } from '../schema';
import { sameSubject, type SheetSubject } from './sheets';
import { normaliseSection, type PriorSheet, type SectionValue } from '../../../domain/sections';

/** The stored sections of a sheet, by key. */
export function sheetSections(db: Db, sheetId: number): Record<string, SectionValue> {
	const rows = db.select().from(sheetSection).where(eq(sheetSection.sheetId, sheetId)).all();
	return Object.fromEntries(rows.map((r) => [r.key, normaliseSection(r.value)]));
}

/** Writes one section's whole value (inside the caller's transaction). */
export function writeSection(db: Db, sheetId: number, key: string, value: SectionValue): void {
	db.insert(sheetSection)
		.values({ sheetId, key, value })
		.onConflictDoUpdate({ target: [sheetSection.sheetId, sheetSection.key], set: { value } })
		.run();
}

/** The member's handed-in sheet of the year before `year`, as far as the form carries it over. */
export function priorSheetOf(db: Db, subject: SheetSubject, year: number): PriorSheet | null {
	const row = db
		.select({
			year: period.year,
			commitment: sheet.commitment,
			shortcomings: sheet.shortcomings,
			assessment: sheet.assessment
		})
		.from(sheet)
		.innerJoin(period, eq(period.id, sheet.periodId))
		.where(and(sameSubject(subject), eq(period.year, year - 1), inArray(sheet.status, ['submitted', 'approved'])))
		.orderBy(desc(sheet.id))
		.limit(1)
		.get();
	return row ?? null;
}

/** A question on a sheet with who asked it, in whose name, and the member's answer. */
export interface QuestionRow {
	id: number;
	text: string;
	answer: string;
	askedByName: string;
	unitName: string;
	createdAt: Date;
}

/** The questions attached to a sheet, oldest first. */
export function sheetQuestions(db: Db, sheetId: number): QuestionRow[] {
	return db
		.select({
			id: sheetQuestion.id,
			text: sheetQuestion.text,
			answer: sheetQuestion.answer,
			askedByName: user.fullName,
			unitName: unit.name,
			createdAt: sheetQuestion.createdAt
		})
		.from(sheetQuestion)
		.innerJoin(user, eq(user.id, sheetQuestion.askedBy))
		.innerJoin(unit, eq(unit.id, sheetQuestion.unitId))
		.where(eq(sheetQuestion.sheetId, sheetId))
		.orderBy(asc(sheetQuestion.id))
		.all();
}

/** Attaches a question to a sheet; returns its id. */
export function insertQuestion(db: Db, input: { sheetId: number; text: string; askedBy: number; unitId: number }) {
	return db.insert(sheetQuestion).values(input).returning({ id: sheetQuestion.id }).get().id;
}

/** Writes the member's answer to one question of the sheet; false when the question is not on this sheet. */
export function writeAnswer(db: Db, sheetId: number, questionId: number, answer: string): boolean {
	return (
		db
			.update(sheetQuestion)
			.set({ answer })
			.where(and(eq(sheetQuestion.id, questionId), eq(sheetQuestion.sheetId, sheetId)))
			.run().changes > 0
	);
}

/** The ids of the questions on a sheet. */
export function questionIds(db: Db, sheetId: number): Set<number> {
	return new Set(
		db
			.select({ id: sheetQuestion.id })
			.from(sheetQuestion)
			.where(eq(sheetQuestion.sheetId, sheetId))
			.all()
			.map((r) => r.id)
	);
}
