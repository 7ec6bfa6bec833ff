// A collective's sheet: filled on its behalf by its secretary (or the committee's members), decided by the committee
// directly above, never counted as a member; every action guarded and audited; closed periods stay closed.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { taskPeriodSetup } from '../../../../tests/helpers/tasks';
import {
	completeAnswers,
	completeSections,
	completeTexts,
	handIn,
	reviewTables
} from '../../../../tests/helpers/sheets';
import { createPeriod } from '../db/queries/periods';
import { closePeriod } from '../admin/periods';
import { findPeriod } from '../db/queries/periods';
import { loadSheetDetail } from '../db/queries/sheets';
import { rebuildUnitStats } from '../db/queries/stats';
import { auditEvent, unitStats } from '../db/schema';
import { collectiveSheetState, collectivesBelow, openCollectiveSheet } from './collective';
import { ownSheet, saveSheet } from './member';
import { approveSheet, reopenSheet, returnSheet, reviewRights } from './review';
import { personalReport } from '../reports';
import { rateOwnExample } from '../example-setting/self';
import { rateExample } from '../example-setting/review';
import type { AuthUser } from '../auth/types';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/queries/units';

const TODAY = '2026-03-10';

type Ctx = Awaited<ReturnType<typeof taskPeriodSetup>>;

/** Opens the unit's collective sheet as `filler` and hands it in complete (the given signs flagged). */
function handInCollective(ctx: Ctx, filler: AuthUser, unit: UnitRow, flagged: Record<string, 1 | 2 | 3> = {}) {
	const opened = openCollectiveSheet(ctx.db, filler, unit, TODAY);
	if (!opened.ok) throw new Error(opened.message);
	const { sheet } = opened.detail;
	const answers = completeAnswers(ctx.version.content, sheet.targetGroup, flagged, '2026-12-31');
	const saved = saveSheet(
		ctx.db,
		filler,
		sheet.id,
		{
			revision: sheet.revision,
			answers,
			texts: completeTexts,
			sections: completeSections(ctx.version.content, sheet.targetGroup)
		},
		TODAY,
		{
			submit: true
		}
	);
	if (!saved.ok) throw new Error(saved.message);
	return loadSheetDetail(ctx.db, sheet.id)!;
}

const auditActions = (db: Db) =>
	db
		.select({ action: auditEvent.action })
		.from(auditEvent)
		.all()
		.map((a) => a.action);

