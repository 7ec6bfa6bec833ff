import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { attemptSignIn } from '../auth/login';
import type { Db } from '../db/client';
import { findUserByUsername } from '../db/queries/users';
import { CHAPTER_KINDS } from '../db/queries/units';
import { member, membership, roleGrant, unit, user } from '../db/schema';
import { DEMO_ACCOUNTS, DEMO_GRASSROOTS_COMMITTEE, DEMO_PASSWORD, seedDemoData } from './demo';
import { isNotNull } from 'drizzle-orm';
import { period, sheet, sheetSubmission, unitStats } from '../db/schema';
import { loadSheetDetail } from '../db/queries/sheets';
import { rebuildUnitStats } from '../db/queries/stats';
import { statsFor } from '../db/queries/overview';
import { submissionsOf } from '../db/queries/submissions';
import { outlierNotes, type UnitCounts } from '../../domain/overview';
import { hasChiUy } from '../../domain/report';
import { changesBetween } from '../../domain/submission';
import { signsForGroup } from '../../domain/template';
import { templateContent } from '../db/queries/template-content';
import { todayIso } from '../../domain/dates';

// Hashing is slow (argon2), so the province is seeded once and every test only reads it
// (sign-ins below all succeed, so they leave no throttle rows behind).
let db: Db;
let firstRun: boolean;

beforeAll(async () => {
	db = createTestDb();
	firstRun = await seedDemoData(db);
});

function count(table: typeof user | typeof member | typeof membership | typeof unit | typeof roleGrant): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;
}

function units() {
	return db.select().from(unit).all();
}

function chapters() {
	return units().filter((u) => CHAPTER_KINDS.includes(u.kind));
}

function currentMemberships() {
	return db.select().from(membership).where(isNull(membership.endedOn)).all();
}

