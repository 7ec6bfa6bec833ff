import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../schemas/template';
import { displayedScore, formatScore, scoreBesideRating, scoreSheet, type Answers } from './scoring';
import defaultTemplate from '../data/template-default.json' with { type: 'json' };
import {
	DEFAULT_RULES,
	PARENT_IDS,
	RATINGS,
	TARGET_GROUPS,
	ratingRank,
	signsForGroup,
	type ConcreteSign,
	type Level,
	type Rating,
	type ScoringRules,
	type TemplateContent,
	type TargetGroup
} from './template';

function loadDefaultTemplate(): TemplateContent {
	const file = new URL('../data/template-default.json', import.meta.url);
	const parsed = parseTemplate(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	return parsed.content;
}

/** A template of concrete signs with the given weights and levels; codes run over the 27 parents. */
function sheet(rows: { weight: number; level?: Level; critical?: boolean }[], rules: ScoringRules = DEFAULT_RULES) {
	const signs: ConcreteSign[] = rows.map((row, i) => ({
		code: `${PARENT_IDS[i % 27]}.${Math.floor(i / 27) + 1}`,
		parent: PARENT_IDS[i % 27],
		text: 'Biểu hiện thử',
		groups: ['A', 'B', 'C'],
		weight: row.weight,
		critical: row.critical ?? false
	}));
	const content: TemplateContent = { key: 'thu', name: 'Thử', wording: 'app_default', rules, exclusions: [], signs };
	const answers: Answers = Object.fromEntries(rows.map((row, i) => [signs[i].code, row.level]));
	return { content, answers, codes: signs.map((s) => s.code) };
}

const zeros = (n: number, weight = 1) => Array.from({ length: n }, () => ({ weight, level: 0 as Level }));

describe('scoreSheet — worked cases on the default rules', () => {
	const cases: {
		name: string;
		rows: { weight: number; level?: Level; critical?: boolean }[];
		score: number;
		rating: Rating;
	}[] = [
		{ name: 'all level 0', rows: zeros(10), score: 100, rating: 'tot' },
		{ name: 'one level 2 caps at Khá', rows: [{ weight: 1, level: 2 }, ...zeros(9)], score: 95, rating: 'kha' },
		{
			name: 'one level 3 caps at Trung bình',
			rows: [{ weight: 1, level: 3 }, ...zeros(9)],
			score: 90,
			rating: 'trung_binh'
		},
		{
			name: 'two level 3 stay Trung bình',
			rows: [{ weight: 1, level: 3 }, { weight: 1, level: 3 }, ...zeros(18)],
			score: 90,
			rating: 'trung_binh'
		},
		{
			name: 'three level 3 give Yếu kém',
			rows: [...[3, 3, 3].map((level) => ({ weight: 1, level: level as Level })), ...zeros(27)],
			score: 90,
			rating: 'yeu_kem'
		},
		{
			name: 'exactly 90 is Tốt',
			rows: [
				{ weight: 6, level: 1 },
				{ weight: 4, level: 0 }
			],
			score: 90,
			rating: 'tot'
		},
		{
			name: '89,9 is Khá',
			rows: [
				{ weight: 303, level: 1 },
				{ weight: 197, level: 0 }
			],
			score: 89.9,
			rating: 'kha'
		},
		{
			name: 'exactly 75 is Khá',
			rows: [
				{ weight: 1, level: 2 },
				{ weight: 1, level: 0 }
			],
			score: 75,
			rating: 'kha'
		},
		{
			name: '74,9 is Trung bình',
			rows: [
				{ weight: 500, level: 2 },
				{ weight: 6, level: 1 },
				{ weight: 494, level: 0 }
			],
			score: 74.9,
			rating: 'trung_binh'
		},
		{ name: 'exactly 50 is Trung bình', rows: [{ weight: 1, level: 2 }], score: 50, rating: 'trung_binh' },
		{
			name: '49,9 is Yếu kém',
			rows: [
				{ weight: 998, level: 2 },
				{ weight: 2, level: 3 }
			],
			score: 49.9,
			rating: 'yeu_kem'
		},
		{
			name: 'critical sign at level 2 is Yếu kém',
			rows: [{ weight: 1, level: 2, critical: true }, ...zeros(30)],
			score: 98.4,
			rating: 'yeu_kem'
		},
		{
			name: 'critical sign at level 1 is not',
			rows: [{ weight: 1, level: 1, critical: true }, ...zeros(30)],
			score: 99.5,
			rating: 'tot'
		}
	];
	it.each(cases)('$name → $score, $rating', ({ rows, score, rating }) => {
		const { content, answers } = sheet(rows);
		const result = scoreSheet(content, 'B', answers);
		expect(result.score).toBe(score);
		expect(result.rating).toBe(rating);
		expect(result.provisional).toBe(false);
		expect(result.reasons.length).toBeGreaterThan(0);
	});

	it('explains a perfect sheet', () => {
		const { content, answers } = sheet(zeros(5));
		expect(scoreSheet(content, 'A', answers).reasons).toEqual([
			'Điểm tự soi 100 (thang 100): đạt ngưỡng “Tốt” (từ 90 điểm).'
		]);
	});

	it('writes the score with a decimal comma', () => {
		const { content, answers } = sheet([
			{ weight: 114, level: 1 },
			{ weight: 386, level: 0 }
		]);
		expect(scoreSheet(content, 'A', answers).reasons[0]).toBe(
			'Điểm tự soi 96,2 (thang 100): đạt ngưỡng “Tốt” (từ 90 điểm).'
		);
		expect(formatScore(74.9)).toBe('74,9');
	});

	it('names the signs behind a cap', () => {
		const { content, answers, codes } = sheet([...zeros(4), { weight: 1, level: 2 }]);
		expect(scoreSheet(content, 'A', answers).reasons).toContain(
			`Có 1 biểu hiện ở mức độ rõ trở lên (${codes[4]}) nên kết quả tự soi không cao hơn “Khá”.`
		);
	});

	it('explains three serious signs and the lowest band', () => {
		const three = sheet([...[3, 3, 3].map((level) => ({ weight: 1, level: level as Level })), ...zeros(27)]);
		expect(scoreSheet(three.content, 'C', three.answers).reasons[1]).toBe(
			`Có 3 biểu hiện ở mức độ nghiêm trọng (${three.codes.slice(0, 3).join(', ')}), từ 3 biểu hiện trở lên, nên kết quả tự soi là “Yếu kém”.`
		);
		const low = sheet([
			{ weight: 998, level: 2 },
			{ weight: 2, level: 3 }
		]);
		expect(scoreSheet(low.content, 'C', low.answers).reasons[0]).toBe(
			'Điểm tự soi 49,9 (thang 100): ở ngưỡng “Yếu kém” (dưới 50 điểm).'
		);
	});

	it('explains a critical sign', () => {
		const { content, answers, codes } = sheet([{ weight: 1, level: 3, critical: true }, ...zeros(5)]);
		// The caps at Khá and Trung bình also hold, but the critical sign alone decides the rating.
		expect(scoreSheet(content, 'A', answers).reasons).toEqual([
			'Điểm tự soi 83,3 (thang 100): đạt ngưỡng “Khá” (từ 75 điểm).',
			`Biểu hiện ${codes[0]} (loại đặc biệt nghiêm trọng) được tự nhận ở mức độ rõ trở lên nên kết quả tự soi là “Yếu kém”.`
		]);
	});

	it('is provisional while signs are unanswered, counting them as no loss', () => {
		const { content, answers } = sheet([{ weight: 1, level: 1 }, { weight: 1 }, { weight: 1 }]);
		const result = scoreSheet(content, 'A', answers);
		expect(result).toMatchObject({
			provisional: true,
			answered: 1,
			total: 3,
			score: 94.4,
			flagged: [content.signs[0].code]
		});
		expect(result.reasons).toContain('Còn 2 biểu hiện chưa trả lời: kết quả tạm tính.');
	});

	it('ignores answers for signs outside the group', () => {
		const { content, answers } = sheet([{ weight: 1, level: 3 }, ...zeros(3)]);
		content.signs[0].groups = ['A'];
		const result = scoreSheet(content, 'B', answers);
		expect(result).toMatchObject({ score: 100, rating: 'tot', total: 3, answered: 3, flagged: [], provisional: false });
	});

	it('gives subtotals per category', () => {
		const { content, answers } = sheet([{ weight: 2, level: 1 }, ...zeros(8), { weight: 1, level: 3 }]);
		const [tt, dd, db] = scoreSheet(content, 'A', answers).subtotals;
		expect(tt).toMatchObject({
			category: 'tu_tuong_chinh_tri',
			label: 'Suy thoái về tư tưởng chính trị',
			lost: 2,
			max: 60,
			score: 96.7
		});
		expect(dd).toMatchObject({ category: 'dao_duc_loi_song', lost: 6, max: 6, score: 0 });
		expect(db).toMatchObject({ lost: 0, max: 0, score: 100 });
	});
});

const levelOrNone = fc.option(fc.constantFrom<Level>(0, 1, 2, 3), { nil: undefined });

/** Scores a sheet, then the same sheet with one answer made worse, and checks nothing improved. */
function checkWorseningNeverHelps(
	content: TemplateContent,
	group: TargetGroup,
	levels: (Level | undefined)[],
	pick: number,
	bump: number
) {
	const signs = signsForGroup(content, group);
	const answers: Answers = Object.fromEntries(signs.map((s, i) => [s.code, levels[i % levels.length]]));
	const code = signs[pick % signs.length].code;
	const current = answers[code] as Level | undefined;
	const from = current ?? 0;
	if (from === 3 && current !== undefined) return;
	const worse = { ...answers, [code]: Math.min(3, from + 1 + (bump % (3 - from))) as Level };
	const before = scoreSheet(content, group, answers);
	const after = scoreSheet(content, group, worse);
	expect(after.score).toBeLessThanOrEqual(before.score);
	expect(ratingRank(after.rating)).toBeGreaterThanOrEqual(ratingRank(before.rating));
	for (const result of [before, after]) {
		expect(result.score).toBeGreaterThanOrEqual(0);
		expect(result.score).toBeLessThanOrEqual(100);
		expect(result.reasons.length).toBeGreaterThan(0);
		expect(result.provisional).toBe(result.answered < result.total);
	}
}

describe('scoreSheet — properties on the default template', () => {
	for (const group of TARGET_GROUPS) {
		it(`group ${group}: worsening one answer never raises the score or improves the rating`, () => {
			const content = loadDefaultTemplate();
			fc.assert(
				fc.property(fc.array(levelOrNone, { minLength: 1, maxLength: 70 }), fc.nat(), fc.nat(), (levels, pick, bump) =>
					checkWorseningNeverHelps(content, group, levels, pick, bump)
				),
				{ numRuns: 300 }
			);
		});
	}
});

const anyRules: fc.Arbitrary<ScoringRules> = fc
	.record({
		steps: fc.tuple(fc.nat(5), fc.nat(5), fc.integer({ min: 1, max: 5 })),
		ratings: fc.subarray([...RATINGS], { minLength: 1 }),
		thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
		caps: fc.array(
			fc.record({
				minLevel: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
				minCount: fc.integer({ min: 1, max: 4 }),
				maxRating: fc.constantFrom(...RATINGS)
			}),
			{ maxLength: 4 }
		),
		critical: fc.record({ minLevel: fc.constantFrom<1 | 2 | 3>(1, 2, 3), rating: fc.constantFrom(...RATINGS) })
	})
	.map(({ steps: [a, b, c], ratings, thresholds, caps, critical }) => {
		const mins = [...thresholds.sort((x, y) => y - x).slice(0, ratings.length - 1), 0];
		return {
			levelPenalty: [0, a, a + b, a + b + c] as [number, number, number, number],
			bands: ratings.map((rating, i) => ({ rating, minScore: mins[i] })),
			caps,
			critical
		};
	});

describe('scoreSheet — properties for any valid rules a province might set', () => {
	it('worsening one answer never raises the score or improves the rating', () => {
		fc.assert(
			fc.property(
				anyRules,
				fc.array(fc.record({ weight: fc.integer({ min: 1, max: 9 }), critical: fc.boolean() }), {
					minLength: 1,
					maxLength: 30
				}),
				fc.array(levelOrNone, { minLength: 1, maxLength: 30 }),
				fc.nat(),
				fc.nat(),
				(rules, rows, levels, pick, bump) =>
					checkWorseningNeverHelps(sheet(rows, rules).content, 'A', levels, pick, bump)
			),
			{ numRuns: 500 }
		);
	});
});

describe('the score shown beside a rating', () => {
	const content = defaultTemplate as unknown as TemplateContent;

	it('is the score where its band gave the rating, on both sides of each band edge', () => {
		expect(scoreBesideRating(content, 90, 'tot')).toBe(90);
		expect(scoreBesideRating(content, 89.9, 'kha')).toBe(89.9);
		expect(scoreBesideRating(content, 75, 'kha')).toBe(75);
		expect(scoreBesideRating(content, 50, 'trung_binh')).toBe(50);
		expect(scoreBesideRating(content, 0, 'yeu_kem')).toBe(0);
		expect(displayedScore(content, 97.8, 'tot')).toBe(formatScore(97.8));
	});

	it('is nothing where a cap or a critical sign set a lower rating than the score would', () => {
		expect(scoreBesideRating(content, 97.8, 'yeu_kem')).toBeNull();
		expect(scoreBesideRating(content, 90, 'kha')).toBeNull();
		expect(displayedScore(content, 97.8, 'yeu_kem')).toBeNull();
	});

	it('is nothing without a score or a rating', () => {
		expect(scoreBesideRating(content, null, 'tot')).toBeNull();
		expect(scoreBesideRating(content, 95, null)).toBeNull();
		expect(displayedScore(content, null, null)).toBeNull();
	});
});
