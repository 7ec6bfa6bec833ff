import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, createTestMember, createTestTree } from '../../../../tests/helpers/db';
import {
	completeAnswers,
	completeTexts,
	completeSections,
	sheetTables,
	signedInUser,
	testAction
} from '../../../../tests/helpers/sheets';
import type { Db } from '../db/client';
import { createPeriod, type PeriodRow } from '../db/queries/periods';
import { createSheet, loadSheetDetail, writeSheetChanges } from '../db/queries/sheets';
import { ensureDefaultTemplate } from '../admin/templates';
import { actionProgress, auditEvent, period, sheet, sheetAnswer } from '../db/schema';
import { scoreSheet } from '../../domain/scoring';
import { PROGRESS_LABELS, levelsOf } from '../../domain/sheet';
import { signsForGroup, type TargetGroup } from '../../domain/template';
import { openCurrentSheet, ownSheet, saveSheet, type SaveResult } from './member';
import { memberSheetView, sheetView } from './view';

const OPENS = '2026-03-01';
const TODAY = '2026-03-10';
const DEADLINE = '2026-03-31';
// Letters only Vietnamese uses: a message without any is not one a member can read.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

async function setup(options: { openPeriod?: boolean } = {}) {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
	const user = signedInUser(db, memberId);
	const periodOver = (unitId: number, extra: Partial<Parameters<typeof createPeriod>[1]> = {}) =>
		createPeriod(db, {
			name: 'Năm 2026',
			year: 2026,
			unitId,
			templateVersionId: version.id,
			opensOn: OPENS,
			deadline: DEADLINE,
			...extra
		});
	const current = options.openPeriod === false ? undefined : periodOver(tree.province.id);
	return { db, version, content: version.content, tree, memberId, user, current, periodOver };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

function open(ctx: Ctx, today = TODAY) {
	const detail = openCurrentSheet(ctx.db, ctx.user, today);
	if (!detail) throw new Error('no sheet opened');
	return detail;
}

function row(db: Db, id: number) {
	return db.select().from(sheet).where(eq(sheet.id, id)).get()!;
}

function storedAnswers(db: Db, id: number) {
	return Object.fromEntries(
		db
			.select()
			.from(sheetAnswer)
			.where(eq(sheetAnswer.sheetId, id))
			.all()
			.map((a) => [a.code, { level: a.level, note: a.note, action: a.action, actionDeadline: a.actionDeadline }])
	);
}

function submits(db: Db, sheetId: number) {
	return db
		.select()
		.from(auditEvent)
		.where(and(eq(auditEvent.action, 'sheet.submit'), eq(auditEvent.targetId, sheetId)))
		.all();
}

function expectRefused(result: SaveResult, status: number) {
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.status).toBe(status);
	expect(result.message).toMatch(VIETNAMESE);
	return result;
}

function setStatus(db: Db, id: number, status: 'draft' | 'submitted' | 'returned' | 'approved') {
	db.update(sheet).set({ status }).where(eq(sheet.id, id)).run();
}

/** The first save of a group B sheet, handed in: these answers and texts, with complete sections. */
function firstHandIn(ctx: Ctx, sheetId: number, answers: unknown, texts: unknown = completeTexts) {
	return saveSheet(
		ctx.db,
		ctx.user,
		sheetId,
		{ revision: 0, answers, texts, sections: completeSections(ctx.content, 'B') },
		TODAY,
		{ submit: true }
	);
}

/** The problem each free text gives on Mẫu 2B when too short, naming the section of the form it fills. */
const SHORT_TEXT = {
	strengths: {
		kind: 'short_text',
		code: 'strengths',
		section: 'A.I.1',
		heading: '1. Về phẩm chất chính trị, đạo đức, lối sống; tinh thần đoàn kết, thống nhất trong nội…'
	},
	shortcomings: { kind: 'short_text', code: 'shortcomings', section: 'A.II.1', heading: '1. Hạn chế, khuyết điểm.' },
	commitment: {
		kind: 'short_text',
		code: 'commitment',
		section: 'A.VII',
		heading: 'Cam kết tu dưỡng, rèn luyện, phấn đấu năm tới'
	}
} as const;

/** The codes of group B in template order. */
const codesOf = (ctx: Ctx, group: TargetGroup = 'B') => signsForGroup(ctx.content, group).map((s) => s.code);