describe('opening and filling a collective’s sheet', () => {
	// Who may open chapter A's collective sheet: its secretary only.
	const matrix = [
		['secretary', true],
		['grassrootsCommittee', false],
		['branchCommittee', false],
		['provinceCommittee', false],
		['admin', false],
		['member', false],
		['leader', false]
	] as const;
	for (const [who, allowed] of matrix) {
		it(`${allowed ? 'lets' : 'refuses'} ${who} open the chi bộ's sheet`, async () => {
			const ctx = await taskPeriodSetup();
			const before = reviewTables(ctx.db);
			const opened = openCollectiveSheet(ctx.db, ctx.people[who], ctx.tree.chapterA, TODAY);
			expect(opened.ok).toBe(allowed);
			if (!allowed) {
				expect(opened).toMatchObject({ status: 403 });
				expect(reviewTables(ctx.db)).toEqual(before);
			}
		});
	}

	it('makes one sheet per collective and period, of group CB, belonging to no member, with the collective’s name', async () => {
		const ctx = await taskPeriodSetup();
		const unopened = collectiveSheetState(ctx.db, ctx.people.secretary, ctx.tree.chapterA, ctx.period, TODAY);
		expect(unopened).toMatchObject({ mayFill: true, mayOpen: true, mayReview: false, sheet: null });
		const first = openCollectiveSheet(ctx.db, ctx.people.secretary, ctx.tree.chapterA, TODAY);
		const again = openCollectiveSheet(ctx.db, ctx.people.secretary, ctx.tree.chapterA, TODAY);
		if (!first.ok || !again.ok) throw new Error('refused');
		expect(again.detail.sheet.id).toBe(first.detail.sheet.id);
		expect(first.detail.sheet).toMatchObject({
			memberId: null,
			collectiveUnitId: ctx.tree.chapterA.id,
			chapterId: ctx.tree.chapterA.id,
			targetGroup: 'CB'
		});
		expect(first.detail.person.fullName).toBe(`Tập thể ${ctx.tree.chapterA.name}`);
		const state = collectiveSheetState(ctx.db, ctx.people.secretary, ctx.tree.chapterA, ctx.period, TODAY);
		expect(state).toMatchObject({ mayFill: true, mayOpen: false, available: true, sheet: { status: 'draft' } });
		expect(state.decider).toContain(ctx.tree.grassroots.name);
		expect(collectiveSheetState(ctx.db, ctx.people.member, ctx.tree.chapterA, ctx.period, TODAY).mayFill).toBe(false);
		// A draft is not the committee's to review yet.
		const above = (c: Ctx) =>
			collectiveSheetState(c.db, c.people.grassrootsCommittee, c.tree.chapterA, c.period, TODAY);
		expect(above(ctx)).toMatchObject({ mayFill: false, mayOpen: false, mayReview: false });
	});

	it('offers the committee above its review once handed in, and nothing once the period is closed', async () => {
		const ctx = await taskPeriodSetup();
		handInCollective(ctx, ctx.people.secretary, ctx.tree.chapterA);
		const stateOf = (who: AuthUser) => collectiveSheetState(ctx.db, who, ctx.tree.chapterA, ctx.period, TODAY);
		expect(stateOf(ctx.people.grassrootsCommittee).mayReview).toBe(true);
		expect(stateOf(ctx.people.secretary).mayReview).toBe(false);
		expect(stateOf(ctx.people.member).mayReview).toBe(false);
		closePeriod(ctx.db, ctx.period.id, ctx.people.admin.id);
		const closed = findPeriod(ctx.db, ctx.period.id)!;
		const after = collectiveSheetState(ctx.db, ctx.people.grassrootsCommittee, ctx.tree.chapterA, closed, TODAY);
		expect(after.mayReview).toBe(false);
	});

	it('saves and hands in like a member’s sheet, for whoever fills it only; the members’ counts do not move', async () => {
		const ctx = await taskPeriodSetup();
		handIn(ctx.db, ctx.people.member.id, ctx.version.content, TODAY);
		const counts = () => ctx.db.select().from(unitStats).where(eq(unitStats.periodId, ctx.period.id)).all();
		const before = counts();
		const opened = openCollectiveSheet(ctx.db, ctx.people.secretary, ctx.tree.chapterA, TODAY);
		if (!opened.ok) throw new Error(opened.message);
		const id = opened.detail.sheet.id;
		// Someone else is told there is no such sheet, and nothing changes.
		const tables = reviewTables(ctx.db);
		for (const who of ['member', 'grassrootsCommittee', 'admin'] as const) {
			expect(ownSheet(ctx.db, ctx.people[who], id), who).toBeUndefined();
			expect(saveSheet(ctx.db, ctx.people[who], id, { revision: 0, texts: completeTexts }, TODAY)).toMatchObject({
				ok: false,
				status: 404
			});
		}
		expect(reviewTables(ctx.db)).toEqual(tables);
		// A member's sign is not on the collective's sheet.
		expect(
			saveSheet(ctx.db, ctx.people.secretary, id, { revision: 0, answers: { 'TT1.1': { level: 0 } } }, TODAY)
		).toMatchObject({ ok: false, status: 400 });
		const done = handInCollective(ctx, ctx.people.secretary, ctx.tree.chapterA, { 'TT4.9': 2 });
		expect(done.sheet.status).toBe('submitted');
		expect(done.sheet.rating).not.toBeNull();
		expect(counts()).toEqual(before);
		rebuildUnitStats(ctx.db, ctx.period.id);
		expect(counts()).toEqual(before);
		expect(auditActions(ctx.db)).toContain('collective.submit');
	});
});

