import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestDb, testPasswordHash } from '../../../tests/helpers/db';
import { handIn, signedInUser, testSecretary } from '../../../tests/helpers/sheets';
import type { Connection, Db } from './db/client';
import { resultRows } from './db/queries/export';
import { createMember, moveMember } from './db/queries/members';
import { createPeriod } from './db/queries/periods';
import { ensureDefaultTemplate } from './admin/templates';
import { createUnit, findUnit, type UnitRow } from './db/queries/units';
import { sheet } from './db/schema';
import { approveSheet, chapterSheet } from './sheets/review';
import { openCurrentSheet, saveSheet } from './sheets/member';
import { countsOf, unitOverview } from './overview';
import { finalRatingCounts, handedIn, ratingCounts, type UnitCounts } from '../domain/overview';
import { attachment, toCsv, toXlsx, UNIT_SUMMARY_HEADERS } from './export';
import { exportResponse, exportRows } from './export-response';
import { writeReviewerRating, writeSelfRating } from './db/queries/example-setting';
import type { TargetGroup } from '../domain/template';

const TODAY = '2026-03-10';
const HEADERS = [
	'STT',
	'Họ và tên',
	'Tên đăng nhập',
	'Ngày sinh',
	'Chức vụ',
	'Nhóm đối tượng',
	'Chi bộ',
	'Trạng thái',
	'Điểm tự soi',
	'Kết quả tự soi (không phải xếp loại chính thức)',
	'Chi ủy xếp loại',
	'Lý do điều chỉnh',
	'Biểu hiện tự nhận',
	'Nêu gương: tự đánh giá',
	'Nêu gương: người xem xét đánh giá'
];
const FORMULA_START = /^[=+\-@\t\r]/;
const HYPERLINK = '=HYPERLINK("http://x")';
const REASON = '-Chưa khắc phục, "cần" theo dõi\nthêm';

let seq = 0;
async function member(
	db: Db,
	chapter: UnitRow,
	fullName: string,
	extra: { position?: string; dateOfBirth?: string; targetGroup?: TargetGroup } = {}
) {
	seq += 1;
	return createMember(db, {
		username: `dv${seq}`,
		fullName,
		passwordHash: await testPasswordHash(),
		mustChangePassword: false,
		dateOfBirth: extra.dateOfBirth ?? '1980-05-17',
		position: extra.position ?? 'Giáo viên',
		targetGroup: extra.targetGroup ?? 'B',
		chapterId: chapter.id,
		joinedOn: '2010-01-01'
	});
}

/**
 * Units whose paths share prefixes: branch 2 ("/1/2/") beside branch 20 ("/1/20/"), and inside branch 2 the
 * chapters 3 ("/1/2/3/") and 30 ("/1/2/30/"). Empty filler units take up the ids in between.
 */
async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const province = createUnit(db, { name: 'Đảng bộ tỉnh Thử', kind: 'dang_bo_tinh', parentId: null });
	const branch2 = createUnit(db, { name: 'Đảng bộ phường Một', kind: 'dang_bo_truc_thuoc', parentId: province.id });
	const chapter3 = createUnit(db, { name: 'Chi bộ Giáo viên', kind: 'chi_bo', parentId: branch2.id });
	const fill = (until: number) => {
		while (createUnit(db, { name: 'Chi bộ trống', kind: 'chi_bo', parentId: province.id }).id < until - 1);
	};
	fill(20);
	const branch20 = createUnit(db, { name: 'Đảng bộ xã Hai', kind: 'dang_bo_truc_thuoc', parentId: province.id });
	const chapter21 = createUnit(db, { name: 'Chi bộ Thôn Hai', kind: 'chi_bo', parentId: branch20.id });
	fill(30);
	const chapter30 = createUnit(db, { name: '+Chi bộ Kế toán', kind: 'chi_bo', parentId: branch2.id });
	expect([province.path, branch2.path, chapter3.path, branch20.path, chapter21.path, chapter30.path]).toEqual([
		'/1/',
		'/1/2/',
		'/1/2/3/',
		'/1/20/',
		'/1/20/21/',
		'/1/2/30/'
	]);
	const period = createPeriod(db, {
		name: 'Năm 2026',
		year: 2026,
		unitId: province.id,
		templateVersionId: version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31'
	});
	return { db, content: version.content, province, branch2, chapter3, branch20, chapter21, chapter30, period };
}

