// "Không áp dụng" and the self-examination result that never contradicts its score.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import template from '../data/template-default.json' with { type: 'json' };
import { displayedScore, scoreSheet, type Answers } from './scoring';
import { sheetProblems, problemMessage, type AnswerEntry } from './sheet';
import {
	ANSWER_LEVELS,
	NOT_APPLICABLE,
	answerLabel,
	mayBeNotApplicable,
	ratingRank,
	signsForGroup,
	type AnswerLevel,
	type TemplateContent
} from './template';

const content = template as unknown as TemplateContent;
const signsB = signsForGroup(content, 'B');
const allNone = (): Answers => Object.fromEntries(signsB.map((s) => [s.code, 0]));
const firstOrdinary = signsB.find((s) => !s.critical)!;
const firstCritical = signsB.find((s) => s.critical)!;

describe('"Không áp dụng"', () => {
	it('is offered after the four levels with its own label', () => {
		expect(ANSWER_LEVELS).toEqual([0, 1, 2, 3, 'na']);
		expect(answerLabel(NOT_APPLICABLE)).toBe('Không áp dụng');
		expect(answerLabel(2)).toBe('Có biểu hiện ở mức độ rõ');
	});

	it('counts as answered, is recorded, and leaves the maximum', () => {
		const answers = { ...allNone(), [firstOrdinary.code]: NOT_APPLICABLE, [signsB[5].code]: 1 } as Answers;
		const withNa = scoreSheet(content, 'B', answers);
		const withZero = scoreSheet(content, 'B', { ...answers, [firstOrdinary.code]: 0 });
		expect(withNa.provisional).toBe(false);
		expect(withNa.answered).toBe(signsB.length);
		expect(withNa.notApplicable).toEqual([firstOrdinary.code]);
		const maxOf = (r: typeof withNa) => r.subtotals.reduce((sum, c) => sum + c.max, 0);
		expect(maxOf(withZero) - maxOf(withNa)).toBe(firstOrdinary.weight * 6);
		// Same points lost out of a smaller maximum: the score is lower, never higher, than answering "none".
		expect(withNa.score).toBeLessThanOrEqual(withZero.score);
		expect(withNa.reasons).toContain(`1 biểu hiện không áp dụng (${firstOrdinary.code}): không tính vào điểm tối đa.`);
	});

	it('is refused on a sign marked especially serious and needs a note saying why elsewhere', () => {
		expect(mayBeNotApplicable(firstCritical)).toBe(false);
		const entry = (level: AnswerLevel, note = ''): AnswerEntry => ({ level, note, action: '', actionDeadline: null });
		const answers: Record<string, AnswerEntry> = Object.fromEntries(signsB.map((s) => [s.code, entry(0)]));
		answers[firstCritical.code] = entry(NOT_APPLICABLE, 'Không thuộc diện');
		answers[firstOrdinary.code] = entry(NOT_APPLICABLE);
		const problems = sheetProblems(content, 'B', answers);
		expect(problems).toEqual([
			...[firstOrdinary, firstCritical]
				.sort((a, b) => signsB.indexOf(a) - signsB.indexOf(b))
				.map((s) => ({ kind: s.critical ? 'na_not_allowed' : 'missing_na_note', code: s.code }))
		]);
		expect(problemMessage({ kind: 'missing_na_note', code: 'TT1.1' })).toContain('vì sao');
		answers[firstOrdinary.code] = entry(NOT_APPLICABLE, 'Đã nghỉ hưu, không còn làm việc này.');
		answers[firstCritical.code] = entry(0);
		expect(sheetProblems(content, 'B', answers)).toEqual([]);
	});
});

describe('a score never contradicts its rating', () => {
	it('shows no score where a critical sign decides, and says what decided', () => {
		const result = scoreSheet(content, 'B', { ...allNone(), [firstCritical.code]: 2 });
		expect(result.score).toBeGreaterThan(90);
		expect(result.rating).toBe('yeu_kem');
		expect(result.decidedBy).toBe('critical');
		expect(displayedScore(content, result.score, result.rating)).toBeNull();
		expect(result.levelCounts).toMatchObject({ 1: 0, 2: 1, 3: 0 });
	});

	it('shows the score where the band decides', () => {
		const result = scoreSheet(content, 'B', { ...allNone(), [firstOrdinary.code]: 1 });
		expect(result.decidedBy).toBe('band');
		expect(displayedScore(content, result.score, result.rating)).toBe(String(result.score).replace('.', ','));
	});

	it('for any answers, a shown score lies in the band of the rating shown beside it', () => {
		const level = fc.constantFrom<AnswerLevel>(...ANSWER_LEVELS);
		fc.assert(
			fc.property(fc.array(level, { minLength: signsB.length, maxLength: signsB.length }), (levels) => {
				const answers = Object.fromEntries(signsB.map((s, i) => [s.code, levels[i]])) as Answers;
				const result = scoreSheet(content, 'B', answers);
				const shown = displayedScore(content, result.score, result.rating);
				const band = content.rules.bands.find((b) => b.minScore <= result.score)!;
				expect(shown !== null).toBe(band.rating === result.rating);
				expect(result.decidedBy === 'band').toBe(band.rating === result.rating);
				if (result.decidedBy !== 'band') expect(ratingRank(result.rating)).toBeGreaterThan(ratingRank(band.rating));
			})
		);
	});
});
