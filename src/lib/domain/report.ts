// What a printed report says, shaped once and drawn twice: by the browser's print page and by the
// server's PDF. Pure data and formatting, no database.
import type { LeaderTaskLine } from './tasks';
import type { ExampleSettingLines } from './example-setting';
import type { FormReport } from './report-form';

/** The top of a Party document (Hướng dẫn 36-HD/VPTW): the issuing organisation on the left, the Party's name and the place and date on the right. */
export interface ReportHeader {
	/** "ĐẢNG BỘ …" — the chapter's parent organisation, in capitals. */
	parentLine: string;
	/** "CHI BỘ …", in capitals (printed bold). */
	chapterLine: string;
	/** "Mẫu, ngày 05 tháng 12 năm 2026" (printed italic). */
	placeDate: string;
	/** An issued document's number and symbol under the issuer ("Số 05-BC/CB"); absent on a personal sheet. */
	numberLine?: string;
}

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const SELF_REPORT_DISCLAIMER = 'Biểu hiện tự nhận không phải là kết luận của cơ quan có thẩm quyền.';

/** One member's sheet as printed. */
export interface PersonalReport {
	header: ReportHeader;
	title: string;
	subtitle: string;
	identity: { label: string; value: string }[];
	categories: {
		title: string;
		signs: { code: string; text: string; level: string; flagged: boolean; note: string }[];
	}[];
	/** tusoi's self-examination result; `value` is null where the score did not decide the rating (caps, critical signs). */
	score: { value: string | null; rating: string; provisional: boolean; reasons: string[]; levels: string };
	plan: { code: string; text: string; action: string; deadline: string }[];
	progress: { code: string; text: string; action: string; status: string; note: string }[];
	texts: { label: string; text: string }[];
	review: { assessment: string; finalRating: string | null; reason: string | null };
	memberName: string;
	secretaryName: string | null;
	/** The chapter's signature over the secretary's name (`chapterSignature`): "T/M CHI BỘ" where it has no chi ủy. */
	signature: string[];
	/** A leader's breakthrough tasks of the sheet's year (domain/tasks.ts); absent or empty for everyone else. */
	leaderTasks?: LeaderTaskLine[];
	/** A leader's example-setting ratings (domain/example-setting.ts), apart from the score; absent for other groups. */
	exampleSetting?: ExampleSettingLines | null;
	/** The whole Bản kiểm điểm of the member's group, when the sheet's template version has a form. */
	form: FormReport | null;
	/**
	 * Set on a collective's report (Mẫu 1): it is signed on the collective's behalf (T/M CHI ỦY, T/M CHI BỘ or the
	 * committee's) by its secretary, and decided by the committee above, whose signature closes it.
	 */
	collective?: { signature: string[]; reviewer: string[] } | null;
}

/** A chapter's summary report for a period (báo cáo tổng hợp), an issued Party report (HD 36-HD/VPTW). */
export interface ChapterSummaryReport {
	header: ReportHeader;
	title: string;
	subtitle: string;
	figures: { label: string; value: string }[];
	/** Per rating, the members' own (handed-in sheets) and the chi ủy's (approved sheets), side by side. */
	ratings: { label: string; self: number; selfPercent: string; final: number; finalPercent: string }[];
	/** How many handed-in sheets the self-ratings count, and how many approved ones the chi ủy's. */
	rated: { self: number; final: number };
	topSigns: { code: string; text: string; count: number }[];
	/** What the chapter will do, as the secretary wrote it (paragraphs). */
	plan: string;
	members: { name: string; group: string; status: string; score: string; rating: string; finalRating: string }[];
	/** "Nơi nhận": each recipient, the last one "Lưu chi bộ". */
	recipients: string[];
	/** "T/M CHI ỦY" / "BÍ THƯ", or "T/M CHI BỘ" / "BÍ THƯ" where the chapter has no chi ủy. */
	signature: string[];
	secretaryName: string | null;
}

/** A chapter's bundle of sheets: the cover lists who is in it, in order, and who is not, with why. */
export interface BundleCover {
	header: ReportHeader;
	title: string;
	subtitle: string;
	included: { name: string; status: string }[];
	missing: { name: string; status: string }[];
}

