import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, createTestMember, createTestTree } from '../../../../tests/helpers/db';
import { handIn, reviewTables, signedInUser, testSecretary } from '../../../../tests/helpers/sheets';
import { createPeriod } from '../db/queries/periods';
import { moveMember } from '../db/queries/members';
import { sheetHistory } from '../db/queries/audit';
import { ensureDefaultTemplate } from '../admin/templates';
import { auditEvent, reviewNote, sheet, type SheetStatus } from '../db/schema';
import { describeSheetEvent } from '../../domain/audit';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf } from '../../domain/sheet';
import { approveSheet, chapterSheet, reopenSheet, returnSheet, type ReviewResult } from './review';
import { openCurrentSheet, saveSheet } from './member';
import { sheetView } from './view';
import type { Db } from '../db/client';

const TODAY = '2026-03-10';
// Letters only Vietnamese uses: a message without any is not one a secretary can read.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** Flags that give a "Khá" computed rating (a level-2 answer caps the rating there). */
const FLAGGED = { 'TT1.1': 2, 'DD1.1': 1 } as const;

async function setup() {
	const db = createTestDb();
	const version = ensureDefaultTemplate(db);
	const tree = createTestTree(db);
	const current = createPeriod(db, {
		name: 'Năm 2026',
		year: 2026,
		unitId: tree.province.id,
		templateVersionId: version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31'
	});
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Hoa' });
	const secretary = await testSecretary(db, tree.chapterA);
	return { db, content: version.content, tree, current, memberId, secretary };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

/** The member's sheet handed in with FLAGGED, as the secretary's page loads it. */
function submitted(ctx: Ctx) {
	const id = handIn(ctx.db, ctx.memberId, ctx.content, TODAY, FLAGGED);
	return load(ctx, id);
}

function load(ctx: Ctx, id: number) {
	const detail = chapterSheet(ctx.db, ctx.tree.chapterA.id, id);
	if (!detail) throw new Error(`sheet ${id} not in chapter A`);
	return detail;
}

const row = (db: Db, id: number) => db.select().from(sheet).where(eq(sheet.id, id)).get()!;
const notesOf = (db: Db, id: number) =>
	db.select().from(reviewNote).where(eq(reviewNote.sheetId, id)).orderBy(asc(reviewNote.id)).all();
const events = (db: Db, id: number, action: string) =>
	db
		.select()
		.from(auditEvent)
		.where(and(eq(auditEvent.targetId, id), eq(auditEvent.targetType, 'sheet'), eq(auditEvent.action, action)))
		.all();

function setStatus(db: Db, id: number, status: SheetStatus) {
	db.update(sheet).set({ status }).where(eq(sheet.id, id)).run();
}

function expectRefused(result: ReviewResult, status: number, message?: RegExp) {
	expect(result.ok).toBe(false);
	if (result.ok) return;
	expect(result.status).toBe(status);
	expect(result.message).toMatch(VIETNAMESE);
	if (message) expect(result.message).toMatch(message);
	return result;
}

/** Runs a refused action and shows it wrote nothing at all. */
function refusedWithoutWriting(ctx: Ctx, act: () => ReviewResult, status: number, message?: RegExp) {
	const before = reviewTables(ctx.db);
	const result = expectRefused(act(), status, message);
	expect(reviewTables(ctx.db)).toEqual(before);
	return result!;
}

describe('returnSheet', () => {
	it('refuses a return without any note, in Vietnamese, and writes nothing', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const refusal = refusedWithoutWriting(
			ctx,
			() => returnSheet(ctx.db, ctx.secretary, detail, { assessment: 'Chưa đạt', notes: [] }),
			400,
			/ít nhất một nhận xét/
		);
		expect(refusal.field).toBe('notes');
		expect(row(ctx.db, detail.sheet.id).status).toBe('submitted');
	});

	it('refuses a note whose text is only spaces, in Vietnamese, and writes nothing', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		refusedWithoutWriting(
			ctx,
			() => returnSheet(ctx.db, ctx.secretary, detail, { assessment: '', notes: [{ code: null, text: '   ' }] }),
			400
		);
	});

	it("refuses a note on a sign that is not on this sheet (another group's sign), naming it, and writes nothing", async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		// TT3.2 is a group A sign; the member fills group B.
		const refusal = refusedWithoutWriting(
			ctx,
			() =>
				returnSheet(ctx.db, ctx.secretary, detail, {
					assessment: '',
					notes: [
						{ code: null, text: 'Xem lại' },
						{ code: 'TT3.2', text: 'Sai' }
					]
				}),
			400,
			/TT3\.2/
		);
		expect(refusal.field).toBe('notes');
	});

	it('refuses a code of the wrong form and writes nothing', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		refusedWithoutWriting(
			ctx,
			() => returnSheet(ctx.db, ctx.secretary, detail, { assessment: '', notes: [{ code: 'XX1', text: 'Sai' }] }),
			400,
			/Mã biểu hiện/
		);
	});

	it.each(['draft', 'returned', 'approved'] as const)(
		'refuses a sheet that is %s with 409 and writes nothing',
		async (status) => {
			const ctx = await setup();
			const id = submitted(ctx).sheet.id;
			setStatus(ctx.db, id, status);
			const detail = load(ctx, id);
			refusedWithoutWriting(
				ctx,
				() => returnSheet(ctx.db, ctx.secretary, detail, { assessment: '', notes: [{ code: null, text: 'Xem lại' }] }),
				409,
				/đã nộp/
			);
		}
	);

	it('returns the sheet: notes on the sheet and on a sign, status, revision, assessment and audit', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const result = returnSheet(ctx.db, ctx.secretary, detail, {
			assessment: '  Cần nêu rõ nguyên nhân.  ',
			notes: [
				{ code: null, text: 'Phần hạn chế còn chung chung.' },
				{ code: 'TT1.1', text: 'Biện pháp chưa cụ thể.' }
			]
		});
		expect(result).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({
			status: 'returned',
			revision: detail.sheet.revision + 1,
			assessment: 'Cần nêu rõ nguyên nhân.',
			finalRating: null,
			// The member's own score and rating are kept.
			score: detail.sheet.score,
			rating: detail.sheet.rating
		});
		expect(
			notesOf(ctx.db, detail.sheet.id).map((n) => ({
				code: n.code,
				text: n.text,
				authorId: n.authorId,
				resolvedAt: n.resolvedAt
			}))
		).toEqual([
			{ code: null, text: 'Phần hạn chế còn chung chung.', authorId: ctx.secretary.id, resolvedAt: null },
			{ code: 'TT1.1', text: 'Biện pháp chưa cụ thể.', authorId: ctx.secretary.id, resolvedAt: null }
		]);
		const audit = events(ctx.db, detail.sheet.id, 'sheet.return');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: ctx.secretary.id, unitId: ctx.tree.chapterA.id, detail: { notes: 2 } });
	});

	it('shows the notes to the member until they hand the sheet in again, then resolves and hides them', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		returnSheet(ctx.db, ctx.secretary, detail, {
			assessment: '',
			notes: [
				{ code: null, text: 'Bổ sung cam kết.' },
				{ code: 'DD1.1', text: 'Ghi rõ thời hạn.' }
			]
		});

		const member = signedInUser(ctx.db, ctx.memberId);
		const reopened = openCurrentSheet(ctx.db, member, TODAY)!;
		expect(reopened.sheet.id).toBe(detail.sheet.id);
		const view = sheetView(ctx.db, reopened, TODAY);
		expect(view.editable).toBe(true);
		expect(view.notes.map((n) => [n.code, n.text, n.authorName])).toEqual([
			[null, 'Bổ sung cam kết.', ctx.secretary.fullName],
			['DD1.1', 'Ghi rõ thời hạn.', ctx.secretary.fullName]
		]);

		handIn(ctx.db, ctx.memberId, ctx.content, TODAY, { 'DD1.1': 1 });
		const after = load(ctx, detail.sheet.id);
		expect(after.sheet.status).toBe('submitted');
		expect(after.notes).toHaveLength(2);
		for (const n of after.notes) expect(n.resolvedAt).toBeInstanceOf(Date);
		expect(sheetView(ctx.db, after, TODAY).notes).toEqual([]);

		// A second return shows only its own notes.
		returnSheet(ctx.db, ctx.secretary, after, { assessment: '', notes: [{ code: null, text: 'Lần hai.' }] });
		expect(sheetView(ctx.db, load(ctx, detail.sheet.id), TODAY).notes.map((n) => n.text)).toEqual(['Lần hai.']);
	});

	it('refuses a stale sheet (changed after the page loaded it) with 409 and writes no note', async () => {
		const ctx = await setup();
		const firstTab = submitted(ctx);
		const secondTab = load(ctx, firstTab.sheet.id);
		expect(
			approveSheet(ctx.db, ctx.secretary, firstTab, { assessment: '', finalRating: firstTab.sheet.rating, reason: '' })
		).toEqual({ ok: true });
		refusedWithoutWriting(
			ctx,
			() => returnSheet(ctx.db, ctx.secretary, secondTab, { assessment: '', notes: [{ code: null, text: 'Trả lại' }] }),
			409,
			/tải lại trang/
		);
		expect(row(ctx.db, firstTab.sheet.id).status).toBe('approved');
	});
});

