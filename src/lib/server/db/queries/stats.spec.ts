import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../../tests/helpers/db';
import {
	completeAnswers,
	completeTexts,
	handIn,
	maintainedCounts,
	periodSetup,
	signedInUser,
	testSecretary
} from '../../../../../tests/helpers/sheets';
import type { Db } from '../client';
import { membership, sheet, sheetAnswer, unit, unitStats } from '../schema';
import { createPeriod } from './periods';
import { moveMember } from './members';
import { findMemberSheet } from './sheets';
import { createUnit, type UnitRow } from './units';
import { topFlagged } from './overview';
import { pathIds, rebuildMemberCounts, rebuildUnitStats } from './stats';
import { approveSheet, chapterSheet, reopenSheet, returnSheet } from '../../sheets/review';
import { openCurrentSheet, saveSheet } from '../../sheets/member';
import { scoreSheet } from '../../../domain/scoring';
import { RATINGS, type Level, type Rating, type TargetGroup } from '../../../domain/template';
import type { AuthUser } from '../../auth/types';

const TODAY = '2026-03-10';
const COUNTERS = [
	'draft',
	'submitted',
	'returned',
	'approved',
	'tot',
	'kha',
	'trungBinh',
	'yeuKem',
	'finalTot',
	'finalKha',
	'finalTrungBinh',
	'finalYeuKem'
] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;
const ZERO = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;
const BUCKET: Record<Rating, keyof Counters> = { tot: 'tot', kha: 'kha', trung_binh: 'trungBinh', yeu_kem: 'yeuKem' };
const FINAL_BUCKET: Record<Rating, keyof Counters> = {
	tot: 'finalTot',
	kha: 'finalKha',
	trung_binh: 'finalTrungBinh',
	yeu_kem: 'finalYeuKem'
};