describe('openCurrentSheet', () => {
	it("makes the sheet on first open for the member's group and period, and the same one afterwards", async () => {
		const ctx = await setup();
		const first = open(ctx);
		expect(first.sheet).toMatchObject({
			periodId: ctx.current!.id,
			memberId: ctx.memberId,
			chapterId: ctx.tree.chapterA.id,
			targetGroup: 'B',
			templateVersionId: ctx.version.id,
			status: 'draft',
			revision: 0,
			score: null,
			submittedAt: null
		});
		expect(first.answers).toEqual({});
		expect(first.progress).toEqual([]);

		const second = open(ctx);
		expect(second.sheet.id).toBe(first.sheet.id);
		expect(ctx.db.select().from(sheet).all()).toHaveLength(1);
	});

	it('gives a group A member a group A sheet', async () => {
		const ctx = await setup();
		const leaderId = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'A' });
		const detail = openCurrentSheet(ctx.db, signedInUser(ctx.db, leaderId), TODAY)!;
		expect(detail.sheet.targetGroup).toBe('A');
		expect(detail.sheet.memberId).toBe(leaderId);
		expect(detail.sheet.id).not.toBe(open(ctx).sheet.id);
	});

	it('finds a period set on an ancestor between the province and the chapter', async () => {
		const ctx = await setup({ openPeriod: false });
		const p = ctx.periodOver(ctx.tree.grassroots.id);
		expect(open(ctx).sheet.periodId).toBe(p.id);
	});

	it('returns null when no period covers the chapter', async () => {
		const ctx = await setup({ openPeriod: false });
		ctx.periodOver(ctx.tree.otherBranch.id);
		ctx.periodOver(ctx.tree.chapterB.id);
		expect(openCurrentSheet(ctx.db, ctx.user, TODAY)).toBeNull();
		expect(ctx.db.select().from(sheet).all()).toEqual([]);
	});

	it('returns null when the period is closed', async () => {
		const ctx = await setup({ openPeriod: false });
		ctx.periodOver(ctx.tree.province.id, { closedAt: new Date('2026-03-05T00:00:00Z') });
		expect(openCurrentSheet(ctx.db, ctx.user, TODAY)).toBeNull();
		expect(ctx.db.select().from(sheet).all()).toEqual([]);
	});

	it('returns null before the period opens and a sheet from its first day', async () => {
		const ctx = await setup();
		expect(openCurrentSheet(ctx.db, ctx.user, '2026-02-28')).toBeNull();
		expect(ctx.db.select().from(sheet).all()).toEqual([]);
		expect(openCurrentSheet(ctx.db, ctx.user, OPENS)).not.toBeNull();
	});
});

