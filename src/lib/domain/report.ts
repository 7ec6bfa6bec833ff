// What a printed report says, shaped once and drawn twice: by the browser's print page and by the
// server's PDF. Pure data and formatting, no database.
import type { FormReport } from './report-form';

/** The top of a Party document (Hướng dẫn 36-HD/VPTW): the issuing organisation on the left, the Party's name and the place and date on the right. */
export interface ReportHeader {
	/** "ĐẢNG BỘ …" — the chapter's parent organisation, in capitals. */
	parentLine: string;
	/** "CHI BỘ …", in capitals (printed bold). */
	chapterLine: string;
	/** "Mẫu, ngày 05 tháng 12 năm 2026" (printed italic). */
	placeDate: string;
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
	/** The whole Bản kiểm điểm of the member's group, when the sheet's template version has a form. */
	form: FormReport | null;
}

/** A chapter's summary report for a period (báo cáo tổng hợp). */
export interface ChapterSummaryReport {
	header: ReportHeader;
	title: string;
	subtitle: string;
	figures: { label: string; value: string }[];
	ratings: { label: string; count: number; percent: string }[];
	topSigns: { code: string; text: string; count: number }[];
	members: { name: string; group: string; status: string; score: string; rating: string; finalRating: string }[];
	secretaryName: string | null;
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
