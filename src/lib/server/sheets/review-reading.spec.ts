// What a secretary (or anyone but the member) may read of a sheet, what each hand-in kept, and the chapter
// page's list as reviewers see it: against a real database made from the migrations.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import {
	completeAnswers,
	completeSections,
	completeTexts,
	handIn,
	periodSetup,
	signedInUser,
	testAction,
	testSecretary
} from '../../../../tests/helpers/sheets';
import { findPeriod } from '../db/queries/periods';
import { findUnit } from '../db/queries/units';
import { auditEvent, chapterReport, sheetSubmission } from '../db/schema';
import { submissionsOf } from '../db/queries/submissions';
import { openCurrentSheet, saveSheet } from './member';
import { approveSheet, chapterReviewList, chapterSheet, returnSheet, reviewedSheet, sheetNeighbours } from './review';
import { saveChapterReport } from './chapter-report';
import { findChapterReport } from '../db/queries/chapter-report';
import { loadSheetDetail } from '../db/queries/sheets';
import { formView } from './sections';
import { askQuestion, questionsPage } from './questions';

const TODAY = '2026-03-10';

async function setup() {
	const { db, content, tree, period } = periodSetup();
	const secretary = await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
	const hoa = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Hoa' });
	return { db, content, tree, period, secretary, hoa };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

/** The secretary returns the handed-in sheet with one note, and the return goes through. */
function returnWithNote(ctx: Ctx, id: number, note: { code: string | null; text: string }) {
	const detail = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
	expect(
		returnSheet(ctx.db, ctx.secretary, detail, { assessment: '', notes: [note], revision: detail.sheet.revision })
	).toEqual({ ok: true });
}

/** The member's sheet opened and partly answered, not handed in. */
function draftOf(ctx: Ctx, memberId: number) {
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
		returnWithNote(ctx, id, { code: null, text: 'Ghi rõ hơn.' });
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

		returnWithNote(ctx, id, { code: 'TT1.1', text: 'Cụ thể hơn.' });
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

describe('the Bản kiểm điểm and its gợi ý kiểm điểm are kept with each hand-in', () => {
	it('shows a returned sheet’s sections and answers as handed in until the resubmit, then names exactly those changes', async () => {
		const ctx = await setup();
		const user = signedInUser(ctx.db, ctx.hoa);
		const opened = openCurrentSheet(ctx.db, user, TODAY)!;
		const id = opened.sheet.id;
		const asked = askQuestion(ctx.db, ctx.secretary, opened, 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.');
		if (!asked.ok) throw new Error(asked.message);
		const handedInAnswer = 'Tháng 5 tôi đi công tác theo quyết định của cơ quan.';
		const handedInDirection = 'Mỗi tháng tự kiểm tra việc thực hiện các biện pháp.';
		const first = saveSheet(
			ctx.db,
			user,
			id,
			{
				revision: 0,
				answers: completeAnswers(ctx.content, 'B'),
				texts: completeTexts,
				sections: { ...completeSections(ctx.content, 'B'), 'A.VI': { text: handedInDirection } },
				questions: { [String(asked.id)]: { answer: handedInAnswer } }
			},
			TODAY,
			{ submit: true }
		);
		expect(first.ok).toBe(true);
		expect(submissionsOf(ctx.db, id)[0].content).toMatchObject({
			sections: { 'A.VI': { text: handedInDirection } },
			questions: [{ id: asked.id, answer: handedInAnswer }]
		});

		returnWithNote(ctx, id, { code: null, text: 'Nêu rõ biện pháp và thời gian.' });
		const editedDirection = 'Mỗi tháng tự kiểm tra và báo cáo chi bộ việc thực hiện các biện pháp.';
		const editedAnswer = 'Tháng 5 tôi đi công tác theo Quyết định số 12 của cơ quan, đã báo cáo chi bộ.';
		const back = chapterSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		const edit = saveSheet(
			ctx.db,
			user,
			id,
			{
				revision: back.sheet.revision,
				sections: { 'A.VI': { text: editedDirection } },
				questions: { [String(asked.id)]: { answer: editedAnswer } }
			},
			TODAY
		);
		expect(edit.ok).toBe(true);

		// The reviewers read what was handed in: the review page's form, its print and the gợi ý page.
		const reviewed = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		if (!reviewed.readable) throw new Error('handed in once, so readable');
		const view = formView(ctx.db, reviewed.detail)!;
		expect(view.sections.find((s) => s.section.key === 'A.VI')?.value.text).toBe(handedInDirection);
		expect(view.questions.map((q) => q.answer)).toEqual([handedInAnswer]);
		expect(questionsPage(ctx.db, ctx.tree.chapterA.id, id)).toMatchObject({
			answersHidden: false,
			questions: [{ answer: handedInAnswer }]
		});
		expect(JSON.stringify(formView(ctx.db, reviewed.detail))).not.toContain('Quyết định số 12');
		// The member still sees their own edits.
		const own = formView(ctx.db, loadSheetDetail(ctx.db, id)!)!;
		expect(own.sections.find((s) => s.section.key === 'A.VI')?.value.text).toBe(editedDirection);
		expect(own.questions[0].answer).toBe(editedAnswer);

		const again = saveSheet(ctx.db, user, id, { revision: edit.ok ? edit.revision : 0 }, TODAY, { submit: true });
		expect(again.ok).toBe(true);
		const second = reviewedSheet(ctx.db, ctx.tree.chapterA.id, id)!;
		if (!second.readable) throw new Error('handed in, so readable');
		expect(formView(ctx.db, second.detail)!.questions[0].answer).toBe(editedAnswer);
		expect(second.changes).toEqual([
			{
				kind: 'section',
				key: 'A.VI',
				label: 'Mục A.VI (VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm)',
				verb: 'đã sửa',
				before: handedInDirection,
				after: editedDirection
			},
			{
				kind: 'question',
				id: asked.id,
				label: 'Gợi ý kiểm điểm «Làm rõ việc vắng sinh hoạt chi bộ tháng 5.»',
				verb: 'đã sửa',
				before: handedInAnswer,
				after: editedAnswer
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
