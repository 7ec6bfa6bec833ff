// What a sheet holds and when it is complete. Pure: the browser checks the same rules the server does.
import type { Answers } from './scoring';
import { formatDate } from './dates';
import {
	formFor,
	missingSections,
	questionAnchor,
	sectionAnchor,
	unansweredQuestions,
	type QuestionAnswer,
	type SectionValue
} from './sections';
import {
	mayBeNotApplicable,
	NOT_APPLICABLE,
	signsForGroup,
	TARGET_GROUP_FORMS,
	TARGET_GROUP_LABELS,
	COLLECTIVE_GROUP_FORMS,
	COLLECTIVE_GROUP_LABELS,
	isCollectiveGroup,
	type SheetGroup,
	type AnswerLevel,
	type Level,
	type TemplateContent
} from './template';

/** Where a sheet stands: being written, handed in, sent back for revision, approved (locked). */
export const SHEET_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/** What a member reports on each action of last year's plan. */
export const PROGRESS_STATUSES = ['done', 'in_progress', 'not_done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_LABELS: Record<ProgressStatus, string> = {
	done: 'Đã khắc phục',
	in_progress: 'Đang khắc phục',
	not_done: 'Chưa khắc phục'
};

export const SHEET_STATUS_LABELS = {
	not_started: 'Chưa làm',
	draft: 'Đang làm',
	submitted: 'Đã nộp',
	returned: 'Trả lại để hoàn thiện',
	approved: 'Đã duyệt'
} as const;
export type SheetStatusKey = keyof typeof SHEET_STATUS_LABELS;

/**
 * Handed in: submitted, or approved since. Only such a sheet's self-examination result is counted and shown (a
 * draft's is provisional, a returned sheet's is being redone), and only its content is read by others.
 */
export function isHandedIn(status: SheetStatusKey | null): boolean {
	return status === 'submitted' || status === 'approved';
}

/** "Nhóm B (Mẫu 2B) — Đảng viên không giữ chức vụ lãnh đạo, quản lý", as pickers and profiles name a group. */
export function targetGroupName(group: SheetGroup): string {
	if (isCollectiveGroup(group)) return `${COLLECTIVE_GROUP_LABELS[group]} (${COLLECTIVE_GROUP_FORMS[group]})`;
	return `Nhóm ${group} (${TARGET_GROUP_FORMS[group]}) — ${TARGET_GROUP_LABELS[group]}`;
}

/** Longest text accepted in each kind of field. */
export const TEXT_LIMITS = { note: 1000, action: 1000, longText: 5000, progressNote: 1000 } as const;

/** A member's answer to one concrete sign: a level, "Không áp dụng" ('na'), or none yet. */
export interface AnswerEntry {
	level: AnswerLevel | null;
	note: string;
	action: string;
	actionDeadline: string | null;
}

/** The three free-text parts of the sheet. */
export interface SheetTexts {
	strengths: string;
	shortcomings: string;
	commitment: string;
}

export const SHEET_TEXT_FIELDS = ['strengths', 'shortcomings', 'commitment'] as const;
export type SheetTextField = (typeof SHEET_TEXT_FIELDS)[number];

export const SHEET_TEXT_LABELS: Record<SheetTextField, string> = {
	strengths: 'Ưu điểm',
	shortcomings: 'Hạn chế, khuyết điểm và nguyên nhân',
	commitment: 'Cam kết tu dưỡng, rèn luyện'
};

/** Progress on one action of last year's plan. */
export interface ProgressEntry {
	status: ProgressStatus | null;
	note: string;
}

/** A line of last year's plan with this year's progress on it. */
export interface ProgressLine extends ProgressEntry {
	code: string;
	action: string;
	actionDeadline: string | null;
	level: Level;
	signText: string;
}

export const EMPTY_ANSWER: AnswerEntry = { level: null, note: '', action: '', actionDeadline: null };

/** A flagged sign (level 1 or more) needs a remediation action and a deadline. */
export function isFlagged(level: AnswerLevel | null | undefined): boolean {
	return typeof level === 'number' && level >= 1;
}

