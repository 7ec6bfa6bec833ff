import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetXml, spacesSheet, xlsx } from '../../../../tests/helpers/xlsx';
import { LIMIT_MESSAGES, MAX_CELL_CHARS, MAX_IMPORT_ROWS } from './limits';
import { parseImportFile } from './parse';

const HEADER = ['Họ và tên', 'Ngày sinh', 'Chức vụ', 'Nhóm đối tượng', 'Chi bộ', 'Tên đăng nhập'];
const person = (n: number) => [`Nguyễn Văn ${n}`, '01/01/1980', 'Chuyên viên', 'B', 'Chi bộ Văn phòng Sở', `dv${n}`];
const encode = (text: string) => new TextEncoder().encode(text);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Parses and reports how long it took, so a slow refusal shows in the output (times are not asserted). */
async function timed(what: string, bytes: Uint8Array) {
	const started = performance.now();
	const result = await parseImportFile(bytes);
	console.log(
		`${what}: ${(bytes.length / 1e6).toFixed(1)} MB file, answered in ${Math.round(performance.now() - started)} ms`
	);
	return result;
}

describe('XLSX limits', () => {
	it('refuses a zip bomb: 4 GB of spaces in the sheet, deflated to about 4 MB', async () => {
		const bomb = await xlsx({ sheet: spacesSheet(4000) });
		expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
		expect(await timed('4 GB bomb', bomb)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooMuchXml });
	});

	it('counts inflated bytes whatever size the archive declares', async () => {
		const liar = await xlsx({ sheet: spacesSheet(200), declaredSheetSize: 1000 });
		expect(await timed('200 MB declared as 1 KB', liar)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooMuchXml });
	});

	it('refuses a bomb in the shared strings the sheet uses', async () => {
		const bomb = await xlsx({
			sheet: [`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>`],
			sharedStrings: [`<sst xmlns="${MAIN}"><si><t>`, ...spacesSheet(200), '</t></si></sst>']
		});
		expect(await parseImportFile(bomb)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooMuchXml });
	});

	it('refuses a file of 250,000 rows, and takes one of 60,000 rows below a title', async () => {
		const huge = await xlsx({ sheet: sheetXml(250_001, (n) => (n === 1 ? HEADER : person(n))) });
		expect(await timed('250,000 rows', huge)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooManyRows });

		const rowOf = (n: number) => (n === 1 ? ['Danh sách đảng viên'] : n === 2 ? HEADER : person(n));
		const full = await timed('60,000 rows', await xlsx({ sheet: sheetXml(MAX_IMPORT_ROWS + 2, rowOf) }));
		expect(full.ok && [full.rows.length, full.rows[0]!.line, full.rows.at(-1)!.username]).toEqual([
			MAX_IMPORT_ROWS,
			3,
			`dv${MAX_IMPORT_ROWS + 2}`
		]);
		const over = await xlsx({ sheet: sheetXml(MAX_IMPORT_ROWS + 3, rowOf) });
		expect(await parseImportFile(over)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooManyRows });
	});

	it('refuses data beyond column 30 and a cell over 500 characters, naming row and column', async () => {
		const wide = await xlsx({
			sheet: sheetXml(3, (n) =>
				n === 1 ? HEADER : n === 3 ? [...person(n), ...Array(24).fill(''), 'ghi chú'] : person(n)
			)
		});
		expect(await parseImportFile(wide)).toEqual({ ok: false, error: LIMIT_MESSAGES.tooManyColumns(3, 'AE') });

		const long = (length: number) =>
			xlsx({ sheet: sheetXml(2, (n) => (n === 1 ? HEADER : [person(n)[0]!, '01/01/1980', 'x'.repeat(length)])) });
		expect(await parseImportFile(await long(MAX_CELL_CHARS + 1))).toEqual({
			ok: false,
			error: LIMIT_MESSAGES.tooLongCell(2, 'C')
		});
		const fits = await parseImportFile(await long(MAX_CELL_CHARS));
		expect(fits.ok && fits.rows[0]!.position.length).toBe(MAX_CELL_CHARS);
	});

	it('ignores blank formatted cells far to the right and long shared strings no cell uses', async () => {
		const cells = (n: number) =>
			[...(n === 1 ? HEADER : person(n))].map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join('');
		const sheet = [
			`<worksheet xmlns="${MAIN}"><sheetData>`,
			`<row r="1">${cells(1)}<c r="XFD1" s="3"/></row>`,
			`<row r="2">${cells(2)}<c r="AZ2" t="s"><v>1</v></c></row>`,
			'</sheetData></worksheet>'
		];
		const sharedStrings = [`<sst xmlns="${MAIN}"><si><t>${'x'.repeat(5000)}</t></si><si><t> </t></si></sst>`];
		const parsed = await parseImportFile(await xlsx({ sheet, sharedStrings }));
		expect(parsed.ok && parsed.rows.map((r) => r.username)).toEqual(['dv2']);
	});

	it('reads shared, rich, formula, number and date cells as Excel writes them', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Danh sách');
		sheet.addRow(HEADER);
		sheet.addRow([
			{ richText: [{ text: 'Trần ' }, { text: 'Thị & Hoa', font: { bold: true } }] },
			new Date(Date.UTC(1975, 3, 30, 18)),
			{ formula: 'UPPER("bí thư")', result: 'BÍ THƯ' },
			'A',
			42,
			'tthoa'
		]);
		sheet.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm';
		workbook.addWorksheet('Khác').addRow(['không đọc trang này']);
		const parsed = await parseImportFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(parsed).toEqual({
			ok: true,
			rows: [
				{
					line: 2,
					fullName: 'Trần Thị & Hoa',
					dateOfBirth: '1975-04-30',
					position: 'BÍ THƯ',
					targetGroup: 'A',
					chapter: '42',
					username: 'tthoa'
				}
			]
		});
	});

	it('refuses a zip that is not a workbook, and a broken deflate stream', async () => {
		const { zip } = await import('../../../../tests/helpers/xlsx');
		const notWorkbook = await zip([{ name: 'readme.txt', chunks: ['xin chào'] }]);
		expect(await parseImportFile(notWorkbook)).toEqual({
			ok: false,
			error: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx.'
		});
		const good = await xlsx({ sheet: sheetXml(200, (n) => (n === 1 ? HEADER : person(n))) });
		const damaged = Buffer.from(good);
		// Overwrite the middle of the sheet's compressed data (the largest entry, so it sits in the middle).
		damaged.fill(0xff, Math.floor(good.length / 2), Math.floor(good.length / 2) + 64);
		expect(await parseImportFile(damaged)).toEqual({
			ok: false,
			error: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx.'
		});
	});
});

