// The Bản kiểm điểm's own sections through the ordinary save, last year's commitment and shortcomings carried
// into A.I.3 and A.III, and gợi ý kiểm điểm asked by the chi ủy or a committee and answered in A.IV.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, createTestMember, createTestTree, giveRole } from '../../../../tests/helpers/db';
import {
	completeAnswers,
	completeSections,
	completeTexts,
	signedInUser,
	testSecretary
} from '../../../../tests/helpers/sheets';
import { createPeriod } from '../db/queries/periods';
import { loadSheetDetail } from '../db/queries/sheets';
import { addTemplateVersion, ensureDefaultTemplate } from '../admin/templates';
import { auditEvent, period, sheetQuestion } from '../db/schema';
import { parseTemplate } from '../../schemas/template';
import firstEdition from '../../data/template-default-v1.json' with { type: 'json' };
import { openCurrentSheet, saveSheet } from './member';
import { approveSheet, returnSheet } from './review';
import { formView } from './sections';
import { askQuestion, questionsPage } from './questions';

async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Thành Viên' });
	const user = signedInUser(db, memberId);
	const secretary = await testSecretary(db, tree.chapterA);
	const makePeriod = (year: number, versionId = version.id) =>
		createPeriod(db, {
			name: `Năm ${year}`,
			year,
			unitId: tree.province.id,
			templateVersionId: versionId,
			opensOn: `${year}-03-01`,
			deadline: `${year}-03-31`
		});
	return { db, version, tree, memberId, user, secretary, makePeriod };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

function openOn(ctx: Ctx, today: string) {
	const detail = openCurrentSheet(ctx.db, ctx.user, today);
	if (!detail) throw new Error('no open period');
	return detail;
}

const section = (view: ReturnType<typeof formView>, key: string) => view!.sections.find((s) => s.section.key === key)!;

describe('sections of the Bản kiểm điểm', () => {
	it('saves text, the 30 + 70 frame, the proposed level and list items, and reads them back', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const result = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{
				revision: 0,
				texts: { strengths: 'Giữ vững lập trường chính trị.' },
				sections: {
					'A.I.2': { text: 'Hoàn thành các chỉ tiêu được giao đúng tiến độ.' },
					'B.I': { general: 27.5, tasks: 62 },
					'B.II': { quality: 'tot' },
					PL: { items: [{ id: 'own-1', text: 'Báo cáo quý I', status: 'done', note: 'Đúng hạn' }] }
				}
			},
			'2026-03-10'
		);
		expect(result.ok).toBe(true);
		const view = formView(ctx.db, loadSheetDetail(ctx.db, detail.sheet.id)!);
		expect(view?.form).toBe('Mẫu 2B');
		expect(section(view, 'A.I.1').text).toBe('Giữ vững lập trường chính trị.');
		expect(section(view, 'A.I.2').value.text).toBe('Hoàn thành các chỉ tiêu được giao đúng tiến độ.');
		expect(section(view, 'B.I')).toMatchObject({ value: { general: 27.5, tasks: 62 }, total: 89.5 });
		expect(section(view, 'B.II').value.quality).toBe('tot');
		expect(section(view, 'PL').value.items).toEqual([
			{ id: 'own-1', text: 'Báo cáo quý I', status: 'done', note: 'Đúng hạn' }
		]);
	});

	it('refuses a section not on the form, a part of the wrong kind, a bad status or score, writing nothing', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const save = (sections: unknown) =>
			saveSheet(ctx.db, ctx.user, detail.sheet.id, { revision: 0, sections }, '2026-03-10');
		const refusals = [
			save({ 'A.I.4': { text: 'Mục của Mẫu 2A, không có ở Mẫu 2B.' } }),
			save({ 'A.I.1': { text: 'Mục này lưu ở phần “Ưu điểm”.' } }),
			save({ 'B.I': { text: 'chữ' } }),
			save({ 'A.III': { items: [{ id: 'own-1', text: 'x', status: 'xong', note: '' }] } }),
			save({ 'B.I': { general: 31, tasks: 10 } })
		];
		expect(refusals.map((r) => !r.ok && r.message)).toEqual([
			'Mục A.I.4 không có trong bản kiểm điểm của bạn.',
			'Mục A.I.1 không có trong bản kiểm điểm của bạn.',
			'Mục B.I không nhận nội dung dạng này.',
			'Mục A.III: trạng thái «xong» không hợp lệ.',
			'Điểm nhóm tiêu chí chung từ 0 đến 30 điểm.'
		]);
		expect(loadSheetDetail(ctx.db, detail.sheet.id)!.sheet.revision).toBe(0);
	});

	it('has no form for a sheet made with edition 1, which keeps its old layout', async () => {
		const ctx = await setup();
		const parsed = parseTemplate(firstEdition);
		if (!parsed.ok) throw new Error('edition 1 invalid');
		const v3 = addTemplateVersion(ctx.db, { ...parsed.content, edition: 3 });
		ctx.makePeriod(2026, v3.id);
		const detail = openOn(ctx, '2026-03-10');
		expect(formView(ctx.db, detail)).toBeNull();
		const refused = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{ revision: 0, sections: { 'A.I.2': { text: 'Nội dung' } } },
			'2026-03-10'
		);
		expect(!refused.ok && refused.message).toBe('Phiếu này làm theo mẫu cũ, không có các mục của bản kiểm điểm.');
	});
});

