import { describe, expect, it } from 'vitest';
import {
	EMPTY_ANSWER,
	isFlagged,
	levelsOf,
	PROGRESS_LABELS,
	problemAnchor,
	problemMessage,
	progressAnchor,
	SHEET_TEXT_LABELS,
	sheetProblems,
	signAnchor,
	type AnswerEntry,
	type Problem,
	isHandedIn,
	lateHandInMessage,
	shortHeading,
	targetGroupName
} from './sheet';
import { DEFAULT_RULES, signsForGroup, type ConcreteSign, type TemplateContent } from './template';
import { parseTemplate } from '../schemas/template';
import defaultTemplateJson from '../data/template-default.json' with { type: 'json' };

function defaultTemplateContent(): TemplateContent {
	const parsed = parseTemplate(defaultTemplateJson);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.content;
}

const sign = (code: string, groups: ConcreteSign['groups']): ConcreteSign => ({
	code,
	parent: code.split('.')[0] as ConcreteSign['parent'],
	text: `Biểu hiện ${code}`,
	groups,
	weight: 1,
	critical: false
});

// Deliberately not in code order, so "the order the sheet shows" cannot be confused with sorting.
const content: TemplateContent = {
	key: 'thu',
	name: 'Bộ thử',
	wording: 'app_default',
	rules: DEFAULT_RULES,
	exclusions: [],
	signs: [sign('DB2.1', ['A', 'B']), sign('TT1.1', ['B']), sign('DD4.1', ['A', 'B', 'C']), sign('TT9.1', ['A'])]
};

const answer = (over: Partial<AnswerEntry>): AnswerEntry => ({ ...EMPTY_ANSWER, ...over });
const ok = (level: 0 | 1 | 2 | 3): AnswerEntry =>
	level === 0 ? answer({ level }) : answer({ level, action: 'Sửa ngay', actionDeadline: '2026-06-30' });

describe('sheetProblems', () => {
	it('lists every sign of the group that has no level, missing entries and null levels alike', () => {
		const problems = sheetProblems(content, 'B', { 'DD4.1': answer({ level: null, note: 'chưa nghĩ ra' }) });
		expect(problems).toEqual([
			{ kind: 'unanswered', code: 'DB2.1' },
			{ kind: 'unanswered', code: 'TT1.1' },
			{ kind: 'unanswered', code: 'DD4.1' }
		]);
	});

	it('ignores signs of other groups, answered or not', () => {
		const answers = { 'DB2.1': ok(0), 'TT1.1': ok(0), 'DD4.1': ok(0) };
		expect(sheetProblems(content, 'B', answers)).toEqual([]);
		expect(sheetProblems(content, 'A', answers)).toEqual([{ kind: 'unanswered', code: 'TT9.1' }]);
	});

	it('asks a flagged sign for an action and a deadline, in that order', () => {
		const problems = sheetProblems(content, 'B', { 'DB2.1': answer({ level: 2 }), 'TT1.1': ok(0), 'DD4.1': ok(0) });
		expect(problems).toEqual([
			{ kind: 'missing_action', code: 'DB2.1' },
			{ kind: 'missing_deadline', code: 'DB2.1' }
		]);
	});

	it('counts an action of only spaces as missing', () => {
		const answers = {
			'DB2.1': answer({ level: 1, action: ' \n\t ', actionDeadline: '2026-06-30' }),
			'TT1.1': ok(0),
			'DD4.1': ok(0)
		};
		expect(sheetProblems(content, 'B', answers)).toEqual([{ kind: 'missing_action', code: 'DB2.1' }]);
	});

	it('wants a deadline even when the action is written', () => {
		const answers = { 'DB2.1': ok(0), 'TT1.1': answer({ level: 3, action: 'Sửa' }), 'DD4.1': ok(0) };
		expect(sheetProblems(content, 'B', answers)).toEqual([{ kind: 'missing_deadline', code: 'TT1.1' }]);
	});

	it('does not ask level 0 for an action or a deadline', () => {
		expect(sheetProblems(content, 'B', { 'DB2.1': ok(0), 'TT1.1': ok(0), 'DD4.1': ok(0) })).toEqual([]);
	});

	it("reports each line of last year's plan without a status, after the signs", () => {
		const problems = sheetProblems(
			content,
			'B',
			{ 'DB2.1': ok(0), 'DD4.1': ok(0) },
			{
				'DD9.1': { status: null, note: 'đang làm' },
				'TT4.1': { status: 'done', note: '' },
				'TT2.1': { status: null, note: '' }
			}
		);
		expect(problems).toEqual([
			{ kind: 'unanswered', code: 'TT1.1' },
			{ kind: 'missing_progress', code: 'DD9.1' },
			{ kind: 'missing_progress', code: 'TT2.1' }
		]);
	});

	it('finds nothing on a complete sheet of the default template, flagged signs included', () => {
		const real = defaultTemplateContent();
		const signs = signsForGroup(real, 'B');
		const answers: Record<string, AnswerEntry> = Object.fromEntries(
			signs.map((s, i) => [s.code, ok(i % 5 === 0 ? 2 : 0)])
		);
		expect(sheetProblems(real, 'B', answers, { [signs[0].code]: { status: 'in_progress', note: '' } })).toEqual([]);
	});

	it('follows the template order on the default template, whatever order the answers come in', () => {
		const real = defaultTemplateContent();
		const codes = signsForGroup(real, 'C').map((s) => s.code);
		const reversed: Record<string, AnswerEntry> = Object.fromEntries(
			[...codes].reverse().map((code, i) => [code, i % 2 === 0 ? answer({ level: 1 }) : answer({ level: null })])
		);
		const problems = sheetProblems(real, 'C', reversed);
		const order = [...new Set(problems.map((p) => p.code))];
		expect(order).toEqual(codes);
	});
});

