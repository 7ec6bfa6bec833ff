// The results export as files: cells, CSV, XLSX and the download's headers. Pure: the rows come from the caller
// (export-response.ts reads them).
import ExcelJS from 'exceljs';
import type { ResultRow } from './db/queries/export';
import { RATING_LABELS, RATINGS } from '../domain/template';
import { isHandedIn, SHEET_STATUS_LABELS } from '../domain/sheet';
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
	// The score only where it set the result (domain/scoring.ts scoreBesideRating), so no row reads "97,8 — Yếu kém".
	{ header: 'Điểm tự soi', width: 10 },
	{ header: 'Kết quả tự soi (không phải xếp loại chính thức)', width: 20 },
	{ header: 'Chi ủy xếp loại', width: 14 },
	{ header: 'Lý do điều chỉnh', width: 30 },
	{ header: 'Biểu hiện tự nhận', width: 30 },
	// Example-setting of group A, in columns of its own: never part of the self-examination result.
	{ header: 'Nêu gương: tự đánh giá', width: 14 },
	{ header: 'Nêu gương: người xem xét đánh giá', width: 16 }
] as const;

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage return) as a formula, so a name
 * typed as "=HYPERLINK(…)" could run in the reader's Excel. Such text is prefixed with an apostrophe.
 */
export function neutralise(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const labelOf = (rating: keyof typeof RATING_LABELS | null) => (rating ? RATING_LABELS[rating] : '');

/** A member's row of the export, with the score as a reader may see it beside the result. */
export type ExportRow = ResultRow & { shownScore: number | null };

/** The export's cells for each member, in the column order above. */
export function exportCells(rows: ExportRow[]): (string | number | null)[][] {
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
		isHandedIn(r.status) ? r.shownScore : null,
		labelOf(isHandedIn(r.status) ? r.rating : null),
		labelOf(r.status === 'approved' ? r.finalRating : null),
		neutralise(r.finalRatingReason ?? ''),
		isHandedIn(r.status) ? (r.flagged ?? '') : '',
		// The member's own rating is theirs until handed in, like the score; the reviewer's exists only after.
		labelOf(isHandedIn(r.status) ? r.exampleSelf : null),
		labelOf(isHandedIn(r.status) ? r.exampleReviewer : null)
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
export function toCsv(rows: ExportRow[]): string {
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

/** A table's columns: the header and the column's width. */
type Columns = readonly { header: string; width: number }[];

/**
 * Adds a worksheet holding one table: a bold title row, a bold wrapped header below it, both kept in view
 * (frozen), then the rows (cells already `neutralise`d), wrapped and top-aligned when `wrapRows`.
 */
function addTableSheet(
	workbook: ExcelJS.Workbook,
	table: { sheetName: string; title: string; columns: Columns; rows: (string | number | null)[][]; wrapRows?: boolean }
): ExcelJS.Worksheet {
	const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
	sheet.columns = table.columns.map((c) => ({ width: c.width }));
	sheet.addRow([neutralise(table.title)]).font = { bold: true, size: 13 };
	const header = sheet.addRow(table.columns.map((c) => c.header));
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', wrapText: true };
	for (const cells of table.rows) {
		const row = sheet.addRow(cells);
		if (table.wrapRows) row.alignment = { vertical: 'top', wrapText: true };
	}
	return sheet;
}

function newWorkbook(): ExcelJS.Workbook {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'tusoi';
	return workbook;
}

const xlsxBuffer = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Any table as an XLSX workbook of one sheet, with a title row above the header (cells already `neutralise`d). */
export async function cellsToXlsx(table: {
	title: string;
	sheetName: string;
	columns: Columns;
	rows: (string | number | null)[][];
}): Promise<Buffer> {
	const workbook = newWorkbook();
	addTableSheet(workbook, { ...table, wrapRows: true });
	return xlsxBuffer(workbook);
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
	...RATINGS.map((r) => `Kết quả tự soi — ${RATING_LABELS[r]}`),
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
export async function toXlsx(rows: ExportRow[], title: string, units?: UnitSummary): Promise<Buffer> {
	const workbook = newWorkbook();
	addTableSheet(workbook, { sheetName: 'Kết quả', title, columns: COLUMNS, rows: exportCells(rows) });
	if (units) {
		const byUnit = addTableSheet(workbook, {
			sheetName: 'Theo đơn vị',
			title: units.title,
			columns: UNIT_SUMMARY_HEADERS.map((header, i) => ({ header, width: i === 0 ? 36 : 12 })),
			rows: unitSummaryCells(units)
		});
		byUnit.lastRow!.font = { bold: true };
	}
	return xlsxBuffer(workbook);
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

const CONTENT_TYPES = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** A CSV or XLSX download named `name`. */
export function fileResponse(body: string | Buffer, name: string, format: keyof typeof CONTENT_TYPES): Response {
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: { 'content-type': CONTENT_TYPES[format], 'content-disposition': attachment(name) }
	});
}
