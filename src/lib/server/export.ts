import ExcelJS from 'exceljs';
import type { ResultRow } from './db/queries/export';
import { RATING_LABELS, RATINGS } from '../domain/template';
import { SHEET_STATUS_LABELS } from '../domain/sheet';

const isHandedIn = (status: string | null) => status === 'submitted' || status === 'approved';
import { formatDate } from '../domain/dates';
import { finalRatingCounts, handedIn, ratingCounts, type UnitCounts } from '../domain/overview';

const COLUMNS = [
	{ header: 'STT', width: 6 },
	{ header: 'Họ và tên', width: 28 },
	{ header: 'Tên đăng nhập', width: 16 },
	{ header: 'Ngày sinh', width: 12 },
	{ header: 'Chức vụ', width: 22 },
	{ header: 'Nhóm đối tượng', width: 10 },
	{ header: 'Chi bộ', width: 34 },
	{ header: 'Trạng thái', width: 20 },
	{ header: 'Điểm', width: 8 },
	{ header: 'Tự xếp loại', width: 12 },
	{ header: 'Chi ủy xếp loại', width: 14 },
	{ header: 'Lý do điều chỉnh', width: 30 },
	{ header: 'Biểu hiện tự nhận', width: 30 }
] as const;

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage return) as a formula, so a name
 * typed as "=HYPERLINK(…)" could run in the reader's Excel. Such text is prefixed with an apostrophe.
 */
export function neutralise(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const labelOf = (rating: keyof typeof RATING_LABELS | null) => (rating ? RATING_LABELS[rating] : '');

/** The export's cells for each member, in the column order above. */
export function exportCells(rows: ResultRow[]): (string | number | null)[][] {
	return rows.map((r, i) => [
		i + 1,
		neutralise(r.fullName),
		neutralise(r.username),
		formatDate(r.dateOfBirth),
		neutralise(r.position),
		r.targetGroup,
		neutralise(r.chapterName),
		SHEET_STATUS_LABELS[r.status ?? 'not_started'],
		// A draft's or a returned sheet's score and rating are the member's own until handed in.
		isHandedIn(r.status) ? r.score : null,
		labelOf(isHandedIn(r.status) ? r.rating : null),
		labelOf(r.status === 'approved' ? r.finalRating : null),
		neutralise(r.finalRatingReason ?? ''),
		isHandedIn(r.status) ? (r.flagged ?? '') : ''
	]);
}

/** The header row. */
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header);

/**
 * Where a reader might split a cell despite its quotes (a separator it was not told, a line break) and
 * what would then start a new cell: guarded with an apostrophe like a cell's own start.
 */
const SPLIT_THEN_FORMULA = /([,;\t\r\n])(?=[=+\-@])/g;

/**
 * CSV with a byte-order mark, so Excel opens the Vietnamese text as UTF-8. Excel in Vietnamese splits on
 * ";" where others split on ",", so an unquoted "An;=HYPERLINK(…)" would be cut in two, the second half a
 * formula neutralise never saw. Every cell is quoted, so a reader that honours quotes splits nowhere
 * inside it; and a formula-like start after any separator inside a cell is guarded too, for one that does
 * not (Excel reading a comma file as ";" is one).
 */
export function toCsv(rows: ResultRow[]): string {
	return cellsToCsv(EXPORT_HEADERS, exportCells(rows));
}

/** Any table as CSV, quoted and guarded the same way as the results (see toCsv); cells already `neutralise`d. */
export function cellsToCsv(headers: readonly string[], rows: (string | number | null)[][]): string {
	const quote = (v: string | number | null) => {
		const text = (v === null ? '' : String(v)).replace(SPLIT_THEN_FORMULA, "$1'");
		return `"${text.replace(/"/g, '""')}"`;
	};
	const lines = [headers, ...rows].map((cells) => cells.map(quote).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Any table as an XLSX workbook of one sheet, with a title row above the header (cells already `neutralise`d). */
export async function cellsToXlsx(table: {
	title: string;
	sheetName: string;
	columns: readonly { header: string; width: number }[];
	rows: (string | number | null)[][];
}): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'tusoi';
	const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
	sheet.columns = table.columns.map((c) => ({ width: c.width }));
	sheet.addRow([neutralise(table.title)]).font = { bold: true, size: 13 };
	const header = sheet.addRow(table.columns.map((c) => c.header));
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', wrapText: true };
	for (const cells of table.rows) sheet.addRow(cells).alignment = { vertical: 'top', wrapText: true };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A committee's units with their maintained counts, as the units page shows them, for the export's second sheet. */
export interface UnitSummary {
	title: string;
	children: { name: string; counts: UnitCounts }[];
	total: UnitCounts;
}

/** The units sheet's headers: the counts, then the self-ratings and the chi ủy's ratings side by side, each named. */
export const UNIT_SUMMARY_HEADERS = [
	'Đơn vị trực thuộc',
	'Đảng viên',
	'Đã nộp',
	'Đã duyệt',
	...RATINGS.map((r) => `Tự xếp loại — ${RATING_LABELS[r]}`),
	...RATINGS.map((r) => `Chi ủy xếp loại — ${RATING_LABELS[r]}`)
];

/** One line per unit and a total line: the figures under UNIT_SUMMARY_HEADERS. */
export function unitSummaryCells(summary: UnitSummary): (string | number)[][] {
	const line = (name: string, c: UnitCounts) => {
		const self = ratingCounts(c);
		const final = finalRatingCounts(c);
		return [
			neutralise(name),
			c.members,
			handedIn(c),
			c.approved,
			...RATINGS.map((r) => self[r]),
			...RATINGS.map((r) => final[r])
		];
	};
	return [...summary.children.map((u) => line(u.name, u.counts)), line('Cộng', summary.total)];
}

/**
 * An XLSX workbook with one sheet of results and a title row naming the unit and period; for a committee, a
 * second sheet of its units' counts with both ratings side by side.
 */
export async function toXlsx(rows: ResultRow[], title: string, units?: UnitSummary): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'tusoi';
	const sheet = workbook.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 2 }] });
	sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
	sheet.addRow([neutralise(title)]).font = { bold: true, size: 13 };
	const header = sheet.addRow(EXPORT_HEADERS);
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', wrapText: true };
	for (const cells of exportCells(rows)) sheet.addRow(cells);
	if (units) {
		const byUnit = workbook.addWorksheet('Theo đơn vị', { views: [{ state: 'frozen', ySplit: 2 }] });
		byUnit.columns = UNIT_SUMMARY_HEADERS.map((_, i) => ({ width: i === 0 ? 36 : 12 }));
		byUnit.addRow([neutralise(units.title)]).font = { bold: true, size: 13 };
		const head = byUnit.addRow(UNIT_SUMMARY_HEADERS);
		head.font = { bold: true };
		head.alignment = { vertical: 'middle', wrapText: true };
		for (const cells of unitSummaryCells(units)) byUnit.addRow(cells);
		byUnit.lastRow!.font = { bold: true };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name safe in a Content-Disposition header, with a readable UTF-8 variant. */
export function attachment(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
	const ascii = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.replace(/[^\w.-]+/g, '-');
	// RFC 5987 leaves no room for ' ( ) * unescaped, which encodeURIComponent keeps.
	const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A PDF shown in the browser's viewer, with a file name for saving. */
export function pdfResponse(body: Buffer, name: string): Response {
	return new Response(new Uint8Array(body), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': attachment(name, 'inline') }
	});
}
