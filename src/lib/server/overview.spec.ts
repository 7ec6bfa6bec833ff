import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, createTestMember, createTestTree } from '../../../tests/helpers/db';
import { handIn, signedInUser, testSecretary } from '../../../tests/helpers/sheets';
import { createPeriod } from './db/queries/periods';
import { chapterRows } from './db/queries/overview';
import { moveMember } from './db/queries/members';
import { createSheet } from './db/queries/sheets';
import { ensureDefaultTemplate } from './admin/templates';
import { createUnit, findUnit, type UnitRow } from './db/queries/units';
import { period as periodTable, sheet } from './db/schema';
import { approveSheet, chapterSheet, returnSheet } from './sheets/review';
import { openCurrentSheet, saveSheet } from './sheets/member';
import { choosePeriod, topSigns, unitOverview } from './overview';
import { EMPTY_COUNTS, type UnitCounts } from '../domain/overview';
import { filterAndSort, ratingTallies, SORTS, type ListRow } from '../domain/chapter-list';
import { finalRatingCounts, ratingCounts } from '../domain/overview';
import { rebuildUnitStats } from './db/queries/stats';
import { RATINGS, type Level, type Rating } from '../domain/template';
import type { Db } from './db/client';

const TODAY = '2026-03-10';

async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const periodOver = (unit: UnitRow, extra: Partial<Parameters<typeof createPeriod>[1]> = {}) =>
		createPeriod(db, {
			name: 'Năm 2026',
			year: 2026,
			unitId: unit.id,
			templateVersionId: version.id,
			opensOn: '2026-03-01',
			deadline: '2026-03-31',
			...extra
		});
	return { db, version, content: version.content, tree, periodOver };
}

/** Reads a unit again, so its member count is the stored one. */
const fresh = (db: Db, u: UnitRow) => findUnit(db, u.id)!;

/** The fields UnitCounts promises (the stats row's own ids ride along and are not part of the figures). */
const figures = (c: UnitCounts): UnitCounts => ({
	members: c.members,
	draft: c.draft,
	submitted: c.submitted,
	returned: c.returned,
	approved: c.approved,
	tot: c.tot,
	kha: c.kha,
	trungBinh: c.trungBinh,
	yeuKem: c.yeuKem,
	finalTot: c.finalTot,
	finalKha: c.finalKha,
	finalTrungBinh: c.finalTrungBinh,
	finalYeuKem: c.finalYeuKem
});