describe('saveSheet', () => {
	it('stores answers and texts, bumps the revision and keeps the score the engine gives', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				answers: {
					'TT1.1': { level: 2, action: 'Đọc nghị quyết mỗi tuần', actionDeadline: '2026-06-30' },
					'TT1.2': { level: 0 },
					'DB3.1': { level: 1 }
				},
				texts: { strengths: 'Nhiệt tình, trách nhiệm', commitment: 'Sửa ngay' }
			},
			TODAY
		);
		const expected = scoreSheet(ctx.content, 'B', { 'TT1.1': 2, 'TT1.2': 0, 'DB3.1': 1 });
		expect(result).toMatchObject({ ok: true, revision: 1, score: expected });
		const after = row(ctx.db, made.id);
		expect(after).toMatchObject({
			revision: 1,
			status: 'draft',
			score: expected.score,
			rating: expected.rating,
			answeredCount: 3,
			strengths: 'Nhiệt tình, trách nhiệm',
			shortcomings: '',
			commitment: 'Sửa ngay'
		});
		expect(expected.rating).not.toBe('tot'); // DB3.1 is critical: the stored rating must carry that
		expect(storedAnswers(ctx.db, made.id)).toEqual({
			'TT1.1': { level: 2, note: '', action: 'Đọc nghị quyết mỗi tuần', actionDeadline: '2026-06-30' },
			'TT1.2': { level: 0, note: '', action: '', actionDeadline: null },
			'DB3.1': { level: 1, note: '', action: '', actionDeadline: null }
		});
	});

	it('accepts the next save from the new revision and rescores from every stored answer', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(ctx.db, ctx.user, made.id, { revision: 0, answers: { 'TT1.1': { level: 3 } } }, TODAY);
		const second = saveSheet(ctx.db, ctx.user, made.id, { revision: 1, answers: { 'DD1.1': { level: 1 } } }, TODAY);
		const expected = scoreSheet(ctx.content, 'B', { 'TT1.1': 3, 'DD1.1': 1 });
		expect(second).toMatchObject({ ok: true, revision: 2 });
		expect(row(ctx.db, made.id)).toMatchObject({
			revision: 2,
			score: expected.score,
			rating: expected.rating,
			answeredCount: 2
		});
	});

	it('changes only the fields sent, keeping the rest of the same answer', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				answers: { 'TT1.1': { level: 2, note: 'Ghi chú', action: 'Biện pháp', actionDeadline: '2026-06-30' } }
			},
			TODAY
		);
		saveSheet(ctx.db, ctx.user, made.id, { revision: 1, answers: { 'TT1.1': { note: 'Ghi chú mới' } } }, TODAY);
		saveSheet(ctx.db, ctx.user, made.id, { revision: 2, texts: { shortcomings: 'Chưa chủ động' } }, TODAY);
		expect(storedAnswers(ctx.db, made.id)).toEqual({
			'TT1.1': { level: 2, note: 'Ghi chú mới', action: 'Biện pháp', actionDeadline: '2026-06-30' }
		});
		expect(row(ctx.db, made.id)).toMatchObject({
			revision: 3,
			shortcomings: 'Chưa chủ động',
			score: scoreSheet(ctx.content, 'B', { 'TT1.1': 2 }).score
		});
	});

	it('refuses a stale revision with 409 and writes nothing', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 0, answers: { 'TT1.1': { level: 1 } }, texts: { strengths: 'Bản của thẻ thứ nhất' } },
			TODAY
		);
		const before = sheetTables(ctx.db);
		for (const revision of [0, 2]) {
			const result = saveSheet(
				ctx.db,
				ctx.user,
				made.id,
				{ revision, answers: { 'TT1.1': { level: 3 } }, texts: { strengths: 'Bản cũ' } },
				TODAY
			);
			expect(expectRefused(result, 409)!.message).toMatch(/tải lại trang/);
		}
		expect(sheetTables(ctx.db)).toEqual(before);
	});

	describe('refuses bad input with a 4xx in Vietnamese and writes nothing', () => {
		/** Opens the member's sheet with one saved answer, then runs `attempt` as a save and as a hand-in. */
		async function refused(
			status: number,
			attempt: (ctx: Ctx, id: number) => { id: number; payload: unknown },
			message?: RegExp,
			arrange?: (ctx: Ctx, id: number) => unknown
		) {
			const ctx = await setup();
			const { sheet: made } = open(ctx);
			const saved = saveSheet(ctx.db, ctx.user, made.id, { revision: 0, answers: { 'TT1.1': { level: 0 } } }, TODAY);
			expect(saved.ok).toBe(true);
			await arrange?.(ctx, made.id);
			const before = sheetTables(ctx.db);
			for (const submit of [false, true]) {
				const { id, payload } = attempt(ctx, made.id);
				const result = expectRefused(saveSheet(ctx.db, ctx.user, id, payload, TODAY, { submit }), status)!;
				if (message) expect(result.message).toMatch(message);
				expect(sheetTables(ctx.db)).toEqual(before);
			}
		}

		it("a concrete sign that is only on group A's sheet", () =>
			refused(400, (_, id) => ({ id, payload: { revision: 1, answers: { 'TT3.2': { level: 0 } } } }), /TT3\.2/));

		it('a sign code of the right form that no template has', () =>
			refused(400, (_, id) => ({ id, payload: { revision: 1, answers: { 'DD9.9': { level: 0 } } } }), /DD9\.9/));

		it('level 7', () =>
			refused(
				400,
				(_, id) => ({ id, payload: { revision: 1, answers: { 'TT1.2': { level: 7 } } } }),
				/TT1\.2.*Mức độ/
			));

		it('a note over its limit', () =>
			refused(
				400,
				(_, id) => ({ id, payload: { revision: 1, answers: { 'TT1.1': { note: 'x'.repeat(1001) } } } }),
				/1\.000 ký tự/
			));

		it('a long text over its limit', () =>
			refused(
				400,
				(_, id) => ({ id, payload: { revision: 1, texts: { commitment: 'x'.repeat(5001) } } }),
				/5\.000 ký tự/
			));

		it("someone else's sheet (404)", () => {
			let theirs = 0;
			return refused(
				404,
				() => ({ id: theirs, payload: { revision: 0, answers: { 'TT1.1': { level: 3 } } } }),
				/Không tìm thấy/,
				async (ctx) => {
					const otherId = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'B' });
					theirs = openCurrentSheet(ctx.db, signedInUser(ctx.db, otherId), TODAY)!.sheet.id;
				}
			);
		});

		it('an id that is not a number (404)', () =>
			refused(
				404,
				() => ({ id: Number('abc'), payload: { revision: 1, answers: { 'TT1.1': { level: 3 } } } }),
				/Không tìm thấy/
			));

		it('an id that does not exist (404)', () =>
			refused(404, (_, id) => ({ id: id + 1000, payload: { revision: 1 } }), /Không tìm thấy/));

		it('a sheet of a closed period (409)', () =>
			refused(
				409,
				(_, id) => ({ id, payload: { revision: 1, answers: { 'TT1.1': { level: 1 } } } }),
				/kết thúc/,
				(ctx) => {
					ctx.db
						.update(period)
						.set({ closedAt: new Date('2026-03-09T00:00:00Z') })
						.where(eq(period.id, ctx.current!.id))
						.run();
				}
			));

		it('a submitted sheet (409)', () =>
			refused(
				409,
				(_, id) => ({ id, payload: { revision: 1, answers: { 'TT1.1': { level: 1 } } } }),
				/đã nộp/i,
				(ctx, id) => setStatus(ctx.db, id, 'submitted')
			));

		it('an approved sheet (409)', () =>
			refused(
				409,
				(_, id) => ({ id, payload: { revision: 1, answers: { 'TT1.1': { level: 1 } } } }),
				/duyệt/,
				(ctx, id) => setStatus(ctx.db, id, 'approved')
			));

		it("a progress line that is not in last year's plan", () =>
			refused(
				400,
				(_, id) => ({ id, payload: { revision: 1, progress: { 'TT1.1': { status: 'done' } } } }),
				/Kế hoạch năm trước/
			));

		it('a payload that is not an object', () => refused(400, (_, id) => ({ id, payload: '{"revision":1}' })));

		it('a payload without a revision', () =>
			refused(400, (_, id) => ({ id, payload: { answers: { 'TT1.1': { level: 1 } } } }), /phiên bản/));
	});

	it("refuses to change another member's sheet and leaves it as it was", async () => {
		const ctx = await setup();
		const { sheet: mine } = open(ctx);
		const otherId = await createTestMember(ctx.db, ctx.tree.otherChapter, { targetGroup: 'B' });
		const theirs = openCurrentSheet(ctx.db, signedInUser(ctx.db, otherId), TODAY)!;
		const before = sheetTables(ctx.db);
		for (const submit of [false, true]) {
			const result = saveSheet(
				ctx.db,
				ctx.user,
				theirs.sheet.id,
				{ revision: 0, answers: { 'TT1.1': { level: 3 } } },
				TODAY,
				{ submit }
			);
			expectRefused(result, 404);
		}
		expect(sheetTables(ctx.db)).toEqual(before);
		expect(mine.id).not.toBe(theirs.sheet.id);
	});
});