describe('deciding a collective’s sheet', () => {
	async function submitted() {
		const ctx = await taskPeriodSetup();
		const detail = handInCollective(ctx, ctx.people.secretary, ctx.tree.chapterA);
		return { ...ctx, detail };
	}
	const note = (revision: number) => ({
		revision,
		assessment: '',
		notes: [{ code: null, text: 'Bổ sung kết quả lãnh đạo.' }]
	});

	// Who may return chapter A's collective sheet: the committee directly above only — never its secretary.
	const matrix = [
		['grassrootsCommittee', true],
		['secretary', false],
		['branchCommittee', false],
		['provinceCommittee', false],
		['otherCommittee', false],
		['admin', false],
		['member', false],
		['leader', false]
	] as const;
	for (const [who, allowed] of matrix) {
		it(`${allowed ? 'lets' : 'refuses'} ${who} return it`, async () => {
			const { db, people, detail } = await submitted();
			const before = reviewTables(db);
			const result = returnSheet(db, people[who], detail, note(detail.sheet.revision));
			expect(result.ok).toBe(allowed);
			expect(reviewRights(db, people[who], detail).canDecide).toBe(allowed);
			if (!allowed) {
				expect(result).toMatchObject({ status: 403 });
				expect(reviewTables(db)).toEqual(before);
			}
		});
	}

	it('returns, is filled again, approved and reopened by the committee above, each audited as the collective’s', async () => {
		const ctx = await submitted();
		const { db, people } = ctx;
		expect(returnSheet(db, people.grassrootsCommittee, ctx.detail, note(ctx.detail.sheet.revision)).ok).toBe(true);
		const returned = loadSheetDetail(db, ctx.detail.sheet.id)!;
		expect(returned.sheet.status).toBe('returned');
		const again = saveSheet(db, people.secretary, returned.sheet.id, { revision: returned.sheet.revision }, TODAY, {
			submit: true
		});
		expect(again.ok).toBe(true);
		const resubmitted = loadSheetDetail(db, ctx.detail.sheet.id)!;
		// The secretary, who holds the committee role above as well, still may not decide it.
		const input = {
			revision: resubmitted.sheet.revision,
			assessment: 'Tập thể đoàn kết.',
			finalRating: resubmitted.sheet.rating,
			reason: ''
		};
		expect(approveSheet(db, people.secretary, resubmitted, input)).toMatchObject({ status: 403 });
		expect(approveSheet(db, people.grassrootsCommittee, resubmitted, input).ok).toBe(true);
		const approved = loadSheetDetail(db, ctx.detail.sheet.id)!;
		expect(approved.sheet.status).toBe('approved');
		expect(
			reopenSheet(db, people.grassrootsCommittee, approved, {
				reason: 'Cần bổ sung số liệu.',
				revision: approved.sheet.revision
			}).ok
		).toBe(true);
		expect(auditActions(db).filter((a) => a.startsWith('collective.'))).toEqual([
			'collective.submit',
			'collective.return',
			'collective.submit',
			'collective.approve',
			'collective.reopen'
		]);
	});

	it('changes nothing once the period is closed', async () => {
		const ctx = await submitted();
		closePeriod(ctx.db, ctx.period.id, ctx.people.admin.id);
		const detail = loadSheetDetail(ctx.db, ctx.detail.sheet.id)!;
		const before = reviewTables(ctx.db);
		expect(returnSheet(ctx.db, ctx.people.grassrootsCommittee, detail, note(detail.sheet.revision))).toMatchObject({
			status: 409
		});
		expect(
			saveSheet(
				ctx.db,
				ctx.people.secretary,
				detail.sheet.id,
				{ revision: detail.sheet.revision, texts: completeTexts },
				TODAY
			)
		).toMatchObject({ ok: false, status: 409 });
		expect(openCollectiveSheet(ctx.db, ctx.people.secretary, ctx.tree.chapterA, TODAY)).toMatchObject({ status: 409 });
		expect(reviewTables(ctx.db)).toEqual(before);
	});

	it('lists the collectives a committee decides, and counts them apart from the members', async () => {
		const ctx = await submitted();
		const below = collectivesBelow(ctx.db, ctx.people.grassrootsCommittee, ctx.tree.grassroots, ctx.period);
		expect(below.total).toBe(1);
		expect(below.counts).toMatchObject({ submitted: 1, approved: 0 });
		expect(below.toReview).toMatchObject([
			{ sheetId: ctx.detail.sheet.id, name: `Tập thể ${ctx.tree.chapterA.name}`, status: 'submitted', decidable: true }
		]);
		const province = collectivesBelow(ctx.db, ctx.people.provinceCommittee, ctx.tree.province, ctx.period);
		expect([province.total, province.toReview]).toEqual([1, []]);
	});
});

describe('a committee’s own collective (tập thể cấp ủy)', () => {
	it('is filled by the committee’s members and decided by the committee above them, never by themselves', async () => {
		const ctx = await taskPeriodSetup();
		const { db, people, tree } = ctx;
		expect(openCollectiveSheet(db, people.secretary, tree.grassroots, TODAY)).toMatchObject({ status: 403 });
		const detail = handInCollective(ctx, people.grassrootsCommittee, tree.grassroots);
		expect(detail.sheet.targetGroup).toBe('CU');
		expect(detail.person.fullName).toBe(`Tập thể cấp ủy ${tree.grassroots.name}`);
		const input = { revision: detail.sheet.revision, assessment: '', finalRating: detail.sheet.rating, reason: '' };
		expect(approveSheet(db, people.grassrootsCommittee, detail, input)).toMatchObject({ status: 403 });
		expect(approveSheet(db, people.provinceCommittee, detail, input)).toMatchObject({ status: 403 });
		expect(approveSheet(db, people.branchCommittee, detail, input).ok).toBe(true);
	});
});