describe('chapterRows', () => {
	it('lists every current member, those who have not started too, and keeps a member who moved away with their sheet', async () => {
		const ctx = await setup();
		const { db, tree } = ctx;
		const current = ctx.periodOver(tree.province);
		const an = await createTestMember(db, tree.chapterA, {
			fullName: 'Nguyễn Văn An',
			username: 'an',
			targetGroup: 'A'
		});
		const binh = await createTestMember(db, tree.chapterA, { fullName: 'Trần Thị Bình', username: 'binh' });
		const cuong = await createTestMember(db, tree.chapterA, {
			fullName: 'Lê Văn Cường',
			username: 'cuong',
			targetGroup: 'C'
		});
		const dung = await createTestMember(db, tree.chapterA, { fullName: 'Phạm Thị Dung', username: 'dung' });
		const duc = await createTestMember(db, tree.chapterB, { fullName: 'Hoàng Văn Đức', username: 'duc' });
		const stranger = await createTestMember(db, tree.chapterB, { fullName: 'Vũ Thị Ánh', username: 'anh' });

		const binhUser = signedInUser(db, binh);
		const draft = openCurrentSheet(db, binhUser, TODAY)!;
		saveSheet(db, binhUser, draft.sheet.id, { revision: 0, answers: { 'TT1.1': { level: 1 } } }, TODAY);
		const cuongSheet = handIn(db, cuong, ctx.content, TODAY, { 'TT1.1': 2 });
		const dungSheet = handIn(db, dung, ctx.content, TODAY);
		moveMember(db, dung, tree.chapterB.id, '2026-03-11');
		moveMember(db, duc, tree.chapterA.id, '2026-03-11');
		handIn(db, stranger, ctx.content, TODAY);
		// A sheet of another year must not show as this year's.
		const last = ctx.periodOver(tree.province, {
			name: 'Năm 2025',
			year: 2025,
			opensOn: '2025-11-01',
			deadline: '2025-12-15',
			closedAt: new Date('2025-12-31T00:00:00Z')
		});
		const old = createSheet(db, {
			periodId: last.id,
			year: 2025,
			memberId: an,
			chapterId: tree.chapterA.id,
			targetGroup: 'A',
			templateVersionId: ctx.version.id
		});
		db.update(sheet).set({ status: 'approved' }).where(eq(sheet.id, old.id)).run();

		const rows = chapterRows(db, tree.chapterA.id, current.id);
		const sheetRow = (id: number) => db.select().from(sheet).where(eq(sheet.id, id)).get()!;
		// Vietnamese order: by given name, and D before Đ.
		expect(rows.map((r) => [r.fullName, r.status, r.current])).toEqual([
			['Nguyễn Văn An', 'not_started', true],
			['Trần Thị Bình', 'draft', true],
			['Lê Văn Cường', 'submitted', true],
			['Phạm Thị Dung', 'submitted', false],
			['Hoàng Văn Đức', 'not_started', true]
		]);
		expect(rows[0]).toEqual({
			memberId: an,
			fullName: 'Nguyễn Văn An',
			username: 'an',
			position: 'Chuyên viên',
			targetGroup: 'A',
			sheetId: null,
			status: 'not_started',
			score: null,
			rating: null,
			finalRating: null,
			answeredCount: 0,
			lastActivity: null,
			current: true
		});
		const c = sheetRow(cuongSheet);
		expect(rows[2]).toMatchObject({
			memberId: cuong,
			sheetId: cuongSheet,
			targetGroup: 'C',
			score: c.score,
			rating: 'kha',
			finalRating: null,
			answeredCount: c.answeredCount,
			lastActivity: c.updatedAt.getTime()
		});
		expect(rows[3]).toMatchObject({ memberId: dung, sheetId: dungSheet, username: 'dung', rating: 'tot' });
		expect(rows[1]).toMatchObject({
			sheetId: draft.sheet.id,
			lastActivity: sheetRow(draft.sheet.id).updatedAt.getTime()
		});

		// The new chapter lists the newcomer as its member, and never the sheet made elsewhere.
		const inB = chapterRows(db, tree.chapterB.id, current.id);
		expect(inB.map((r) => [r.fullName, r.current])).toEqual([
			['Vũ Thị Ánh', true],
			['Phạm Thị Dung', true]
		]);
		expect(inB.find((r) => r.memberId === dung)!.sheetId).not.toBe(dungSheet);
	});
});

describe('choosePeriod', () => {
	async function periods() {
		const ctx = await setup();
		const { tree } = ctx;
		const old = ctx.periodOver(tree.province, {
			name: 'Năm 2024',
			year: 2024,
			opensOn: '2024-11-01',
			deadline: '2024-12-15',
			closedAt: new Date('2024-12-31T00:00:00Z')
		});
		const last = ctx.periodOver(tree.grassroots, {
			name: 'Năm 2025',
			year: 2025,
			opensOn: '2025-11-01',
			deadline: '2025-12-15',
			closedAt: new Date('2025-12-31T00:00:00Z')
		});
		const open = ctx.periodOver(tree.province);
		// Closed: one open period per subtree and year, so these cannot be open beside the province's.
		const elsewhere = ctx.periodOver(tree.otherBranch, { name: 'Năm 2026 (xã Hai)', closedAt: new Date('2026-02-01') });
		const belowChapter = ctx.periodOver(tree.chapterB, {
			name: 'Năm 2026 (Hành chính)',
			closedAt: new Date('2026-02-01')
		});
		return { ...ctx, old, last, open, elsewhere, belowChapter };
	}

	it('lists only the periods covering the unit, newest first', async () => {
		const p = await periods();
		expect(choosePeriod(p.db, p.tree.chapterA, null, TODAY).periods.map((x) => x.id)).toEqual([
			p.open.id,
			p.last.id,
			p.old.id
		]);
		expect(choosePeriod(p.db, p.tree.province, null, TODAY).periods.map((x) => x.id)).toEqual([p.open.id, p.old.id]);
		expect(choosePeriod(p.db, p.tree.otherChapter, null, TODAY).periods.map((x) => x.id)).toEqual([
			p.elsewhere.id,
			p.open.id,
			p.old.id
		]);
	});

	it('picks the asked period when it covers the unit', async () => {
		const p = await periods();
		expect(choosePeriod(p.db, p.tree.chapterA, String(p.last.id), TODAY).period?.id).toBe(p.last.id);
		expect(choosePeriod(p.db, p.tree.chapterA, String(p.old.id), TODAY).period?.id).toBe(p.old.id);
	});

	it('falls back to the open period when the asked one does not cover the unit or is not an id', async () => {
		const p = await periods();
		for (const asked of [
			String(p.elsewhere.id),
			String(p.belowChapter.id),
			String(p.last.id),
			'abc',
			'',
			`${p.old.id}.0`,
			'999'
		]) {
			expect(choosePeriod(p.db, p.tree.province, asked, TODAY).period?.id, asked).toBe(p.open.id);
		}
		expect(choosePeriod(p.db, p.tree.chapterA, null, TODAY).period?.id).toBe(p.open.id);
	});

	it('takes the newest when none is open, and null when none covers the unit', async () => {
		const p = await periods();
		p.db
			.update(periodTable)
			.set({ closedAt: new Date('2026-03-09T00:00:00Z') })
			.where(eq(periodTable.id, p.open.id))
			.run();
		expect(choosePeriod(p.db, p.tree.chapterA, null, TODAY).period?.id).toBe(p.open.id);
		// Not yet open either: an open period is one that has started.
		const ctx = await setup();
		const future = ctx.periodOver(ctx.tree.province, { opensOn: '2026-04-01' });
		const older = ctx.periodOver(ctx.tree.province, {
			name: 'Năm 2025',
			year: 2025,
			opensOn: '2025-03-01',
			deadline: '2025-03-31'
		});
		expect(choosePeriod(ctx.db, ctx.tree.chapterA, null, TODAY).period?.id).toBe(older.id);
		expect(future.id).not.toBe(older.id);
		const empty = await setup();
		expect(choosePeriod(empty.db, empty.tree.chapterA, null, TODAY)).toEqual({ period: null, periods: [] });
	});
});