describe('isFlagged', () => {
	it('flags levels 1 to 3 only', () => {
		expect([null, undefined, 0, 1, 2, 3].map((l) => isFlagged(l as 0 | null | undefined))).toEqual([
			false,
			false,
			false,
			true,
			true,
			true
		]);
	});
});

describe('levelsOf', () => {
	it('keeps the levels, level 0 included, and drops unanswered signs', () => {
		expect(
			levelsOf({ 'TT1.1': ok(0), 'TT1.2': ok(3), 'DD1.1': answer({ level: null, note: 'x' }), 'DB1.1': ok(1) })
		).toEqual({
			'TT1.1': 0,
			'TT1.2': 3,
			'DB1.1': 1
		});
	});

	it('gives an empty set for an empty sheet', () => {
		expect(levelsOf({})).toEqual({});
	});
});

describe('problemMessage', () => {
	const kinds: Problem['kind'][] = ['unanswered', 'missing_action', 'missing_deadline', 'missing_progress'];
	// Letters only Vietnamese uses; an English or empty message would have none.
	const vietnamese = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

	it.each(kinds)('words %s in Vietnamese and names the sign', (kind) => {
		const message = problemMessage({ kind, code: 'DD7.4' } as Problem);
		expect(message).toMatch(vietnamese);
		expect(message).toContain('DD7.4');
		expect(message).not.toMatch(/undefined|null|missing|unanswered/i);
	});

	it('says what to do for each kind, with a different message for each', () => {
		const messages = kinds.map((kind) => problemMessage({ kind, code: 'TT1.1' } as Problem));
		expect(messages[0]).toContain('mức độ');
		expect(messages[1]).toContain('biện pháp khắc phục');
		expect(messages[2]).toContain('thời hạn');
		expect(messages[3]).toContain('Kế hoạch năm trước');
		expect(new Set(messages).size).toBe(kinds.length);
	});
});

describe('how a sheet is named and rated in lists', () => {
	it('counts a sheet as handed in when submitted or approved, never a draft or a returned one', () => {
		expect(isHandedIn('not_started')).toBe(false);
		expect(isHandedIn('draft')).toBe(false);
		expect(isHandedIn('submitted')).toBe(true);
		expect(isHandedIn('returned')).toBe(false);
		expect(isHandedIn('approved')).toBe(true);
		expect(isHandedIn(null)).toBe(false);
	});

	it('says whom to ask after the deadline: the secretary, or for a collective the committee above', () => {
		expect(lateHandInMessage('2026-03-31', 'A')).toBe(
			'Đã quá hạn nộp phiếu (31/03/2026). Vui lòng liên hệ bí thư chi bộ.'
		);
		expect(lateHandInMessage('2026-03-31', 'CB')).toBe(
			'Đã quá hạn nộp phiếu (31/03/2026). Vui lòng liên hệ cấp ủy cấp trên.'
		);
	});

	it('names a target group with its form and description', () => {
		expect(targetGroupName('B')).toBe('Nhóm B (Mẫu 2B) — Đảng viên không giữ chức vụ lãnh đạo, quản lý');
		expect(targetGroupName('C')).toBe('Nhóm C (Mẫu 2C) — Đảng viên không làm việc trong hệ thống chính trị');
	});
});