describe('carried forward from last year', () => {
	it("puts last year's commitment in A.I.3 and last year's shortcomings and the chi ủy's conclusions in A.III", async () => {
		const ctx = await setup();
		const last = ctx.makePeriod(2025);
		const prior = openOn(ctx, '2025-03-10');
		const texts = {
			...completeTexts,
			shortcomings: 'Có lúc chưa chủ động nghiên cứu nghị quyết mới.',
			commitment: 'Mỗi quý đọc và viết thu hoạch một nghị quyết.'
		};
		const handed = saveSheet(
			ctx.db,
			ctx.user,
			prior.sheet.id,
			{
				revision: 0,
				answers: completeAnswers(prior.content, 'B'),
				texts,
				sections: completeSections(prior.content, 'B')
			},
			'2025-03-10',
			{ submit: true }
		);
		expect(handed.ok).toBe(true);
		const priorDetail = loadSheetDetail(ctx.db, prior.sheet.id)!;
		expect(
			approveSheet(ctx.db, ctx.secretary, priorDetail, {
				revision: priorDetail.sheet.revision,
				assessment: 'Cần tham gia sinh hoạt chi bộ đầy đủ hơn.',
				finalRating: priorDetail.sheet.rating,
				reason: ''
			})
		).toEqual({ ok: true });
		ctx.db
			.update(period)
			.set({ closedAt: new Date('2025-12-31T00:00:00Z') })
			.where(eq(period.id, last.id))
			.run();

		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		let view = formView(ctx.db, detail)!;
		expect(section(view, 'A.I.3').priorCommitment).toEqual({
			year: 2025,
			text: 'Mỗi quý đọc và viết thu hoạch một nghị quyết.'
		});
		expect(section(view, 'A.III').value.items).toEqual([
			{
				id: 'prior-shortcomings',
				text: 'Hạn chế, khuyết điểm tự nêu năm 2025: Có lúc chưa chủ động nghiên cứu nghị quyết mới.',
				status: null,
				note: ''
			},
			{
				id: 'prior-assessment',
				text: 'Chi ủy nhận xét, chỉ ra năm 2025: Cần tham gia sinh hoạt chi bộ đầy đủ hơn.',
				status: null,
				note: ''
			}
		]);

		// The member reports on a carried line and adds one concluded elsewhere; the carried wording cannot be rewritten.
		const saved = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{
				revision: 0,
				sections: {
					'A.III': {
						items: [
							{ id: 'prior-shortcomings', text: 'đã sửa lời', status: 'in_progress', note: 'Đã đọc hai nghị quyết.' },
							{ id: 'own-1', text: 'Kết luận của Ủy ban kiểm tra về đi họp muộn', status: 'done', note: '' }
						]
					}
				}
			},
			'2026-03-10'
		);
		expect(saved.ok).toBe(true);
		view = formView(ctx.db, loadSheetDetail(ctx.db, detail.sheet.id)!)!;
		expect(section(view, 'A.III').value.items.map((i) => [i.id, i.text.slice(0, 20), i.status, i.note])).toEqual([
			['prior-shortcomings', 'Hạn chế, khuyết điểm', 'in_progress', 'Đã đọc hai nghị quyết.'],
			['prior-assessment', 'Chi ủy nhận xét, chỉ', null, ''],
			['own-1', 'Kết luận của Ủy ban ', 'done', '']
		]);
	});

	it('carries nothing for a member without a handed-in sheet last year', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const view = formView(ctx.db, openOn(ctx, '2026-03-10'))!;
		expect(section(view, 'A.I.3').priorCommitment).toBeNull();
		expect(section(view, 'A.III').value.items).toEqual([]);
	});
});