describe('unitOverview and topSigns', () => {
	async function filled() {
		const ctx = await setup();
		const { db, tree } = ctx;
		const current = ctx.periodOver(tree.province);
		const section = createUnit(db, {
			name: 'Đảng bộ bộ phận Khối Một',
			kind: 'dang_bo_bo_phan',
			parentId: tree.grassroots.id
		});
		const secretary = await testSecretary(db, tree.chapterA);
		const a1 = await createTestMember(db, tree.chapterA);
		const a2 = await createTestMember(db, tree.chapterA);
		const a3 = await createTestMember(db, tree.chapterA);
		await createTestMember(db, tree.chapterA); // not started
		const b1 = await createTestMember(db, tree.chapterB);
		const o1 = await createTestMember(db, tree.otherChapter);
		const s1 = handIn(db, a1, ctx.content, TODAY, { 'TT1.1': 1, 'DD1.1': 1 });
		handIn(db, a2, ctx.content, TODAY, { 'TT1.1': 2 });
		const s3 = handIn(db, a3, ctx.content, TODAY, { 'TT1.1': 1, 'DB3.2': 1 });
		openCurrentSheet(db, signedInUser(db, b1), TODAY);
		handIn(db, o1, ctx.content, TODAY, { 'DD9.5': 3 });
		expect(
			approveSheet(db, secretary, chapterSheet(db, tree.chapterA.id, s1)!, {
				revision: chapterSheet(db, tree.chapterA.id, s1)!.sheet.revision,
				assessment: '',
				finalRating: 'kha',
				reason: 'Chưa gương mẫu trong sinh hoạt'
			})
		).toEqual({ ok: true });
		return { ...ctx, current, section, secretary, s3 };
	}

	it("gives each child unit its members and counts, and the unit's own", async () => {
		const f = await filled();
		const { db, tree, current } = f;
		const overview = unitOverview(db, fresh(db, tree.grassroots), current);
		expect(figures(overview.counts)).toEqual({
			members: 6,
			...EMPTY_COUNTS,
			draft: 1,
			submitted: 2,
			approved: 1,
			tot: 2,
			kha: 1,
			finalKha: 1
		});
		expect(overview.children.map((c) => ({ ...c, counts: figures(c.counts) }))).toEqual([
			{
				id: tree.chapterA.id,
				name: 'Chi bộ Giáo viên',
				kind: 'chi_bo',
				isChapter: true,
				counts: { members: 5, ...EMPTY_COUNTS, submitted: 2, approved: 1, tot: 2, kha: 1, finalKha: 1 }
			},
			{
				id: tree.chapterB.id,
				name: 'Chi bộ Hành chính',
				kind: 'chi_bo',
				isChapter: true,
				counts: { members: 1, ...EMPTY_COUNTS, draft: 1 }
			},
			{
				id: f.section.id,
				name: 'Đảng bộ bộ phận Khối Một',
				kind: 'dang_bo_bo_phan',
				isChapter: false,
				counts: { members: 0, ...EMPTY_COUNTS }
			}
		]);
		const top = unitOverview(db, fresh(db, tree.province), current);
		expect(top.counts).toMatchObject({ members: 7, submitted: 3, approved: 1, trungBinh: 1 });
		expect(
			top.children.map((c) => [c.name, c.isChapter, c.counts.members, c.counts.submitted + c.counts.approved])
		).toEqual([
			['Đảng bộ phường Một', false, 6, 3],
			['Đảng bộ xã Hai', false, 1, 1]
		]);
		expect(
			unitOverview(db, fresh(db, tree.otherBranch), current).children.map((c) => ({ ...c, counts: figures(c.counts) }))
		).toEqual([
			{
				id: tree.otherChapter.id,
				name: 'Chi bộ Thôn Hai',
				kind: 'chi_bo_co_so',
				isChapter: true,
				counts: { members: 1, ...EMPTY_COUNTS, submitted: 1, trungBinh: 1 }
			}
		]);
	});

	it('orders the most flagged signs by count, then code, with their text, only within the subtree', async () => {
		const f = await filled();
		const { db, tree, current, content } = f;
		const text = (code: string) => content.signs.find((s) => s.code === code)!.text;
		expect(topSigns(db, current, tree.grassroots.id)).toEqual([
			{ code: 'TT1.1', flagged: 3, text: text('TT1.1') },
			{ code: 'DB3.2', flagged: 1, text: text('DB3.2') },
			{ code: 'DD1.1', flagged: 1, text: text('DD1.1') }
		]);
		expect(topSigns(db, current, tree.province.id, 2).map((s) => [s.code, s.flagged])).toEqual([
			['TT1.1', 3],
			['DB3.2', 1]
		]);
		expect(topSigns(db, current, tree.otherBranch.id)).toEqual([{ code: 'DD9.5', flagged: 1, text: text('DD9.5') }]);
		expect(topSigns(db, current, tree.chapterB.id)).toEqual([]);
		expect(unitOverview(db, fresh(db, tree.grassroots), current).topSigns.map((s) => s.code)).toEqual([
			'TT1.1',
			'DB3.2',
			'DD1.1'
		]);

		// A returned sheet's signs leave the list.
		returnSheet(db, f.secretary, chapterSheet(db, tree.chapterA.id, f.s3)!, {
			revision: chapterSheet(db, tree.chapterA.id, f.s3)!.sheet.revision,
			assessment: '',
			notes: [{ code: null, text: 'Xem lại' }]
		});
		expect(topSigns(db, current, tree.grassroots.id).map((s) => [s.code, s.flagged])).toEqual([
			['TT1.1', 2],
			['DD1.1', 1]
		]);
	});
});