/** Chapter 3: one submitted, one approved with an adjusted rating, one not started, one draft; one member each in chapters 30 and 21. */
async function filled() {
	const ctx = await setup();
	const { db, content, chapter3 } = ctx;
	await testSecretary(db, ctx.chapter21, 'Bí thư Thôn Hai');
	const an = await member(db, chapter3, 'Nguyễn Văn An', {
		position: 'Giáo viên, "chủ nhiệm"',
		dateOfBirth: '1975-01-02'
	});
	const link = await member(db, chapter3, HYPERLINK, { targetGroup: 'A', dateOfBirth: '1990-12-31' });
	const phone = await member(db, chapter3, 'Phạm Thị Dung', { position: '+84 giám đốc', targetGroup: 'C' });
	const cmd = await member(db, chapter3, '@cmd', { position: '-Tổ trưởng' });
	const binh = await member(db, ctx.chapter30, 'Trần Thị Bình');
	const cuong = await member(db, ctx.chapter21, 'Lê Văn Cường');

	handIn(db, an, content, TODAY, { 'TT1.1': 1, 'DD1.1': 1 });
	const linkSheet = handIn(db, link, content, TODAY, { 'TT1.1': 2 });
	const secretary3 = await testSecretary(db, chapter3, 'Bí thư Giáo viên');
	expect(
		approveSheet(db, secretary3, chapterSheet(db, chapter3.id, linkSheet)!, {
			revision: chapterSheet(db, chapter3.id, linkSheet)!.sheet.revision,
			assessment: '',
			finalRating: 'trung_binh',
			reason: REASON
		})
	).toEqual({ ok: true });
	// The leader's example-setting, rated by the leader and by the secretary: its own columns.
	writeSelfRating(db, linkSheet, { rating: 'tot', note: '' });
	writeReviewerRating(db, linkSheet, { rating: 'kha', reason: 'Còn nể nang.', reviewerId: secretary3.id });
	const cmdUser = signedInUser(db, cmd);
	const draft = openCurrentSheet(db, cmdUser, TODAY)!;
	expect(
		saveSheet(db, cmdUser, draft.sheet.id, { revision: 0, answers: { 'DB3.1': { level: 3 } } }, TODAY)
	).toMatchObject({ ok: true });
	handIn(db, binh, content, TODAY);
	handIn(db, cuong, content, TODAY, { 'DD9.1': 1 });
	return { ...ctx, ids: { an, link, phone, cmd, binh, cuong, secretary3: secretary3.id } };
}

const scoreOf = (db: Db, memberId: number, periodId: number) =>
	db
		.select()
		.from(sheet)
		.all()
		.find((s) => s.memberId === memberId && s.periodId === periodId)?.score ?? null;

/** A small RFC 4180 reader: fields in double quotes may hold commas, quotes ("") and line breaks; records end in CRLF. */
/** Reads CSV as a spreadsheet would, splitting on `separator` outside quotes. */
function parseCsv(text: string, separator = ','): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === '') quoted = true;
		else if (ch === separator) {
			record.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i++;
		} else if (ch === '\n' || ch === '\r' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
		else field += ch;
	}
	if (quoted || field !== '' || record.length > 0) throw new Error('the last record does not end in CRLF');
	return records;
}

async function readXlsx(buffer: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	expect(workbook.worksheets).toHaveLength(1);
	return workbook.worksheets[0];
}

