// Reads the first sheet of an XLSX file as rows of cell values, within the limits in limits.ts: the XML is
// inflated and scanned chunk by chunk, and reading stops at the first limit passed.
import {
	BROKEN_XLSX,
	columnLetters,
	HEADER_SEARCH_ROWS,
	ImportFileError,
	LIMIT_MESSAGES,
	MAX_CELL_CHARS,
	MAX_IMPORT_COLUMNS,
	MAX_IMPORT_ROWS,
	MAX_XML_BYTES
} from './limits';
import { attribute, decodeXml, detach, elements, XmlScanner, type XmlHandler } from './xml';
import { inflateEntry, zipEntries, type InflateBudget, type ZipEntry } from './zip';

/** A cell as read: text, or a number (a date serial in the birth-date column); '' when blank. */
export type SheetValue = string | number;

/** A row with at least one non-blank cell; `line` is the row number Excel shows. */
export interface SheetRow {
	line: number;
	values: SheetValue[];
}

/** Largest workbook.xml or relationships part read whole (real ones are a few kilobytes). */
const SMALL_PART_BYTES = 1024 * 1024;
/** Raw text kept per cell: the longest cell written with an entity for every character. */
const MAX_RAW_CHARS = MAX_CELL_CHARS * 10;
/** A shared string longer than MAX_CELL_CHARS: refused if a cell of the sheet uses it. */
const TOO_LONG = Symbol('too long');

const broken = () => new ImportFileError(BROKEN_XLSX);

async function readWhole(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<string> {
	const part: InflateBudget = { remaining: Math.min(SMALL_PART_BYTES, budget.remaining) };
	const chunks: Uint8Array[] = [];
	await inflateEntry(bytes, entry, part, (chunk) => chunks.push(chunk));
	budget.remaining -= chunks.reduce((n, c) => n + c.length, 0);
	return Buffer.concat(chunks).toString('utf8');
}

/** Relationship id → { type, target as a path inside the archive }, for a part in folder `dir`. */
function relationships(xml: string, dir: string): Map<string, { type: string; path: string }> {
	const out = new Map<string, { type: string; path: string }>();
	for (const attrs of elements(xml, 'Relationship')) {
		const id = attribute(attrs, 'Id');
		const target = attribute(attrs, 'Target');
		if (!id || !target || attribute(attrs, 'TargetMode') === 'External') continue;
		out.set(id, { type: attribute(attrs, 'Type') ?? '', path: resolvePath(dir, target) });
	}
	return out;
}

function resolvePath(dir: string, target: string): string {
	const parts = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.' && piece !== '') parts.push(piece);
	}
	return parts.join('/');
}

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsOf = (path: string) => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

/** Streams `entry` through a scanner into `handler`. */
async function scanEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, handler: XmlHandler) {
	const scanner = new XmlScanner(handler);
	await inflateEntry(bytes, entry, budget, (chunk) => scanner.write(chunk));
	scanner.end();
}

/**
 * The shared strings the sheet uses, as a person sees them (phonetic runs left out); TOO_LONG for one past the
 * cell limit. Strings only other sheets use are skipped, so memory follows the sheet read, not the file.
 */
async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, needed: Set<number>) {
	const strings = new Map<number, string | typeof TOO_LONG>();
	let index = -1;
	let raw: string | null = null;
	let inText = false;
	let phonetic = 0;
	await scanEntry(bytes, entry, budget, {
		open(name) {
			if (name === 'si') {
				index++;
				raw = needed.has(index) ? '' : null;
			} else if (name === 'rPh') phonetic++;
			else if (name === 't' && raw !== null && phonetic === 0) inText = true;
		},
		close(name) {
			if (name === 't') inText = false;
			else if (name === 'rPh') phonetic--;
			else if (name === 'si' && raw !== null) {
				const text = raw.length > MAX_RAW_CHARS ? '' : decodeXml(raw);
				strings.set(index, raw.length > MAX_RAW_CHARS || text.length > MAX_CELL_CHARS ? TOO_LONG : detach(text));
				raw = null;
			}
		},
		text(piece) {
			if (inText && raw !== null && raw.length <= MAX_RAW_CHARS) raw += piece;
		}
	});
	return strings;
}