describe("the committee's roll-up of ratings", () => {
	it("counts the self-ratings of its chapters' lists and, apart, the chi ủy's final ratings of approved sheets", async () => {
		const ctx = await setup();
		const { db, tree, content } = ctx;
		const current = ctx.periodOver(tree.province);
		const decide = async (chapter: UnitRow, answers: Record<string, Level>, finalRating?: Rating) => {
			const secretary = await testSecretary(db, chapter);
			const id = handIn(db, await createTestMember(db, chapter), content, TODAY, answers);
			if (!finalRating) return id;
			const detail = chapterSheet(db, chapter.id, id)!;
			const reason = finalRating === detail.sheet.rating ? '' : 'Chi ủy đánh giá khác';
			expect(
				approveSheet(db, secretary, detail, { revision: detail.sheet.revision, assessment: '', finalRating, reason })
			).toEqual({ ok: true });
			return id;
		};
		await decide(tree.chapterA, { 'TT1.1': 1 }, 'trung_binh');
		await decide(tree.chapterA, { 'TT1.1': 2 });
		await decide(tree.chapterA, {}, 'tot');
		const returned = await decide(tree.chapterA, { 'DD1.1': 3 });
		const secretaryA = await testSecretary(db, tree.chapterA);
		const detail = chapterSheet(db, tree.chapterA.id, returned)!;
		returnSheet(db, secretaryA, detail, {
			revision: detail.sheet.revision,
			assessment: '',
			notes: [{ code: null, text: 'Xem lại' }]
		});
		await decide(tree.chapterB, { 'TT1.1': 2, 'DD1.1': 2 }, 'yeu_kem');
		await decide(tree.otherChapter, { 'DD9.5': 3 });

		const chapters = [tree.chapterA, tree.chapterB, tree.otherChapter];
		const sum = (all: Record<Rating, number>[]) =>
			Object.fromEntries(RATINGS.map((r) => [r, all.reduce((n, c) => n + c[r], 0)])) as Record<Rating, number>;
		const listed = (units: UnitRow[]) => units.map((c) => ratingTallies(chapterRows(db, c.id, current.id)));
		const check = () => {
			for (const [top, inside] of [
				[tree.grassroots, [tree.chapterA, tree.chapterB]],
				[tree.province, chapters]
			] as const) {
				const counts = unitOverview(db, fresh(db, top), current).counts;
				expect(ratingCounts(counts), top.name).toEqual(sum(listed([...inside]).map((t) => t.self)));
				expect(finalRatingCounts(counts), top.name).toEqual(sum(listed([...inside]).map((t) => t.final)));
			}
			for (const child of unitOverview(db, fresh(db, tree.grassroots), current).children.filter((c) => c.isChapter)) {
				const [t] = listed([fresh(db, { id: child.id } as UnitRow)]);
				expect(ratingCounts(child.counts)).toEqual(t.self);
				expect(finalRatingCounts(child.counts)).toEqual(t.final);
			}
		};
		check();
		const province = unitOverview(db, fresh(db, tree.province), current).counts;
		// Five handed-in sheets counted by their own rating, the three approved ones again by the chi ủy's.
		expect(RATINGS.reduce((n, r) => n + ratingCounts(province)[r], 0)).toBe(5);
		expect(finalRatingCounts(province)).toEqual({ tot: 1, kha: 0, trung_binh: 1, yeu_kem: 1 });
		// The rebuild counts the same as the maintained counters.
		rebuildUnitStats(db, current.id);
		check();
	});
});