/** The levels alone, as the scoring engine takes them. */
export function levelsOf(answers: Record<string, AnswerEntry>): Answers {
	const out: Answers = {};
	for (const [code, entry] of Object.entries(answers)) if (entry.level !== null) out[code] = entry.level;
	return out;
}

/** Something that keeps a sheet from being submitted, anchored to the field a person must fix. */
export type Problem =
	| {
			kind:
				'unanswered' | 'missing_action' | 'missing_deadline' | 'past_deadline' | 'missing_na_note' | 'na_not_allowed';
			code: string;
	  }
	| { kind: 'missing_progress'; code: string }
	/** On a sheet with a Bản kiểm điểm, `section` and `heading` name the form's section the text is (A.I.1…). */
	| { kind: 'short_text'; code: SheetTextField; section?: string; heading?: string }
	/** A required section of the Bản kiểm điểm left empty; `code` is the section's key. */
	| { kind: 'missing_section'; code: string; heading: string }
	/** A gợi ý kiểm điểm left unanswered; `code` is the question's id, `section` the form's questions section (A.IV). */
	| { kind: 'unanswered_question'; code: string; section: string; question: string };

/** The shortest a free-text part may be when handed in, after trimming: about one sentence. */
export const MIN_TEXT_LENGTH = 20;

/**
 * Everything missing before the sheet can be submitted, in the order the sheet shows it. With `texts`, the three
 * free-text parts must each hold a sentence; with `sections`, the required sections of the group's Bản kiểm điểm
 * must be filled; with `today` (a day in Vietnam), remediation deadlines may not lie in the past. Only handing in
 * checks these: a sheet handed in back then keeps its old deadlines.
 */
export function sheetProblems(
	content: TemplateContent,
	group: SheetGroup,
	answers: Record<string, AnswerEntry>,
	progress: Record<string, ProgressEntry> = {},
	handIn: {
		texts?: SheetTexts;
		sections?: Record<string, SectionValue>;
		questions?: readonly QuestionAnswer[];
		today?: string;
	} = {}
): Problem[] {
	const problems: Problem[] = [];
	for (const sign of signsForGroup(content, group)) {
		const entry = answers[sign.code];
		if (!entry || entry.level === null) problems.push({ kind: 'unanswered', code: sign.code });
		else if (entry.level === NOT_APPLICABLE) {
			if (!mayBeNotApplicable(sign)) problems.push({ kind: 'na_not_allowed', code: sign.code });
			// Saying why an item does not apply is what lets the chi ủy check it.
			else if (!entry.note.trim()) problems.push({ kind: 'missing_na_note', code: sign.code });
		} else if (isFlagged(entry.level)) {
			if (!entry.action.trim()) problems.push({ kind: 'missing_action', code: sign.code });
			if (!entry.actionDeadline) problems.push({ kind: 'missing_deadline', code: sign.code });
			else if (handIn.today !== undefined && entry.actionDeadline < handIn.today)
				problems.push({ kind: 'past_deadline', code: sign.code });
		}
	}
	for (const [code, entry] of Object.entries(progress)) {
		if (!entry.status) problems.push({ kind: 'missing_progress', code });
	}
	const texts = handIn.texts;
	// On a sheet with a Bản kiểm điểm the three texts are its sections: the refusal names them as the form does.
	const form = formFor(content, group);
	if (texts)
		for (const field of SHEET_TEXT_FIELDS) {
			if (texts[field].trim().length >= MIN_TEXT_LENGTH) continue;
			const section = form?.sections.find((s) => s.field === field);
			problems.push(
				section
					? { kind: 'short_text', code: field, section: section.key, heading: shortHeading(section.heading) }
					: { kind: 'short_text', code: field }
			);
		}
	// The form's required sections and its gợi ý kiểm điểm, in the form's order.
	const missing = new Set(handIn.sections ? missingSections(content, group, handIn.sections) : []);
	for (const section of form?.sections ?? []) {
		if (missing.has(section))
			problems.push({ kind: 'missing_section', code: section.key, heading: shortHeading(section.heading) });
		else if (section.kind === 'questions' && handIn.questions)
			for (const q of unansweredQuestions(handIn.questions))
				problems.push({ kind: 'unanswered_question', code: String(q.id), section: section.key, question: q.text });
	}
	return problems;
}

