// The personal review form (Bản kiểm điểm, Mẫu 2A/2B/2C of HD 43-HD/BTCTW) as template data: which sections a
// group's form has, what a member wrote in each, what is carried over from last year, and the QĐ 366 frame.
// Pure: the sheet page, the review page and the print read the same model.
import {
	QUALITY_LEVELS,
	type FormDefinition,
	type FormSection,
	type QualityLevel,
	type SheetGroup,
	type TemplateContent
} from './template';

/** One line of an "items" section: a shortcoming (carried or added) or a task, with its status and a note. */
export interface SectionItem {
	/** "prior-shortcomings", "prior-assessment", "prior-plan-TT1.1" for carried lines; "own-1"… for added ones. */
	id: string;
	text: string;
	status: string | null;
	note: string;
}

/** Whether an item was carried from last year (its wording is fixed; only its status and note are the member's). */
export function isCarriedItem(item: Pick<SectionItem, 'id'>): boolean {
	return item.id.startsWith('prior-');
}

/** What a member wrote in one section; each kind uses its own part. */
export interface SectionValue {
	text: string;
	items: SectionItem[];
	general: number | null;
	tasks: number | null;
	quality: QualityLevel | null;
}

export const EMPTY_SECTION: SectionValue = { text: '', items: [], general: null, tasks: null, quality: null };

/** Longest text of one section, and most items in one list. */
export const SECTION_LIMITS = { text: 5000, itemText: 1000, itemNote: 1000, items: 40, question: 1000, answer: 5000 };

/** The form of a group, or null for a version made before forms were template data (an old sheet). */
export function formFor(content: TemplateContent, group: SheetGroup): FormDefinition | null {
	return content.forms?.[group] ?? null;
}

/** Whether a change may name this section: it exists in the form and holds its own value (not a sheet column). */
export function storesOwnValue(section: FormSection): boolean {
	return section.kind !== 'heading' && section.kind !== 'signs' && section.kind !== 'questions' && !section.field;
}

/** Whether a section holds what its kind asks for: a text, a line with content, both parts of the frame, a level. */
export function isFilled(section: FormSection, value: SectionValue): boolean {
	switch (section.kind) {
		case 'text':
			return value.text.trim() !== '';
		case 'items':
			return value.items.some((item) => item.text.trim() !== '');
		case 'score366':
			return value.general !== null && value.tasks !== null;
		case 'quality':
			return value.quality !== null;
		default:
			return true;
	}
}

/**
 * The required sections of the group's form left empty, in the form's order. A section kept in a sheet column
 * (A.I.1, A.II.1, the commitment) is checked with the sheet's texts instead, and a version without forms has none.
 */
export function missingSections(
	content: TemplateContent,
	group: SheetGroup,
	values: Record<string, SectionValue>
): FormSection[] {
	const form = formFor(content, group);
	if (!form) return [];
	return form.sections.filter(
		(s) => s.required && storesOwnValue(s) && !isFilled(s, { ...EMPTY_SECTION, ...values[s.key] })
	);
}

/** A gợi ý kiểm điểm as a hand-in checks and keeps it: the question and the member's answer. */
export interface QuestionAnswer {
	id: number;
	text: string;
	answer: string;
}

/**
 * The questions attached to the sheet (gợi ý kiểm điểm) still without an answer, in their order: A.IV is where the
 * member explains each one, so a sheet is not handed in while a question attached before the hand-in is open.
 */
export function unansweredQuestions<Q extends QuestionAnswer>(questions: readonly Q[]): Q[] {
	return questions.filter((q) => q.answer.trim() === '');
}

/** Sum of the 30 + 70 frame, or null until both parts are given. */
export function scoreTotal(value: Pick<SectionValue, 'general' | 'tasks'>): number | null {
	return value.general === null || value.tasks === null ? null : value.general + value.tasks;
}