describe('approveSheet', () => {
	it('approves with the computed rating: final rating set, no reason, audit "sheet.approve"', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const computed = scoreSheet(ctx.content, 'B', levelsOf(detail.answers)).rating;
		expect(computed).toBe('kha');
		expect(detail.sheet.rating).toBe(computed);
		expect(
			approveSheet(ctx.db, ctx.secretary, detail, {
				assessment: 'Đồng ý với kết quả tự đánh giá.',
				finalRating: 'kha',
				reason: ''
			})
		).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({
			status: 'approved',
			rating: 'kha',
			finalRating: 'kha',
			finalRatingReason: null,
			assessment: 'Đồng ý với kết quả tự đánh giá.',
			revision: detail.sheet.revision + 1
		});
		const audit = events(ctx.db, detail.sheet.id, 'sheet.approve');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: ctx.secretary.id,
			unitId: ctx.tree.chapterA.id,
			reason: null,
			detail: { computed: 'kha', final: 'kha' }
		});
		expect(events(ctx.db, detail.sheet.id, 'sheet.approve.adjusted')).toEqual([]);
		// Locked for the member now.
		const member = signedInUser(ctx.db, ctx.memberId);
		expect(
			saveSheet(
				ctx.db,
				member,
				detail.sheet.id,
				{ revision: detail.sheet.revision + 1, texts: { strengths: 'Sửa' } },
				TODAY
			)
		).toMatchObject({ ok: false, status: 409 });
	});

	it('stores no reason when the final rating is the computed one, even if a reason was typed', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		expect(detail.sheet.rating).toBe('kha');
		expect(
			approveSheet(ctx.db, ctx.secretary, detail, {
				assessment: '',
				finalRating: 'kha',
				reason: 'Lý do gõ nhầm khi không điều chỉnh'
			})
		).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({ finalRating: 'kha', finalRatingReason: null });
		const audit = events(ctx.db, detail.sheet.id, 'sheet.approve');
		expect(audit).toHaveLength(1);
		expect(audit[0].reason).toBeNull();
		expect(events(ctx.db, detail.sheet.id, 'sheet.approve.adjusted')).toEqual([]);
	});

	it.each([
		['an empty reason', ''],
		['a reason of spaces', '    ']
	])('refuses a different rating with %s, naming the computed rating, and writes nothing', async (_, reason) => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const refusal = refusedWithoutWriting(
			ctx,
			() => approveSheet(ctx.db, ctx.secretary, detail, { assessment: '', finalRating: 'tot', reason }),
			400,
			/«Khá».*lý do/
		);
		expect(refusal.field).toBe('reason');
	});

	it('approves a different rating with a reason, keeping both ratings, audit "sheet.approve.adjusted"', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const reason = 'Đã khắc phục ngay trong năm, chi bộ ghi nhận.';
		expect(
			approveSheet(ctx.db, ctx.secretary, detail, { assessment: '', finalRating: 'tot', reason: `  ${reason} ` })
		).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({
			status: 'approved',
			rating: 'kha',
			score: detail.sheet.score,
			finalRating: 'tot',
			finalRatingReason: reason
		});
		const audit = events(ctx.db, detail.sheet.id, 'sheet.approve.adjusted');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: ctx.secretary.id, reason, detail: { computed: 'kha', final: 'tot' } });
		expect(events(ctx.db, detail.sheet.id, 'sheet.approve')).toEqual([]);
	});

	it('refuses a missing or unknown rating with a Vietnamese message and writes nothing', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		for (const finalRating of [undefined, null, 'xuat_sac']) {
			const refusal = refusedWithoutWriting(
				ctx,
				() => approveSheet(ctx.db, ctx.secretary, detail, { assessment: '', finalRating, reason: 'Lý do' }),
				400,
				/xếp loại/
			);
			expect(refusal.field).toBe('finalRating');
		}
	});

	it.each(['draft', 'returned', 'approved'] as const)(
		'refuses a sheet that is %s with 409 and writes nothing',
		async (status) => {
			const ctx = await setup();
			const id = submitted(ctx).sheet.id;
			setStatus(ctx.db, id, status);
			const detail = load(ctx, id);
			refusedWithoutWriting(
				ctx,
				() => approveSheet(ctx.db, ctx.secretary, detail, { assessment: '', finalRating: 'kha', reason: '' }),
				409
			);
		}
	);

	it('refuses a detail loaded before the member handed the sheet in again (409) and writes nothing', async () => {
		const ctx = await setup();
		const seen = submitted(ctx);
		// Another tab returns it; the member changes the answers and hands it in again.
		expect(
			returnSheet(ctx.db, ctx.secretary, load(ctx, seen.sheet.id), {
				assessment: '',
				notes: [{ code: null, text: 'Sửa lại' }]
			})
		).toEqual({ ok: true });
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY, { 'DB3.1': 2 });
		expect(row(ctx.db, seen.sheet.id)).toMatchObject({ status: 'submitted', rating: 'yeu_kem' });
		// The page still shows the old "Khá" sheet: approving it must not lock a sheet nobody has read.
		refusedWithoutWriting(
			ctx,
			() => approveSheet(ctx.db, ctx.secretary, seen, { assessment: '', finalRating: 'kha', reason: '' }),
			409,
			/tải lại trang/
		);
		expect(row(ctx.db, seen.sheet.id)).toMatchObject({ status: 'submitted', finalRating: null });
	});
});