/** A heading cut at a word to about 90 characters, so a list of what is missing stays readable on a phone. */
export function shortHeading(heading: string): string {
	if (heading.length <= 90) return heading;
	const cut = heading.slice(0, 90);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[,;:]$/, '')}…`;
}

/** A problem in words a member can act on. */
export function problemMessage(problem: Problem): string {
	switch (problem.kind) {
		case 'unanswered':
			return `Biểu hiện ${problem.code}: chưa chọn mức độ.`;
		case 'missing_action':
			return `Biểu hiện ${problem.code}: cần ghi biện pháp khắc phục.`;
		case 'missing_deadline':
			return `Biểu hiện ${problem.code}: cần ghi thời hạn khắc phục.`;
		case 'past_deadline':
			return `Biểu hiện ${problem.code}: thời hạn khắc phục đã qua; hãy chọn một ngày từ hôm nay trở đi.`;
		case 'missing_na_note':
			return `Biểu hiện ${problem.code}: đã chọn “Không áp dụng”, hãy ghi chú vì sao biểu hiện này không áp dụng với bạn.`;
		case 'na_not_allowed':
			return `Biểu hiện ${problem.code} là biểu hiện đặc biệt nghiêm trọng, áp dụng cho mọi đảng viên trong nhóm: hãy chọn một mức độ.`;
		case 'missing_progress':
			return `Kế hoạch năm trước, biểu hiện ${problem.code}: chưa chọn kết quả khắc phục.`;
		case 'short_text':
			return problem.section
				? `Bản kiểm điểm, mục ${problem.section} (${problem.heading}): hãy viết ít nhất một câu (từ ${MIN_TEXT_LENGTH} ký tự).`
				: `${SHEET_TEXT_LABELS[problem.code]}: hãy viết ít nhất một câu (từ ${MIN_TEXT_LENGTH} ký tự).`;
		case 'missing_section':
			return `Bản kiểm điểm, mục ${problem.code} (${problem.heading}): chưa ghi nội dung.`;
		case 'unanswered_question':
			return `Gợi ý kiểm điểm: chưa trả lời câu hỏi «${shortHeading(problem.question)}» (mục ${problem.section}).`;
	}
}

/** The element id of a concrete sign's block on the sheet page, for links and focus. */
export function signAnchor(code: string): string {
	return `sign-${code.replace('.', '-')}`;
}

/** The element id of a prior-plan item. */
export function progressAnchor(code: string): string {
	return `progress-${code.replace('.', '-')}`;
}

/** The element id of one of the three free-text parts. */
export function textAnchor(field: SheetTextField): string {
	return `text-${field}`;
}

/** The element id a problem's link points to, so each missing part is one click away. */
export function problemAnchor(problem: Problem): string {
	if (problem.kind === 'short_text') return textAnchor(problem.code);
	if (problem.kind === 'missing_section') return sectionAnchor(problem.code);
	if (problem.kind === 'unanswered_question') return questionAnchor(problem.section, Number(problem.code));
	if (problem.kind === 'missing_progress') return progressAnchor(problem.code);
	return signAnchor(problem.code);
}

/** Why a sheet cannot be handed in after the period's deadline, and whom to ask: the secretary, or for a collective's sheet the committee above. */
export function lateHandInMessage(deadline: string, group: SheetGroup): string {
	const ask = isCollectiveGroup(group) ? 'cấp ủy cấp trên' : 'bí thư chi bộ';
	return `Đã quá hạn nộp phiếu (${formatDate(deadline)}). Vui lòng liên hệ ${ask}.`;
}
