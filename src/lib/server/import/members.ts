import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { member, membership, user } from '../db/schema';
import { recordAudit } from '../db/queries/audit';
import { addMemberCount, pathIds } from '../db/queries/stats';
import { allUnits, CHAPTER_KINDS, type UnitRow } from '../db/queries/units';
import { normalizeUsername } from '../db/queries/users';
import { generateOneTimeCode, hashOneTimeCode } from '../auth/password';
import { compareVietnameseNames } from '../../domain/names';
import { todayIso } from '../../domain/dates';
import { foldText, type ImportRow } from './parse';
import type { TargetGroup } from '../../domain/template';

/** A row that passed every check, ready to become an account. */
export interface ParsedMember {
	line: number;
	fullName: string;
	dateOfBirth: string;
	position: string;
	targetGroup: TargetGroup;
	chapterId: number;
	chapterName: string;
	username: string;
}

/** One problem in the file; `message` already starts with "Dòng N:". */
export interface ImportError {
	line: number;
	message: string;
}

export interface ImportPreview {
	valid: ParsedMember[];
	errors: ImportError[];
}

/** A created account with the temporary password to hand to its owner (shown once, never stored in clear). */
export interface ImportedAccount {
	chapterId: number;
	chapterName: string;
	fullName: string;
	username: string;
	temporaryPassword: string;
}

export type CommitResult = { ok: true; accounts: ImportedAccount[] } | { ok: false; preview: ImportPreview };

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const MAX_TEXT = 200;

const tidy = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const quote = (text: string) => `«${text.length > 60 ? `${text.slice(0, 60)}…` : text}»`;

/** "17/05/1980", "7/5/1980" or "1980-05-17" → "1980-05-17"; null for anything else or an impossible date. */
export function parseBirthDate(text: string, today = todayIso()): string | null {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
	const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
	if (!y || !m || !d) return null;
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
	if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
		return null;
	const out = date.toISOString().slice(0, 10);
	return Number(y) >= 1900 && out <= today ? out : null;
}

/** "A", "b", "2A", "Mẫu 2C", "Nhóm B" → the target group; null otherwise. */
export function parseTargetGroup(text: string): TargetGroup | null {
	const match = /^(?:mau|nhom)?2?([abc])$/.exec(foldText(text));
	return match ? (match[1]!.toUpperCase() as TargetGroup) : null;
}

type ChapterLookup = { ok: true; unit: UnitRow } | { ok: false; message: string };

function chapterResolver(db: Db): (text: string) => ChapterLookup {
	const units = allUnits(db);
	const byId = new Map(units.map((u) => [String(u.id), u]));
	const byName = new Map<string, UnitRow[]>();
	for (const u of units) byName.set(tidy(u.name), [...(byName.get(tidy(u.name)) ?? []), u]);
	const check = (u: UnitRow): ChapterLookup => {
		if (!CHAPTER_KINDS.includes(u.kind)) return { ok: false, message: `${quote(u.name)} không phải là chi bộ` };
		if (u.closedAt) return { ok: false, message: `chi bộ ${quote(u.name)} đã ngừng hoạt động` };
		return { ok: true, unit: u };
	};
	return (text) => {
		const found = /^\d+$/.test(text) ? byId.get(text) : undefined;
		if (found) return check(found);
		const named = byName.get(text) ?? [];
		const open = named.filter((u) => CHAPTER_KINDS.includes(u.kind) && !u.closedAt);
		if (open.length === 1) return { ok: true, unit: open[0]! };
		if (open.length > 1) {
			const ids = open.map((u) => u.id).join(', ');
			return {
				ok: false,
				message: `có ${open.length} chi bộ cùng tên ${quote(text)}; hãy ghi mã số chi bộ (${ids}) thay cho tên`
			};
		}
		if (named[0]) return check(named[0]);
		return { ok: false, message: `không tìm thấy chi bộ ${quote(text)}` };
	};
}