describe('seedDemoData', () => {
	it('loads an empty database once and leaves it alone afterwards', async () => {
		expect(firstRun).toBe(true);
		const before = [user, member, membership, unit, roleGrant].map(count);
		expect(await seedDemoData(db)).toBe(false);
		expect([user, member, membership, unit, roleGrant].map(count)).toEqual(before);
	});

	it('builds the province tree', () => {
		const all = units();
		const roots = all.filter((u) => u.parentId === null);
		expect(roots).toHaveLength(1);
		expect(roots[0]).toMatchObject({ name: 'Đảng bộ tỉnh Mẫu', kind: 'dang_bo_tinh', depth: 0 });
		const direct = all.filter((u) => u.kind === 'dang_bo_truc_thuoc');
		expect(direct.length).toBeGreaterThanOrEqual(2);
		for (const d of direct) expect(d.parentId).toBe(roots[0].id);
	});

	it('has 4 grassroots organisations directly under a đảng bộ trực thuộc', () => {
		const all = units();
		const byId = new Map(all.map((u) => [u.id, u]));
		const grassroots = all.filter(
			(u) =>
				(u.kind === 'dang_bo_co_so' || u.kind === 'chi_bo_co_so') &&
				u.parentId !== null &&
				byId.get(u.parentId)?.kind === 'dang_bo_truc_thuoc'
		);
		expect(grassroots).toHaveLength(4);
	});

	it('keeps every unit path consistent with its parent', () => {
		const all = units();
		const byId = new Map(all.map((u) => [u.id, u]));
		for (const u of all) {
			const parent = u.parentId === null ? undefined : byId.get(u.parentId);
			expect(u.path).toBe(`${parent?.path ?? '/'}${u.id}/`);
			expect(u.depth).toBe(parent ? parent.depth + 1 : 0);
		}
	});

	it('has exactly 9 chapters, each of them a leaf', () => {
		const list = chapters();
		expect(list).toHaveLength(9);
		const parents = new Set(units().map((u) => u.parentId));
		for (const c of list) expect(parents.has(c.id)).toBe(false);
	});

	it('has 130 to 170 members, each with exactly one open membership, in a chapter', () => {
		const members = db.select().from(member).all();
		expect(members.length).toBeGreaterThanOrEqual(130);
		expect(members.length).toBeLessThanOrEqual(170);

		const chapterIds = new Set(chapters().map((c) => c.id));
		const open = currentMemberships();
		const openByMember = new Map<number, number[]>();
		for (const m of open) openByMember.set(m.memberId, [...(openByMember.get(m.memberId) ?? []), m.unitId]);
		for (const m of members) {
			const unitIds = openByMember.get(m.userId) ?? [];
			expect(unitIds, `member ${m.userId}`).toHaveLength(1);
			expect(chapterIds.has(unitIds[0]), `member ${m.userId} is in unit ${unitIds[0]}`).toBe(true);
		}
		expect(open).toHaveLength(members.length);
	});

	it('gives every chapter members', () => {
		const open = currentMemberships();
		for (const c of chapters()) expect(open.filter((m) => m.unitId === c.id).length, c.name).toBeGreaterThanOrEqual(3);
	});

	it('uses all three target groups', () => {
		const groups = new Set(
			db
				.select({ g: member.targetGroup })
				.from(member)
				.all()
				.map((r) => r.g)
		);
		expect([...groups].sort()).toEqual(['A', 'B', 'C']);
	});

	it('gives every chapter exactly one secretary, who is a member of that chapter', () => {
		for (const c of chapters()) {
			const secretaries = db
				.select()
				.from(roleGrant)
				.where(and(eq(roleGrant.role, 'secretary'), eq(roleGrant.unitId, c.id)))
				.all();
			expect(secretaries, c.name).toHaveLength(1);
			const own = db
				.select()
				.from(membership)
				.where(and(eq(membership.memberId, secretaries[0].userId), isNull(membership.endedOn)))
				.get();
			expect(own?.unitId, c.name).toBe(c.id);
		}
		const allSecretaryGrants = db.select().from(roleGrant).where(eq(roleGrant.role, 'secretary')).all();
		expect(allSecretaryGrants).toHaveLength(9);
	});

	it('creates the demo accounts with their roles', () => {
		const root = units().find((u) => u.parentId === null)!;
		const grantsOf = (username: string) => {
			const account = findUserByUsername(db, username);
			expect(account, username).toBeDefined();
			return db
				.select({ role: roleGrant.role, unitId: roleGrant.unitId })
				.from(roleGrant)
				.where(eq(roleGrant.userId, account!.id))
				.all();
		};
		expect(grantsOf('quantri')).toEqual([{ role: 'admin', unitId: root.id }]);
		expect(grantsOf('capuy')).toEqual([{ role: 'committee', unitId: root.id }]);
		expect(grantsOf('bithu01').map((g) => g.role)).toEqual(['secretary']);
		expect(grantsOf('dangvien001')).toEqual([]);
		const company = units().find((u) => u.name === DEMO_GRASSROOTS_COMMITTEE)!;
		expect(company.kind).toBe('dang_bo_co_so');
		expect(grantsOf('danguy')).toEqual([{ role: 'committee', unitId: company.id }]);
		expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual([
			'quantri',
			'capuy',
			'bithu01',
			'dangvien001',
			'lanhdao',
			'danguy'
		]);
	});

	it('lets every demo account sign in with the demo password, without having to change it', async () => {
		for (const { username } of DEMO_ACCOUNTS) {
			const result = await attemptSignIn(db, { username, password: DEMO_PASSWORD, address: '127.0.0.1' });
			expect(result, username).toMatchObject({ ok: true, mustChangePassword: false });
		}
		const mustChange = db.select().from(user).where(eq(user.mustChangePassword, true)).all();
		expect(mustChange.map((u) => u.username)).toEqual([]);
	});

	it('stores login ids in lower case without spaces, as sign-in looks them up', () => {
		for (const { username } of db.select({ username: user.username }).from(user).all()) {
			expect(username).toBe(username.trim().toLowerCase());
		}
	});

	it('gives everyone a Vietnamese full name of at least three words, written with diacritics', () => {
		const names = db
			.select({ fullName: user.fullName })
			.from(user)
			.all()
			.map((r) => r.fullName);
		for (const name of names) {
			expect(name.trim().split(/\s+/).length, name).toBeGreaterThanOrEqual(3);
			// Precomposed (NFC), so searching and sorting treat equal names as equal.
			expect(name, name).toBe(name.normalize('NFC'));
		}
		const vietnameseLetter = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
		expect(names.some((n) => vietnameseLetter.test(n))).toBe(true);
		expect(names.some((n) => /[đĐ]/.test(n))).toBe(true);
		expect(names.some((n) => /[ơưƠƯ]/.test(n))).toBe(true);
	});

	describe('exercises every view of the review', () => {
		const open = () => db.select().from(period).where(isNull(period.closedAt)).get()!;

		it('has a unit that stands out on the committee page: ten or more handed in, every one "Tốt"', () => {
			const p = open();
			const stats = statsFor(
				db,
				p.id,
				chapters().map((c) => c.id)
			);
			const standing = chapters().filter((c) => {
				const row = stats.get(c.id);
				if (!row) return false;
				const counts: UnitCounts = { members: c.memberCount, ...row };
				return outlierNotes(counts, { deadline: p.deadline, open: true }, todayIso()).length > 0;
			});
			expect(standing.map((c) => c.name)).toEqual(['Chi bộ Khu dân cư số 3']);
		});

		it('has exactly one chapter without a chi ủy (fewer than nine members)', () => {
			expect(
				chapters()
					.filter((c) => !hasChiUy(c.memberCount))
					.map((c) => c.name)
			).toEqual(['Chi bộ Tổ bảo vệ']);
		});

		it('has a sheet returned and handed in again with two answers changed, in bithu01’s chapter', () => {
			const again = db
				.select({ sheetId: sheetSubmission.sheetId, n: sql<number>`count(*)` })
				.from(sheetSubmission)
				.groupBy(sheetSubmission.sheetId)
				.having(sql`count(*) >= 2`)
				.all();
			expect(again).toHaveLength(1);
			const row = db.select().from(sheet).where(eq(sheet.id, again[0].sheetId)).get()!;
			expect(row.status).toBe('submitted');
			const secretary = findUserByUsername(db, 'bithu01')!;
			const grant = db.select().from(roleGrant).where(eq(roleGrant.userId, secretary.id)).get()!;
			expect(row.chapterId).toBe(grant.unitId);
			const [latest, previous] = submissionsOf(db, row.id, 2);
			const content = templateContent(db, row.templateVersionId)!;
			const codes = signsForGroup(content, row.targetGroup).map((s) => s.code);
			const changes = changesBetween(previous.content, latest.content, codes);
			expect(changes.map((c) => c.kind)).toEqual(['answer', 'answer']);
			expect(db.select().from(sheet).where(isNotNull(sheet.submittedAt)).all().length).toBeGreaterThan(10);
		});
	});
});

