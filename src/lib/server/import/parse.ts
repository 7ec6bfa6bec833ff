import {
	HEADER_SEARCH_ROWS,
	ImportFileError,
	LIMIT_MESSAGES,
	MAX_CELL_CHARS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_COLUMNS,
	MAX_IMPORT_ROWS
} from './limits';
import { readFirstSheet, type SheetRow, type SheetValue } from './xlsx';

/** The columns of a member import file, with the Vietnamese header a person writes. */
export const IMPORT_COLUMNS = {
	fullName: 'Họ và tên',
	dateOfBirth: 'Ngày sinh',
	position: 'Chức vụ',
	targetGroup: 'Nhóm đối tượng',
	chapter: 'Chi bộ',
	username: 'Tên đăng nhập'
} as const;
export type ImportField = keyof typeof IMPORT_COLUMNS;

/** One data row as written in the file, every cell as text; `line` is the row number a person sees (header = 1). */
export type ImportRow = { line: number } & Record<ImportField, string>;

export type ParseResult = { ok: true; rows: ImportRow[] } | { ok: false; error: string };

export { MAX_IMPORT_BYTES } from './limits';

/** Lower case without diacritics, spaces or punctuation: "Họ và tên" → "hovaten". */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

// Headers are matched loosely because people retype them: case, diacritics and spaces do not matter.
const HEADER_ALIASES: Record<ImportField, string[]> = {
	fullName: ['hovaten', 'hoten'],
	dateOfBirth: ['ngaysinh', 'ngaythangnamsinh'],
	position: ['chucvu'],
	targetGroup: ['nhomdoituong', 'doituong', 'nhom'],
	chapter: ['chibo'],
	username: ['tendangnhap', 'taikhoan']
};
const REQUIRED: ImportField[] = ['fullName', 'dateOfBirth', 'targetGroup', 'chapter', 'username'];
const FIELDS = Object.keys(IMPORT_COLUMNS) as ImportField[];

interface RawRow {
	line: number;
	cells: string[];
}

function columnMap(header: string[]): Partial<Record<ImportField, number>> {
	const map: Partial<Record<ImportField, number>> = {};
	header.forEach((cell, index) => {
		const folded = foldText(cell);
		const field = FIELDS.find((f) => HEADER_ALIASES[f].includes(folded));
		if (field && map[field] === undefined) map[field] = index;
	});
	return map;
}

/** Finds the header (line 1, or a later line when a title sits above it, as in our own export) and maps every row below it. */
export function rowsFromTable(table: RawRow[]): ParseResult {
	const nonEmpty = table.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (nonEmpty.length === 0) return { ok: false, error: 'Tệp không có dữ liệu.' };
	const candidates = nonEmpty.slice(0, HEADER_SEARCH_ROWS).map((row, index) => ({ index, map: columnMap(row.cells) }));
	const best = candidates.reduce((a, b) => (Object.keys(b.map).length > Object.keys(a.map).length ? b : a));
	const headerIndex = Object.keys(best.map).length >= 2 ? best.index : 0;
	const map = Object.keys(best.map).length >= 2 ? best.map : {};
	const missing = REQUIRED.filter((f) => map[f] === undefined);
	if (missing.length > 0) {
		const names = missing.map((f) => `«${IMPORT_COLUMNS[f]}»`).join(', ');
		const all = FIELDS.map((f) => IMPORT_COLUMNS[f]).join(', ');
		return {
			ok: false,
			error: `Tệp thiếu cột bắt buộc: ${names}. Dòng tiêu đề cần có các cột: ${all} (cột Chức vụ có thể bỏ trống).`
		};
	}
	const rows = nonEmpty.slice(headerIndex + 1).map((raw) => {
		const row = { line: raw.line } as ImportRow;
		for (const f of FIELDS) row[f] = map[f] === undefined ? '' : (raw.cells[map[f]!] ?? '').trim();
		return row;
	});
	if (rows.length === 0) return { ok: false, error: 'Tệp chỉ có dòng tiêu đề, chưa có đảng viên nào.' };
	return { ok: true, rows };
}