describe('submitting', () => {
	it('refuses an incomplete sheet with 422 and every unanswered code, but keeps what was typed', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 0, answers: { 'TT1.1': { level: 0 }, 'TT2.1': { level: 1 } }, texts: { strengths: 'Đã viết' } },
			TODAY,
			{ submit: true }
		);
		const refusal = expectRefused(result, 422)!;
		expect(refusal.revision).toBe(1);
		const unanswered = codesOf(ctx).filter((c) => c !== 'TT1.1' && c !== 'TT2.1');
		expect(refusal.problems).toEqual([
			...unanswered.slice(0, unanswered.indexOf('TT3.1')).map((code) => ({ kind: 'unanswered', code })),
			{ kind: 'missing_action', code: 'TT2.1' },
			{ kind: 'missing_deadline', code: 'TT2.1' },
			...unanswered.slice(unanswered.indexOf('TT3.1')).map((code) => ({ kind: 'unanswered', code })),
			SHORT_TEXT.strengths,
			SHORT_TEXT.shortcomings,
			SHORT_TEXT.commitment,
			// The Bản kiểm điểm's required sections of Mẫu 2B, in the form's order (A.I.1, A.II.1 and the commitment
			// are the texts above).
			...[
				['A.I.2', '2. Việc thực hiện nhiệm vụ, quyền hạn và kết quả thực hiện các chỉ tiêu, nhiệm vụ được…'],
				['A.I.3', '3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu của cá nhân theo quy định.'],
				['A.II.2', '2. Nguyên nhân của hạn chế, khuyết điểm.'],
				['A.VI', 'VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm'],
				['B.I', 'I. Đánh giá theo các nhóm tiêu chí'],
				['B.II', 'II. Đề xuất xếp loại mức chất lượng']
			].map(([code, heading]) => ({ kind: 'missing_section', code, heading }))
		]);
		expect(row(ctx.db, made.id)).toMatchObject({
			status: 'draft',
			revision: 1,
			submittedAt: null,
			strengths: 'Đã viết',
			answeredCount: 2
		});
		expect(storedAnswers(ctx.db, made.id)).toMatchObject({ 'TT1.1': { level: 0 }, 'TT2.1': { level: 1 } });
		expect(submits(ctx.db, made.id)).toEqual([]);
	});

	it('hands in a complete sheet: submitted, time set, score stored and an audit event', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const answers = completeAnswers(ctx.content, 'B', { 'TT1.1': 1, 'DD9.1': 2 });
		const result = firstHandIn(ctx, made.id, answers);
		expect(result).toMatchObject({ ok: true, revision: 1 });
		const expected = scoreSheet(ctx.content, 'B', levelsOf(loadSheetDetail(ctx.db, made.id)!.answers));
		expect(expected.provisional).toBe(false);
		const after = row(ctx.db, made.id);
		expect(after).toMatchObject({
			status: 'submitted',
			revision: 1,
			score: expected.score,
			rating: expected.rating,
			answeredCount: codesOf(ctx).length
		});
		expect(after.submittedAt).toBeInstanceOf(Date);
		const events = submits(ctx.db, made.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			actorId: ctx.memberId,
			unitId: ctx.tree.chapterA.id,
			targetType: 'sheet',
			targetId: made.id
		});
		// Locked now: the next save is refused.
		expectRefused(
			saveSheet(ctx.db, ctx.user, made.id, { revision: 1, answers: { 'TT1.1': { level: 0 } } }, TODAY),
			409
		);
	});

	it('checks completeness against what is stored, not only what the hand-in carries', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				texts: completeTexts,
				sections: completeSections(ctx.content, 'B'),
				answers: completeAnswers(ctx.content, 'B', { 'DB1.1': 1 })
			},
			TODAY
		);
		expect(saveSheet(ctx.db, ctx.user, made.id, { revision: 1 }, TODAY, { submit: true })).toMatchObject({
			ok: true,
			revision: 2
		});
		expect(row(ctx.db, made.id).status).toBe('submitted');
	});

	it('refuses a flagged sign without an action or a deadline', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const answers = { ...completeAnswers(ctx.content, 'B'), 'DD1.2': { level: 2 as const } };
		const refusal = expectRefused(firstHandIn(ctx, made.id, answers), 422)!;
		expect(refusal.problems).toEqual([
			{ kind: 'missing_action', code: 'DD1.2' },
			{ kind: 'missing_deadline', code: 'DD1.2' }
		]);
		expect(row(ctx.db, made.id).status).toBe('draft');
	});

	it('accepts a hand-in on the deadline day', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				texts: completeTexts,
				sections: completeSections(ctx.content, 'B'),
				answers: completeAnswers(ctx.content, 'B')
			},
			DEADLINE,
			{ submit: true }
		);
		expect(result.ok).toBe(true);
	});

	it('refuses a hand-in after the deadline with 403, pointing to the secretary, and writes nothing', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(ctx.db, ctx.user, made.id, { revision: 0, answers: { 'TT1.1': { level: 1 } } }, TODAY);
		const before = sheetTables(ctx.db);
		const late = '2026-04-01';
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 1,
				texts: completeTexts,
				sections: completeSections(ctx.content, 'B'),
				answers: completeAnswers(ctx.content, 'B')
			},
			late,
			{ submit: true }
		);
		expect(expectRefused(result, 403)!.message).toMatch(/liên hệ bí thư chi bộ/);
		expect(result).toMatchObject({ message: expect.stringContaining('31/03/2026') });
		expect(sheetTables(ctx.db)).toEqual(before);
	});

	it('lets a returned sheet be changed and handed in again', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				texts: completeTexts,
				sections: completeSections(ctx.content, 'B'),
				answers: completeAnswers(ctx.content, 'B')
			},
			TODAY,
			{
				submit: true
			}
		);
		setStatus(ctx.db, made.id, 'returned');
		const edited = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 1, answers: { 'DD2.2': { level: 1, action: 'Sửa lại', actionDeadline: '2026-05-31' } } },
			TODAY
		);
		expect(edited).toMatchObject({ ok: true, revision: 2 });
		expect(row(ctx.db, made.id).status).toBe('returned');
		expect(saveSheet(ctx.db, ctx.user, made.id, { revision: 2 }, TODAY, { submit: true })).toMatchObject({
			ok: true,
			revision: 3
		});
		expect(row(ctx.db, made.id)).toMatchObject({
			status: 'submitted',
			rating: scoreSheet(ctx.content, 'B', { ...levelsOf(loadSheetDetail(ctx.db, made.id)!.answers) }).rating
		});
		expect(storedAnswers(ctx.db, made.id)['DD2.2']).toMatchObject({ level: 1, action: 'Sửa lại' });
		expect(submits(ctx.db, made.id)).toHaveLength(2);
	});
});