/** A cell that holds the index of a shared string, looked up once the sheet has been read. */
class SharedRef {
	constructor(readonly index: number) {}
}

/** 3 for "C7"; null when the reference is missing or not a cell reference. */
function columnOf(ref: string | undefined): number | null {
	if (!ref) return null;
	let n = 0;
	let i = 0;
	for (; i < ref.length && i < 4; i++) {
		const code = ref.charCodeAt(i) & ~32; // upper case
		if (code < 65 || code > 90) break;
		n = n * 26 + code - 64;
	}
	return i === 0 || i > 3 ? null : n;
}

function positiveInt(text: string | undefined): number | null {
	const n = text && /^[0-9]{1,9}$/.test(text) ? Number(text) : 0;
	return n > 0 ? n : null;
}

/** The non-blank rows of the sheet, refusing the file at the first limit passed. */
async function readSheet(
	bytes: Uint8Array,
	entry: ZipEntry,
	budget: InflateBudget
): Promise<{ rows: { line: number; values: (SheetValue | SharedRef)[] }[]; far: typeof far }> {
	const rows: { line: number; values: (SheetValue | SharedRef)[] }[] = [];
	const far = new Map<number, { line: number; column: number }>();
	let inData = false;
	let row: { line: number; values: (SheetValue | SharedRef)[] } | null = null;
	let lastLine = 0;
	let lastColumn = 0;
	let cell: { column: number; type: string; raw: string } | null = null;
	let capturing = false;
	let inline = false;
	let phonetic = 0;

	const cellValue = (type: string, raw: string, line: number, column: number): SheetValue | SharedRef => {
		if (raw.length > MAX_RAW_CHARS) throw new ImportFileError(LIMIT_MESSAGES.tooLongCell(line, columnLetters(column)));
		const text = decodeXml(raw);
		switch (type) {
			case 's': {
				const index = Number(text.trim());
				return Number.isInteger(index) && index >= 0 ? new SharedRef(index) : '';
			}
			case 'b':
				return text === '1' ? 'true' : text === '0' ? 'false' : text;
			case 'd':
				return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
			case 'n': {
				// Number('') and Number(' ') are 0, not what a blank cell means.
				const number = text.trim() === '' ? NaN : Number(text);
				return Number.isFinite(number) ? number : text;
			}
			default:
				if (text.length > MAX_CELL_CHARS)
					throw new ImportFileError(LIMIT_MESSAGES.tooLongCell(line, columnLetters(column)));
				return text;
		}
	};

	await scanEntry(bytes, entry, budget, {
		open(name, attrs) {
			if (name === 'sheetData') inData = true;
			else if (!inData) return;
			else if (name === 'row') {
				lastLine = positiveInt(attribute(attrs, 'r')) ?? lastLine + 1;
				lastColumn = 0;
				row = { line: lastLine, values: [] };
			} else if (name === 'c' && row) {
				lastColumn = columnOf(attribute(attrs, 'r')) ?? lastColumn + 1;
				cell = { column: lastColumn, type: attribute(attrs, 't') ?? 'n', raw: '' };
			} else if (!cell) return;
			else if (name === 'v') capturing = true;
			else if (name === 'is') inline = true;
			else if (name === 'rPh') phonetic++;
			else if (name === 't' && inline && phonetic === 0) capturing = true;
		},
		close(name) {
			if (name === 'sheetData') inData = false;
			else if (name === 'v' || name === 't') capturing = false;
			else if (name === 'is') inline = false;
			else if (name === 'rPh') phonetic--;
			else if (name === 'c' && cell && row) {
				const value = cellValue(cell.type, cell.raw, row.line, cell.column);
				if (value instanceof SharedRef && cell.column > MAX_IMPORT_COLUMNS) {
					// Whether it is blank is known only once the shared strings are read: keep where each is first used.
					if (!far.has(value.index)) far.set(value.index, { line: row.line, column: cell.column });
				} else if (typeof value !== 'string' || value.trim() !== '') {
					if (cell.column > MAX_IMPORT_COLUMNS)
						throw new ImportFileError(LIMIT_MESSAGES.tooManyColumns(row.line, columnLetters(cell.column)));
					row.values[cell.column - 1] = typeof value === 'string' ? detach(value) : value;
				}
				cell = null;
			} else if (name === 'row' && row) {
				if (row.values.length > 0) {
					rows.push({ line: row.line, values: Array.from(row.values, (v) => v ?? '') });
					// The header may sit a few rows down, so stop only once no header position leaves room.
					if (rows.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) throw new ImportFileError(LIMIT_MESSAGES.tooManyRows);
				}
				row = null;
			}
		},
		text(piece) {
			if (capturing && cell && cell.raw.length <= MAX_RAW_CHARS) cell.raw += piece;
		}
	});
	return { rows, far };
}