/** periodSetup's units and open period, plus a đảng bộ bộ phận with a chapter and a chi bộ cơ sở straight under a đảng bộ trực thuộc. */
async function setup() {
	const { db, content, tree, period } = periodSetup();
	const section = createUnit(db, {
		name: 'Đảng bộ bộ phận Khối Một',
		kind: 'dang_bo_bo_phan',
		parentId: tree.grassroots.id
	});
	const deepChapter = createUnit(db, { name: 'Chi bộ Tổ Một', kind: 'chi_bo', parentId: section.id });
	const directChapter = createUnit(db, {
		name: 'Chi bộ Cơ quan Phường',
		kind: 'chi_bo_co_so',
		parentId: tree.branch.id
	});
	const chapters = [tree.chapterA, tree.chapterB, tree.otherChapter, deepChapter, directChapter];
	return { db, content, tree, section, chapters, period };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

function countsAt(db: Db, periodId: number, unitId: number): Counters {
	const row = db
		.select()
		.from(unitStats)
		.where(eq(unitStats.periodId, periodId))
		.all()
		.find((r) => r.unitId === unitId);
	if (!row) return { ...ZERO };
	const { periodId: _p, unitId: _u, ...counters } = row;
	return counters;
}

const flaggedAt = (db: Db, periodId: number, unitId: number) =>
	Object.fromEntries(topFlagged(db, periodId, unitId, 100).map((r) => [r.code, r.flagged]));

/** Maintained counts with the rows that only hold zeros left out: a sign whose last flag was withdrawn keeps a 0 row, which means the same as no row. */
function normalised(db: Db, periodId: number) {
	const m = maintainedCounts(db, periodId);
	return {
		stats: m.stats.filter((r) => COUNTERS.some((c) => r[c] !== 0)),
		signStats: m.signStats.filter((r) => r.flagged !== 0),
		memberCounts: m.memberCounts
	};
}

/** The same figures worked out from the sheets, answers and memberships directly, without the stats code. */
function countedFromScratch(db: Db, periodId: number): ReturnType<typeof normalised> {
	const units = db.select().from(unit).orderBy(unit.id).all();
	const paths = new Map(units.map((u) => [u.id, u.path]));
	const sheets = db.select().from(sheet).where(eq(sheet.periodId, periodId)).all();
	const answers = db.select().from(sheetAnswer).all();
	const current = db
		.select()
		.from(membership)
		.all()
		.filter((m) => m.endedOn === null);
	const stats: ReturnType<typeof normalised>['stats'] = [];
	const signStats: ReturnType<typeof normalised>['signStats'] = [];
	for (const u of units) {
		const inside = sheets.filter((s) => paths.get(s.chapterId)!.startsWith(u.path));
		if (inside.length > 0) {
			const c = { ...ZERO };
			for (const s of inside) {
				c[s.status] += 1;
				if ((s.status === 'submitted' || s.status === 'approved') && s.rating) c[BUCKET[s.rating]] += 1;
				if (s.status === 'approved' && s.finalRating) c[FINAL_BUCKET[s.finalRating]] += 1;
			}
			stats.push({ periodId, unitId: u.id, ...c });
		}
		const handedIn = new Set(
			inside.filter((s) => s.status === 'submitted' || s.status === 'approved').map((s) => s.id)
		);
		const perCode = new Map<string, number>();
		for (const a of answers)
			if (handedIn.has(a.sheetId) && (a.level ?? 0) >= 1) perCode.set(a.code, (perCode.get(a.code) ?? 0) + 1);
		for (const code of [...perCode.keys()].sort())
			signStats.push({ periodId, unitId: u.id, code, flagged: perCode.get(code)! });
	}
	const memberCounts = units.map((u) => ({
		id: u.id,
		memberCount: current.filter((m) => paths.get(m.unitId)!.startsWith(u.path)).length
	}));
	return { stats, signStats, memberCounts };
}

describe('maintained counts', () => {
	it('counts a sheet in its chapter and every ancestor, not in a sibling branch', async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const line = [tree.chapterA, tree.grassroots, tree.branch, tree.province];
		const elsewhere = [tree.chapterB, tree.otherBranch, tree.otherChapter, ctx.section, ...ctx.chapters.slice(3)];

		openCurrentSheet(db, signedInUser(db, memberId), TODAY);
		for (const u of line) expect(countsAt(db, period.id, u.id)).toEqual({ ...ZERO, draft: 1 });

		handIn(db, memberId, ctx.content, TODAY, { 'TT1.1': 1, 'DD9.2': 2 });
		const rating = scoreSheet(ctx.content, 'B', { 'TT1.1': 1, 'DD9.2': 2 }).rating;
		expect(rating).toBe('kha');
		for (const u of line) {
			expect(countsAt(db, period.id, u.id)).toEqual({ ...ZERO, submitted: 1, kha: 1 });
			expect(flaggedAt(db, period.id, u.id)).toEqual({ 'TT1.1': 1, 'DD9.2': 1 });
		}
		for (const u of elsewhere) {
			expect(countsAt(db, period.id, u.id)).toEqual(ZERO);
			expect(flaggedAt(db, period.id, u.id)).toEqual({});
		}
		// A member of the sibling chapter counts in the shared ancestors only.
		const neighbour = await createTestMember(db, tree.chapterB, { targetGroup: 'C' });
		handIn(db, neighbour, ctx.content, TODAY, { 'TT1.1': 1 });
		expect(countsAt(db, period.id, tree.chapterA.id)).toEqual({ ...ZERO, submitted: 1, kha: 1 });
		expect(countsAt(db, period.id, tree.chapterB.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });
		expect(countsAt(db, period.id, tree.grassroots.id)).toEqual({ ...ZERO, submitted: 2, kha: 1, tot: 1 });
		expect(flaggedAt(db, period.id, tree.province.id)).toEqual({ 'TT1.1': 2, 'DD9.2': 1 });
		expect(countsAt(db, period.id, tree.otherBranch.id)).toEqual(ZERO);
	});

	it("keeps a draft's levels and rating out of the rating and sign counts, and an incomplete hand-in changes nothing", async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const user = signedInUser(db, memberId);
		const made = openCurrentSheet(db, user, TODAY)!;
		expect(
			saveSheet(db, user, made.sheet.id, { revision: 0, answers: { 'DB3.1': { level: 3 } } }, TODAY)
		).toMatchObject({ ok: true });
		const before = maintainedCounts(db, period.id);
		expect(countsAt(db, period.id, tree.chapterA.id)).toEqual({ ...ZERO, draft: 1 });
		expect(flaggedAt(db, period.id, tree.chapterA.id)).toEqual({});
		expect(
			saveSheet(db, user, made.sheet.id, { revision: 1, answers: { 'TT1.1': { level: 1 } } }, TODAY, { submit: true })
		).toMatchObject({ ok: false, status: 422 });
		expect(maintainedCounts(db, period.id)).toEqual(before);
	});

	it("counts an approved sheet's final rating beside its self-rating, never in its place, and takes both out on reopening", async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const secretary = await testSecretary(db, tree.chapterA);
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const id = handIn(db, memberId, ctx.content, TODAY, { 'TT1.1': 2 });
		expect(countsAt(db, period.id, tree.branch.id)).toEqual({ ...ZERO, submitted: 1, kha: 1 });

		const detail = chapterSheet(db, tree.chapterA.id, id)!;
		expect(
			approveSheet(db, secretary, detail, {
				revision: detail.sheet.revision,
				assessment: '',
				finalRating: 'trung_binh',
				reason: 'Chưa tự giác khắc phục'
			})
		).toEqual({ ok: true });
		for (const u of [tree.chapterA, tree.branch, tree.province])
			expect(countsAt(db, period.id, u.id)).toEqual({ ...ZERO, approved: 1, kha: 1, finalTrungBinh: 1 });
		expect(flaggedAt(db, period.id, tree.province.id)).toEqual({ 'TT1.1': 1 });

		expect(
			reopenSheet(db, secretary, chapterSheet(db, tree.chapterA.id, id)!, {
				revision: chapterSheet(db, tree.chapterA.id, id)!.sheet.revision,
				reason: 'Xem xét lại'
			})
		).toEqual({
			ok: true
		});
		expect(countsAt(db, period.id, tree.province.id)).toEqual({ ...ZERO, returned: 1 });
		expect(flaggedAt(db, period.id, tree.province.id)).toEqual({});
	});

	it("removes a returned sheet's flagged signs and rating, and counts the new ones when it comes back", async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const secretary = await testSecretary(db, tree.chapterA);
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const id = handIn(db, memberId, ctx.content, TODAY, { 'TT1.1': 2, 'DD1.1': 1 });
		expect(flaggedAt(db, period.id, tree.grassroots.id)).toEqual({ 'TT1.1': 1, 'DD1.1': 1 });

		expect(
			returnSheet(db, secretary, chapterSheet(db, tree.chapterA.id, id)!, {
				revision: chapterSheet(db, tree.chapterA.id, id)!.sheet.revision,
				assessment: '',
				notes: [{ code: 'TT1.1', text: 'Xem lại' }]
			})
		).toEqual({ ok: true });
		for (const u of [tree.chapterA, tree.grassroots, tree.province]) {
			expect(countsAt(db, period.id, u.id)).toEqual({ ...ZERO, returned: 1 });
			expect(flaggedAt(db, period.id, u.id)).toEqual({});
		}

		handIn(db, memberId, ctx.content, TODAY, { 'DB3.2': 1 });
		expect(countsAt(db, period.id, tree.grassroots.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });
		expect(flaggedAt(db, period.id, tree.grassroots.id)).toEqual({ 'DB3.2': 1 });
	});

	it("rebuilds one period from that period's sheets only, leaving another period's counts as they were", async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const earlier = createPeriod(db, {
			name: 'Năm 2025',
			year: 2025,
			unitId: tree.province.id,
			templateVersionId: period.templateVersionId,
			opensOn: '2025-03-01',
			deadline: '2025-03-31'
		});
		const first = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const second = await createTestMember(db, tree.chapterB, { targetGroup: 'C' });
		const third = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		// In 2025 only the earlier period is open; in 2026 the later one is the member's current period.
		handIn(db, first, ctx.content, '2025-03-10', { 'TT1.1': 2 });
		handIn(db, second, ctx.content, '2025-03-10', { 'DD1.1': 1 });
		handIn(db, third, ctx.content, TODAY, { 'DB3.1': 1 });
		expect(countsAt(db, earlier.id, tree.province.id)).toEqual({ ...ZERO, submitted: 2, kha: 1, tot: 1 });
		expect(countsAt(db, period.id, tree.province.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });

		const earlierBefore = maintainedCounts(db, earlier.id);
		for (const p of [period, earlier]) {
			rebuildUnitStats(db, p.id);
			expect(normalised(db, p.id)).toEqual(countedFromScratch(db, p.id));
		}
		expect(maintainedCounts(db, earlier.id)).toEqual(earlierBefore);
		expect(countsAt(db, period.id, tree.province.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });
		expect(flaggedAt(db, period.id, tree.province.id)).toEqual({ 'DB3.1': 1 });
		expect(countsAt(db, earlier.id, tree.chapterB.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });
		expect(flaggedAt(db, earlier.id, tree.province.id)).toEqual({ 'TT1.1': 1, 'DD1.1': 1 });
	});

	it('recounts the counters of an older database, which mixed the two ratings, as the two series (migration 0009)', async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const secretary = await testSecretary(db, tree.chapterA);
		const approved = handIn(db, await createTestMember(db, tree.chapterA, { targetGroup: 'B' }), ctx.content, TODAY, {
			'TT1.1': 2
		});
		handIn(db, await createTestMember(db, tree.chapterB, { targetGroup: 'B' }), ctx.content, TODAY, { 'DD1.1': 1 });
		const detail = chapterSheet(db, tree.chapterA.id, approved)!;
		approveSheet(db, secretary, detail, {
			revision: detail.sheet.revision,
			assessment: '',
			finalRating: 'yeu_kem',
			reason: 'Vi phạm chưa tự nhận'
		});
		const kept = maintainedCounts(db, period.id);
		// As the older code kept them: the chi ủy's rating where given, in the single series; none apart.
		db.update(unitStats)
			.set({ kha: sql`${unitStats.kha} - 1`, yeuKem: sql`${unitStats.yeuKem} + 1`, finalYeuKem: 0 })
			.where(inArray(unitStats.unitId, pathIds(tree.chapterA.path)))
			.run();
		expect(maintainedCounts(db, period.id)).not.toEqual(kept);
		const migration = readFileSync('drizzle/0009_recount_unit_stats_ratings.sql', 'utf8');
		for (const statement of migration.split('--> statement-breakpoint')) db.$client.exec(statement);
		expect(maintainedCounts(db, period.id)).toEqual(kept);
		expect(countsAt(db, period.id, tree.province.id)).toEqual({
			...ZERO,
			submitted: 1,
			approved: 1,
			kha: 1,
			tot: 1,
			finalYeuKem: 1
		});
	});

	it('moves the member count with the member and leaves the sheet counted where it was made', async () => {
		const ctx = await setup();
		const { db, tree, period } = ctx;
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		handIn(db, memberId, ctx.content, TODAY);
		const count = (u: UnitRow) => db.select({ n: unit.memberCount }).from(unit).where(eq(unit.id, u.id)).get()!.n;
		expect([count(tree.chapterA), count(tree.branch), count(tree.otherBranch), count(tree.province)]).toEqual([
			1, 1, 0, 1
		]);
		moveMember(db, memberId, tree.otherChapter.id, '2026-03-12');
		expect([
			count(tree.chapterA),
			count(tree.branch),
			count(tree.otherChapter),
			count(tree.otherBranch),
			count(tree.province)
		]).toEqual([0, 0, 1, 1, 1]);
		expect(countsAt(db, period.id, tree.chapterA.id)).toEqual({ ...ZERO, submitted: 1, tot: 1 });
		expect(countsAt(db, period.id, tree.otherBranch.id)).toEqual(ZERO);
	});
});

