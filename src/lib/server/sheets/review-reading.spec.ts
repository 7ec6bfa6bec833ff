// What a secretary (or anyone but the member) may read of a sheet, what each hand-in kept, and the chapter
// page's list as reviewers see it: against a real database made from the migrations.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, createTestMember, createTestTree } from '../../../../tests/helpers/db';
import { completeAnswers, handIn, signedInUser, testAction, testSecretary } from '../../../../tests/helpers/sheets';
import { createPeriod, findPeriod } from '../db/queries/periods';
import { findUnit } from '../db/queries/units';
import { ensureDefaultTemplate } from '../admin/templates';
import { auditEvent, chapterReport, sheetSubmission } from '../db/schema';
import { submissionsOf } from '../db/queries/submissions';
import { openCurrentSheet, saveSheet } from './member';
import { approveSheet, chapterReviewList, chapterSheet, returnSheet, reviewedSheet, sheetNeighbours } from './review';
import { saveChapterReport } from './chapter-report';
import { findChapterReport } from '../db/queries/chapter-report';

const TODAY = '2026-03-10';

async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const period = createPeriod(db, {
		name: 'Năm 2026',
		year: 2026,
		unitId: tree.province.id,
		templateVersionId: version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31'
	});
	const secretary = await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
	const hoa = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Hoa' });
	return { db, content: version.content, tree, period, secretary, hoa };
}

/** The member's sheet opened and partly answered, not handed in. */
function draftOf(ctx: Awaited<ReturnType<typeof setup>>, memberId: number) {
	const user = signedInUser(ctx.db, memberId);
	const detail = openCurrentSheet(ctx.db, user, TODAY)!;
	const result = saveSheet(
		ctx.db,
		user,
		detail.sheet.id,
		{ revision: detail.sheet.revision, answers: { 'TT1.1': { level: 2, action: 'Nháp riêng của tôi' } } },
		TODAY
	);
	if (!result.ok) throw new Error(result.message);
	return detail.sheet.id;
}

describe('a draft is the member’s', () => {
	it('shows a reviewer its status and progress, never its answers, score or rating', async () => {
		const ctx = await setup();
		const id = draftOf(ctx, ctx.hoa);
		const reviewed = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		expect(reviewed.readable).toBe(false);
		const list = chapterReviewList(ctx.db, findUnit(ctx.db, ctx.tree.chapterA.id)!, findPeriod(ctx.db, ctx.period.id)!);
		const row = list.rows.find((r) => r.sheetId === id)!;
		expect(row).toMatchObject({ status: 'draft', score: null, rating: null, finalRating: null, answeredCount: 1 });
		expect(row.signs).toBeGreaterThan(40);
		expect(JSON.stringify(list)).not.toContain('Nháp riêng');
		expect(list.tallies.self).toEqual({ tot: 0, kha: 0, trung_binh: 0, yeu_kem: 0 });
	});

	it('keeps a returned sheet as it was handed in, not the member’s edits since', async () => {
		const ctx = await setup();
		const id = handIn(ctx.db, ctx.hoa, ctx.content, TODAY, { 'TT1.1': 1 });
		const detail = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		expect(
			returnSheet(ctx.db, ctx.secretary, detail, {
				assessment: '',
				notes: [{ code: null, text: 'Ghi rõ hơn.' }],
				revision: detail.sheet.revision
			})
		).toEqual({ ok: true });
		const user = signedInUser(ctx.db, ctx.hoa);
		const now = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		saveSheet(
			ctx.db,
			user,
			id,
			{ revision: now.sheet.revision, answers: { 'DD1.1': { level: 3, action: 'Đang viết dở' } } },
			TODAY
		);

		const reviewed = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		expect(reviewed.readable).toBe(true);
		if (!reviewed.readable) return;
		expect(reviewed.detail.answers['DD1.1'].level).toBe(0);
		expect(reviewed.detail.answers['TT1.1']).toMatchObject({ level: 1, action: testAction('TT1.1') });
		const list = chapterReviewList(ctx.db, findUnit(ctx.db, ctx.tree.chapterA.id)!, findPeriod(ctx.db, ctx.period.id)!);
		expect(list.rows.find((r) => r.sheetId === id)).toMatchObject({ status: 'returned', score: null, rating: null });
	});
});