describe('resultRows', () => {
	it("covers a unit's whole subtree and nothing beside it, even where paths share a prefix", async () => {
		const ctx = await filled();
		const { db, period } = ctx;
		const names = (u: UnitRow) => resultRows(db, u.path, period.id).map((r) => r.fullName);
		expect(names(ctx.branch2)).toEqual([
			'@cmd',
			HYPERLINK,
			'Nguyễn Văn An',
			'Phạm Thị Dung',
			'Bí thư Giáo viên',
			'Trần Thị Bình'
		]);
		expect(names(ctx.chapter3)).toEqual(['@cmd', HYPERLINK, 'Nguyễn Văn An', 'Phạm Thị Dung', 'Bí thư Giáo viên']);
		expect(names(ctx.chapter30)).toEqual(['Trần Thị Bình']);
		expect(names(ctx.branch20)).toEqual(['Lê Văn Cường', 'Bí thư Thôn Hai']);
		expect(names(ctx.province)).toEqual([...names(ctx.branch2), ...names(ctx.branch20)]);
		// A unit with an id of one digit is not the prefix of a sibling with two.
		expect(names(findUnit(db, 4)!)).toEqual([]);
	});

	it("agrees with the unit's counts when a member moved after handing in: the sheet stays where it was made", async () => {
		const ctx = await filled();
		const { db, period } = ctx;
		moveMember(db, ctx.ids.an, ctx.chapter21.id, '2026-03-12');
		for (const u of [ctx.chapter3, ctx.branch2, ctx.chapter21, ctx.branch20, ctx.province]) {
			const rows = resultRows(db, u.path, period.id);
			const handedInRows = rows.filter((r) => r.status === 'submitted' || r.status === 'approved').length;
			expect(handedInRows, u.name).toBe(handedIn(countsOf(db, period, findUnit(db, u.id)!)));
		}
	});
});

describe('toXlsx', () => {
	it('writes a title row, the Vietnamese headers and one plain line per member, with formula-like text neutralised', async () => {
		const ctx = await filled();
		const { db, period } = ctx;
		const rows = exportRows(db, ctx.branch2.path, period);
		const ws = await readXlsx(await toXlsx(rows, 'Kết quả tự soi, tự sửa — Đảng bộ phường Một — Năm 2026'));

		expect(ws.name).toBe('Kết quả');
		expect(ws.getCell(1, 1).value).toBe('Kết quả tự soi, tự sửa — Đảng bộ phường Một — Năm 2026');
		expect(ws.getRow(1).cellCount).toBe(1);
		expect(HEADERS.map((_, i) => ws.getCell(2, i + 1).value)).toEqual(HEADERS);
		expect(ws.getRow(2).cellCount).toBe(HEADERS.length);
		expect(ws.rowCount).toBe(2 + 6);

		const line = (n: number) => HEADERS.map((_, i) => ws.getCell(2 + n, i + 1).value);
		const score = (id: number) => scoreOf(db, id, period.id);
		const username = (id: number) => loginOf(db, id);
		expect(line(1)).toEqual([
			1,
			"'@cmd",
			username(ctx.ids.cmd),
			'17/05/1980',
			"'-Tổ trưởng",
			'B',
			'Chi bộ Giáo viên',
			'Đang làm',
			// A draft's score and flagged signs are the member's own until handed in.
			null,
			'',
			'',
			'',
			'',
			'',
			''
		]);
		expect(line(2)).toEqual([
			2,
			`'${HYPERLINK}`,
			username(ctx.ids.link),
			'31/12/1990',
			'Giáo viên',
			'A',
			'Chi bộ Giáo viên',
			'Đã duyệt',
			// A sign at level 2 capped the result at Khá: its 99,2 beside "Khá" would contradict it, so no score.
			null,
			'Khá',
			'Trung bình',
			`'${REASON}`,
			'TT1.1',
			'Tốt',
			'Khá'
		]);
		expect(line(3)).toEqual([
			3,
			'Nguyễn Văn An',
			username(ctx.ids.an),
			'02/01/1975',
			'Giáo viên, "chủ nhiệm"',
			'B',
			'Chi bộ Giáo viên',
			'Đã nộp',
			score(ctx.ids.an),
			'Tốt',
			'',
			'',
			'DD1.1, TT1.1',
			'',
			''
		]);
		expect(line(4)).toEqual([
			4,
			'Phạm Thị Dung',
			username(ctx.ids.phone),
			'17/05/1980',
			"'+84 giám đốc",
			'C',
			'Chi bộ Giáo viên',
			'Chưa làm',
			null,
			'',
			'',
			'',
			'',
			'',
			''
		]);
		expect(line(5)[7]).toBe('Chưa làm');
		expect(line(6)).toEqual([
			6,
			'Trần Thị Bình',
			username(ctx.ids.binh),
			'17/05/1980',
			'Giáo viên',
			'B',
			"'+Chi bộ Kế toán",
			'Đã nộp',
			score(ctx.ids.binh),
			'Tốt',
			'',
			'',
			'',
			'',
			''
		]);
		for (const n of [3, 6]) expect(typeof ws.getCell(2 + n, 9).value).toBe('number');

		// Nothing in the file is a formula, and no text cell starts like one.
		ws.eachRow((row) =>
			row.eachCell((cell) => {
				expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
				expect(cell.formula).toBeUndefined();
				if (typeof cell.value === 'string') expect(cell.value).not.toMatch(FORMULA_START);
			})
		);
		for (const [r, c] of [
			[3, 2],
			[6, 5],
			[3, 5]
		])
			expect(ws.getCell(r, c).type).toBe(ExcelJS.ValueType.String);
	});

	it('neutralises a title that starts like a formula', async () => {
		const ws = await readXlsx(await toXlsx([], '=1+1'));
		expect(ws.getCell(1, 1).value).toBe("'=1+1");
		expect(ws.rowCount).toBe(2);
	});
});

