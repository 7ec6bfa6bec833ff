// What a sheet contained when it was handed in, and what changed between two hand-ins, so the chi ủy reads
// only what the member changed after a return. Pure, so the comparison is tested without a database.
import { answerLabel, QUALITY_LABELS, type FormDefinition, type FormSection, type Rating } from './template';
import {
	PROGRESS_LABELS,
	SHEET_TEXT_FIELDS,
	SHEET_TEXT_LABELS,
	shortHeading,
	type AnswerEntry,
	type ProgressStatus,
	type SheetTextField,
	type SheetTexts
} from './sheet';
import { EMPTY_SECTION, normaliseSection, storesOwnValue, type QuestionAnswer, type SectionValue } from './sections';
import { formatDate } from './dates';
import { formatScore } from './scoring';

/** A sheet's content at one hand-in. */
export interface SubmissionContent {
	answers: Record<string, AnswerEntry>;
	texts: SheetTexts;
	progress: Record<string, { status: ProgressStatus | null; note: string }>;
	score: number | null;
	rating: Rating | null;
	/**
	 * The Bản kiểm điểm's own sections (sheet_section) and the gợi ý kiểm điểm with their answers (sheet_question).
	 * Absent in hand-ins kept before they were recorded: none recorded, so nothing is said about them.
	 */
	sections?: Record<string, SectionValue>;
	questions?: QuestionAnswer[];
}

/** A kept hand-in as stored JSON, with its sections in full shape; an older one keeps its parts absent. */
export function readSubmission(raw: unknown): SubmissionContent {
	const c = raw as SubmissionContent;
	return {
		...c,
		sections: c.sections
			? Object.fromEntries(Object.entries(c.sections).map(([k, v]) => [k, normaliseSection(v)]))
			: undefined,
		questions: Array.isArray(c.questions)
			? c.questions.map((q) => ({ id: Number(q.id), text: String(q.text ?? ''), answer: String(q.answer ?? '') }))
			: undefined
	};
}

/** What happened to a section or an answer: written where it was empty, emptied, or rewritten. */
export type ChangeVerb = 'đã bổ sung' | 'đã xóa' | 'đã sửa';

/** One change between two hand-ins, with what it said before and what it says now, in words. */
export type SheetChange =
	| { kind: 'answer'; code: string; parts: { label: string; before: string; after: string }[] }
	| { kind: 'text'; field: SheetTextField; label: string; before: string; after: string }
	| { kind: 'progress'; code: string; before: string; after: string }
	/** A section of the Bản kiểm điểm, labelled with its key and heading ("Mục A.VI (VI. Phương hướng…)"). */
	| { kind: 'section'; key: string; label: string; verb: ChangeVerb; before: string; after: string }
	/** The answer to a gợi ý kiểm điểm, labelled with the question. */
	| { kind: 'question'; id: number; label: string; verb: ChangeVerb; before: string; after: string };

const levelWords = (a: AnswerEntry | undefined) =>
	a && a.level !== null && a.level !== undefined ? answerLabel(a.level) : 'Chưa trả lời';
const deadlineWords = (d: string | null | undefined) => (d ? formatDate(d) : '—');
const progressWords = (p: { status: ProgressStatus | null; note: string } | undefined) =>
	`${p?.status ? PROGRESS_LABELS[p.status] : 'Chưa báo cáo'}${p?.note ? ` — ${p.note}` : ''}`;

/** A section's value in words, as the review page lists it: its text, its lines, its two scores or its level. */
export function sectionWords(section: FormSection, value: SectionValue): string {
	switch (section.kind) {
		case 'text':
			return value.text.trim();
		case 'items': {
			const statusLabel = (s: string | null) =>
				s ? (section.statuses?.find((x) => x.value === s)?.label ?? s) : 'chưa chọn trạng thái';
			return value.items
				.filter((i) => i.text.trim() || i.status || i.note.trim())
				.map((i) => `${i.text.trim() || '—'}: ${statusLabel(i.status)}${i.note.trim() ? ` — ${i.note.trim()}` : ''}`)
				.join('\n');
		}
		case 'score366':
			return value.general === null && value.tasks === null
				? ''
				: `Nhóm tiêu chí chung: ${value.general === null ? '—' : formatScore(value.general)}; nhóm tiêu chí về kết quả thực hiện nhiệm vụ: ${value.tasks === null ? '—' : formatScore(value.tasks)}`;
		case 'quality':
			return value.quality ? QUALITY_LABELS[value.quality] : '';
		default:
			return '';
	}
}

const verbOf = (x: string, y: string): ChangeVerb => (x === '' ? 'đã bổ sung' : y === '' ? 'đã xóa' : 'đã sửa');

/**
 * What changed from one hand-in to the next, in the order of `codes` (the sheet's signs as it lists them),
 * then the texts, then last year's plan, then the Bản kiểm điểm's own sections in `form`'s order and the answers
 * to gợi ý kiểm điểm. An answer that changed in several parts is one change. Sections and answers are compared
 * only when both hand-ins recorded them; a question asked after the earlier one counts as unanswered there.
 */
export function changesBetween(
	before: SubmissionContent,
	after: SubmissionContent,
	codes: readonly string[],
	form: FormDefinition | null = null
): SheetChange[] {
	const changes: SheetChange[] = [];
	for (const code of codes) {
		const a = before.answers[code];
		const b = after.answers[code];
		const parts: { label: string; before: string; after: string }[] = [];
		const compare = (label: string, x: string, y: string) => {
			if (x !== y) parts.push({ label, before: x, after: y });
		};
		compare('Mức độ', levelWords(a), levelWords(b));
		compare('Biện pháp khắc phục', a?.action ?? '', b?.action ?? '');
		compare('Thời hạn', deadlineWords(a?.actionDeadline), deadlineWords(b?.actionDeadline));
		compare('Ghi chú', a?.note ?? '', b?.note ?? '');
		if (parts.length > 0) changes.push({ kind: 'answer', code, parts });
	}
	for (const field of SHEET_TEXT_FIELDS) {
		if (before.texts[field] !== after.texts[field])
			changes.push({
				kind: 'text',
				field,
				label: SHEET_TEXT_LABELS[field],
				before: before.texts[field],
				after: after.texts[field]
			});
	}
	const lines = [...new Set([...Object.keys(before.progress), ...Object.keys(after.progress)])].sort();
	for (const code of lines) {
		const x = progressWords(before.progress[code]);
		const y = progressWords(after.progress[code]);
		if (x !== y) changes.push({ kind: 'progress', code, before: x, after: y });
	}
	if (form && before.sections && after.sections)
		for (const section of form.sections.filter(storesOwnValue)) {
			const x = sectionWords(section, { ...EMPTY_SECTION, ...before.sections[section.key] });
			const y = sectionWords(section, { ...EMPTY_SECTION, ...after.sections[section.key] });
			if (x !== y)
				changes.push({
					kind: 'section',
					key: section.key,
					label: `Mục ${section.key} (${shortHeading(section.heading)})`,
					verb: verbOf(x, y),
					before: x,
					after: y
				});
		}
	if (before.questions && after.questions) {
		const earlier = new Map(before.questions.map((q) => [q.id, q.answer.trim()]));
		for (const q of after.questions) {
			const x = earlier.get(q.id) ?? '';
			const y = q.answer.trim();
			if (x !== y)
				changes.push({
					kind: 'question',
					id: q.id,
					label: `Gợi ý kiểm điểm «${shortHeading(q.text)}»`,
					verb: verbOf(x, y),
					before: x,
					after: y
				});
		}
	}
	return changes;
}
