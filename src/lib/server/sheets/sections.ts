// The personal review form's own sections on a member's sheet: what a save may change, writing it, and the
// form as the sheet page, the review page and the print show it (with last year's carry-over and the questions).
import type { Db } from '../db/client';
import type { SheetCore, SheetDetail } from '../db/queries/sheets';
import {
	priorSheetOf,
	questionIds,
	sheetQuestions,
	sheetSections,
	writeAnswer,
	writeSection,
	type QuestionRow
} from '../db/queries/sections';
import {
	EMPTY_SECTION,
	carriedItems,
	formFor,
	mergeItems,
	scoreTotal,
	storesOwnValue,
	type QuestionAnswer,
	type SectionValue
} from '../../domain/sections';
import type { FormSection } from '../../domain/template';
import type { SheetChanges } from '../../schemas/sheet';
import type { Refusal } from './member';

const refusal = (message: string): Refusal => ({ ok: false, status: 400, message });

/** The parts of a section value each kind may be sent. */
const PARTS: Partial<Record<FormSection['kind'], (keyof SectionValue)[]>> = {
	text: ['text'],
	items: ['items'],
	score366: ['general', 'tasks'],
	quality: ['quality']
};

/** Why a save's section or question changes do not fit this sheet's form, or null when they do. */
export function sectionRefusal(
	db: Db,
	core: { content: SheetCore['content']; sheet: Pick<SheetCore['sheet'], 'id' | 'targetGroup'> },
	changes: SheetChanges
): Refusal | null {
	const sections = Object.entries(changes.sections ?? {});
	const answers = Object.keys(changes.questions ?? {});
	if (sections.length === 0 && answers.length === 0) return null;
	const form = formFor(core.content, core.sheet.targetGroup);
	if (!form) return refusal('Phiếu này làm theo mẫu cũ, không có các mục của bản kiểm điểm.');
	for (const [key, change] of sections) {
		const section = form.sections.find((s) => s.key === key);
		if (!section || !storesOwnValue(section)) return refusal(`Mục ${key} không có trong bản kiểm điểm của bạn.`);
		const allowed = PARTS[section.kind] ?? [];
		const sent = Object.keys(change).filter((k) => change[k as keyof typeof change] !== undefined);
		if (sent.some((part) => !allowed.includes(part as keyof SectionValue)))
			return refusal(`Mục ${key} không nhận nội dung dạng này.`);
		const statuses = new Set((section.statuses ?? []).map((s) => s.value));
		for (const item of change.items ?? [])
			if (item.status !== null && !statuses.has(item.status))
				return refusal(`Mục ${key}: trạng thái «${item.status}» không hợp lệ.`);
	}
	if (answers.length > 0) {
		const ids = questionIds(db, core.sheet.id);
		const unknown = answers.find((id) => !ids.has(Number(id)));
		if (unknown) return refusal('Câu hỏi gợi ý kiểm điểm này không có trong phiếu của bạn.');
	}
	return null;
}

/** The stored sections with a save's section changes on top, as a hand-in checks them; none for a form-less version. */
export function mergedSections(
	db: Db,
	core: { content: SheetCore['content']; sheet: Pick<SheetCore['sheet'], 'id' | 'targetGroup'> },
	changes: SheetChanges
): Record<string, SectionValue> | undefined {
	if (!formFor(core.content, core.sheet.targetGroup)) return undefined;
	const merged = sheetSections(db, core.sheet.id);
	for (const [key, change] of Object.entries(changes.sections ?? {})) merged[key] = mergeSection(merged[key], change);
	return merged;
}

/** A stored section value (none yet: the empty one) with the parts a save sends on top. */
const mergeSection = (stored: SectionValue | undefined, change: Partial<SectionValue>): SectionValue => ({
	...EMPTY_SECTION,
	...stored,
	...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined))
});

/** The sheet's questions with a save's answers on top, as a hand-in checks them; none for a form-less version. */
export function mergedQuestions(
	db: Db,
	core: { content: SheetCore['content']; sheet: Pick<SheetCore['sheet'], 'id' | 'targetGroup'> },
	changes: SheetChanges
): QuestionAnswer[] | undefined {
	if (!formFor(core.content, core.sheet.targetGroup)) return undefined;
	return sheetQuestions(db, core.sheet.id).map((q) => ({
		id: q.id,
		text: q.text,
		answer: changes.questions?.[String(q.id)]?.answer ?? q.answer
	}));
}

/** Writes the section values and question answers of one save (inside the caller's transaction). */
export function writeSectionChanges(db: Db, sheetId: number, changes: SheetChanges): void {
	const entries = Object.entries(changes.sections ?? {});
	if (entries.length > 0) {
		const stored = sheetSections(db, sheetId);
		for (const [key, change] of entries) writeSection(db, sheetId, key, mergeSection(stored[key], change));
	}
	for (const [id, { answer }] of Object.entries(changes.questions ?? {})) writeAnswer(db, sheetId, Number(id), answer);
}

/** One section of the form with what the member wrote and what it carries over. */
export interface SectionView {
	section: FormSection;
	value: SectionValue;
	/** The text of a section kept in a sheet column (A.I.1, A.II.1, the commitment). */
	text: string;
	/** A.I.3: last year's commitment, to be reported on. */
	priorCommitment: { year: number; text: string } | null;
	total: number | null;
}

/**
 * The questions of a sheet with their answers as the reader may see them, ready for a page: no answer at all when
 * the reader may not read the sheet (`readable` false, the answers stay the member's until the hand-in); on a
 * returned sheet for its reviewers (`detail.handedIn`), each answer as last handed in, none for a question asked
 * since; otherwise as stored.
 */
export function questionsFor(db: Db, detail: SheetDetail, readable: boolean) {
	const handedIn = detail.handedIn?.questions;
	const answers = handedIn ? new Map(handedIn.map((q) => [q.id, q.answer])) : null;
	const answerOf = (q: QuestionRow) => (!readable ? '' : answers ? (answers.get(q.id) ?? '') : q.answer);
	return sheetQuestions(db, detail.sheet.id).map((q) => ({
		...q,
		answer: answerOf(q),
		createdAt: q.createdAt.getTime()
	}));
}

/** The whole form of a sheet as pages and the print show it; null for a sheet of a version without forms. */
export function formView(db: Db, detail: SheetDetail) {
	const form = formFor(detail.content, detail.sheet.targetGroup);
	if (!form) return null;
	// A returned sheet read by its reviewers: the sections as last handed in (see `reviewedSheet`).
	const stored = detail.handedIn?.sections ?? sheetSections(db, detail.sheet.id);
	const prior = priorSheetOf(db, detail.sheet, detail.period.year);
	const sections: SectionView[] = form.sections.map((section) => {
		const value = { ...EMPTY_SECTION, ...stored[section.key] };
		if (section.kind === 'items')
			value.items = mergeItems(section.carry === 'shortcomings' ? carriedItems(prior) : [], value.items);
		return {
			section,
			value,
			text: section.field ? detail.sheet[section.field] : value.text,
			priorCommitment:
				section.carry === 'commitment' && prior?.commitment.trim()
					? { year: prior.year, text: prior.commitment.trim() }
					: null,
			total: section.kind === 'score366' ? scoreTotal(value) : null
		};
	});
	return {
		form: form.form,
		title: form.title,
		subtitle: form.subtitle,
		signature: form.signature,
		sections,
		questions: questionsFor(db, detail, true)
	};
}

export type FormView = NonNullable<ReturnType<typeof formView>>;