function loginOf(db: Connection, userId: number): string {
	return db.$client.prepare('select username from user where id = ?').pluck().get(userId) as string;
}

describe("a committee's workbook", () => {
	it("adds its units' counts, the self-ratings and the chi ủy's side by side, each named; a chapter's has none", async () => {
		const ctx = await filled();
		const { db, period } = ctx;
		const province = findUnit(db, ctx.province.id)!;
		const response = await exportResponse(db, province, 'xlsx', String(period.id));
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kết quả', 'Theo đơn vị']);
		const ws = workbook.worksheets[1];
		const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
		expect(row(1)).toEqual([`Kết quả theo đơn vị trực thuộc — ${province.name} — ${period.name}`]);
		expect(row(2)).toEqual(UNIT_SUMMARY_HEADERS);
		expect(UNIT_SUMMARY_HEADERS.slice(4)).toEqual([
			'Kết quả tự soi — Tốt',
			'Kết quả tự soi — Khá',
			'Kết quả tự soi — Trung bình',
			'Kết quả tự soi — Yếu kém',
			'Chi ủy xếp loại — Tốt',
			'Chi ủy xếp loại — Khá',
			'Chi ủy xếp loại — Trung bình',
			'Chi ủy xếp loại — Yếu kém'
		]);
		const overview = unitOverview(db, province, period);
		const line = (name: string, c: UnitCounts) => [
			name,
			c.members,
			handedIn(c),
			c.approved,
			...Object.values(ratingCounts(c)),
			...Object.values(finalRatingCounts(c))
		];
		const expected = [...overview.children.map((c) => line(c.name, c.counts)), line('Cộng', overview.counts)];
		expect(Array.from({ length: expected.length }, (_, i) => row(3 + i))).toEqual(expected);
		// The chapter's approved sheet was rated lower by the chi ủy: counted once in each series, apart.
		expect(finalRatingCounts(overview.counts)).toEqual({ tot: 0, kha: 0, trung_binh: 1, yeu_kem: 0 });
		expect(ratingCounts(overview.counts).trung_binh).toBe(0);

		const chapter = await exportResponse(db, findUnit(db, ctx.chapter3.id)!, 'xlsx', String(period.id));
		const alone = new ExcelJS.Workbook();
		await alone.xlsx.load((await chapter.arrayBuffer()) as ArrayBuffer);
		expect(alone.worksheets.map((w) => w.name)).toEqual(['Kết quả']);
	});
});