describe('reopenSheet', () => {
	async function approved() {
		const ctx = await setup();
		const detail = submitted(ctx);
		approveSheet(ctx.db, ctx.secretary, detail, {
			assessment: 'Nhận xét',
			finalRating: 'tot',
			reason: 'Có tiến bộ rõ'
		});
		return { ctx, detail: load(ctx, detail.sheet.id) };
	}

	it.each([
		['no reason', undefined, /lý do mở lại/],
		['an empty reason', '', /ít nhất 5 ký tự/],
		['four letters padded with spaces', '  Nhầm  ', /ít nhất 5 ký tự/]
	])('refuses %s in Vietnamese and writes nothing', async (_, reason, message) => {
		const { ctx, detail } = await approved();
		const refusal = refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, ctx.secretary, detail, { reason }),
			400,
			message
		);
		expect(refusal.field).toBe('reopenReason');
	});

	it.each(['draft', 'submitted', 'returned'] as const)(
		'refuses a sheet that is %s with 409 and writes nothing',
		async (status) => {
			const { ctx, detail } = await approved();
			setStatus(ctx.db, detail.sheet.id, status);
			const now = load(ctx, detail.sheet.id);
			refusedWithoutWriting(
				ctx,
				() => reopenSheet(ctx.db, ctx.secretary, now, { reason: 'Nhầm xếp loại' }),
				409,
				/đã duyệt/
			);
		}
	);

	it('reopens an approved sheet: returned, final rating cleared, a general note and audit with the reason', async () => {
		const { ctx, detail } = await approved();
		expect(reopenSheet(ctx.db, ctx.secretary, detail, { reason: '  Nhầm xếp loại ' })).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({
			status: 'returned',
			finalRating: null,
			finalRatingReason: null,
			rating: 'kha',
			revision: detail.sheet.revision + 1
		});
		expect(notesOf(ctx.db, detail.sheet.id).map((n) => [n.code, n.text, n.authorId, n.resolvedAt])).toEqual([
			[null, 'Mở lại phiếu: Nhầm xếp loại', ctx.secretary.id, null]
		]);
		const audit = events(ctx.db, detail.sheet.id, 'sheet.reopen');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorId: ctx.secretary.id,
			unitId: ctx.tree.chapterA.id,
			reason: 'Nhầm xếp loại'
		});
		// The member can change it and hand it in again; the note is then answered.
		const member = signedInUser(ctx.db, ctx.memberId);
		expect(
			saveSheet(
				ctx.db,
				member,
				detail.sheet.id,
				{ revision: detail.sheet.revision + 1, texts: { commitment: 'Sửa ngay' } },
				TODAY
			)
		).toMatchObject({ ok: true });
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY);
		expect(notesOf(ctx.db, detail.sheet.id)[0].resolvedAt).toBeInstanceOf(Date);
	});

	it("keeps the secretary's assessment on the reopened sheet", async () => {
		const { ctx, detail } = await approved();
		expect(row(ctx.db, detail.sheet.id).assessment).toBe('Nhận xét');
		expect(reopenSheet(ctx.db, ctx.secretary, detail, { reason: 'Nhầm xếp loại' })).toEqual({ ok: true });
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({ status: 'returned', assessment: 'Nhận xét' });
		expect(load(ctx, detail.sheet.id).sheet.assessment).toBe('Nhận xét');
	});

	it('accepts a reason of exactly five characters', async () => {
		const { ctx, detail } = await approved();
		expect(reopenSheet(ctx.db, ctx.secretary, detail, { reason: 'Sai 1' })).toEqual({ ok: true });
	});

	it('refuses a stale approved detail after the sheet was reopened and approved again (409)', async () => {
		const { ctx, detail } = await approved();
		reopenSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), { reason: 'Mở lại lần một' });
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY);
		approveSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), { assessment: '', finalRating: 'tot', reason: '' });
		refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, ctx.secretary, detail, { reason: 'Mở lại lần hai' }),
			409,
			/tải lại trang/
		);
	});
});

