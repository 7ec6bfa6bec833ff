import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestAccount, createTestDb, createTestMember, createTestTree } from '../../../../tests/helpers/db';
import type { Connection } from '../db/client';
import { auditEvent, member, membership, unit, user } from '../db/schema';
import { findUnit } from '../db/queries/units';
import { findUserById, findUserByUsername } from '../db/queries/users';
import { verifyPassword } from '../auth/password';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { todayIso } from '../../domain/dates';
import { commitImport, groupByChapter, parseBirthDate, parseTargetGroup, previewImport } from './members';
import { generateTemporaryPassword } from '../auth/password';
import { resetPassword } from '../admin/members';
import { attemptSignIn } from '../auth/login';
import { parseImportFile, type ImportRow } from './parse';

const HEADER = 'Họ và tên,Ngày sinh,Chức vụ,Nhóm đối tượng,Chi bộ,Tên đăng nhập';
const GROUPS = ['A', 'B', 'C', 'Mẫu 2A', '2b', 'nhóm c'];
const encode = (text: string) => new TextEncoder().encode(text);

async function rowsOf(text: string): Promise<ImportRow[]> {
	const parsed = await parseImportFile(encode(text));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.rows;
}

function counts(db: Connection) {
	const n = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
	return {
		user: n('user'),
		member: n('member'),
		membership: n('membership'),
		audit: n('audit_event'),
		memberCounts: db.select({ id: unit.id, n: unit.memberCount }).from(unit).all()
	};
}