// Signs on every group's sheet, so any member may flag them.
const SHARED_CODES = ['TT1.1', 'TT2.1', 'TT4.1', 'DD1.1', 'DD9.1', 'DB1.1', 'DB3.1', 'DB3.2'] as const;
const levelArb = fc.constantFrom<Level>(0, 1, 2, 3);
const flagsArb = fc.dictionary(fc.constantFrom(...SHARED_CODES), levelArb, { maxKeys: 3 });
const MEMBERS = 7;
const memberArb = fc.nat({ max: MEMBERS - 1 });

// A review action aims at the member's sheet, or (targeted) at one of the sheets in the state it applies to,
// so that approvals and reopenings happen often enough; untargeted ones also hit sheets in the wrong state.
const targetArb = fc.record({ m: memberArb, targeted: fc.boolean() });
const opArb = fc.oneof(
	fc.record({ kind: fc.constant('open' as const), m: memberArb }),
	fc.record({ kind: fc.constant('save' as const), m: memberArb, flags: flagsArb }),
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('submit' as const), m: memberArb, flags: flagsArb }) },
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('return' as const), target: targetArb, onSign: fc.boolean() })
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('approve' as const),
			target: targetArb,
			rating: fc.constantFrom(...RATINGS),
			reason: fc.constantFrom('', 'Chi bộ đánh giá lại')
		})
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('reopen' as const),
			target: targetArb,
			reason: fc.constantFrom('Xem xét lại', 'Mở lại để sửa', 'x')
		})
	},
	fc.record({ kind: fc.constant('move' as const), m: memberArb, to: fc.nat({ max: 4 }) })
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