describe('each hand-in is kept', () => {
	it('snapshots every hand-in and names exactly what the second one changed', async () => {
		const ctx = await setup();
		const id = handIn(ctx.db, ctx.hoa, ctx.content, TODAY, { 'TT1.1': 1 });
		expect(submissionsOf(ctx.db, id)).toHaveLength(1);
		const first = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		expect(first.readable && first.changes).toBeNull();

		const detail = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		expect(
			returnSheet(ctx.db, ctx.secretary, detail, {
				assessment: '',
				notes: [{ code: 'TT1.1', text: 'Cụ thể hơn.' }],
				revision: detail.sheet.revision
			})
		).toEqual({ ok: true });
		const user = signedInUser(ctx.db, ctx.hoa);
		const back = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		const answers = {
			...completeAnswers(ctx.content, 'B', { 'TT1.1': 1 }),
			'TT1.1': { level: 1 as const, action: 'Đọc Quy định 37 trong tháng 4.', actionDeadline: '2026-09-30' },
			'DD1.1': { level: 1 as const, action: 'Tự kiểm tra hằng tuần.', actionDeadline: '2026-06-30' }
		};
		const result = saveSheet(ctx.db, user, id, { revision: back.sheet.revision, answers }, TODAY, { submit: true });
		expect(result.ok).toBe(true);

		expect(ctx.db.select().from(sheetSubmission).where(eq(sheetSubmission.sheetId, id)).all()).toHaveLength(2);
		const second = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		if (!second.readable) throw new Error('handed in, so readable');
		expect(second.handIns).toBe(2);
		expect(second.changes).toEqual([
			{
				kind: 'answer',
				code: 'TT1.1',
				parts: [{ label: 'Biện pháp khắc phục', before: testAction('TT1.1'), after: 'Đọc Quy định 37 trong tháng 4.' }]
			},
			{
				kind: 'answer',
				code: 'DD1.1',
				parts: [
					{ label: 'Mức độ', before: 'Không có biểu hiện', after: 'Có biểu hiện ở mức độ nhẹ' },
					{ label: 'Biện pháp khắc phục', before: '', after: 'Tự kiểm tra hằng tuần.' },
					{ label: 'Thời hạn', before: '—', after: '30/06/2026' }
				]
			}
		]);
	});
});

describe('the chapter list as reviewers see it', () => {
	it('counts the self-ratings of handed-in sheets and the chi ủy’s of approved ones, each under its own name', async () => {
		const ctx = await setup();
		const an = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'B', fullName: 'Nguyễn Văn An' });
		const binh = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'B', fullName: 'Phạm Thị Bình' });
		const tb = handIn(ctx.db, ctx.hoa, ctx.content, TODAY, { 'TT1.1': 3 });
		handIn(ctx.db, an, ctx.content, TODAY);
		const approved = handIn(ctx.db, binh, ctx.content, TODAY);
		const d = chapterSheet(ctx.db, ctx.tree.chapterA.id, approved)!;
		expect(
			approveSheet(ctx.db, ctx.secretary, d, {
				assessment: '',
				finalRating: 'kha',
				reason: 'Còn vắng sinh hoạt.',
				revision: d.sheet.revision
			})
		).toEqual({ ok: true });

		const list = chapterReviewList(ctx.db, findUnit(ctx.db, ctx.tree.chapterA.id)!, findPeriod(ctx.db, ctx.period.id)!);
		expect(list.tallies.self).toEqual({ tot: 2, kha: 0, trung_binh: 1, yeu_kem: 0 });
		expect(list.tallies.final).toEqual({ tot: 0, kha: 1, trung_binh: 0, yeu_kem: 0 });
		expect(list.rows.find((r) => r.sheetId === tb)?.rating).toBe('trung_binh');
		// The list's own self-ratings add up to the chart's.
		const fromList = list.rows.filter((r) => r.rating).length;
		expect(fromList).toBe(3);

		// Previous and next in the list's order (Vietnamese: by given name), among sheets handed in.
		const around = sheetNeighbours(ctx.db, chapterSheet(ctx.db, ctx.tree.chapterA.id, approved)!);
		expect(around.prev?.fullName).toBe('Nguyễn Văn An');
		expect(around.next?.fullName).toBe('Lê Thị Hoa');
		expect(around).toMatchObject({ index: 1, total: 3 });
		const last = sheetNeighbours(ctx.db, chapterSheet(ctx.db, ctx.tree.chapterA.id, tb)!);
		expect(last).toMatchObject({ next: null, index: 2, total: 3 });
		expect(list.reminder).toContain('Trần Văn Bí Thư');
		expect(list.reminder).not.toContain('Lê Thị Hoa');
	});
});

describe('what the secretary writes into the summary report', () => {
	it('saves the number and the plan with an audit line, and refuses a number with its symbol, changing nothing', async () => {
		const ctx = await setup();
		const chapter = findUnit(ctx.db, ctx.tree.chapterA.id)!;
		const period = findPeriod(ctx.db, ctx.period.id)!;
		const refused = saveChapterReport(ctx.db, ctx.secretary, chapter, period, { number: '05-BC/CB', plan: 'x' });
		expect(refused).toMatchObject({ ok: false, status: 400, field: 'number' });
		expect(ctx.db.select().from(chapterReport).all()).toEqual([]);
		expect(
			saveChapterReport(ctx.db, ctx.secretary, chapter, period, { number: ' 05 ', plan: 'Học tập Quy định 37.' })
		).toEqual({ ok: true });
		expect(findChapterReport(ctx.db, period.id, chapter.id)).toEqual({ number: '05', plan: 'Học tập Quy định 37.' });
		const audit = ctx.db.select().from(auditEvent).where(eq(auditEvent.action, 'chapter.report.save')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: ctx.secretary.id, unitId: chapter.id });
	});
});