function pickDelimiter(firstLine: string): string {
	const unquoted = firstLine.replace(/"[^"]*"/g, '');
	const counts = [';', ',', '\t'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
	const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
	return best.n > 0 ? best.d : ',';
}

/**
 * Splits CSV text into the records that are not blank (quoted fields may hold the delimiter, quotes and line
 * breaks); each record keeps the line it starts on. Stops at the first limit passed: a cell over
 * MAX_CELL_CHARS, a non-blank field beyond MAX_IMPORT_COLUMNS, more rows than any header position allows.
 */
export function parseCsv(text: string): { ok: true; rows: RawRow[] } | { ok: false; error: string } {
	const delimiter = pickDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? '');
	const rows: RawRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let column = 1;
	let line = 1;
	let recordLine = 1;
	let quoted = false;
	let quoteLine = 0;
	// Trailing empty fields (Excel writes them for every formatted column) are not kept.
	const endCell = (): string | null => {
		if (cell.trim() !== '') {
			if (column > MAX_IMPORT_COLUMNS) return LIMIT_MESSAGES.tooManyColumns(recordLine, `thứ ${column}`);
			while (cells.length < column - 1) cells.push('');
			cells.push(cell);
		}
		cell = '';
		column++;
		return null;
	};
	const endRecord = (): string | null => {
		const error = endCell();
		if (error) return error;
		if (cells.length > 0) rows.push({ line: recordLine, cells });
		if (rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) return LIMIT_MESSAGES.tooManyRows;
		cells = [];
		column = 1;
		return null;
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		let error: string | null = null;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
				cell += ch;
			}
		} else if (ch === '"' && cell.trim() === '') {
			quoted = true;
			quoteLine = line;
			cell = '';
		} else if (ch === delimiter) {
			error = endCell();
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			error = endRecord();
			line++;
			recordLine = line;
		} else cell += ch;
		if (cell.length > MAX_CELL_CHARS) error = LIMIT_MESSAGES.tooLongCell(recordLine, `thứ ${column}`);
		if (error) return { ok: false, error };
	}
	if (quoted) return { ok: false, error: `Dòng ${quoteLine}: dấu ngoặc kép (") mở ở đây nhưng không được đóng.` };
	const error = cell !== '' || cells.length > 0 || column > 1 ? endRecord() : null;
	return error ? { ok: false, error } : { ok: true, rows };
}

function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
	try {
		// ignoreBOM: false (the default) drops a UTF-8 byte-order mark, which Excel writes.
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch (err) {
		// A legacy code page (Windows-1258, TCVN3) would turn every diacritic into garbage, so refuse it.
		if (!(err instanceof TypeError)) throw err;
		return {
			ok: false,
			error:
				'Tệp CSV không ở mã UTF-8. Trong Excel, hãy chọn «Lưu thành» → «CSV UTF-8 (Comma delimited)» rồi tải lên lại.'
		};
	}
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The text of a spreadsheet cell; a date serial in the birth-date column becomes YYYY-MM-DD. */
function cellText(value: SheetValue, isDateColumn: boolean): string {
	if (typeof value !== 'number') return value;
	// The whole part of a serial is the day (the fraction is the time of day), as Excel counts it.
	if (isDateColumn && value > 1 && value < 80_000)
		return new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
	return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<ParseResult> {
	let grid: SheetRow[];
	try {
		grid = await readFirstSheet(bytes);
	} catch (err) {
		if (!(err instanceof ImportFileError)) throw err;
		if (err.cause) console.warn('An uploaded XLSX file could not be read:', err.cause);
		return { ok: false, error: err.message };
	}
	// The birth-date column is only known once the header is found, so read the header first.
	const header = grid
		.slice(0, HEADER_SEARCH_ROWS)
		.map((r) => columnMap(r.values.map((v) => cellText(v, false))))
		.find((m) => m.dateOfBirth !== undefined);
	const dateColumn = header?.dateOfBirth;
	return rowsFromTable(
		grid.map((r) => ({ line: r.line, cells: r.values.map((v, i) => cellText(v, i === dateColumn)) }))
	);
}

/** Reads an uploaded CSV (UTF-8, with or without BOM; comma, semicolon or tab) or XLSX file (first sheet) into rows. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParseResult> {
	const parsed = await parseAnyFile(bytes);
	// Readers stop a little past the limit (the header may sit below a title): the exact count is checked here.
	return parsed.ok && parsed.rows.length > MAX_IMPORT_ROWS ? { ok: false, error: LIMIT_MESSAGES.tooManyRows } : parsed;
}

async function parseAnyFile(bytes: Uint8Array): Promise<ParseResult> {
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
		return {
			ok: false,
			error: 'Tệp .xls (Excel 97–2003) không được hỗ trợ. Hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.'
		};
	}
	const decoded = decodeText(bytes);
	if (!decoded.ok) return decoded;
	const table = parseCsv(decoded.text);
	return table.ok ? rowsFromTable(table.rows) : table;
}

/** The rows of the file posted in `field`, with a message a person can act on when there is no usable file. */
export async function readImportUpload(data: FormData, field: string): Promise<ParseResult & { fileName: string }> {
	const file = data.get(field);
	if (!(file instanceof File) || file.size === 0)
		return { ok: false, error: 'Vui lòng chọn tệp CSV hoặc XLSX.', fileName: '' };
	const fileName = file.name;
	if (file.size > MAX_IMPORT_BYTES)
		return { ok: false, error: 'Tệp quá lớn (tối đa 5 MB). Hãy chia danh sách thành nhiều tệp.', fileName };
	return { ...(await parseImportFile(new Uint8Array(await file.arrayBuffer()))), fileName };
}
