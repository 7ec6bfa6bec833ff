// Builds XLSX files by hand for the import limit tests: a minimal zip writer (node:zlib deflate, streamed, so a
// sheet of hundreds of megabytes never sits in memory) and the few parts a workbook needs.
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/** A part of the archive: its bytes, given in pieces so a huge part can be generated as it is written. */
export interface Part {
	name: string;
	chunks: Iterable<string | Uint8Array | Repeat>;
	/** Inflated size written in the headers instead of the real one: what a lying archive declares. */
	declaredSize?: number;
}

/** The same bytes many times over: deflated once and the compressed block repeated, so a bomb is built in a moment. */
export interface Repeat {
	repeat: Uint8Array;
	times: number;
}

/** Deflates what is written so far and flushes to a byte boundary, returning the compressed bytes. */
function flushed(deflater: ReturnType<typeof createDeflateRaw>, bytes: Uint8Array, out: Buffer[]): Promise<Buffer> {
	const start = out.length;
	deflater.write(bytes);
	return new Promise((resolve) =>
		deflater.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(out.splice(start))))
	);
}

async function deflate(chunks: Iterable<string | Uint8Array | Repeat>) {
	const deflater = createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflater.on('data', (c: Buffer) => out.push(c));
	const done = new Promise<void>((resolve, reject) => {
		deflater.on('end', resolve);
		deflater.on('error', reject);
	});
	const compressed: Buffer[] = [];
	let crc = 0;
	let size = 0;
	for (const chunk of chunks) {
		if (typeof chunk === 'object' && 'repeat' in chunk) {
			// After a sync flush the stream is byte-aligned, and a block whose back-references reach only into
			// the same repeated bytes (at least 32 KB of them) decodes the same wherever it is placed.
			compressed.push(await flushed(deflater, new Uint8Array(0), out));
			compressed.push(await flushed(deflater, chunk.repeat, out));
			const block = await flushed(deflater, chunk.repeat, out);
			for (let i = 1; i < chunk.times; i++) compressed.push(block);
			for (let i = 0; i < chunk.times; i++) crc = crc32(chunk.repeat, crc);
			size += chunk.repeat.length * chunk.times;
			continue;
		}
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		crc = crc32(bytes, crc);
		size += bytes.length;
		if (!deflater.write(bytes)) await new Promise((r) => deflater.once('drain', r));
	}
	deflater.end();
	await done;
	return { data: Buffer.concat([...compressed, ...out]), crc, size };
}

/** A zip archive of deflated parts. */
export async function zip(parts: Part[]): Promise<Buffer> {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const { data, crc, size } = await deflate(part.chunks);
		const name = Buffer.from(part.name);
		const declared = part.declaredSize ?? size;
		const header = Buffer.alloc(30);
		header.writeUInt32LE(0x04034b50, 0);
		header.writeUInt16LE(20, 4);
		header.writeUInt16LE(0x0800, 6); // UTF-8 names
		header.writeUInt16LE(8, 8); // deflate
		header.writeUInt32LE(crc >>> 0, 14);
		header.writeUInt32LE(data.length, 18);
		header.writeUInt32LE(declared, 22);
		header.writeUInt16LE(name.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(8, 10);
		entry.writeUInt32LE(crc >>> 0, 16);
		entry.writeUInt32LE(data.length, 20);
		entry.writeUInt32LE(declared, 24);
		entry.writeUInt16LE(name.length, 28);
		entry.writeUInt32LE(offset, 42);
		locals.push(header, name, data);
		central.push(entry, name);
		offset += header.length + name.length + data.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An XLSX file whose first sheet is `sheet` (the whole worksheet XML, in pieces), with shared strings if given. */
export function xlsx(options: {
	sheet: Iterable<string | Uint8Array | Repeat>;
	sharedStrings?: Iterable<string | Uint8Array | Repeat>;
	declaredSheetSize?: number;
}): Promise<Buffer> {
	const shared = options.sharedStrings;
	return zip([
		{
			name: '[Content_Types].xml',
			chunks: [
				'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
			]
		},
		{
			name: '_rels/.rels',
			chunks: [
				`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
			]
		},
		{
			name: 'xl/workbook.xml',
			chunks: [
				`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`
			]
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			chunks: [
				`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${shared ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`
			]
		},
		{ name: 'xl/worksheets/sheet1.xml', chunks: options.sheet, declaredSize: options.declaredSheetSize },
		...(shared ? [{ name: 'xl/sharedStrings.xml', chunks: shared }] : [])
	]);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Worksheet XML for `count` rows, row n (1-based) holding the cells rowOf(n) gives as inline strings, in pieces. */
export function* sheetXml(count: number, rowOf: (n: number) => string[]): Generator<string> {
	yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
	let piece = '';
	for (let n = 1; n <= count; n++) {
		const cells = rowOf(n)
			.map((text) => `<c t="inlineStr"><is><t>${escape(text)}</t></is></c>`)
			.join('');
		piece += `<row r="${n}">${cells}</row>`;
		if (piece.length > 1 << 16) {
			yield piece;
			piece = '';
		}
	}
	yield `${piece}</sheetData></worksheet>`;
}

/** Worksheet XML with `megabytes` MB of spaces inside it: a few megabytes once deflated, a zip bomb. */
export function* spacesSheet(megabytes: number): Generator<string | Repeat> {
	yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>Họ và tên</t></is></c></row>`;
	yield { repeat: Buffer.alloc(1024 * 1024, 0x20), times: megabytes };
	yield '</sheetData></worksheet>';
}