describe('member import', () => {
	let db: Connection;
	let tree: ReturnType<typeof createTestTree>;
	let adminId: number;
	beforeEach(async () => {
		db = createTestDb();
		tree = createTestTree(db);
		adminId = await createTestAccount(db, 'quantri');
	});

	/** 5,000 rows over three chapters (one named by id), line = index + 2. */
	function bigFile() {
		const chapters = [tree.chapterA.name, tree.chapterB.name, String(tree.otherChapter.id)];
		return Array.from({ length: 5000 }, (_, i) => {
			const day = String((i % 28) + 1).padStart(2, '0');
			const position = i % 10 === 0 ? '"Phó Bí thư, Trưởng phòng"' : 'Chuyên viên';
			return `Nguyễn Văn Nhập ${i},${day}/0${(i % 9) + 1}/19${60 + (i % 40)},${position},${GROUPS[i % GROUPS.length]},${chapters[i % 3]},nhap${i}`;
		});
	}

	it('writes nothing from a 5,000-row file with 7 bad rows and names every bad line', async () => {
		await createTestMember(db, tree.chapterA, { username: 'tontai01' });
		const lines = bigFile();
		const bad: Record<number, string> = {
			101: 'Trần Thị Sai,31/02/1980,,B,Chi bộ Giáo viên,sai101',
			702: 'Trần Thị Sai,01/01/1980,,B,Chi bộ Không Có,sai702',
			1503: 'Trần Thị Sai,01/01/1980,,B,Chi bộ Giáo viên,nhap7',
			2004: ',01/01/1980,,B,Chi bộ Giáo viên,sai2004',
			3005: 'Trần Thị Sai,01/01/1980,,D,Chi bộ Giáo viên,sai3005',
			4006: 'Trần Thị Sai,01/01/1980,,B,Chi bộ Giáo viên,Trần Sai',
			4907: 'Trần Thị Sai,01/01/1980,,B,Chi bộ Giáo viên,TonTai01'
		};
		for (const [line, text] of Object.entries(bad)) lines[Number(line) - 2] = text;
		const rows = await rowsOf([HEADER, ...lines].join('\n'));
		expect(rows).toHaveLength(5000);

		const before = counts(db);
		const result = await commitImport(db, rows, adminId);
		expect(result.ok).toBe(false);
		expect(counts(db)).toEqual(before);
		if (result.ok) return;
		expect(result.preview.errors.map((e) => e.line)).toEqual([101, 702, 1503, 2004, 3005, 4006, 4907]);
		expect(result.preview.valid).toHaveLength(4993);
		const messages = result.preview.errors.map((e) => e.message);
		expect(messages[0]).toBe('Dòng 101: ngày sinh «31/02/1980» không hợp lệ');
		expect(messages[1]).toBe('Dòng 702: không tìm thấy chi bộ «Chi bộ Không Có»');
		expect(messages[2]).toBe('Dòng 1503: tên đăng nhập «nhap7» trùng với dòng 9');
		expect(messages[3]).toBe('Dòng 2004: thiếu họ và tên');
		expect(messages[4]).toContain('Dòng 3005: nhóm đối tượng «D» không hợp lệ');
		expect(messages[5]).toContain('Dòng 4006: tên đăng nhập «Trần Sai» không hợp lệ');
		expect(messages[6]).toBe('Dòng 4907: tên đăng nhập «tontai01» đã có tài khoản trong hệ thống');
	});

	it('imports a clean 5,000-row file: chapters, groups, counts, temporary passwords', async () => {
		const rows = await rowsOf(`\uFEFF${[HEADER, ...bigFile()].join('\r\n')}\r\n`);
		const started = performance.now();
		const result = await commitImport(db, rows, adminId);
		console.log(`5,000-row import committed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.accounts).toHaveLength(5000);

		const perChapter = (id: number) => db.select().from(membership).where(eq(membership.unitId, id)).all().length;
		expect([perChapter(tree.chapterA.id), perChapter(tree.chapterB.id), perChapter(tree.otherChapter.id)]).toEqual([
			1667, 1667, 1666
		]);
		const memberCount = (u: { id: number }) => findUnit(db, u.id)!.memberCount;
		expect(memberCount(tree.chapterA)).toBe(1667);
		expect(memberCount(tree.grassroots)).toBe(3334);
		expect(memberCount(tree.branch)).toBe(3334);
		expect(memberCount(tree.otherBranch)).toBe(1666);
		expect(memberCount(tree.province)).toBe(5000);

		const n7 = findUserByUsername(db, 'nhap7')!;
		const profile = db.select().from(member).where(eq(member.userId, n7.id)).get()!;
		expect(profile).toMatchObject({ dateOfBirth: '1967-08-08', position: 'Chuyên viên', targetGroup: 'B' });
		const n10 = db
			.select()
			.from(member)
			.where(eq(member.userId, findUserByUsername(db, 'nhap10')!.id))
			.get()!;
		expect(n10).toMatchObject({ position: 'Phó Bí thư, Trưởng phòng', targetGroup: 'B' });
		const groups = db
			.select({ g: member.targetGroup })
			.from(member)
			.all()
			.map((r) => r.g);
		expect(groups.filter((g) => g === 'A')).toHaveLength(1667);
		expect(
			db
				.select()
				.from(membership)
				.all()
				.every((m) => m.startedOn === todayIso() && m.endedOn === null)
		).toBe(true);
		expect(
			db
				.select()
				.from(user)
				.where(eq(user.mustChangePassword, false))
				.all()
				.map((u) => u.username)
		).toEqual(['quantri']);

		for (const account of result.accounts.filter((_, i) => i % 250 === 0)) {
			// A one-time code of 16 characters (79 bits) in four groups, stored as a salted SHA-256 (auth/password.ts).
			expect(account.temporaryPassword).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
			const stored = findUserByUsername(db, account.username)!;
			expect(stored.passwordHash).toMatch(/^\$otc-sha256\$/);
			expect(stored.passwordHash).not.toContain(account.temporaryPassword.replace(/-/g, ''));
			expect(await verifyPassword(stored.passwordHash, account.temporaryPassword)).toBe(true);
			// Typed as read off paper: capitals, spaces instead of dashes, or no separators at all.
			expect(
				await verifyPassword(stored.passwordHash, account.temporaryPassword.toUpperCase().replace(/-/g, ' '))
			).toBe(true);
			expect(await verifyPassword(stored.passwordHash, account.temporaryPassword.replace(/.$/, '9'))).toBe(
				account.temporaryPassword.endsWith('9')
			);
		}
		const audit = db.select().from(auditEvent).where(eq(auditEvent.action, 'member.import')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: adminId,
			unitId: tree.province.id,
			detail: { count: 5000, chapters: 3 }
		});
		expect(
			groupByChapter(result.accounts)
				.map((g) => g.accounts.length)
				.sort()
		).toEqual([1666, 1667, 1667]);
	}, 600_000);

	it('reads a semicolon CSV with quoted line breaks and headers typed without diacritics', async () => {
		const text = [
			'HO VA TEN;ngay sinh;Chuc Vu;nhom doi tuong;CHI BO;ten dang nhap',
			'"Lê Thị\nHoa";7/5/1980;"Bí thư; Giám đốc";Mẫu 2A;Chi bộ Giáo viên;LeHoa',
			'',
			'Phạm Văn Nam;1975-12-01;;c;Chi bộ Hành chính;pvnam'
		].join('\n');
		const rows = await rowsOf(text);
		expect(rows.map((r) => r.line)).toEqual([2, 5]);
		const preview = previewImport(db, rows);
		expect(preview.errors).toEqual([]);
		expect(preview.valid[0]).toMatchObject({
			fullName: 'Lê Thị Hoa',
			dateOfBirth: '1980-05-07',
			position: 'Bí thư; Giám đốc',
			targetGroup: 'A',
			username: 'lehoa',
			chapterId: tree.chapterA.id
		});
		expect(preview.valid[1]).toMatchObject({ targetGroup: 'C', chapterId: tree.chapterB.id });
	});

	it('reports a missing required column once, naming it', async () => {
		const parsed = await parseImportFile(encode('Họ và tên,Ngày sinh,Tên đăng nhập\nAn,01/01/1980,an01\n'));
		expect(parsed).toEqual({
			ok: false,
			error: expect.stringContaining('Tệp thiếu cột bắt buộc: «Nhóm đối tượng», «Chi bộ».')
		});
	});

	it('reads the first sheet of an XLSX file, with an Excel date cell and its row numbers', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Danh sách');
		sheet.addRow(['Danh sách đảng viên Chi bộ Giáo viên']);
		sheet.addRow(['Ho va ten', 'Ngay sinh', 'Chuc vu', 'Nhom doi tuong', 'Chi bo', 'Ten dang nhap']);
		sheet.addRow(['Vũ Thị Lan', new Date(Date.UTC(1982, 10, 20)), 'Giáo viên', '2B', tree.chapterA.id, 'vtlan']);
		sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
		sheet.addRow([]);
		sheet.addRow(['Hà Văn Sơn', '03/04/1979', '', 'A', 'Chi bộ Giáo viên', 'hvson']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const parsed = await parseImportFile(bytes);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.rows.map((r) => [r.line, r.dateOfBirth, r.chapter])).toEqual([
			[3, '1982-11-20', String(tree.chapterA.id)],
			[5, '03/04/1979', 'Chi bộ Giáo viên']
		]);
		expect(previewImport(db, parsed.rows).valid.map((m) => m.dateOfBirth)).toEqual(['1982-11-20', '1979-04-03']);
	});

	it('refuses a closed chapter, a unit that is not a chapter and an ambiguous chapter name', async () => {
		db.update(unit).set({ closedAt: new Date() }).where(eq(unit.id, tree.chapterB.id)).run();
		const rows = await rowsOf(
			[
				HEADER,
				`An,01/01/1980,,A,${tree.chapterB.name},an01`,
				`Bình,01/01/1980,,A,${tree.grassroots.name},binh01`,
				`Chi,01/01/1980,,A,${tree.grassroots.id},chi01`
			].join('\n')
		);
		const messages = previewImport(db, rows).errors.map((e) => e.message);
		expect(messages).toEqual([
			'Dòng 2: chi bộ «Chi bộ Hành chính» đã ngừng hoạt động',
			'Dòng 3: «Đảng bộ Trường Một» không phải là chi bộ',
			'Dòng 4: «Đảng bộ Trường Một» không phải là chi bộ'
		]);
	});

	it('checks dates and target groups strictly', () => {
		expect(parseBirthDate('7/5/1980')).toBe('1980-05-07');
		expect(parseBirthDate('29/02/1984')).toBe('1984-02-29');
		expect(parseBirthDate('29/02/1983')).toBeNull();
		expect(parseBirthDate('1980-13-01')).toBeNull();
		expect(parseBirthDate('01/01/2999')).toBeNull();
		expect(parseBirthDate('5/1980')).toBeNull();
		expect(['A', 'b', '2C', 'Mẫu 2A', 'mau 2b', 'Nhóm C'].map(parseTargetGroup)).toEqual([
			'A',
			'B',
			'C',
			'A',
			'B',
			'C'
		]);
		expect(['D', '2', 'AB', ''].map(parseTargetGroup)).toEqual([null, null, null, null]);
		const password = generateTemporaryPassword();
		expect(password).toMatch(/^[a-hj-km-np-z2-9]{12}$/);
	});

	it('resets a password: must change at next sign-in, every session ended, audited', async () => {
		const memberId = await createTestMember(db, tree.chapterA, { username: 'quenmatkhau' });
		const token = generateSessionToken();
		createSession(db, token, memberId);
		expect(validateSessionToken(db, token)).not.toBeNull();

		const password = await resetPassword(db, memberId, adminId);
		expect(password).toMatch(/^[a-hj-km-np-z2-9]{12}$/);
		expect(validateSessionToken(db, token)).toBeNull();
		const account = findUserById(db, memberId)!;
		expect(account.mustChangePassword).toBe(true);
		expect(await verifyPassword(account.passwordHash, password!)).toBe(true);
		expect(db.select().from(auditEvent).where(eq(auditEvent.action, 'password.reset')).all()).toMatchObject([
			{ actorId: adminId, targetType: 'user', targetId: memberId }
		]);
		expect(await resetPassword(db, 99_999, adminId)).toBeNull();
	});

	it('lets the owner sign in with the new password at once, though their own failed tries had slowed them', async () => {
		const memberId = await createTestMember(db, tree.chapterA, { username: 'bikhoa' });
		const at = Date.UTC(2026, 11, 2, 8, 0, 0);
		const tryWith = (password: string) => attemptSignIn(db, { username: 'bikhoa', password, address: '10.1.1.1' }, at);
		for (let i = 0; i < 4; i++) await tryWith('sai-mat-khau');
		expect(await tryWith('sai-mat-khau')).toMatchObject({ ok: false, reason: 'throttled' });

		const password = (await resetPassword(db, memberId, adminId))!;
		expect(await tryWith(password)).toEqual({ ok: true, userId: memberId, mustChangePassword: true });
	});
});
