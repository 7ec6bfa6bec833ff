// The 27 signs of Resolution 04-NQ/TW, typed from the bundled reference data.
// 11 of them have wording that was not checked against the resolution; the UI must never present that
// wording as the official text, and a member sees only the neutral summary, never the administrator's notes.
import raw from '../data/signs27.json' with { type: 'json' };
import { CATEGORY_KEYS, parentIdOf, type CategoryKey, type ParentId } from './template';

/** How the wording of a sign was obtained (see status_legend in signs27.json). */
export type TextStatus =
	| 'verbatim'
	| 'verbatim_assembled'
	| 'verbatim_quoted_in_report'
	| 'verbatim_quoted'
	| 'partial'
	| 'partial_quoted_in_report'
	| 'fragment'
	| 'fragment_plus_recall'
	| 'recalled_unverified'
	| 'gist_only';

/** One of the 27 signs. */
export interface Sign {
	id: ParentId;
	category: CategoryKey;
	number: number;
	text: string;
	verified: boolean;
	textStatus: TextStatus;
	/** The part of the wording actually seen in a source, when only part was seen. */
	seenFragment: string | null;
	/** A neutral summary a member may be shown (labelled) while the wording is not verified. */
	summary: string | null;
	gistEn: string;
	/** Every source, as provenance; only `shownSources` of them are links for members. */
	sources: string[];
	/** What was changed in the wording or the sources, when and on what source. */
	changes: SignChange[];
}

/** One recorded change to a sign's data, with its source. */
export interface SignChange {
	date: string;
	note: string;
	source: string;
}

/** What the UI shows for a sign: the text, and a label when it is not the official wording. */
export interface SignDisplay {
	text: string;
	official: boolean;
	label: string | null;
}

/** Label for wording that was not checked against the resolution. */
export const SUMMARY_LABEL = 'Tóm tắt — chưa đối chiếu văn bản gốc';

interface RawSign {
	group: string;
	number: number;
	verified: boolean;
	text_status: string;
	text: string;
	seen_fragment?: string;
	summary?: string;
	gist_en: string;
	sources: string[];
	changes?: SignChange[];
}

function toSign(entry: RawSign): Sign {
	const category = CATEGORY_KEYS.find((key) => key === entry.group);
	if (!category) throw new Error(`signs27.json: unknown group ${entry.group}`);
	return {
		id: parentIdOf(category, entry.number),
		category,
		number: entry.number,
		text: entry.text,
		verified: entry.verified,
		textStatus: entry.text_status as TextStatus,
		seenFragment: entry.seen_fragment ? entry.seen_fragment : null,
		summary: entry.summary ? entry.summary : null,
		gistEn: entry.gist_en,
		sources: entry.sources,
		changes: entry.changes ?? []
	};
}

/** The 27 signs in the resolution's order. */
export const SIGNS: readonly Sign[] = (raw.signs as RawSign[]).map(toSign);

const byId = new Map(SIGNS.map((sign) => [sign.id, sign]));

/** The sign with this id ('TT1' … 'DB9'), if any. */
export function signById(id: string): Sign | undefined {
	return byId.get(id as ParentId);
}

/** The nine signs of one category, in order. */
export function signsInCategory(category: CategoryKey): Sign[] {
	return SIGNS.filter((sign) => sign.category === category);
}

/** Whether the sign's text may be shown as the resolution's own wording. */
export function isOfficialWording(sign: Sign): boolean {
	return sign.verified;
}

/** Notes meant for administrators that must never reach a member: "[Chưa tìm thấy văn bản gốc]", "(theo bài thơ tóm tắt)", "[phần còn lại …]". */
export function hasEditorialNote(text: string): boolean {
	return /\[[^\]]*\]|theo bài thơ|Gợi ý( nội dung)?:/u.test(text);
}

/**
 * Text and label a member is shown for a sign: the official wording, or a neutral summary labelled as such.
 * An unverified text with an editorial note and no summary falls back to the label alone, never the note.
 */
export function displayText(sign: Sign): SignDisplay {
	if (isOfficialWording(sign)) return { text: sign.text, official: true, label: null };
	const summary = sign.summary ?? (hasEditorialNote(sign.text) ? '' : sign.text);
	return { text: summary, official: false, label: SUMMARY_LABEL };
}