describe('toCsv', () => {
	it('starts with a BOM, ends every record with CRLF and quotes commas, quotes and line breaks', async () => {
		const ctx = await filled();
		const { db, period } = ctx;
		const rows = exportRows(db, ctx.chapter3.path, period);
		const csv = toCsv(rows);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const body = csv.slice(1);
		expect(body.split('\r\n')[0]).toBe(HEADERS.map((h) => `"${h}"`).join(','));
		expect(body).toContain(`,"'=HYPERLINK(""http://x"")",`);
		expect(body).toContain(`,"Giáo viên, ""chủ nhiệm""",`);
		expect(body).toContain(`,"'-Chưa khắc phục, ""cần"" theo dõi\nthêm",`);

		const records = parseCsv(body);
		expect(records[0]).toEqual(HEADERS);
		const score = (id: number) => String(scoreOf(db, id, period.id));
		// The example-setting columns, apart from the self-examination result: only the leader's approved sheet.
		expect(records.slice(1).map((r) => r.slice(13))).toEqual([
			['', ''],
			['Tốt', 'Khá'],
			['', ''],
			['', ''],
			['', '']
		]);
		expect(records.slice(1).map((r) => r.slice(0, 13))).toEqual([
			[
				'1',
				"'@cmd",
				loginOf(db, ctx.ids.cmd),
				'17/05/1980',
				"'-Tổ trưởng",
				'B',
				'Chi bộ Giáo viên',
				'Đang làm',
				'',
				'',
				'',
				'',
				''
			],
			[
				'2',
				`'${HYPERLINK}`,
				loginOf(db, ctx.ids.link),
				'31/12/1990',
				'Giáo viên',
				'A',
				'Chi bộ Giáo viên',
				'Đã duyệt',
				'',
				'Khá',
				'Trung bình',
				`'${REASON}`,
				'TT1.1'
			],
			[
				'3',
				'Nguyễn Văn An',
				loginOf(db, ctx.ids.an),
				'02/01/1975',
				'Giáo viên, "chủ nhiệm"',
				'B',
				'Chi bộ Giáo viên',
				'Đã nộp',
				score(ctx.ids.an),
				'Tốt',
				'',
				'',
				'DD1.1, TT1.1'
			],
			[
				'4',
				'Phạm Thị Dung',
				loginOf(db, ctx.ids.phone),
				'17/05/1980',
				"'+84 giám đốc",
				'C',
				'Chi bộ Giáo viên',
				'Chưa làm',
				'',
				'',
				'',
				'',
				''
			],
			[
				'5',
				'Bí thư Giáo viên',
				loginOf(db, ctx.ids.secretary3),
				'17/05/1980',
				'Chuyên viên',
				'A',
				'Chi bộ Giáo viên',
				'Chưa làm',
				'',
				'',
				'',
				'',
				''
			]
		]);
		for (const record of records) for (const field of record) expect(field).not.toMatch(FORMULA_START);
	});

	it('writes only the header for no rows', () => {
		expect(toCsv([])).toBe(`\uFEFF${HEADERS.map((h) => `"${h}"`).join(',')}\r\n`);
	});

	// Excel set to Vietnamese splits a CSV on ";", elsewhere on ",": a separator inside a name must not
	// start a cell that is a formula, whichever one the reader's Excel uses, and whether it honours quotes.
	const NAMES = ['An;=HYPERLINK("http://x")', 'Bình,+1+1', 'Cường;@SUM(1)', 'Dũng\t=cmd', 'Em;-2', 'Gia\n=1'];
	const POSITION = 'Tổ viên;=1+1,=2';
	async function hostileCsv(): Promise<string> {
		const ctx = await setup();
		for (const name of NAMES) await member(ctx.db, ctx.chapter3, name, { position: POSITION });
		return toCsv(exportRows(ctx.db, ctx.chapter3.path, ctx.period)).slice(1);
	}

	it('keeps every cell whole when read with its quotes, formula-like text after a separator guarded', async () => {
		const records = parseCsv(await hostileCsv());
		expect(records.map((r) => r.length)).toEqual(Array(NAMES.length + 1).fill(HEADERS.length));
		const guarded = (text: string) => text.replace(/([,;\t\r\n])(?=[=+\-@])/g, "$1'");
		expect(
			records
				.slice(1)
				.map((r) => r[1])
				.sort()
		).toEqual(NAMES.map(guarded).sort());
		for (const record of records.slice(1)) expect(record[4]).toBe("Tổ viên;'=1+1,'=2");
		for (const record of records) for (const field of record) expect(field).not.toMatch(FORMULA_START);
	});

	it.each([',', ';', '\t'])(
		'starts no cell with a formula when split on %j without regard to quotes',
		async (separator) => {
			const cells = (await hostileCsv())
				.split(/\r\n|\r|\n/)
				.flatMap((line) => line.split(separator))
				.map((cell) => cell.replace(/^"/, ''));
			expect(cells.length).toBeGreaterThan(NAMES.length + 1); // the separator did split something
			expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
		}
	);
});

describe('attachment', () => {
	it('gives an ASCII file name without diacritics and the exact name as UTF-8', () => {
		const name = 'Kết quả tự soi, tự sửa — Chi bộ Đảng ủy Phường Ưng Hòa Năm 2026.xlsx';
		const header = attachment(name);
		expect(header).toMatch(/^attachment; /);
		const ascii = /filename="([^"]*)"/.exec(header)![1];
		expect(ascii).toBe('Ket-qua-tu-soi-tu-sua-Chi-bo-Dang-uy-Phuong-Ung-Hoa-Nam-2026.xlsx');
		const utf8 = /filename\*=UTF-8''(\S+)$/.exec(header)![1];
		expect(decodeURIComponent(utf8)).toBe(name);
		// A header value must be bytes a fetch Response accepts.
		expect(header).toMatch(/^[\x20-\x7e]+$/);
		expect(() => new Headers({ 'content-disposition': header })).not.toThrow();
	});

	it('keeps quotes, backslashes and semicolons out of the quoted name', () => {
		const header = attachment('Chi bộ "Số 1"; a\\b.csv');
		const ascii = /filename="([^"]*)";/.exec(header)![1];
		expect(ascii).toBe('Chi-bo-So-1-a-b.csv');
		expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(header)![1])).toBe('Chi bộ "Số 1"; a\\b.csv');
	});
});