describe('CSV limits', () => {
	const csv = (lines: string[]) => encode([HEADER.join(','), ...lines].join('\r\n'));
	const people = (count: number) => Array.from({ length: count }, (_, i) => person(i + 2).join(','));

	it('takes 60,000 rows and refuses one more', async () => {
		const full = await parseImportFile(csv(people(MAX_IMPORT_ROWS)));
		expect(full.ok && full.rows.length).toBe(MAX_IMPORT_ROWS);
		expect(await parseImportFile(csv(people(MAX_IMPORT_ROWS + 1)))).toEqual({
			ok: false,
			error: LIMIT_MESSAGES.tooManyRows
		});
	});

	it('stops at a cell over 500 characters and at data beyond column 30, keeping trailing empty fields out', async () => {
		expect(await parseImportFile(csv([`An,01/01/1980,${'a'.repeat(1_000_000)}`]))).toEqual({
			ok: false,
			error: LIMIT_MESSAGES.tooLongCell(2, 'thứ 3')
		});
		expect(await parseImportFile(csv([`${person(2).join(',')}${','.repeat(24)},ghi chú`]))).toEqual({
			ok: false,
			error: LIMIT_MESSAGES.tooManyColumns(2, 'thứ 31')
		});
		const trailing = await parseImportFile(csv([`${person(2).join(',')}${','.repeat(200)}`]));
		expect(trailing.ok && trailing.rows.map((r) => r.username)).toEqual(['dv2']);
	});
});