describe('chapterSheet', () => {
	it("finds a sheet of this chapter only; another chapter's sheet or a bad id is not found", async () => {
		const ctx = await setup();
		const mine = submitted(ctx).sheet.id;
		const otherId = await createTestMember(ctx.db, ctx.tree.chapterB, { targetGroup: 'C' });
		const theirs = openCurrentSheet(ctx.db, signedInUser(ctx.db, otherId), TODAY)!.sheet.id;
		expect(chapterSheet(ctx.db, ctx.tree.chapterA.id, mine)?.sheet.id).toBe(mine);
		expect(chapterSheet(ctx.db, ctx.tree.chapterA.id, theirs)).toBeUndefined();
		expect(chapterSheet(ctx.db, ctx.tree.chapterB.id, theirs)?.sheet.id).toBe(theirs);
		expect(chapterSheet(ctx.db, ctx.tree.chapterB.id, mine)).toBeUndefined();
		// A parent unit is not the chapter either.
		expect(chapterSheet(ctx.db, ctx.tree.grassroots.id, mine)).toBeUndefined();
		for (const bad of [Number.NaN, mine + 0.5, theirs + 100, -1])
			expect(chapterSheet(ctx.db, ctx.tree.chapterA.id, bad)).toBeUndefined();
	});

	it('keeps a sheet with the chapter where it was made after the member moves', async () => {
		const ctx = await setup();
		const id = submitted(ctx).sheet.id;
		moveMember(ctx.db, ctx.memberId, ctx.tree.otherChapter.id, '2026-03-11');
		expect(chapterSheet(ctx.db, ctx.tree.chapterA.id, id)?.sheet.id).toBe(id);
		expect(chapterSheet(ctx.db, ctx.tree.otherChapter.id, id)).toBeUndefined();
	});
});