/** The sheets of a chapter in one file, each numbered on its own, after a cover (none in a bare bundle). */
export interface ChapterBundle {
	cover?: BundleCover;
	reports: PersonalReport[];
}

/**
 * Whether a chapter has a chi ủy. Điều lệ Đảng (Điều 24, not checked word for word here): a chi bộ with fewer
 * than nine full members elects only a bí thư (and possibly a phó bí thư), no chi ủy. Counted on the
 * chapter's current members, since the app does not record who is still on probation.
 */
export function hasChiUy(memberCount: number): boolean {
	return memberCount >= 9;
}

/** The signature block of a chapter's issued document: on behalf of its chi ủy, or of the chi bộ when it has none. */
export function chapterSignature(memberCount: number): string[] {
	return [hasChiUy(memberCount) ? 'T/M CHI ỦY' : 'T/M CHI BỘ', 'BÍ THƯ'];
}

/** "Số 05-BC/CB": a chi bộ's report (BC) number and symbol; blank room to write it in by hand when not yet given. */
export function reportNumberLine(number: string): string {
	const n = number.trim();
	return `Số ${n || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}-BC/CB`;
}

/** "Nơi nhận" of a chapter's report: the committee of the unit above (to report to), then the chapter's own file. */
export function reportRecipients(parentName: string | null): string[] {
	const above = parentName?.trim();
	return [`${above ? committeeName(above) : 'Cấp ủy cấp trên'} (để báo cáo)`, 'Lưu chi bộ'];
}

/** The committee that leads a unit: "Đảng bộ Sở Y tế" → "Đảng ủy Sở Y tế", any other → "Cấp ủy …". */
export function committeeName(unitName: string): string {
	const name = unitName.trim();
	return /^Đảng bộ\s+/iu.test(name) ? name.replace(/^Đảng bộ\s+/iu, 'Đảng ủy ') : `Cấp ủy ${name}`;
}

/**
 * The place an organisation's documents are dated from (HD 36-HD/VPTW: the issuer's locality): the nearest
 * commune, ward or special zone in its chain ("Đảng bộ phường Hòa Bình" → "Hòa Bình"; a common noun such as
 * "cơ quan xã hội" is no place), else the province.
 * `chain` runs from the root down to the organisation itself.
 */
export function localityOf(chain: readonly string[]): string {
	for (const name of [...chain].reverse()) {
		const m = /(?:^|\s)(?:xã|phường|thị trấn|đặc khu)\s+(\p{Lu}.*)$/u.exec(name.trim());
		if (m) return m[1].trim();
	}
	return placeOf(chain[0] ?? '');
}

/** "ngày 05 tháng 12 năm 2026": day in two digits, months 1 and 2 too, as Vietnamese documents write dates. */
export function vietnameseDateWords(iso: string | null): string {
	if (!iso) return 'ngày …… tháng …… năm ……';
	const [y, m, d] = iso.split('-').map(Number);
	const month = m < 3 ? String(m).padStart(2, '0') : String(m);
	return `ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** The place a province's documents are dated from, read off the root organisation's name ("Đảng bộ tỉnh Mẫu" → "Mẫu"). */
export function placeOf(rootName: string): string {
	const place = rootName.replace(/^Đảng bộ\s+(tỉnh|thành phố|Tỉnh|Thành phố)\s+/u, '').trim();
	return place && place !== rootName ? place : '……';
}

/** A unit's name in capitals, Vietnamese-aware. */
export function upper(name: string): string {
	return name.toLocaleUpperCase('vi');
}

/** The chapter summary's headings for tusoi's own result, named apart from the official rating (HTML and PDF). */
export const SUMMARY_RESULT_WORDS = {
	section: '2. Kết quả tự soi của đảng viên và kết quả chi ủy xem xét',
	level: 'Mức',
	self: (n: number) => `Kết quả tự soi (${n} phiếu đã nộp)`,
	final: (n: number) => `Chi ủy xếp loại (${n} phiếu đã duyệt)`,
	memberColumns: ['STT', 'Họ và tên', 'Nhóm', 'Trạng thái', 'Điểm tự soi', 'Kết quả tự soi', 'Chi ủy xếp loại']
} as const;
