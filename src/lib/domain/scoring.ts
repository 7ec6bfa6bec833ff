// The scoring engine: a pure function of (template, group, answers), the same code on server and
// client so the score a member sees while answering is the score the secretary reviews.
import {
	CATEGORY_KEYS,
	CATEGORY_LABELS,
	LEVELS,
	NOT_APPLICABLE,
	RATINGS,
	RATING_LABELS,
	categoryOfParent,
	compareRatings,
	signsForGroup,
	worseRating,
	type CategoryKey,
	type AnswerLevel,
	type ConcreteSign,
	type Level,
	type Rating,
	type SheetGroup,
	type TemplateContent
} from './template';

/** Points lost and the resulting score within one category. */
export interface CategorySubtotal {
	category: CategoryKey;
	label: string;
	lost: number;
	max: number;
	score: number;
}

/** The computed result of one sheet. */
export interface SheetScore {
	/** 0–100, rounded to one decimal. */
	score: number;
	rating: Rating;
	/** True while some applicable sign is unanswered. */
	provisional: boolean;
	answered: number;
	total: number;
	subtotals: CategorySubtotal[];
	/** Codes answered at level 1 or above, in template order. */
	flagged: string[];
	/** Codes answered "Không áp dụng": answered, but out of the maximum. */
	notApplicable: string[];
	/** How many answers at each level, for "what decides the rating". */
	levelCounts: Record<Level, number>;
	/** What set the rating: the score's band, a cap on answers at some level, or a critical sign. */
	decidedBy: 'band' | 'cap' | 'critical';
	/** Why the rating is what it is, in Vietnamese. */
	reasons: string[];
}

/** Answers keyed by concrete sign code. */
export type Answers = Record<string, AnswerLevel | undefined>;

const LEVEL_ADJECTIVES: Record<Level, string> = { 0: 'không có', 1: 'nhẹ', 2: 'rõ', 3: 'nghiêm trọng' };

/** A score in Vietnamese notation: decimal comma, no trailing ",0". */
export function formatScore(score: number): string {
	return Number.isInteger(score) ? String(score) : score.toFixed(1).replace('.', ',');
}

/** Rounds to one decimal on integers so scores on a threshold land exactly on it. */
function percentKept(lost: number, max: number): number {
	if (max <= 0) return 100;
	return Math.round(((max - lost) * 1000) / max) / 10;
}

function levelOf(answers: Answers, code: string): AnswerLevel | undefined {
	const value = answers[code];
	return value === NOT_APPLICABLE || LEVELS.includes(value as Level) ? value : undefined;
}

function atLeastPhrase(level: Level): string {
	return level === 3 ? 'ở mức độ nghiêm trọng' : `ở mức độ ${LEVEL_ADJECTIVES[level]} trở lên`;
}

function ratingPhrase(rating: Rating): string {
	const worst = RATINGS[RATINGS.length - 1];
	return rating === worst
		? `kết quả tự soi là “${RATING_LABELS[rating]}”`
		: `kết quả tự soi không cao hơn “${RATING_LABELS[rating]}”`;
}

function bandReason(content: TemplateContent, score: number, rating: Rating): string {
	const bands = content.rules.bands;
	const index = bands.findIndex((band) => band.rating === rating);
	const shown = `Điểm tự soi ${formatScore(score)} (thang 100)`;
	const label = `“${RATING_LABELS[rating]}”`;
	if (index === -1) return `${shown}: không đạt ngưỡng nào nên kết quả là ${label}.`;
	const min = bands[index].minScore;
	if (min > 0) return `${shown}: đạt ngưỡng ${label} (từ ${formatScore(min)} điểm).`;
	const above = bands[index - 1];
	return above
		? `${shown}: ở ngưỡng ${label} (dưới ${formatScore(above.minScore)} điểm).`
		: `${shown}: ở ngưỡng ${label}.`;
}