describe('gợi ý kiểm điểm', () => {
	it('the chi ủy and a committee above ask; the member answers in A.IV; each question is audited', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const committeeId = await createTestMember(ctx.db, ctx.tree.chapterB, { fullName: 'Phạm Văn Cấp Ủy' });
		giveRole(ctx.db, committeeId, 'committee', ctx.tree.branch);
		const committee = signedInUser(ctx.db, committeeId);

		const first = askQuestion(ctx.db, ctx.secretary, detail, 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.');
		const second = askQuestion(ctx.db, committee, detail, 'Giải trình ý kiến phản ánh về việc kê khai tài sản.');
		expect(first.ok && second.ok).toBe(true);
		const view = formView(ctx.db, detail)!;
		expect(view.questions.map((q) => [q.text.slice(0, 12), q.unitName, q.answer])).toEqual([
			['Làm rõ việc ', 'Chi bộ Giáo viên', ''],
			['Giải trình ý', 'Đảng bộ phường Một', '']
		]);
		const id = first.ok ? first.id : 0;
		const answered = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{ revision: 0, questions: { [String(id)]: { answer: 'Tháng 5 tôi đi công tác theo quyết định của cơ quan.' } } },
			'2026-03-10'
		);
		expect(answered.ok).toBe(true);
		expect(ctx.db.select().from(sheetQuestion).where(eq(sheetQuestion.id, id)).get()?.answer).toBe(
			'Tháng 5 tôi đi công tác theo quyết định của cơ quan.'
		);
		const audits = ctx.db.select().from(auditEvent).where(eq(auditEvent.action, 'sheet.question.ask')).all();
		expect(audits.map((a) => a.actorId)).toEqual([ctx.secretary.id, committeeId]);
	});

	it('refuses the member asking themself, a reader without the role, a short text, and an answer to a foreign question', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const otherId = await createTestMember(ctx.db, ctx.tree.chapterA);
		const other = signedInUser(ctx.db, otherId);
		expect(askQuestion(ctx.db, ctx.user, detail, 'Tự hỏi mình một câu dài.')).toMatchObject({ ok: false, status: 403 });
		expect(askQuestion(ctx.db, other, detail, 'Một câu hỏi đủ dài để gửi.')).toMatchObject({ ok: false, status: 403 });
		expect(askQuestion(ctx.db, ctx.secretary, detail, 'Ngắn')).toMatchObject({
			ok: false,
			status: 400,
			field: 'question'
		});
		expect(ctx.db.select().from(sheetQuestion).all()).toEqual([]);

		const otherSheet = openCurrentSheet(ctx.db, other, '2026-03-10')!;
		const asked = askQuestion(ctx.db, ctx.secretary, otherSheet, 'Câu hỏi cho đồng chí khác trong chi bộ.');
		const foreign = asked.ok ? String(asked.id) : '0';
		const refused = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{ revision: 0, questions: { [foreign]: { answer: 'Trả lời hộ.' } } },
			'2026-03-10'
		);
		expect(!refused.ok && refused.message).toBe('Câu hỏi gợi ý kiểm điểm này không có trong phiếu của bạn.');
	});

	it('refuses the hand-in while a question attached before it is unanswered, keeping what was typed, and takes it once answered', async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const asked = askQuestion(ctx.db, ctx.secretary, detail, 'Giải trình ý kiến phản ánh về việc kê khai tài sản.');
		if (!asked.ok) throw new Error(asked.message);
		const complete = {
			answers: completeAnswers(detail.content, 'B'),
			texts: completeTexts,
			sections: completeSections(detail.content, 'B')
		};
		const refused = saveSheet(ctx.db, ctx.user, detail.sheet.id, { revision: 0, ...complete }, '2026-03-10', {
			submit: true
		});
		expect(refused).toMatchObject({
			ok: false,
			status: 422,
			revision: 1,
			problems: [
				{
					kind: 'unanswered_question',
					code: String(asked.id),
					section: 'A.IV',
					question: 'Giải trình ý kiến phản ánh về việc kê khai tài sản.'
				}
			]
		});
		const stored = loadSheetDetail(ctx.db, detail.sheet.id)!;
		expect(stored.sheet).toMatchObject({ status: 'draft', submittedAt: null, revision: 1 });
		expect(section(formView(ctx.db, stored), 'A.I.2').value.text).toBe(complete.sections['A.I.2'].text);
		// A blank answer is still no answer.
		const blank = { [String(asked.id)]: { answer: '   ' } };
		expect(
			saveSheet(ctx.db, ctx.user, detail.sheet.id, { revision: 1, questions: blank }, '2026-03-10', { submit: true })
		).toMatchObject({ ok: false, status: 422, problems: [{ kind: 'unanswered_question' }] });
		const answered = { [String(asked.id)]: { answer: 'Tôi đã kê khai đủ, đúng hạn; phản ánh do nhầm tên.' } };
		expect(
			saveSheet(ctx.db, ctx.user, detail.sheet.id, { revision: 2, questions: answered }, '2026-03-10', { submit: true })
		).toMatchObject({ ok: true, revision: 3 });
		expect(loadSheetDetail(ctx.db, detail.sheet.id)!.sheet.status).toBe('submitted');
	});

	it("the gợi ý page shows the member's answers by the review's rule: not on a draft, on a hand-in and on a return", async () => {
		const ctx = await setup();
		ctx.makePeriod(2026);
		const detail = openOn(ctx, '2026-03-10');
		const asked = askQuestion(ctx.db, ctx.secretary, detail, 'Làm rõ việc vắng sinh hoạt chi bộ tháng 5.');
		const id = asked.ok ? String(asked.id) : '0';
		const answer = 'Tháng 5 tôi đi công tác theo quyết định của cơ quan.';
		const page = () => questionsPage(ctx.db, ctx.tree.chapterA.id, detail.sheet.id)!;
		const handed = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{ revision: 0, questions: { [id]: { answer } } },
			'2026-03-10'
		);
		expect(handed.ok).toBe(true);
		expect(page()).toMatchObject({ answersHidden: true, questions: [{ answer: '' }] });
		const submitted = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{
				revision: 1,
				answers: completeAnswers(detail.content, 'B'),
				texts: completeTexts,
				sections: completeSections(detail.content, 'B')
			},
			'2026-03-10',
			{ submit: true }
		);
		expect(submitted.ok).toBe(true);
		expect(page()).toMatchObject({ answersHidden: false, questions: [{ answer }] });
		// Returned after a hand-in: the reviewers still read what was handed in.
		const handedIn = loadSheetDetail(ctx.db, detail.sheet.id)!;
		const returned = returnSheet(ctx.db, ctx.secretary, handedIn, {
			revision: handedIn.sheet.revision,
			assessment: '',
			notes: [{ code: null, text: 'Bổ sung phần nguyên nhân.' }]
		});
		expect(returned).toEqual({ ok: true });
		expect(page()).toMatchObject({ answersHidden: false, questions: [{ answer }] });
		// Another chapter's page does not find the sheet.
		expect(questionsPage(ctx.db, ctx.tree.chapterB.id, detail.sheet.id)).toBeUndefined();
	});
});
