// Questionnaire template types and the vocabulary shared by scoring, schemas and UI.
// Pure: runs on server and client alike.
import signs27 from '../data/signs27.json' with { type: 'json' };

/** Target groups, matching Mẫu 2A / 2B / 2C of Hướng dẫn 43-HD/BTCTW. */
export const TARGET_GROUPS = ['A', 'B', 'C'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/**
 * Collective target groups: the collective of a chi bộ (tập thể chi bộ, whose sheet its secretary fills) and the
 * collective of a party committee (tập thể cấp ủy of a đảng bộ). Their sheets belong to a unit, not to a member.
 */
export const COLLECTIVE_GROUPS = ['CB', 'CU'] as const;
export type CollectiveGroup = (typeof COLLECTIVE_GROUPS)[number];

/** Every group a sheet can be of: a member's (A/B/C) or a collective's. */
export const SHEET_GROUPS = [...TARGET_GROUPS, ...COLLECTIVE_GROUPS] as const;
export type SheetGroup = (typeof SHEET_GROUPS)[number];

/** Whether a sheet's group is a collective's. */
export function isCollectiveGroup(group: string): group is CollectiveGroup {
	return (COLLECTIVE_GROUPS as readonly string[]).includes(group);
}

/** The three categories of the 27 signs, in the resolution's order. */
export const CATEGORY_KEYS = ['tu_tuong_chinh_tri', 'dao_duc_loi_song', 'tu_dien_bien_tu_chuyen_hoa'] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** Degree of a sign in oneself: 0 none, 1 mild, 2 clear, 3 serious. */
export const LEVELS = [0, 1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

/** The answer "Không áp dụng": the item cannot apply to this member; it leaves the maximum and is recorded. */
export const NOT_APPLICABLE = 'na' as const;
export type NotApplicable = typeof NOT_APPLICABLE;

/** What a member can answer for one concrete sign: a level, or "Không áp dụng". */
export type AnswerLevel = Level | NotApplicable;

/** Every answer a sheet offers, in the order a row shows them (the levels, then "Không áp dụng"). */
export const ANSWER_LEVELS: readonly AnswerLevel[] = [0, 1, 2, 3, NOT_APPLICABLE];

/** Whether an answer is one of the four levels (not "Không áp dụng"). */
export function isLevel(value: unknown): value is Level {
	return LEVELS.includes(value as Level);
}

/** Ratings, best first; the order is what "worse" means everywhere. */
export const RATINGS = ['tot', 'kha', 'trung_binh', 'yeu_kem'] as const;
export type Rating = (typeof RATINGS)[number];

/** Who wrote the concrete signs' wording. */
export const WORDING_KINDS = ['app_default', 'provincial'] as const;
export type WordingKind = (typeof WORDING_KINDS)[number];

const CATEGORY_PREFIX = { tu_tuong_chinh_tri: 'TT', dao_duc_loi_song: 'DD', tu_dien_bien_tu_chuyen_hoa: 'DB' } as const;
type CategoryPrefix = (typeof CATEGORY_PREFIX)[CategoryKey];
type SignNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Id of one of the 27 parent signs, e.g. 'TT1', 'DD7', 'DB9'. */
export type ParentId = `${CategoryPrefix}${SignNumber}`;

/** A concrete sign (biểu hiện cụ thể): one observable behaviour under a parent sign. */
export interface ConcreteSign {
	code: string;
	parent: ParentId;
	text: string;
	groups: SheetGroup[];
	weight: number;
	critical: boolean;
	/** What the wording or the settings of this item rest on, when they were changed from an earlier version. */
	source?: string;
}

/** One recorded change between versions of a template, with its source. */
export interface TemplateChange {
	date: string;
	code?: string;
	note: string;
	source: string;
}

/** Any answer at or above minLevel, counted minCount times, caps the rating at maxRating. */
export interface RatingCap {
	minLevel: Level;
	minCount: number;
	maxRating: Rating;
}

/** Scoring rules stored in the template, so a province can set its own. */
export interface ScoringRules {
	/** Points lost per unit of weight at levels 0..3. */
	levelPenalty: [number, number, number, number];
	/** Thresholds, highest first; the first band with minScore ≤ score gives the rating. */
	bands: { rating: Rating; minScore: number }[];
	caps: RatingCap[];
	/** A critical sign at minLevel or above brings the rating down to this. */
	critical: { minLevel: Level; rating: Rating };
}

/** A parent sign deliberately left out of one group's sheet, with the reason. */
export interface Exclusion {
	group: TargetGroup;
	parent: ParentId;
	reason: string;
}

/** The content of one template version (the JSON file without its $comment). */
export interface TemplateContent {
	key: string;
	name: string;
	wording: WordingKind;
	wordingNote?: string;
	/** The bundled default's edition: a newer edition is installed as a new version on start-up. */
	edition?: number;
	/** What changed from the previous edition, each with its source. */
	changes?: TemplateChange[];
	rules: ScoringRules;
	exclusions: Exclusion[];
	signs: ConcreteSign[];
	/**
	 * The sections of the review form per group: the personal forms (Mẫu 2A/2B/2C) and, from edition 3, the
	 * collective's report (Mẫu 1) for CB and CU; absent in versions made before them.
	 */
	forms?: Record<TargetGroup, FormDefinition> & Partial<Record<CollectiveGroup, FormDefinition>>;
}

/** What a section of the personal review form holds. */
export const SECTION_KINDS = ['heading', 'text', 'items', 'signs', 'score366', 'quality', 'questions'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Older sheet columns a text section is kept in, so lists, exports and last year's carry-over read one place. */
export const SECTION_FIELDS = ['strengths', 'shortcomings', 'commitment'] as const;
export type SectionField = (typeof SECTION_FIELDS)[number];

/** What a section carries over from the member's sheet of the year before. */
export const SECTION_CARRIES = ['commitment', 'shortcomings'] as const;
export type SectionCarry = (typeof SECTION_CARRIES)[number];

/** A status an item of an "items" section can be reported in. */
export interface ItemStatus {
	value: string;
	label: string;
}

/** One section of the form: its heading as the form words it, whether that wording was checked, and its kind. */
export interface FormSection {
	key: string;
	heading: string;
	kind: SectionKind;
	/** 1 for A/B, 2 for I–VI, 3 for 1., 2. … */
	depth: 1 | 2 | 3;
	guidance?: string;
	/** True only when the heading was seen word for word in a copy of the official form; `source` says where. */
	verified: boolean;
	source?: string;
	/** "(nếu có)": may be left empty when handed in. */
	optional?: boolean;
	/** Must be filled before the sheet is handed in (a section kept in a sheet column needs its sentence anyway). */
	required?: boolean;
	field?: SectionField;
	carry?: SectionCarry;
	statuses?: ItemStatus[];
	/** Printed in the identity lines ("Đơn vị công tác") or as an annex after the signature, not in the body. */
	placement?: 'identity' | 'annex';
}

/** A title or signature line with its verification. */
export interface FormLine {
	text: string;
	verified: boolean;
	source?: string;
}

/** The whole personal review form of one target group. */
export interface FormDefinition {
	form: string;
	title: FormLine;
	subtitle: FormLine;
	signature: FormLine;
	sections: FormSection[];
}

/** The rules of the default template, offered when an administrator starts a new one. */
export const DEFAULT_RULES: ScoringRules = {
	levelPenalty: [0, 1, 3, 6],
	bands: [
		{ rating: 'tot', minScore: 90 },
		{ rating: 'kha', minScore: 75 },
		{ rating: 'trung_binh', minScore: 50 },
		{ rating: 'yeu_kem', minScore: 0 }
	],
	caps: [
		{ minLevel: 2, minCount: 1, maxRating: 'kha' },
		{ minLevel: 3, minCount: 1, maxRating: 'trung_binh' },
		{ minLevel: 3, minCount: 3, maxRating: 'yeu_kem' }
	],
	critical: { minLevel: 2, rating: 'yeu_kem' }
};

export const LEVEL_LABELS: Record<Level, string> = {
	0: 'Không có biểu hiện',
	1: 'Có biểu hiện ở mức độ nhẹ',
	2: 'Có biểu hiện ở mức độ rõ',
	3: 'Có biểu hiện ở mức độ nghiêm trọng'
};

export const NOT_APPLICABLE_LABEL = 'Không áp dụng';

/** The label of any answer, level or "Không áp dụng". */
export function answerLabel(answer: AnswerLevel): string {
	return answer === NOT_APPLICABLE ? NOT_APPLICABLE_LABEL : LEVEL_LABELS[answer];
}

/** Whether a member may answer "Không áp dụng": never for a sign marked especially serious, which applies to everyone it lists. */
export function mayBeNotApplicable(sign: Pick<ConcreteSign, 'critical'>): boolean {
	return !sign.critical;
}

/** The badge of a concrete sign marked critical, the same on the sheet and on /signs. */
export const CRITICAL_BADGE = 'Biểu hiện đặc biệt nghiêm trọng';

/** The name of tusoi's own four-level result, never "xếp loại": that word belongs to QĐ 366's quality levels. */
export const SELF_RESULT_NAME = 'Kết quả tự soi';

/** Said wherever tusoi's result is shown, so it is never read as the official rating. */
export const SELF_RESULT_NOTE =
	'Kết quả tự soi theo các biểu hiện suy thoái, không phải xếp loại chất lượng đảng viên theo Quy định 366-QĐ/TW.';

/** tusoi's four levels (the Việt Trì levels), as labels of the self-examination result. */
/** A level's word on the sheet's compact answer row; screen readers get the full `LEVEL_LABELS`. */
export const LEVEL_SHORT_LABELS: Record<Level, string> = {
	0: 'Không',
	1: 'Nhẹ',
	2: 'Rõ',
	3: 'Nghiêm trọng'
};

export const RATING_LABELS: Record<Rating, string> = {
	tot: 'Tốt',
	kha: 'Khá',
	trung_binh: 'Trung bình',
	yeu_kem: 'Yếu kém'
};

/** Column headings where a table has a column per rating and little room ("TB" for Trung bình). */
export const RATING_SHORT_LABELS: Record<Rating, string> = { ...RATING_LABELS, trung_binh: 'TB' };

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
	A: 'Đảng viên giữ chức vụ lãnh đạo, quản lý',
	B: 'Đảng viên không giữ chức vụ lãnh đạo, quản lý',
	C: 'Đảng viên không làm việc trong hệ thống chính trị'
};

/** The personal review form of Hướng dẫn 43-HD/BTCTW each group fills. */
export const TARGET_GROUP_FORMS: Record<TargetGroup, string> = { A: 'Mẫu 2A', B: 'Mẫu 2B', C: 'Mẫu 2C' };

export const COLLECTIVE_GROUP_LABELS: Record<CollectiveGroup, string> = {
	CB: 'Tập thể chi bộ',
	CU: 'Tập thể cấp ủy'
};

/** The form of Hướng dẫn 43-HD/BTCTW a collective reports on (Báo cáo kiểm điểm … của tập thể). */
export const COLLECTIVE_GROUP_FORMS: Record<CollectiveGroup, string> = { CB: 'Mẫu 1', CU: 'Mẫu 1' };

/** The form of any sheet group. */
export function groupForm(group: SheetGroup): string {
	return isCollectiveGroup(group) ? COLLECTIVE_GROUP_FORMS[group] : TARGET_GROUP_FORMS[group];
}

// Taken from the reference data so the labels cannot drift from it; "(9)" is a count, not part of the name.
export const CATEGORY_LABELS = Object.fromEntries(
	CATEGORY_KEYS.map((key) => [key, signs27.groups[key].replace(/\s*\(\d+\)\s*$/, '')])
) as Record<CategoryKey, string>;

/** All 27 parent ids in the resolution's order. */
export const PARENT_IDS: readonly ParentId[] = CATEGORY_KEYS.flatMap((category) =>
	([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map((n) => parentIdOf(category, n))
);

/** Parent id of the number-th sign of a category, e.g. ('dao_duc_loi_song', 7) → 'DD7'. */
export function parentIdOf(category: CategoryKey, number: number): ParentId {
	if (!Number.isInteger(number) || number < 1 || number > 9) throw new RangeError(`sign number ${number}`);
	return `${CATEGORY_PREFIX[category]}${number as SignNumber}`;
}

/** Whether a string is one of the 27 parent ids. */
export function isParentId(value: string): value is ParentId {
	return /^(TT|DD|DB)[1-9]$/.test(value);
}

/** Category of a parent id, e.g. 'DD7' → 'dao_duc_loi_song'. */
export function categoryOfParent(parent: ParentId): CategoryKey {
	const prefix = parent.slice(0, 2);
	const category = CATEGORY_KEYS.find((key) => CATEGORY_PREFIX[key] === prefix);
	if (!category || !isParentId(parent)) throw new RangeError(`not a parent sign id: ${parent}`);
	return category;
}

/** The official quality levels of QĐ 366-QĐ/TW Điều 11, best first: what Mẫu 2A/2B/2C part B.II proposes. */
export const QUALITY_LEVELS = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

export const QUALITY_LABELS: Record<QualityLevel, string> = {
	xuat_sac: 'Hoàn thành xuất sắc nhiệm vụ',
	tot: 'Hoàn thành tốt nhiệm vụ',
	hoan_thanh: 'Hoàn thành nhiệm vụ',
	khong_hoan_thanh: 'Không hoàn thành nhiệm vụ'
};

/** The QĐ 366 scoring frame of part B.I: general criteria out of 30, task results out of 70. */
export const SCORE_FRAME = { general: 30, tasks: 70 } as const;

/** The concrete signs on a group's sheet, in template order. */
export function signsForGroup(content: TemplateContent, group: SheetGroup): ConcreteSign[] {
	return content.signs.filter((sign) => sign.groups.includes(group));
}

/** Parent ids deliberately left off a group's sheet. */
export function excludedParents(content: TemplateContent, group: SheetGroup): ParentId[] {
	return content.exclusions.filter((e) => e.group === group).map((e) => e.parent);
}

/** 0 for the best rating, growing as ratings get worse. */
export function ratingRank(rating: Rating): number {
	return RATINGS.indexOf(rating);
}

/** Negative when a is better than b, positive when worse, 0 when equal. */
export function compareRatings(a: Rating, b: Rating): number {
	return ratingRank(a) - ratingRank(b);
}

/** The worse of two ratings. */
export function worseRating(a: Rating, b: Rating): Rating {
	return compareRatings(a, b) >= 0 ? a : b;
}

/** Whether a is strictly better than b. */
export function isBetterRating(a: Rating, b: Rating): boolean {
	return compareRatings(a, b) < 0;
}