/** Scores one sheet: points lost, the rating from bands, caps and critical signs, and the reasons. */
export function scoreSheet(content: TemplateContent, group: SheetGroup, answers: Answers): SheetScore {
	const { rules } = content;
	const signs = signsForGroup(content, group);
	const maxPenalty = Math.max(...rules.levelPenalty);
	const perCategory = new Map(CATEGORY_KEYS.map((key) => [key, { lost: 0, max: 0 }]));
	const answeredSigns: { sign: ConcreteSign; level: Level }[] = [];
	const notApplicable: string[] = [];
	let lost = 0;
	let max = 0;

	for (const sign of signs) {
		const level = levelOf(answers, sign.code);
		// "Không áp dụng" is an answer, but the item cannot count against a maximum it does not belong to.
		if (level === NOT_APPLICABLE) {
			notApplicable.push(sign.code);
			continue;
		}
		const bucket = perCategory.get(categoryOfParent(sign.parent))!;
		bucket.max += sign.weight * maxPenalty;
		max += sign.weight * maxPenalty;
		if (level === undefined) continue;
		answeredSigns.push({ sign, level });
		bucket.lost += sign.weight * rules.levelPenalty[level];
		lost += sign.weight * rules.levelPenalty[level];
	}

	const score = percentKept(lost, max);
	const band = rules.bands.find((b) => b.minScore <= score);
	const bandRating: Rating = band ? band.rating : RATINGS[RATINGS.length - 1];
	const reasons = [bandReason(content, score, bandRating)];
	const codesAtLeast = (level: Level, onlyCritical = false) =>
		answeredSigns.filter((a) => a.level >= level && (!onlyCritical || a.sign.critical)).map((a) => a.sign.code);

	const holding = rules.caps.filter((cap) => codesAtLeast(cap.minLevel).length >= cap.minCount);
	const capped = holding.reduce((r, cap) => worseRating(r, cap.maxRating), bandRating);
	// "Sets the rating" is applied as "at most" so a province's milder critical rating can never
	// lift a sheet the bands already rated lower — that would break monotonicity.
	const criticalCodes = codesAtLeast(rules.critical.minLevel, true);
	const rating = criticalCodes.length > 0 ? worseRating(capped, rules.critical.rating) : capped;

	// Every holding cap applies, but only those that decide the final rating are worth a reason.
	if (compareRatings(rating, bandRating) > 0) {
		for (const cap of holding.filter((c) => c.maxRating === rating)) {
			const codes = codesAtLeast(cap.minLevel);
			const threshold = cap.minCount > 1 ? `, từ ${cap.minCount} biểu hiện trở lên,` : '';
			reasons.push(
				`Có ${codes.length} biểu hiện ${atLeastPhrase(cap.minLevel)} (${codes.join(', ')})${threshold} ` +
					`nên ${ratingPhrase(cap.maxRating)}.`
			);
		}
	}
	if (criticalCodes.length > 0) {
		const subject = criticalCodes.length === 1 ? 'Biểu hiện' : 'Các biểu hiện';
		reasons.push(
			`${subject} ${criticalCodes.join(', ')} (loại đặc biệt nghiêm trọng) được tự nhận ` +
				`${atLeastPhrase(rules.critical.minLevel)} nên ${ratingPhrase(rules.critical.rating)}.`
		);
	}
	if (notApplicable.length > 0)
		reasons.push(
			`${notApplicable.length} biểu hiện không áp dụng (${notApplicable.join(', ')}): không tính vào điểm tối đa.`
		);

	const unanswered = signs.length - answeredSigns.length - notApplicable.length;
	if (unanswered > 0) reasons.push(`Còn ${unanswered} biểu hiện chưa trả lời: kết quả tạm tính.`);

	const levelCounts = Object.fromEntries(
		LEVELS.map((l) => [l, answeredSigns.filter((a) => a.level === l).length])
	) as Record<Level, number>;
	const decidedBy =
		compareRatings(rating, capped) > 0 ? 'critical' : compareRatings(capped, bandRating) > 0 ? 'cap' : 'band';

	return {
		score,
		rating,
		provisional: unanswered > 0,
		answered: answeredSigns.length + notApplicable.length,
		total: signs.length,
		subtotals: CATEGORY_KEYS.map((category) => {
			const bucket = perCategory.get(category)!;
			return { category, label: CATEGORY_LABELS[category], ...bucket, score: percentKept(bucket.lost, bucket.max) };
		}),
		flagged: answeredSigns.filter((a) => a.level >= 1).map((a) => a.sign.code),
		notApplicable,
		levelCounts,
		decidedBy,
		reasons
	};
}

/**
 * The score as a reader may be shown it beside a rating, or null when the rating was not set by the score: a
 * "97,8" next to "Yếu kém" reads as a contradiction, so where a cap or a critical sign decides, the reasons
 * say why and no number is shown. Works from stored values (lists) as well as from a fresh result.
 */
export function displayedScore(content: TemplateContent, score: number | null, rating: Rating | null): string | null {
	const shown = scoreBesideRating(content, score, rating);
	return shown === null ? null : formatScore(shown);
}

/** The score as a number where `displayedScore` shows it (a spreadsheet's cell), else null. */
export function scoreBesideRating(
	content: TemplateContent,
	score: number | null,
	rating: Rating | null
): number | null {
	if (score === null || rating === null) return null;
	const band = content.rules.bands.find((b) => b.minScore <= score);
	const bandRating: Rating = band ? band.rating : RATINGS[RATINGS.length - 1];
	return bandRating === rating ? score : null;
}

/** Said under a list whose score column is blank where the signs, not the score, decided the result. */
export const SCORE_BLANK_NOTE =
	'Điểm để trống khi kết quả tự soi do mức độ của biểu hiện quyết định (có biểu hiện ở mức nghiêm trọng hoặc biểu hiện đặc biệt nghiêm trọng), không do điểm.';

/** "Nhẹ 2 · Rõ 1 · Nghiêm trọng 0": the count of answers at each level above none, which is what caps decide on. */
export function levelCountsLine(counts: Record<Level, number>): string {
	return ([1, 2, 3] as const).map((l) => `mức ${LEVEL_ADJECTIVES[l]}: ${counts[l]}`).join('; ');
}