describe("last year's plan", () => {
	const FLAGGED = { 'TT4.2': 1, 'DD9.3': 2 } as const;

	/** A closed 2025 period where the member handed in a sheet flagging two signs with actions. */
	function lastYear(ctx: Ctx, status: 'submitted' | 'approved' | 'draft' = 'submitted'): PeriodRow {
		const prev = createPeriod(ctx.db, {
			name: 'Năm 2025',
			year: 2025,
			unitId: ctx.tree.province.id,
			templateVersionId: ctx.version.id,
			opensOn: '2025-11-01',
			deadline: '2025-12-15',
			closedAt: new Date('2025-12-31T10:00:00Z')
		});
		const made = createSheet(ctx.db, {
			periodId: prev.id,
			year: 2025,
			memberId: ctx.memberId,
			chapterId: ctx.tree.chapterA.id,
			targetGroup: 'B',
			templateVersionId: ctx.version.id
		});
		writeSheetChanges(ctx.db, made.id, { answers: completeAnswers(ctx.content, 'B', FLAGGED, '2025-12-31') });
		setStatus(ctx.db, made.id, status);
		return prev;
	}

	it("puts exactly last year's two actions on the new sheet", async () => {
		const ctx = await setup();
		lastYear(ctx);
		const detail = open(ctx);
		expect(detail.progress.map((p) => p.code).sort()).toEqual(Object.keys(FLAGGED).sort());
		for (const line of detail.progress) {
			expect(line).toMatchObject({
				action: testAction(line.code),
				actionDeadline: '2025-12-31',
				level: FLAGGED[line.code as keyof typeof FLAGGED],
				status: null,
				note: ''
			});
			expect(line.signText).toBe(ctx.content.signs.find((s) => s.code === line.code)!.text);
		}
	});

	it('carries nothing from a sheet that was never handed in', async () => {
		const ctx = await setup();
		lastYear(ctx, 'draft');
		expect(open(ctx).progress).toEqual([]);
	});

	it('refuses the hand-in until each line has a status, then accepts it', async () => {
		const ctx = await setup();
		lastYear(ctx);
		const { sheet: made } = open(ctx);
		const answers = completeAnswers(ctx.content, 'B');
		const refusal = expectRefused(firstHandIn(ctx, made.id, answers), 422)!;
		expect(refusal.problems).toEqual([
			{ kind: 'missing_progress', code: 'DD9.3' },
			{ kind: 'missing_progress', code: 'TT4.2' }
		]);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 1, progress: { 'TT4.2': { status: 'done', note: 'Đã sửa' }, 'DD9.3': { status: 'in_progress' } } },
			TODAY,
			{ submit: true }
		);
		expect(result).toMatchObject({ ok: true, revision: 2 });
		expect(row(ctx.db, made.id).status).toBe('submitted');
		const stored = ctx.db
			.select()
			.from(actionProgress)
			.where(eq(actionProgress.sheetId, made.id))
			.orderBy(actionProgress.code)
			.all();
		expect(stored.map((p) => [p.code, p.status, p.note])).toEqual([
			['DD9.3', 'in_progress', ''],
			['TT4.2', 'done', 'Đã sửa']
		]);
	});

	it('posts "chưa khắc phục" for a line of last year\'s plan and shows it on the sheet, before and after hand-in', async () => {
		const ctx = await setup();
		lastYear(ctx);
		const { sheet: made } = open(ctx);
		const note = 'Chưa sắp xếp được thời gian học tập nghị quyết, sẽ làm trong quý II.';
		const saved = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 0, progress: { 'DD9.3': { status: 'not_done', note } } },
			TODAY
		);
		expect(saved).toMatchObject({ ok: true, revision: 1 });

		const shown = () => {
			const detail = ownSheet(ctx.db, ctx.user, made.id)!;
			return sheetView(ctx.db, detail, TODAY).progress.map((p) => [p.code, p.status, p.note]);
		};
		expect(shown().sort()).toEqual([
			['DD9.3', 'not_done', note],
			['TT4.2', null, '']
		]);
		expect(PROGRESS_LABELS.not_done).toBe('Chưa khắc phục');

		// A line not yet remedied is an answer: the hand-in goes through and keeps it.
		const handedIn = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 1,
				answers: completeAnswers(ctx.content, 'B'),
				progress: { 'TT4.2': { status: 'done' } },
				texts: {
					strengths: 'Hoàn thành tốt nhiệm vụ được giao, đoàn kết với đồng nghiệp.',
					shortcomings: 'Có lúc chưa chủ động nghiên cứu tài liệu của chi bộ.',
					commitment: 'Tiếp tục tu dưỡng, rèn luyện và sửa chữa hạn chế đã nêu.'
				},
				sections: completeSections(ctx.content, 'B')
			},
			TODAY,
			{ submit: true }
		);
		expect(handedIn).toMatchObject({ ok: true, revision: 2 });
		expect(row(ctx.db, made.id).status).toBe('submitted');
		expect(shown().sort()).toEqual([
			['DD9.3', 'not_done', note],
			['TT4.2', 'done', '']
		]);
	});

	// What happens today: saveSheet computes the problems with `change.status ?? stored status`, so a
	// hand-in that clears a status (null) is checked against the old status while null is written —
	// the sheet is submitted with a line that has no status.
	it("refuses a hand-in that clears a line's status", async () => {
		const ctx = await setup();
		lastYear(ctx);
		const { sheet: made } = open(ctx);
		saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				answers: completeAnswers(ctx.content, 'B'),
				texts: completeTexts,
				sections: completeSections(ctx.content, 'B'),
				progress: { 'TT4.2': { status: 'done' }, 'DD9.3': { status: 'done' } }
			},
			TODAY
		);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{ revision: 1, progress: { 'TT4.2': { status: null } } },
			TODAY,
			{ submit: true }
		);
		expect(result).toMatchObject({ ok: false, status: 422, problems: [{ kind: 'missing_progress', code: 'TT4.2' }] });
	});
});