describe('filterAndSort', () => {
	type Row = ListRow & { id: string };
	const rows: Row[] = [
		{ id: 'E', fullName: 'Lê Văn Dũng', status: 'returned', rating: 'tot', finalRating: null, lastActivity: 500 },
		{ id: 'A', fullName: 'Hoàng Thị An', status: 'not_started', rating: null, finalRating: null, lastActivity: null },
		{ id: 'F', fullName: 'Phạm Văn Đức', status: 'approved', rating: 'tot', finalRating: 'yeu_kem', lastActivity: 200 },
		{
			id: 'C',
			fullName: 'Nguyễn Văn Ánh',
			status: 'submitted',
			rating: 'trung_binh',
			finalRating: null,
			lastActivity: 500
		},
		{ id: 'D', fullName: 'Trần Thị Bình', status: 'draft', rating: 'yeu_kem', finalRating: null, lastActivity: 100 },
		{ id: 'B', fullName: 'Vũ Văn An', status: 'approved', rating: 'kha', finalRating: 'tot', lastActivity: 300 }
	];
	const ids = (list: Row[]) => list.map((r) => r.id).join('');

	it('names its sorts in Vietnamese', () => {
		expect(SORTS).toEqual({ name: 'Họ tên', status: 'Trạng thái', rating: 'Xếp loại', activity: 'Hoạt động gần nhất' });
	});

	it('sorts by Vietnamese given name, then the whole name', () => {
		expect(ids(filterAndSort(rows, null, 'name'))).toBe('ABCDEF');
	});

	it('sorts by status from not started to approved, names breaking ties', () => {
		expect(ids(filterAndSort(rows, null, 'status'))).toBe('ADECBF');
	});

	it("sorts by the chi ủy's rating where given, else the member's, best first", () => {
		const handedIn = rows.filter((r) => r.status === 'submitted' || r.status === 'approved');
		expect(ids(filterAndSort(handedIn, null, 'rating'))).toBe('BCF');
	});

	// The page shows "—" as the rating of a draft, a returned sheet or a member who has not started; sorting
	// them among the rated rows by a rating nobody may see puts a draft among the "Yếu kém".
	it('sorts rows without a shown rating (draft, returned, not started) after the rated ones, by name', () => {
		expect(ids(filterAndSort(rows, null, 'rating'))).toBe('BCFADE');
	});

	it('sorts by latest activity, newest first, never-started last', () => {
		expect(ids(filterAndSort(rows, null, 'activity'))).toBe('CEBFDA');
	});

	it('keeps only the asked status, in the asked order, and leaves the input alone', () => {
		const before = ids(rows);
		expect(ids(filterAndSort(rows, 'approved', 'name'))).toBe('BF');
		expect(ids(filterAndSort(rows, 'approved', 'rating'))).toBe('BF');
		expect(ids(filterAndSort(rows, 'approved', 'activity'))).toBe('BF');
		expect(ids(filterAndSort(rows, 'not_started', 'status'))).toBe('A');
		expect(filterAndSort(rows, 'draft', 'name').map((r) => r.fullName)).toEqual(['Trần Thị Bình']);
		expect(filterAndSort([], 'draft', 'name')).toEqual([]);
		expect(ids(rows)).toBe(before);
	});
});
