// Example-setting ratings: the leader's own, the decider's with a reason when it differs, and the roll-up.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskAudits, taskPeriodSetup } from '../../../../tests/helpers/tasks';
import { handIn, reviewTables } from '../../../../tests/helpers/sheets';
import { createTestMember } from '../../../../tests/helpers/db';
import { openCurrentSheet } from '../sheets/member';
import { approveSheet, returnSheet } from '../sheets/review';
import { loadSheetDetail } from '../db/queries/sheets';
import { findExampleRating } from '../db/queries/example-setting';
import { exampleRating } from '../db/schema';
import { rateOwnExample } from './self';
import { rateExample } from './review';
import { myExampleSheets, unitExample } from './view';
import { signedInUser } from '../../../../tests/helpers/sheets';
import { personalReport } from '../reports';
import { renderPersonalPdf } from '../pdf/personal';

const TODAY = '2026-03-10';

async function setup() {
	const ctx = await taskPeriodSetup();
	const draft = openCurrentSheet(ctx.db, ctx.people.leader, TODAY)!;
	return { ...ctx, leaderSheet: draft.sheet.id };
}

const tables = (db: Parameters<typeof reviewTables>[0]) => ({
	...reviewTables(db),
	ratings: db.select().from(exampleRating).all()
});

type Ctx = Awaited<ReturnType<typeof setup>>;

/** The chapter's secretary rates the leader's sheet from chapter A's page (or `chapterId`'s). */
const secretaryRates = (ctx: Ctx, input: { rating: string; reason: string }, chapterId = ctx.tree.chapterA.id) =>
	rateExample(ctx.db, ctx.people.secretary, chapterId, ctx.leaderSheet, input);

describe('the leader rates their own example-setting', () => {
	it('while the sheet can change; audited; someone else, a group B sheet and a handed-in sheet are refused', async () => {
		const { db, people, leaderSheet, tree, version } = await setup();
		expect(
			rateOwnExample(db, people.leader, leaderSheet, { rating: 'kha', note: 'Gia đình gương mẫu.' }, TODAY)
		).toEqual({
			ok: true,
			id: leaderSheet
		});
		expect(findExampleRating(db, leaderSheet)).toMatchObject({ selfRating: 'kha', selfNote: 'Gia đình gương mẫu.' });
		expect(taskAudits(db, 'example.self_rate')).toMatchObject([
			{ actorId: people.leader.id, unitId: tree.chapterA.id, targetType: 'sheet', targetId: leaderSheet }
		]);

		const before = tables(db);
		for (const who of ['secretary', 'member', 'branchCommittee', 'admin'] as const)
			expect(rateOwnExample(db, people[who], leaderSheet, { rating: 'tot', note: '' }, TODAY), who).toMatchObject({
				ok: false,
				status: 404
			});
		expect(rateOwnExample(db, people.leader, leaderSheet, { rating: 'xuat_sac', note: '' }, TODAY)).toMatchObject({
			status: 400,
			field: 'rating'
		});
		const bSheet = openCurrentSheet(db, people.member, TODAY)!.sheet.id;
		const afterB = tables(db);
		expect(rateOwnExample(db, people.member, bSheet, { rating: 'tot', note: '' }, TODAY)).toMatchObject({
			status: 403,
			message: /nhóm A/
		});
		expect(tables(db)).toEqual(afterB);
		expect(before.ratings).toEqual(afterB.ratings);

		handIn(db, people.leader.id, version.content, TODAY);
		expect(rateOwnExample(db, people.leader, leaderSheet, { rating: 'tot', note: '' }, TODAY)).toMatchObject({
			status: 409,
			message: /đã nộp/
		});
	});
});