describe('the demo collectives', () => {
	it("has bithu01's chapter's collective sheet approved last year and handed in this year, outside the members' counts", async () => {
		const db = createTestDb();
		await seedDemoData(db);
		const office = db.select().from(unit).where(eq(unit.name, 'Chi bộ Văn phòng Sở')).get()!;
		const sheets = db
			.select({ status: sheet.status, group: sheet.targetGroup, memberId: sheet.memberId, periodId: sheet.periodId })
			.from(sheet)
			.where(eq(sheet.collectiveUnitId, office.id))
			.orderBy(sheet.periodId)
			.all();
		expect(sheets.map((s) => [s.status, s.group, s.memberId])).toEqual([
			['approved', 'CB', null],
			['submitted', 'CB', null]
		]);
		const current = loadSheetDetail(
			db,
			db.select().from(sheet).where(eq(sheet.collectiveUnitId, office.id)).all()[1].id
		)!;
		expect(current.progress.map((p) => [p.code, p.status])).toEqual([['TT5.9', 'in_progress']]);
		// The maintained counts hold the members only.
		const counts = () => db.select().from(unitStats).orderBy(unitStats.periodId, unitStats.unitId).all();
		const before = counts();
		for (const s of sheets) rebuildUnitStats(db, s.periodId);
		expect(counts()).toEqual(before);
	});
});