describe('ownSheet', () => {
	it("gives the member their own sheet and hides everyone else's", async () => {
		const ctx = await setup();
		const { sheet: mine } = open(ctx);
		const otherId = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'B' });
		const theirs = openCurrentSheet(ctx.db, signedInUser(ctx.db, otherId), TODAY)!;
		expect(ownSheet(ctx.db, ctx.user, mine.id)?.sheet.id).toBe(mine.id);
		expect(ownSheet(ctx.db, ctx.user, theirs.sheet.id)).toBeUndefined();
		expect(ownSheet(ctx.db, signedInUser(ctx.db, otherId), mine.id)).toBeUndefined();
		expect(ownSheet(ctx.db, ctx.user, Number.NaN)).toBeUndefined();
		expect(ownSheet(ctx.db, ctx.user, mine.id + 0.5)).toBeUndefined();
		expect(ownSheet(ctx.db, ctx.user, theirs.sheet.id + 100)).toBeUndefined();
	});
});

describe('handing in needs the texts and remediation deadlines from today on', () => {
	it('refuses empty texts even on a sheet rated Yếu kém, naming each part, and keeps what was typed', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const worst = Object.fromEntries(
			signsForGroup(ctx.content, 'B')
				.slice(0, 3)
				.map((s) => [s.code, 3 as const])
		);
		const answers = completeAnswers(ctx.content, 'B', worst);
		const texts = { strengths: '  Tốt.  ', shortcomings: '', commitment: ' '.repeat(30) };
		const refusal = expectRefused(firstHandIn(ctx, made.id, answers, texts), 422)!;
		expect(refusal.problems).toEqual([SHORT_TEXT.strengths, SHORT_TEXT.shortcomings, SHORT_TEXT.commitment]);
		expect(row(ctx.db, made.id)).toMatchObject({ status: 'draft', rating: 'yeu_kem', strengths: '  Tốt.  ' });
		expect(submits(ctx.db, made.id)).toEqual([]);
	});

	it('accepts texts of exactly 20 characters after trimming, refuses 19', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const answers = completeAnswers(ctx.content, 'B');
		const texts = { ...completeTexts, commitment: `  ${'a'.repeat(19)}  ` };
		expect(expectRefused(firstHandIn(ctx, made.id, answers, texts), 422)!.problems).toEqual([SHORT_TEXT.commitment]);
		expect(
			saveSheet(ctx.db, ctx.user, made.id, { revision: 1, texts: { commitment: 'a'.repeat(20) } }, TODAY, {
				submit: true
			})
		).toMatchObject({ ok: true });
	});

	it('refuses a remediation deadline before today (Vietnam day) and accepts today', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const answers = {
			...completeAnswers(ctx.content, 'B', { 'TT1.1': 1, 'DD1.1': 1 }),
			'TT1.1': { level: 1 as const, action: testAction('TT1.1'), actionDeadline: '2019-01-01' },
			'DD1.1': { level: 1 as const, action: testAction('DD1.1'), actionDeadline: '2026-03-09' }
		};
		const refusal = expectRefused(firstHandIn(ctx, made.id, answers), 422)!;
		expect(refusal.problems).toEqual([
			{ kind: 'past_deadline', code: 'TT1.1' },
			{ kind: 'past_deadline', code: 'DD1.1' }
		]);
		expect(
			saveSheet(
				ctx.db,
				ctx.user,
				made.id,
				{
					revision: 1,
					answers: { 'TT1.1': { actionDeadline: TODAY }, 'DD1.1': { actionDeadline: '2026-12-31' } }
				},
				TODAY,
				{ submit: true }
			)
		).toMatchObject({ ok: true });
	});

	it('lets a draft keep a past deadline and short texts: only handing in checks them', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		const result = saveSheet(
			ctx.db,
			ctx.user,
			made.id,
			{
				revision: 0,
				answers: { 'TT1.1': { level: 1, action: 'Sửa', actionDeadline: '2019-01-01' } },
				texts: { strengths: 'Ngắn' }
			},
			TODAY
		);
		expect(result).toMatchObject({ ok: true, revision: 1 });
		expect(row(ctx.db, made.id)).toMatchObject({ status: 'draft', strengths: 'Ngắn' });
	});
});