/**
 * The non-blank rows of the first sheet (in tab order) of an XLSX file. Throws ImportFileError with the
 * message to show when the file is not a readable XLSX or passes a limit.
 */
export async function readFirstSheet(bytes: Uint8Array): Promise<SheetRow[]> {
	const entries = zipEntries(bytes);
	const part = (path: string) => entries.get(path.toLowerCase());
	const budget: InflateBudget = { remaining: MAX_XML_BYTES };

	const rootRels = part('_rels/.rels');
	const root = rootRels ? relationships(await readWhole(bytes, rootRels, budget), '') : new Map();
	const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
	const workbook = part(workbookPath);
	if (!workbook) throw broken();
	const firstSheet = elements(await readWhole(bytes, workbook, budget), 'sheet')[0];
	if (firstSheet === undefined) throw new ImportFileError('Tệp Excel không có trang tính nào.');
	const relsEntry = part(relsOf(workbookPath));
	if (!relsEntry) throw broken();
	const rels = relationships(await readWhole(bytes, relsEntry, budget), folderOf(workbookPath));
	const sheet = part(rels.get(attribute(firstSheet, 'id') ?? '')?.path ?? '');
	if (!sheet) throw broken();
	const sharedPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.path;
	const shared = sharedPath ? part(sharedPath) : undefined;

	// The sheet first: a file with too many rows is told so at its 60,011th row, whatever else it holds.
	const { rows: grid, far } = await readSheet(bytes, sheet, budget);
	const needed = new Set<number>(far.keys());
	for (const row of grid) for (const v of row.values) if (v instanceof SharedRef) needed.add(v.index);
	const strings = shared && needed.size > 0 ? await readSharedStrings(bytes, shared, budget, needed) : new Map();
	const farData = [...far].filter(([index]) => {
		const text = strings.get(index);
		return text === TOO_LONG || (text !== undefined && text.trim() !== '');
	});
	if (farData.length > 0) {
		const first = farData.map(([, at]) => at).sort((a, b) => a.line - b.line || a.column - b.column)[0]!;
		throw new ImportFileError(LIMIT_MESSAGES.tooManyColumns(first.line, columnLetters(first.column)));
	}
	const rows: SheetRow[] = [];
	for (const row of grid) {
		const values = row.values.map((v, i) => {
			if (!(v instanceof SharedRef)) return v;
			const text = strings.get(v.index) ?? '';
			if (text === TOO_LONG) throw new ImportFileError(LIMIT_MESSAGES.tooLongCell(row.line, columnLetters(i + 1)));
			return text;
		});
		if (values.some((v) => typeof v === 'number' || v.trim() !== '')) rows.push({ line: row.line, values });
	}
	return rows;
}