describe('maintained counts against a rebuild', () => {
	it('agree after any sequence of member and secretary actions and moves', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.constantFrom<TargetGroup>('A', 'B', 'C'), { minLength: MEMBERS, maxLength: MEMBERS }),
				fc.array(fc.nat({ max: 4 }), { minLength: MEMBERS, maxLength: MEMBERS }),
				fc.array(opArb, { minLength: 5, maxLength: 30, size: 'max' }),
				async (groups, homes, ops) => {
					const ctx = await setup();
					const { db, period } = ctx;
					const secretaries = new Map<number, AuthUser>();
					for (const chapter of ctx.chapters)
						secretaries.set(chapter.id, await testSecretary(db, chapter, `Bí thư ${chapter.name}`));
					const members: number[] = [];
					for (let i = 0; i < MEMBERS; i++)
						members.push(await createTestMember(db, ctx.chapters[homes[i]], { targetGroup: groups[i] }));

					for (const op of ops) {
						apply(ctx, secretaries, members, op);
						// After every step, not only at the end, so two errors cannot cancel out.
						expect(normalised(db, period.id)).toEqual(countedFromScratch(db, period.id));
					}
					const maintained = normalised(db, period.id);
					rebuildUnitStats(db, period.id);
					rebuildMemberCounts(db);
					expect(maintained).toEqual(normalised(db, period.id));
				}
			),
			{ numRuns: 30 }
		);
	});
});