describe('a closed period', () => {
	it('refuses save and hand-in on its sheets with a message naming the year', async () => {
		const ctx = await setup();
		const { sheet: made } = open(ctx);
		ctx.db
			.update(period)
			.set({ closedAt: new Date('2026-03-09T00:00:00Z') })
			.where(eq(period.id, ctx.current!.id))
			.run();
		const before = sheetTables(ctx.db);
		const message = 'Đợt kiểm điểm năm 2026 đã kết thúc: phiếu chỉ còn để xem.';
		const payload = {
			revision: 0,
			answers: completeAnswers(ctx.content, 'B'),
			texts: completeTexts,
			sections: completeSections(ctx.content, 'B')
		};
		expect(saveSheet(ctx.db, ctx.user, made.id, payload, TODAY)).toEqual({ ok: false, status: 409, message });
		expect(saveSheet(ctx.db, ctx.user, made.id, payload, TODAY, { submit: true })).toEqual({
			ok: false,
			status: 409,
			message
		});
		expect(sheetTables(ctx.db)).toEqual(before);
	});
});

describe('"không có biểu hiện" for the rest of a section', () => {
	const marks = (db: Db, id: number) =>
		Object.fromEntries(
			db
				.select({ code: sheetAnswer.code, level: sheetAnswer.level, mark: sheetAnswer.sectionNone })
				.from(sheetAnswer)
				.where(eq(sheetAnswer.sheetId, id))
				.all()
				.map((a) => [a.code, [a.level, a.mark]])
		);

	it('is recorded on each answer it set, and shown back on the page', async () => {
		const ctx = await setup();
		const detail = open(ctx);
		const saved = saveSheet(
			ctx.db,
			ctx.user,
			detail.sheet.id,
			{
				revision: 0,
				answers: {
					'TT1.1': { level: 2, action: 'Tự phê bình', actionDeadline: '2026-06-30' },
					'TT1.2': { level: 0, sectionNone: true },
					'TT2.1': { level: 0, sectionNone: true }
				}
			},
			TODAY
		);
		expect(saved).toMatchObject({ ok: true });
		expect(marks(ctx.db, detail.sheet.id)).toEqual({ 'TT1.1': [2, false], 'TT1.2': [0, true], 'TT2.1': [0, true] });
		const view = memberSheetView(ctx.db, loadSheetDetail(ctx.db, detail.sheet.id)!, TODAY, false);
		expect(view.sectionNone.sort()).toEqual(['TT1.2', 'TT2.1']);
		expect(view.questionnaire).toBeNull();
	});

	it('is cleared by a level chosen on its own afterwards; a note alone keeps it', async () => {
		const ctx = await setup();
		const detail = open(ctx);
		const id = detail.sheet.id;
		saveSheet(ctx.db, ctx.user, id, { revision: 0, answers: { 'TT1.2': { level: 0, sectionNone: true } } }, TODAY);
		saveSheet(ctx.db, ctx.user, id, { revision: 1, answers: { 'TT2.1': { level: 0, sectionNone: true } } }, TODAY);
		const again = saveSheet(ctx.db, ctx.user, id, { revision: 2, answers: { 'TT1.2': { level: 1 } } }, TODAY);
		expect(again.ok).toBe(true);
		expect(marks(ctx.db, id)).toEqual({ 'TT1.2': [1, false], 'TT2.1': [0, true] });
		// A note alone leaves the mark as it is.
		saveSheet(ctx.db, ctx.user, id, { revision: 3, answers: { 'TT2.1': { note: 'Đã đọc kỹ.' } } }, TODAY);
		expect(marks(ctx.db, id)['TT2.1']).toEqual([0, true]);
	});
});