describe("the decider rates a leader's example-setting", () => {
	async function handedIn() {
		const ctx = await setup();
		rateOwnExample(ctx.db, ctx.people.leader, ctx.leaderSheet, { rating: 'tot', note: '' }, TODAY);
		handIn(ctx.db, ctx.people.leader.id, ctx.version.content, TODAY);
		return ctx;
	}

	// Who may rate the leader's handed-in sheet: only whoever decides it (the chapter's secretary).
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
		it(`${allowed ? 'lets' : 'refuses'} ${who}`, async () => {
			const { db, people, leaderSheet, tree } = await handedIn();
			const before = tables(db);
			const result = rateExample(db, people[who], tree.chapterA.id, leaderSheet, { rating: 'tot', reason: '' });
			expect(result.ok).toBe(allowed);
			if (!allowed) {
				expect(result).toMatchObject({ status: 403 });
				expect(tables(db)).toEqual(before);
			}
		});
	}

	it("gives a secretary's own sheet to the committee directly above, never to the secretary", async () => {
		const { db, people, version, tree } = await setup();
		const own = openCurrentSheet(db, people.secretary, TODAY)!.sheet.id;
		rateOwnExample(db, people.secretary, own, { rating: 'tot', note: '' }, TODAY);
		handIn(db, people.secretary.id, version.content, TODAY);
		expect(rateExample(db, people.secretary, tree.chapterA.id, own, { rating: 'tot', reason: '' })).toMatchObject({
			status: 403,
			message: /chính mình/
		});
		expect(
			rateExample(db, people.grassrootsCommittee, tree.chapterA.id, own, { rating: 'tot', reason: '' })
		).toMatchObject({ ok: true });
	});

	it("reports a sheet of another chapter as not found from this chapter's page, and changes nothing", async () => {
		const ctx = await handedIn();
		const { db, tree } = ctx;
		const before = tables(db);
		expect(secretaryRates(ctx, { rating: 'tot', reason: '' }, tree.chapterB.id)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(tables(db)).toEqual(before);
	});

	it('wants a reason when the rating differs, keeps none when it agrees, and both are in the log', async () => {
		const ctx = await handedIn();
		const { db, people, leaderSheet } = ctx;
		const before = tables(db);
		expect(secretaryRates(ctx, { rating: 'kha', reason: 'ok' })).toMatchObject({
			status: 400,
			field: 'reason',
			message: /«Tốt»/
		});
		expect(secretaryRates(ctx, { rating: 'ngoai', reason: '' })).toMatchObject({ field: 'rating' });
		expect(tables(db)).toEqual(before);
		const reason = 'Chưa chủ động nhắc nhở người thân trong gia đình.';
		expect(secretaryRates(ctx, { rating: 'kha', reason })).toMatchObject({ ok: true });
		expect(findExampleRating(db, leaderSheet)).toMatchObject({
			selfRating: 'tot',
			reviewerRating: 'kha',
			reviewerReason: reason,
			reviewerId: people.secretary.id
		});
		expect(secretaryRates(ctx, { rating: 'tot', reason: 'không cần' })).toMatchObject({ ok: true });
		expect(findExampleRating(db, leaderSheet)).toMatchObject({ reviewerRating: 'tot', reviewerReason: null });
		expect(taskAudits(db, 'example.review')).toMatchObject([
			{ reason, detail: { self: 'tot', reviewer: 'kha' } },
			{ reason: null, detail: { self: 'tot', reviewer: 'tot' } }
		]);
	});

	it('refuses a draft sheet and one without a self-rating; a changed self-rating clears the earlier review', async () => {
		const ctx = await setup();
		const { db, people, leaderSheet, version, tree } = ctx;
		expect(secretaryRates(ctx, { rating: 'tot', reason: '' })).toMatchObject({
			status: 409,
			message: /phiếu đã nộp/
		});
		handIn(db, people.leader.id, version.content, TODAY);
		expect(secretaryRates(ctx, { rating: 'tot', reason: '' })).toMatchObject({
			status: 409,
			message: /chưa tự đánh giá/
		});
		// Returned so the leader can add it; the secretary's later rating is cleared when the leader changes theirs.
		const detail = loadSheetDetail(db, leaderSheet)!;
		expect(
			returnSheet(db, people.secretary, detail, {
				assessment: '',
				notes: [{ code: null, text: 'Bổ sung tự đánh giá nêu gương.' }],
				revision: detail.sheet.revision
			}).ok
		).toBe(true);
		expect(rateOwnExample(db, people.leader, leaderSheet, { rating: 'kha', note: '' }, TODAY).ok).toBe(true);
		handIn(db, people.leader.id, version.content, TODAY);
		expect(secretaryRates(ctx, { rating: 'kha', reason: '' }).ok).toBe(true);
		const reopened = loadSheetDetail(db, leaderSheet)!;
		returnSheet(db, people.secretary, reopened, {
			assessment: '',
			notes: [{ code: null, text: 'Xem lại.' }],
			revision: reopened.sheet.revision
		});
		expect(rateOwnExample(db, people.leader, leaderSheet, { rating: 'tot', note: '' }, TODAY).ok).toBe(true);
		expect(findExampleRating(db, leaderSheet)).toMatchObject({
			selfRating: 'tot',
			reviewerRating: null,
			reviewerId: null
		});
		expect(taskAudits(db, 'example.self_rate').at(-1)).toMatchObject({
			detail: { from: 'kha', to: 'tot', clearedReviewer: 'kha' }
		});
		expect(tree.chapterA.id).toBeGreaterThan(0);
	});
});