/** A quality level from any value, or null. */
export function qualityLevel(value: unknown): QualityLevel | null {
	return QUALITY_LEVELS.includes(value as QualityLevel) ? (value as QualityLevel) : null;
}

/** Last year's sheet as far as this year's form carries it over. */
export interface PriorSheet {
	year: number;
	commitment: string;
	shortcomings: string;
	/** The chi ủy's assessment of last year's sheet: its conclusions on the member. */
	assessment: string;
}

/** The lines A.III starts with: last year's shortcomings and the chi ủy's conclusions, each to be reported on. */
export function carriedItems(prior: PriorSheet | null): SectionItem[] {
	if (!prior) return [];
	const lines: SectionItem[] = [];
	if (prior.shortcomings.trim())
		lines.push({
			id: 'prior-shortcomings',
			text: `Hạn chế, khuyết điểm tự nêu năm ${prior.year}: ${prior.shortcomings.trim()}`,
			status: null,
			note: ''
		});
	if (prior.assessment.trim())
		lines.push({
			id: 'prior-assessment',
			text: `Chi ủy nhận xét, chỉ ra năm ${prior.year}: ${prior.assessment.trim()}`,
			status: null,
			note: ''
		});
	return lines;
}

/**
 * The items of a list section as shown: the carried lines first (their wording always from last year, their
 * status and note as the member reported them), then the lines the member added.
 */
export function mergeItems(carried: SectionItem[], stored: SectionItem[]): SectionItem[] {
	const byId = new Map(stored.map((item) => [item.id, item]));
	const carriedIds = new Set(carried.map((c) => c.id));
	return [
		...carried.map((c) => ({ ...c, status: byId.get(c.id)?.status ?? null, note: byId.get(c.id)?.note ?? '' })),
		...stored.filter((item) => !carriedIds.has(item.id) && !isCarriedItem(item))
	];
}

/** A section's value with every part present, from whatever was stored. */
export function normaliseSection(raw: unknown): SectionValue {
	const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
	const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	const items = Array.isArray(r.items)
		? r.items.map((i) => {
				const it = (i ?? {}) as Record<string, unknown>;
				return {
					id: String(it.id ?? ''),
					text: typeof it.text === 'string' ? it.text : '',
					status: typeof it.status === 'string' ? it.status : null,
					note: typeof it.note === 'string' ? it.note : ''
				};
			})
		: [];
	return {
		text: typeof r.text === 'string' ? r.text : '',
		items,
		general: num(r.general),
		tasks: num(r.tasks),
		quality: qualityLevel(r.quality)
	};
}

/**
 * What a folded written section says of itself beside its heading: whether the form requires it, and whether it is
 * written yet (with its length in words, which in Vietnamese are syllables), so the folded form reads as a checklist.
 * `missing` when a hand-in would refuse it: required and empty, or shorter than `minLength` characters (the
 * sheet's own texts need a sentence).
 */
export function textSectionState(required: boolean, text: string, minLength = 0): { label: string; missing: boolean } {
	const trimmed = text.trim();
	const words = trimmed === '' ? 0 : trimmed.split(/\s+/).length;
	const need = required ? 'Bắt buộc' : 'Không bắt buộc';
	if (words === 0) return { label: `${need} · Chưa ghi`, missing: required };
	const written = `Đã ghi ${words.toLocaleString('vi-VN')} chữ`;
	if (trimmed.length < minLength)
		return { label: `${need} · ${written}, cần ít nhất ${minLength} ký tự`, missing: required };
	return { label: `${need} · ${written}`, missing: false };
}

/** The element id of a form section on the sheet page. */
export function sectionAnchor(key: string): string {
	return `section-${key.replace(/\./g, '-')}`;
}

/** The element id of a question's answer field in the form's questions section on the sheet page. */
export function questionAnchor(sectionKey: string, questionId: number): string {
	return `${sectionAnchor(sectionKey)}-q${questionId}`;
}