describe('the collective’s report and its follow-up a year later', () => {
	it('prints as the collective’s document, and carries its remediation plan to next year’s sheet', async () => {
		const ctx = await taskPeriodSetup();
		const { db, people, tree } = ctx;
		const detail = handInCollective(ctx, people.secretary, tree.chapterA, { 'TT5.9': 2 });
		const input = { revision: detail.sheet.revision, assessment: 'Đạt.', finalRating: detail.sheet.rating, reason: '' };
		expect(approveSheet(db, people.grassrootsCommittee, detail, input).ok).toBe(true);
		const report = personalReport(db, loadSheetDetail(db, detail.sheet.id)!);
		expect(report.memberName).toBe(`Tập thể ${tree.chapterA.name}`);
		expect(report.form?.title).toBe('BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ');
		expect(report.collective).toMatchObject({
			signature: ['T/M CHI BỘ', 'BÍ THƯ'],
			reviewer: ['T/M ĐẢNG ỦY TRƯỜNG MỘT']
		});
		expect(report.form?.identity[0]).toEqual({ label: 'Tập thể', value: `Tập thể ${tree.chapterA.name}` });

		closePeriod(db, ctx.period.id, people.admin.id);
		createPeriod(db, {
			name: 'Năm 2027',
			year: 2027,
			unitId: tree.province.id,
			templateVersionId: ctx.version.id,
			opensOn: '2027-03-01',
			deadline: '2027-03-31'
		});
		const next = openCollectiveSheet(db, people.secretary, tree.chapterA, '2027-03-05');
		if (!next.ok) throw new Error(next.message);
		expect(next.detail.sheet.id).not.toBe(detail.sheet.id);
		expect(next.detail.progress.map((p) => p.code)).toEqual(['TT5.9']);
	});
});

describe('the collective’s example-setting (nêu gương)', () => {
	it('is rated by whoever fills the sheet while it can change, and by the committee above once handed in; audited', async () => {
		const ctx = await taskPeriodSetup();
		const { db, people, tree } = ctx;
		const opened = openCollectiveSheet(db, people.secretary, tree.chapterA, TODAY);
		if (!opened.ok) throw new Error(opened.message);
		const id = opened.detail.sheet.id;
		const before = reviewTables(db);
		for (const who of ['member', 'grassrootsCommittee', 'admin', 'leader'] as const)
			expect(rateOwnExample(db, people[who], id, { rating: 'tot', note: '' }, TODAY), who).toMatchObject({
				status: 404
			});
		// Its filler, from another unit's collective page: not this page's sheet.
		expect(
			rateOwnExample(db, people.secretary, id, { rating: 'tot', note: '' }, TODAY, tree.chapterB.id)
		).toMatchObject({ status: 404 });
		expect(reviewTables(db)).toEqual(before);
		expect(
			rateOwnExample(db, people.secretary, id, { rating: 'tot', note: 'Chi ủy gương mẫu.' }, TODAY, tree.chapterA.id)
		).toEqual({
			ok: true,
			id
		});
		handInCollective(ctx, people.secretary, tree.chapterA);
		// Handed in: the collective's own rating is closed, and the one who filled it does not rate it as reviewer.
		expect(rateOwnExample(db, people.secretary, id, { rating: 'kha', note: '' }, TODAY)).toMatchObject({
			status: 409
		});
		expect(rateExample(db, people.secretary, tree.chapterA.id, id, { rating: 'tot', reason: '' })).toMatchObject({
			status: 403
		});
		expect(rateExample(db, people.branchCommittee, tree.chapterA.id, id, { rating: 'tot', reason: '' })).toMatchObject({
			status: 403
		});
		expect(
			rateExample(db, people.grassrootsCommittee, tree.chapterA.id, id, { rating: 'kha', reason: '' })
		).toMatchObject({
			status: 400,
			field: 'reason'
		});
		expect(
			rateExample(db, people.grassrootsCommittee, tree.chapterA.id, id, { rating: 'kha', reason: 'Còn nể nang.' }).ok
		).toBe(true);
		const state = collectiveSheetState(db, people.grassrootsCommittee, tree.chapterA, ctx.period, TODAY);
		expect(state.example).toMatchObject({ self: 'tot', reviewer: 'kha', maySelfRate: false, mayReview: true });
		// Beside the sheet's own result in the list the committee reads, never mixed into it.
		const below = collectivesBelow(db, people.grassrootsCommittee, tree.grassroots, ctx.period);
		expect(below.toReview[0]).toMatchObject({ exampleSelf: 'tot', exampleReviewer: 'kha' });
		expect(below.toReview[0].rating).toBe(loadSheetDetail(db, id)!.sheet.rating);
		expect(below.example).toMatchObject({ self: { tot: 1 }, reviewer: { kha: 1 }, notSelfRated: 0 });
		expect(auditActions(db).filter((a) => a.startsWith('example.'))).toEqual(['example.self_rate', 'example.review']);
		// The printed report carries both ratings.
		expect(personalReport(db, loadSheetDetail(db, id)!).exampleSetting).toMatchObject({ self: 'Tốt', reviewer: 'Khá' });
	});
});