describe('the roll-up', () => {
	it("counts the sheets' own result, the leaders' ratings and the reviewers' apart, and lists a chapter's sheets", async () => {
		const ctx = await setup();
		const { db, people, leaderSheet, version, tree, period } = ctx;
		rateOwnExample(db, people.leader, leaderSheet, { rating: 'tot', note: '' }, TODAY);
		handIn(db, people.leader.id, version.content, TODAY, { 'TT1.1': 3 });
		secretaryRates(ctx, { rating: 'kha', reason: 'Chưa gương mẫu trong gia đình.' });
		const other = await createTestMember(db, tree.chapterB, { targetGroup: 'A' });
		openCurrentSheet(db, signedInUser(db, other), TODAY);

		const province = unitExample(db, people.provinceCommittee, tree.province, period);
		expect(province.counts).toMatchObject({
			sheets: 2,
			self: { tot: 1, kha: 0, trung_binh: 0, yeu_kem: 0 },
			reviewer: { tot: 0, kha: 1, trung_binh: 0, yeu_kem: 0 },
			notSelfRated: 1,
			notReviewed: 1,
			noSheetResult: 1
		});
		// A level-3 sign caps the sheet's own result at Trung bình: the example-setting ratings do not move it.
		expect(province.counts.sheetResult.trung_binh).toBe(1);
		expect(province.rows).toEqual([]);
		const chapter = unitExample(db, people.secretary, tree.chapterA, period);
		expect(chapter.rows.map((r) => [r.fullName, r.self, r.reviewer, r.sheetResult, r.mayReview])).toEqual([
			['Phạm Văn Lãnh Đạo', 'tot', 'kha', 'trung_binh', true]
		]);
		expect(unitExample(db, people.provinceCommittee, tree.chapterA, period).rows[0].mayReview).toBe(false);
		expect(myExampleSheets(db, people.leader, TODAY)).toMatchObject([
			{ sheetId: leaderSheet, self: 'tot', reviewer: 'kha', sheetResult: 'trung_binh', mayRate: false }
		]);
		expect(myExampleSheets(db, people.member, TODAY)).toEqual([]);
	});
});

describe("the leader's printed review", () => {
	it('shows both example-setting ratings for group A, apart from the score, and nothing for other groups', async () => {
		const ctx = await setup();
		const { db, people, leaderSheet, version } = ctx;
		rateOwnExample(db, people.leader, leaderSheet, { rating: 'tot', note: 'Vợ con chấp hành tốt quy định.' }, TODAY);
		handIn(db, people.leader.id, version.content, TODAY);
		secretaryRates(ctx, { rating: 'kha', reason: 'Còn nể nang khi góp ý.' });
		const report = personalReport(db, loadSheetDetail(db, leaderSheet)!);
		expect(report.exampleSetting).toEqual({
			self: 'Tốt',
			note: 'Vợ con chấp hành tốt quy định.',
			reviewer: 'Khá',
			reason: 'Còn nể nang khi góp ý.'
		});
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'tusoi-example-')), 'r.pdf');
		writeFileSync(file, await renderPersonalPdf(report));
		const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
			.normalize('NFC')
			.replace(/\s+/gu, '');
		rmSync(path.dirname(file), { recursive: true, force: true });
		for (const part of [
			'Đánh giá việc nêu gương',
			'Tự đánh giá: Tốt',
			'Cấp ủy đánh giá: Khá (lý do: Còn nể nang khi góp ý.)',
			'Kết quả nêu gương không cộng vào điểm tự soi, tự sửa.'
		])
			expect(text).toContain(part.replace(/\s+/gu, ''));

		const bSheet = handIn(db, people.member.id, version.content, TODAY);
		expect(personalReport(db, loadSheetDetail(db, bSheet)!).exampleSetting).toBeNull();
	});

	it("shows the sheet's own result, never the chi ủy's final rating under its name", async () => {
		const { db, people, leaderSheet, version, tree, period } = await setup();
		handIn(db, people.leader.id, version.content, TODAY, { 'TT1.1': 3 });
		const approved = approveSheet(db, people.secretary, loadSheetDetail(db, leaderSheet)!, {
			assessment: '',
			finalRating: 'kha',
			reason: 'Đã khắc phục ngay trong năm.',
			revision: String(loadSheetDetail(db, leaderSheet)!.sheet.revision)
		});
		expect(approved.ok).toBe(true);
		expect(loadSheetDetail(db, leaderSheet)!.sheet.finalRating).toBe('kha');
		expect(unitExample(db, people.provinceCommittee, tree.province, period).counts.sheetResult).toEqual({
			tot: 0,
			kha: 0,
			trung_binh: 1,
			yeu_kem: 0
		});
		expect(unitExample(db, people.secretary, tree.chapterA, period).rows[0].sheetResult).toBe('trung_binh');
		expect(myExampleSheets(db, people.leader, TODAY)[0].sheetResult).toBe('trung_binh');
	});
});