/** Checks every row against the rules and the database; nothing is written. */
export function previewImport(db: Db, rows: ImportRow[]): ImportPreview {
	const resolveChapter = chapterResolver(db);
	// Prepared once: 5,000 lookups built one by one cost more than the rest of the checks together.
	const existing = db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, sql.placeholder('username')))
		.prepare();
	const firstLineOf = new Map<string, number>();
	const valid: ParsedMember[] = [];
	const errors: ImportError[] = [];
	const today = todayIso();
	for (const row of rows) {
		const problems: string[] = [];
		const fullName = tidy(row.fullName);
		if (!fullName) problems.push('thiếu họ và tên');
		else if (fullName.length > MAX_TEXT) problems.push(`họ và tên dài quá ${MAX_TEXT} ký tự`);
		const dateOfBirth = parseBirthDate(row.dateOfBirth.trim(), today);
		if (!row.dateOfBirth.trim()) problems.push('thiếu ngày sinh');
		else if (!dateOfBirth) problems.push(`ngày sinh ${quote(row.dateOfBirth.trim())} không hợp lệ`);
		const position = tidy(row.position);
		if (position.length > MAX_TEXT) problems.push(`chức vụ dài quá ${MAX_TEXT} ký tự`);
		const targetGroup = parseTargetGroup(row.targetGroup);
		if (!row.targetGroup.trim()) problems.push('thiếu nhóm đối tượng');
		else if (!targetGroup)
			problems.push(`nhóm đối tượng ${quote(row.targetGroup.trim())} không hợp lệ (ghi A, B, C hoặc Mẫu 2A, 2B, 2C)`);
		const chapterText = tidy(row.chapter);
		const chapter = chapterText ? resolveChapter(chapterText) : null;
		if (!chapter) problems.push('thiếu chi bộ');
		else if (!chapter.ok) problems.push(chapter.message);
		const username = normalizeUsername(row.username);
		if (!username) problems.push('thiếu tên đăng nhập');
		else if (!USERNAME.test(username)) {
			problems.push(
				`tên đăng nhập ${quote(row.username.trim())} không hợp lệ (3–64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang)`
			);
		} else if (firstLineOf.has(username))
			problems.push(`tên đăng nhập ${quote(username)} trùng với dòng ${firstLineOf.get(username)}`);
		else {
			firstLineOf.set(username, row.line);
			if (existing.get({ username })) problems.push(`tên đăng nhập ${quote(username)} đã có tài khoản trong hệ thống`);
		}
		for (const p of problems) errors.push({ line: row.line, message: `Dòng ${row.line}: ${p}` });
		if (problems.length === 0 && dateOfBirth && targetGroup && chapter?.ok) {
			valid.push({
				line: row.line,
				fullName,
				dateOfBirth,
				position,
				targetGroup,
				chapterId: chapter.unit.id,
				chapterName: chapter.unit.name,
				username
			});
		}
	}
	return { valid, errors };
}

/** The deepest unit above every chapter of the import (for the audit log's unit filter). */
export function commonUnitId(paths: string[]): number | null {
	const chains = paths.map(pathIds);
	let common = chains[0] ?? [];
	for (const chain of chains) {
		let same = 0;
		while (same < common.length && common[same] === chain[same]) same++;
		common = common.slice(0, same);
	}
	return common.length > 0 ? Number(common.at(-1)) : null;
}

/**
 * The rows createMember writes (account, profile, first membership), with prepared statements: createMember
 * builds its queries and a savepoint per call, which holds the event loop ~15 times longer for a large file.
 * The caller runs it inside its transaction and updates the member counts once per chapter.
 */
