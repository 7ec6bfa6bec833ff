// The scoring engine: a pure function of (template, group, answers), the same code on server and
// client so the score a member sees while answering is the score the secretary reviews.
import {
	CATEGORY_KEYS,
	CATEGORY_LABELS,
	LEVELS,
	RATINGS,
	RATING_LABELS,
	categoryOfParent,
	compareRatings,
	signsForGroup,
	worseRating,
	type CategoryKey,
	type ConcreteSign,
	type Level,
	type Rating,
	type TargetGroup,
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
	/** Why the rating is what it is, in Vietnamese. */
	reasons: string[];
}

/** Answers keyed by concrete sign code. */
export type Answers = Record<string, Level | undefined>;

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

function levelOf(answers: Answers, code: string): Level | undefined {
	const value = answers[code];
	return LEVELS.includes(value as Level) ? value : undefined;
}

function atLeastPhrase(level: Level): string {
	return level === 3 ? 'ở mức độ nghiêm trọng' : `ở mức độ ${LEVEL_ADJECTIVES[level]} trở lên`;
}

function ratingPhrase(rating: Rating): string {
	const worst = RATINGS[RATINGS.length - 1];
	return rating === worst ? `xếp loại «${RATING_LABELS[rating]}»` : `xếp loại không cao hơn «${RATING_LABELS[rating]}»`;
}

function bandReason(content: TemplateContent, score: number, rating: Rating): string {
	const bands = content.rules.bands;
	const index = bands.findIndex((band) => band.rating === rating);
	const shown = `Điểm ${formatScore(score)}/100`;
	const label = `«${RATING_LABELS[rating]}»`;
	if (index === -1) return `${shown}: không đạt ngưỡng nào nên xếp loại ${label}.`;
	const min = bands[index].minScore;
	if (min > 0) return `${shown}: đạt ngưỡng ${label} (từ ${formatScore(min)} điểm).`;
	const above = bands[index - 1];
	return above
		? `${shown}: ở ngưỡng ${label} (dưới ${formatScore(above.minScore)} điểm).`
		: `${shown}: ở ngưỡng ${label}.`;
}

/** Scores one sheet: points lost, the rating from bands, caps and critical signs, and the reasons. */
export function scoreSheet(content: TemplateContent, group: TargetGroup, answers: Answers): SheetScore {
	const { rules } = content;
	const signs = signsForGroup(content, group);
	const maxPenalty = Math.max(...rules.levelPenalty);
	const perCategory = new Map(CATEGORY_KEYS.map((key) => [key, { lost: 0, max: 0 }]));
	const answeredSigns: { sign: ConcreteSign; level: Level }[] = [];
	let lost = 0;
	let max = 0;

	for (const sign of signs) {
		const bucket = perCategory.get(categoryOfParent(sign.parent))!;
		bucket.max += sign.weight * maxPenalty;
		max += sign.weight * maxPenalty;
		const level = levelOf(answers, sign.code);
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
			`${subject} ${criticalCodes.join(', ')} được đánh dấu nghiêm trọng ` +
				`${atLeastPhrase(rules.critical.minLevel)} nên ${ratingPhrase(rules.critical.rating)}.`
		);
	}

	const unanswered = signs.length - answeredSigns.length;
	if (unanswered > 0) reasons.push(`Còn ${unanswered} biểu hiện chưa trả lời: kết quả tạm tính.`);

	return {
		score,
		rating,
		provisional: unanswered > 0,
		answered: answeredSigns.length,
		total: signs.length,
		subtotals: CATEGORY_KEYS.map((category) => {
			const bucket = perCategory.get(category)!;
			return { category, label: CATEGORY_LABELS[category], ...bucket, score: percentKept(bucket.lost, bucket.max) };
		}),
		flagged: answeredSigns.filter((a) => a.level >= 1).map((a) => a.sign.code),
		reasons
	};
}