describe('the words and anchors a sheet page uses', () => {
	it("names each result of last year's plan and each free-text part in Vietnamese", () => {
		expect(PROGRESS_LABELS).toEqual({
			done: 'Đã khắc phục',
			in_progress: 'Đang khắc phục',
			not_done: 'Chưa khắc phục'
		});
		expect(SHEET_TEXT_LABELS).toEqual({
			strengths: 'Ưu điểm',
			shortcomings: 'Hạn chế, khuyết điểm và nguyên nhân',
			commitment: 'Cam kết tu dưỡng, rèn luyện'
		});
	});

	it('starts an answer empty', () => {
		expect(EMPTY_ANSWER).toEqual({ level: null, note: '', action: '', actionDeadline: null });
	});

	it('gives each sign and plan line an element id without the dot', () => {
		expect(signAnchor('TT1.1')).toBe('sign-TT1-1');
		expect(progressAnchor('DB3.2')).toBe('progress-DB3-2');
	});
});

describe('handing in: texts and deadlines', () => {
	const texts = {
		strengths: 'Hoàn thành tốt nhiệm vụ được giao.',
		shortcomings: 'Có lúc chưa chủ động nghiên cứu.',
		commitment: 'Tiếp tục tu dưỡng, rèn luyện.'
	};
	const all = { 'DB2.1': answer({ level: 0 }), 'TT1.1': answer({ level: 0 }), 'DD4.1': answer({ level: 0 }) };

	it('names each text part shorter than a sentence (20 characters after trimming), linked to its field', () => {
		const problems = sheetProblems(
			content,
			'B',
			all,
			{},
			{ texts: { ...texts, strengths: ` ${'x'.repeat(19)} `, commitment: '' } }
		);
		expect(problems).toEqual([
			{ kind: 'short_text', code: 'strengths' },
			{ kind: 'short_text', code: 'commitment' }
		]);
		expect(problems.map(problemAnchor)).toEqual(['text-strengths', 'text-commitment']);
		expect(problemMessage(problems[0])).toBe('Ưu điểm: hãy viết ít nhất một câu (từ 20 ký tự).');
		expect(sheetProblems(content, 'B', all, {}, { texts })).toEqual([]);
	});

	it('refuses a remediation deadline before today and accepts today', () => {
		const flagged = (actionDeadline: string) => ({
			...all,
			'TT1.1': answer({ level: 1, action: 'Sửa ngay', actionDeadline })
		});
		expect(sheetProblems(content, 'B', flagged('2019-01-01'), {}, { today: '2026-03-10' })).toEqual([
			{ kind: 'past_deadline', code: 'TT1.1' }
		]);
		expect(sheetProblems(content, 'B', flagged('2026-03-10'), {}, { today: '2026-03-10' })).toEqual([]);
		// Without a hand-in day (an old sheet shown again), old deadlines stand.
		expect(sheetProblems(content, 'B', flagged('2019-01-01'))).toEqual([]);
		expect(problemAnchor({ kind: 'past_deadline', code: 'TT1.1' })).toBe('sign-TT1-1');
		expect(problemMessage({ kind: 'past_deadline', code: 'TT1.1' })).toMatch(/từ hôm nay/);
	});
});

describe('a heading shortened for the list of what is missing', () => {
	it('keeps a heading of up to 90 characters whole', () => {
		const ninety = 'Việc thực hiện nhiệm vụ '.repeat(4).slice(0, 90);
		expect(shortHeading(ninety)).toBe(ninety);
		expect(shortHeading('VI. Phương hướng, biện pháp')).toBe('VI. Phương hướng, biện pháp');
	});

	it('cuts a longer one at a word, without a dangling comma, and marks the cut', () => {
		const heading =
			'1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội bộ; ý thức tổ chức kỷ luật, trách nhiệm nêu gương';
		const short = shortHeading(heading);
		expect(short.endsWith('…')).toBe(true);
		expect(short.length).toBeLessThanOrEqual(91);
		const kept = short.slice(0, -1);
		expect(heading.startsWith(kept)).toBe(true);
		expect(heading[kept.length]).toMatch(/[ ,;:]/);
		expect(kept).not.toMatch(/[,;:]$/);
	});

	it('cuts at the 40th character, mid-word, when the first 90 have no space after it', () => {
		const word = 'x'.repeat(120);
		expect(shortHeading(word)).toBe(`${'x'.repeat(40)}…`);
	});
});