describe('a score never contradicts its result', () => {
	it('leaves the score out where a critical sign capped the result at Yếu kém, in the CSV and the XLSX', async () => {
		const ctx = await setup();
		const { db, content, chapter3, period } = ctx;
		const critical = content.signs.find((s) => s.critical && s.groups.includes('B'))!.code;
		const capped = await member(db, chapter3, 'Vũ Văn Giới Hạn');
		const plain = await member(db, chapter3, 'Đỗ Thị Bình Thường');
		handIn(db, capped, content, TODAY, { [critical]: 2 });
		handIn(db, plain, content, TODAY, { 'TT1.1': 1 });
		// The stored score is high (one sign of 50-odd) while the cap sets Yếu kém: shown together they contradict.
		expect(scoreOf(db, capped, period.id)).toBeGreaterThan(90);

		const rows = exportRows(db, chapter3.path, period);
		const cells = (id: number) => {
			const i = rows.findIndex((r) => r.memberId === id);
			return [rows[i].shownScore, rows[i].rating];
		};
		expect(cells(capped)).toEqual([null, 'yeu_kem']);
		expect(cells(plain)).toEqual([scoreOf(db, plain, period.id), 'tot']);

		const csv = toCsv(rows).slice(1);
		const line = csv.split('\r\n').find((l) => l.includes('Vũ Văn Giới Hạn'))!;
		expect(line).toContain(',"","Yếu kém",');
		const ws = await readXlsx(await toXlsx(rows, 'Kết quả'));
		const at = rows.findIndex((r) => r.memberId === capped) + 3;
		expect([ws.getCell(at, 9).value, ws.getCell(at, 10).value]).toEqual([null, 'Yếu kém']);
	});
});