describe('describeSheetEvent', () => {
	it('says each event in Vietnamese', () => {
		expect(describeSheetEvent('sheet.submit', { score: 95, rating: 'tot' })).toBe('Đảng viên nộp phiếu');
		expect(describeSheetEvent('sheet.return', { notes: 2 })).toBe('Chi ủy trả lại phiếu để hoàn thiện');
		expect(describeSheetEvent('sheet.approve', { computed: 'tot', final: 'tot' })).toBe(
			'Chi ủy duyệt phiếu, xếp loại «Tốt»'
		);
		expect(describeSheetEvent('sheet.approve.adjusted', { computed: 'kha', final: 'trung_binh' })).toBe(
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «Khá» thành «Trung bình»'
		);
		expect(describeSheetEvent('sheet.approve.adjusted', { computed: null, final: 'yeu_kem' })).toBe(
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «—» thành «Yếu kém»'
		);
		expect(describeSheetEvent('sheet.reopen', null)).toBe('Chi ủy mở lại phiếu đã duyệt');
		expect(describeSheetEvent('sheet.approve', null)).toBe('Chi ủy duyệt phiếu');
		expect(describeSheetEvent('sheet.unknown', {})).toBe('sheet.unknown');
	});

	it("tells a sheet's real history, newest first", async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		returnSheet(ctx.db, ctx.secretary, detail, { assessment: '', notes: [{ code: null, text: 'Sửa' }] });
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY, FLAGGED);
		approveSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), {
			assessment: '',
			finalRating: 'trung_binh',
			reason: 'Chưa nghiêm túc'
		});
		reopenSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), { reason: 'Xem xét lại' });
		const history = sheetHistory(ctx.db, detail.sheet.id);
		expect(history.map((h) => describeSheetEvent(h.action, h.detail))).toEqual([
			'Chi ủy mở lại phiếu đã duyệt',
			'Chi ủy duyệt phiếu, điều chỉnh xếp loại: từ «Khá» thành «Trung bình»',
			'Đảng viên nộp phiếu',
			'Chi ủy trả lại phiếu để hoàn thiện',
			'Đảng viên nộp phiếu'
		]);
		expect(history.map((h) => h.reason)).toEqual(['Xem xét lại', 'Chưa nghiêm túc', null, null, null]);
		expect(history[1].actorName).toBe(ctx.secretary.fullName);
		expect(history[2].actorName).toBe('Lê Thị Hoa');
	});
});
