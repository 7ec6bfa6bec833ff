// Limits on an uploaded member list. They are checked while the file is read, so no file can make the
// server spend more than a bounded amount of memory and time before it is refused:
//
// - MAX_IMPORT_BYTES (5 MB) is the file as uploaded. BODY_SIZE_LIMIT (scripts/serve.js) must stay above it.
// - MAX_IMPORT_ROWS (60,000 data rows): the largest province we serve has about 54,000 members, so a whole
//   province fits in one file with room to spare; a file with more rows is a mistake or an attack.
// - MAX_IMPORT_COLUMNS (30): the list has six columns; people add a few of their own (STT, ghi chú…), thirty
//   leaves plenty of room. Only a non-empty cell beyond it counts, since Excel keeps blank formatted cells.
// - MAX_CELL_CHARS (500): the longest field kept is a name or position of 200 characters; a longer cell is
//   pasted text, not a member.
// - MAX_XML_BYTES (50 MB) is the XML inflated from an XLSX, all parts read counted together. A 4 MB XLSX can
//   hold gigabytes of XML (a "zip bomb"), so inflated bytes are counted as they come and reading stops at the
//   cap; the sizes the zip declares are checked first but not trusted. Measured: 54,000 members written by
//   ExcelJS inflate to 17.8 MB (sheet 14.2 MB, shared strings 3.6 MB), so 60,000 rows need about 20 MB and
//   the cap leaves more than twice that for files other programs write more verbosely.

/** Largest file accepted. The server's BODY_SIZE_LIMIT must be above this plus the multipart overhead. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Most data rows (members) in one file. */
export const MAX_IMPORT_ROWS = 60_000;
/** Columns that may hold data. */
export const MAX_IMPORT_COLUMNS = 30;
/** Longest cell, in characters. */
export const MAX_CELL_CHARS = 500;
/** Most XML inflated from one XLSX file, every part read counted together. */
export const MAX_XML_BYTES = 50 * 1024 * 1024;
/** The header may sit below a title: it is looked for in the first rows that are not blank. */
export const HEADER_SEARCH_ROWS = 10;

const number = new Intl.NumberFormat('vi-VN');

/** What a file that is not a readable XLSX gets. */
export const BROKEN_XLSX = 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải tệp .xlsx.';

/** A file refused while it is read, with the message to show. */
export class ImportFileError extends Error {}

/** The messages for each limit, in the words a person reads. */
export const LIMIT_MESSAGES = {
	tooManyRows: `Tệp có hơn ${number.format(MAX_IMPORT_ROWS)} dòng dữ liệu. Hãy chia danh sách thành nhiều tệp, mỗi tệp tối đa ${number.format(MAX_IMPORT_ROWS)} đảng viên.`,
	tooMuchXml: `Tệp giải nén quá lớn: nội dung trang tính vượt quá ${MAX_XML_BYTES / 1024 / 1024} MB (danh sách ${number.format(MAX_IMPORT_ROWS)} đảng viên chỉ khoảng 20 MB). Hãy xoá các trang tính và định dạng thừa, hoặc chia danh sách thành nhiều tệp.`,
	tooLongCell: (line: number, column: string) =>
		`Dòng ${line}, cột ${column}: ô dài hơn ${MAX_CELL_CHARS} ký tự. Mỗi ô tối đa ${MAX_CELL_CHARS} ký tự.`,
	tooManyColumns: (line: number, column: string) =>
		`Dòng ${line}: có dữ liệu ở cột ${column}, trong khi tệp chỉ được dùng tối đa ${MAX_IMPORT_COLUMNS} cột. Hãy xoá các cột thừa.`
};

/** "A" for 1, "AD" for 30: the column letters Excel shows. */
export function columnLetters(column: number): string {
	let out = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
	return out;
}