/** One action through the real services; an action the service refuses is part of the test too. */
function apply(ctx: Ctx, secretaries: Map<number, AuthUser>, members: number[], op: Op): void {
	const { db, period, content } = ctx;
	switch (op.kind) {
		case 'open':
			openCurrentSheet(db, signedInUser(db, members[op.m]), TODAY);
			return;
		case 'save':
		case 'submit': {
			const user = signedInUser(db, members[op.m]);
			const opened = openCurrentSheet(db, user, TODAY)!;
			const answers =
				op.kind === 'submit'
					? completeAnswers(content, opened.sheet.targetGroup, op.flags)
					: Object.fromEntries(Object.entries(op.flags).map(([code, level]) => [code, { level }]));
			const texts = op.kind === 'submit' ? completeTexts : undefined;
			saveSheet(db, user, opened.sheet.id, { revision: opened.sheet.revision, answers, texts }, TODAY, {
				submit: op.kind === 'submit'
			});
			return;
		}
		case 'move':
			moveMember(db, members[op.m], ctx.chapters[op.to].id, '2026-03-05');
			return;
	}
	const target = reviewTarget(db, period.id, members, op.target, op.kind === 'reopen' ? 'approved' : 'submitted');
	if (!target) return;
	const detail = chapterSheet(db, target.chapterId, target.id)!;
	const secretary = secretaries.get(target.chapterId)!;
	if (op.kind === 'return')
		returnSheet(db, secretary, detail, {
			revision: detail.sheet.revision,
			assessment: '',
			notes: [{ code: op.onSign ? 'TT1.1' : null, text: 'Cần bổ sung' }]
		});
	else if (op.kind === 'approve')
		approveSheet(db, secretary, detail, {
			revision: detail.sheet.revision,
			assessment: '',
			finalRating: op.rating,
			reason: op.reason
		});
	else reopenSheet(db, secretary, detail, { revision: detail.sheet.revision, reason: op.reason });
}

function reviewTarget(
	db: Db,
	periodId: number,
	members: number[],
	target: { m: number; targeted: boolean },
	status: 'submitted' | 'approved'
) {
	if (!target.targeted) return findMemberSheet(db, members[target.m], periodId);
	const candidates = db
		.select()
		.from(sheet)
		.where(eq(sheet.periodId, periodId))
		.orderBy(sheet.id)
		.all()
		.filter((s) => s.status === status);
	return candidates.length === 0 ? undefined : candidates[target.m % candidates.length];
}