export function insertMembers(tx: Db, members: ParsedMember[], hashes: string[], joinedOn: string): number[] {
	const insertUser = tx
		.insert(user)
		.values({
			username: sql.placeholder('username'),
			fullName: sql.placeholder('fullName'),
			passwordHash: sql.placeholder('passwordHash'),
			mustChangePassword: true
		})
		.returning({ id: user.id })
		.prepare();
	const insertMember = tx
		.insert(member)
		.values({
			userId: sql.placeholder('userId'),
			dateOfBirth: sql.placeholder('dateOfBirth'),
			position: sql.placeholder('position'),
			targetGroup: sql.placeholder('targetGroup')
		})
		.prepare();
	const insertMembership = tx
		.insert(membership)
		.values({ memberId: sql.placeholder('memberId'), unitId: sql.placeholder('unitId'), startedOn: joinedOn })
		.prepare();
	return members.map((m, i) => {
		const { id } = insertUser.get({ username: m.username, fullName: m.fullName, passwordHash: hashes[i]! })!;
		insertMember.run({ userId: id, dateOfBirth: m.dateOfBirth, position: m.position, targetGroup: m.targetGroup });
		insertMembership.run({ memberId: id, unitId: m.chapterId });
		return id;
	});
}

/**
 * Creates every member of the file, or nothing, in one transaction: the rows are checked, then checked again and
 * written, since another administrator may have taken a login id or closed a chapter in the meantime. Each account
 * gets a one-time code (a fast hash fits it: see auth/password.ts). The page runs large files as a background job
 * in chunks (import/job.ts); this is the same in one go.
 */
export async function commitImport(db: Db, rows: ImportRow[], actorId: number): Promise<CommitResult> {
	const first = previewImport(db, rows);
	if (first.errors.length > 0 || first.valid.length === 0) return { ok: false, preview: first };
	const passwords = first.valid.map(() => generateOneTimeCode());
	const hashes = passwords.map(hashOneTimeCode);
	const joinedOn = todayIso();
	return db.transaction(
		(tx): CommitResult => {
			const again = previewImport(tx, rows);
			if (again.errors.length > 0) return { ok: false, preview: again };
			insertMembers(tx, again.valid, hashes, joinedOn);
			const accounts = again.valid.map((m, i): ImportedAccount => ({
				chapterId: m.chapterId,
				chapterName: m.chapterName,
				fullName: m.fullName,
				username: m.username,
				temporaryPassword: passwords[i]!
			}));
			finishImport(tx, again.valid, actorId);
			return { ok: true, accounts: sortAccounts(accounts) };
		},
		{ behavior: 'immediate' }
	);
}

/** After the members are written: each chapter's member count once, and the audit line of the whole import. */
export function finishImport(tx: Db, members: ParsedMember[], actorId: number): void {
	const perChapter = new Map<number, number>();
	for (const m of members) perChapter.set(m.chapterId, (perChapter.get(m.chapterId) ?? 0) + 1);
	const paths = allUnits(tx)
		.filter((u) => perChapter.has(u.id))
		.map((u) => u.path);
	for (const path of paths) addMemberCount(tx, path, perChapter.get(pathIds(path).at(-1)!)!);
	recordAudit(tx, {
		actorId,
		action: 'member.import',
		unitId: commonUnitId(paths),
		detail: { count: members.length, chapters: perChapter.size }
	});
}

const collator = new Intl.Collator('vi');
export function sortAccounts(accounts: ImportedAccount[]): ImportedAccount[] {
	return accounts.sort(
		(a, b) =>
			collator.compare(a.chapterName, b.chapterName) ||
			a.chapterId - b.chapterId ||
			compareVietnameseNames(a.fullName, b.fullName)
	);
}

/** Accounts grouped per chapter, in the order they were sorted, for the printable list. */
export function groupByChapter(
	accounts: ImportedAccount[]
): { chapterId: number; chapterName: string; accounts: ImportedAccount[] }[] {
	const groups = new Map<number, { chapterId: number; chapterName: string; accounts: ImportedAccount[] }>();
	for (const a of accounts) {
		const group = groups.get(a.chapterId) ?? { chapterId: a.chapterId, chapterName: a.chapterName, accounts: [] };
		group.accounts.push(a);
		groups.set(a.chapterId, group);
	}
	return [...groups.values()];
}
