// What a sheet contained when it was handed in, and what changed between two hand-ins, so the chi ủy reads
// only what the member changed after a return. Pure, so the comparison is tested without a database.
import { answerLabel, type Rating } from './template';
import {
	PROGRESS_LABELS,
	SHEET_TEXT_FIELDS,
	SHEET_TEXT_LABELS,
	type AnswerEntry,
	type ProgressStatus,
	type SheetTextField,
	type SheetTexts
} from './sheet';
import { formatDate } from './dates';

/** A sheet's content at one hand-in. */
export interface SubmissionContent {
	answers: Record<string, AnswerEntry>;
	texts: SheetTexts;
	progress: Record<string, { status: ProgressStatus | null; note: string }>;
	score: number | null;
	rating: Rating | null;
}

/** One change between two hand-ins, with what it said before and what it says now, in words. */
export type SheetChange =
	| { kind: 'answer'; code: string; parts: { label: string; before: string; after: string }[] }
	| { kind: 'text'; field: SheetTextField; label: string; before: string; after: string }
	| { kind: 'progress'; code: string; before: string; after: string };

const levelWords = (a: AnswerEntry | undefined) =>
	a && a.level !== null && a.level !== undefined ? answerLabel(a.level) : 'Chưa trả lời';
const deadlineWords = (d: string | null | undefined) => (d ? formatDate(d) : '—');
const progressWords = (p: { status: ProgressStatus | null; note: string } | undefined) =>
	`${p?.status ? PROGRESS_LABELS[p.status] : 'Chưa báo cáo'}${p?.note ? ` — ${p.note}` : ''}`;

/**
 * What changed from one hand-in to the next, in the order of `codes` (the sheet's signs as it lists them),
 * then the texts, then last year's plan. An answer that changed in several parts is one change.
 */
export function changesBetween(
	before: SubmissionContent,
	after: SubmissionContent,
	codes: readonly string[]
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
	return changes;
}
