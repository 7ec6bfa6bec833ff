// Reads entries of a zip archive held in memory (an uploaded XLSX) with a cap on the bytes inflated.
//
// ExcelJS cannot be bounded: its streaming reader (ExcelJS.stream.xlsx.WorkbookReader) pipes the file into
// unzipper, which inflates each entry with a plain zlib stream and no limit, writes every worksheet that comes
// before sharedStrings.xml (Excel's usual order) to a temporary file in full, and keeps every shared string in
// memory; nothing there counts inflated bytes or can stop them. So the archive is read here: the central
// directory says where each entry is, and zlib's streaming inflate hands the bytes over chunk by chunk,
// counted against a budget, so reading stops at the cap whatever sizes the archive declares.
import { createInflateRaw } from 'node:zlib';
import { BROKEN_XLSX, ImportFileError, LIMIT_MESSAGES } from './limits';

/** One file inside the archive, as its central directory describes it. */
export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	/**
	 * The size the archive claims once inflated. Not used to refuse: it can lie, and a file that is large
	 * because it has too many rows should be told about its rows, which reading finds within the budget.
	 */
	declaredSize: number;
	localHeaderOffset: number;
}

/** Inflated bytes still allowed, shared by every entry read from one file. */
export interface InflateBudget {
	remaining: number;
}

const broken = (cause?: unknown) => new ImportFileError(BROKEN_XLSX, { cause });

/** The entries of the archive by lower-case name (part names in an XLSX are case-insensitive). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end-of-central-directory record is the last 22 bytes, or further back when a comment follows it.
	let end = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	}
	if (end < 0) throw broken();
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const entries = new Map<string, ZipEntry>();
	const decoder = new TextDecoder();
	for (let n = 0; n < count; n++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw broken();
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const entry: ZipEntry = {
			name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			declaredSize: view.getUint32(at + 24, true),
			localHeaderOffset: view.getUint32(at + 42, true)
		};
		readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
		entries.set(entry.name.toLowerCase(), entry);
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/** Sizes and offset too large for 32 bits sit in the ZIP64 extra field (id 1), in this order, when marked 0xFFFFFFFF. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
	const end = Math.min(start + length, view.byteLength);
	for (let at = start; at + 4 <= end;) {
		const id = view.getUint16(at, true);
		const size = view.getUint16(at + 2, true);
		if (id === 1) {
			let field = at + 4;
			const next = () => {
				if (field + 8 > end) throw broken();
				const value = Number(view.getBigUint64(field, true));
				field += 8;
				return value;
			};
			if (entry.declaredSize === 0xffffffff) entry.declaredSize = next();
			if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
			if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
			return;
		}
		at += 4 + size;
	}
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localHeaderOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw broken();
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	if (start + entry.compressedSize > bytes.length) throw broken();
	return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates an entry and hands its bytes to `onChunk` as they come, counting them against `budget`: past it,
 * inflating stops and the file is refused. An error `onChunk` throws stops it too and is passed on.
 */
export function inflateEntry(
	bytes: Uint8Array,
	entry: ZipEntry,
	budget: InflateBudget,
	onChunk: (chunk: Uint8Array) => void
): Promise<void> {
	const data = compressedData(bytes, entry);
	const take = (chunk: Uint8Array) => {
		budget.remaining -= chunk.length;
		if (budget.remaining < 0) throw new ImportFileError(LIMIT_MESSAGES.tooMuchXml);
		onChunk(chunk);
	};
	if (entry.method === 0) {
		// Stored, not compressed: the data is already bounded by the file's size.
		try {
			take(data);
			return Promise.resolve();
		} catch (err) {
			return Promise.reject(err as Error);
		}
	}
	if (entry.method !== 8) return Promise.reject(broken());
	return new Promise<void>((resolve, reject) => {
		// Each chunk is inflated on libuv's thread pool, so other requests are served between chunks.
		const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
		let failed = false;
		const fail = (err: unknown) => {
			if (failed) return;
			failed = true;
			inflate.destroy();
			reject(err instanceof ImportFileError ? err : broken(err));
		};
		inflate.on('data', (chunk: Buffer) => {
			if (failed) return;
			try {
				take(chunk);
			} catch (err) {
				fail(err);
			}
		});
		inflate.on('error', fail);
		inflate.on('end', () => {
			if (!failed) resolve();
		});
		inflate.end(data);
	});
}
