import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createTestAccount,
	createTestDb,
	createTestMember,
	createTestTree,
	giveRole
} from '../../../../tests/helpers/db';
import {
	handIn,
	openTestPeriod,
	periodSetup,
	reviewTables,
	signedInUser,
	testSecretary
} from '../../../../tests/helpers/sheets';
import { createPeriod } from '../db/queries/periods';
import { moveMember } from '../db/queries/members';
import { sheetHistory } from '../db/queries/audit';
import { ensureDefaultTemplate } from '../admin/templates';
import { auditEvent, reviewNote, sheet, type SheetStatus } from '../db/schema';
import { describeSheetEvent } from '../../domain/audit';
import { scoreSheet } from '../../domain/scoring';
import { levelsOf } from '../../domain/sheet';
import {
	approveSheet,
	chapterSheet,
	reopenSheet,
	returnSheet,
	reviewRights,
	secretarySheetSentence,
	type ReviewResult
} from './review';
import { closePeriod, reopenPeriod } from '../admin/periods';
import type { AuthUser } from '../auth/types';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { openCurrentSheet, saveSheet } from './member';
import { sheetView } from './view';
import type { Db } from '../db/client';

const TODAY = '2026-03-10';
// Letters only Vietnamese uses: a message without any is not one a secretary can read.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** Flags that give a "Khá" computed rating (a level-2 answer caps the rating there). */
const FLAGGED = { 'TT1.1': 2, 'DD1.1': 1 } as const;

async function setup() {
	const { db, content, tree, period: current } = periodSetup();
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B', fullName: 'Lê Thị Hoa' });
	const secretary = await testSecretary(db, tree.chapterA);
	return { db, content, tree, current, memberId, secretary };
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
			() =>
				returnSheet(ctx.db, ctx.secretary, detail, {
					revision: detail.sheet.revision,
					assessment: 'Chưa đạt',
					notes: []
				}),
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
			() =>
				returnSheet(ctx.db, ctx.secretary, detail, {
					revision: detail.sheet.revision,
					assessment: '',
					notes: [{ code: null, text: '   ' }]
				}),
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
					revision: detail.sheet.revision,
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
			() =>
				returnSheet(ctx.db, ctx.secretary, detail, {
					revision: detail.sheet.revision,
					assessment: '',
					notes: [{ code: 'XX1', text: 'Sai' }]
				}),
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
				() =>
					returnSheet(ctx.db, ctx.secretary, detail, {
						revision: detail.sheet.revision,
						assessment: '',
						notes: [{ code: null, text: 'Xem lại' }]
					}),
				409,
				/đã nộp/
			);
		}
	);

	it('returns the sheet: notes on the sheet and on a sign, status, revision, assessment and audit', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		const result = returnSheet(ctx.db, ctx.secretary, detail, {
			revision: detail.sheet.revision,
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
			revision: detail.sheet.revision,
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
		returnSheet(ctx.db, ctx.secretary, after, {
			revision: after.sheet.revision,
			assessment: '',
			notes: [{ code: null, text: 'Lần hai.' }]
		});
		expect(sheetView(ctx.db, load(ctx, detail.sheet.id), TODAY).notes.map((n) => n.text)).toEqual(['Lần hai.']);
	});

	it('refuses a stale sheet (changed after the page loaded it) with 409 and writes no note', async () => {
		const ctx = await setup();
		const firstTab = submitted(ctx);
		const secondTab = load(ctx, firstTab.sheet.id);
		expect(
			approveSheet(ctx.db, ctx.secretary, firstTab, {
				revision: firstTab.sheet.revision,
				assessment: '',
				finalRating: firstTab.sheet.rating,
				reason: ''
			})
		).toEqual({ ok: true });
		refusedWithoutWriting(
			ctx,
			() =>
				returnSheet(ctx.db, ctx.secretary, secondTab, {
					revision: secondTab.sheet.revision,
					assessment: '',
					notes: [{ code: null, text: 'Trả lại' }]
				}),
			409,
			/tải lại để xem bản mới nhất/
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
				revision: detail.sheet.revision,
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
				revision: detail.sheet.revision,
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
			() =>
				approveSheet(ctx.db, ctx.secretary, detail, {
					revision: detail.sheet.revision,
					assessment: '',
					finalRating: 'tot',
					reason
				}),
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
			approveSheet(ctx.db, ctx.secretary, detail, {
				revision: detail.sheet.revision,
				assessment: '',
				finalRating: 'tot',
				reason: `  ${reason} `
			})
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
				() =>
					approveSheet(ctx.db, ctx.secretary, detail, {
						revision: detail.sheet.revision,
						assessment: '',
						finalRating,
						reason: 'Lý do'
					}),
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
				() =>
					approveSheet(ctx.db, ctx.secretary, detail, {
						revision: detail.sheet.revision,
						assessment: '',
						finalRating: 'kha',
						reason: ''
					}),
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
				revision: load(ctx, seen.sheet.id).sheet.revision,
				assessment: '',
				notes: [{ code: null, text: 'Sửa lại' }]
			})
		).toEqual({ ok: true });
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY, { 'DB3.1': 2 });
		expect(row(ctx.db, seen.sheet.id)).toMatchObject({ status: 'submitted', rating: 'yeu_kem' });
		// The page still shows the old "Khá" sheet: approving it must not lock a sheet nobody has read.
		refusedWithoutWriting(
			ctx,
			() =>
				approveSheet(ctx.db, ctx.secretary, seen, {
					revision: seen.sheet.revision,
					assessment: '',
					finalRating: 'kha',
					reason: ''
				}),
			409,
			/tải lại để xem bản mới nhất/
		);
		expect(row(ctx.db, seen.sheet.id)).toMatchObject({ status: 'submitted', finalRating: null });
	});
});

describe('reopenSheet', () => {
	async function approved() {
		const ctx = await setup();
		const detail = submitted(ctx);
		approveSheet(ctx.db, ctx.secretary, detail, {
			revision: detail.sheet.revision,
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
			() => reopenSheet(ctx.db, ctx.secretary, detail, { revision: detail.sheet.revision, reason }),
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
				() => reopenSheet(ctx.db, ctx.secretary, now, { revision: now.sheet.revision, reason: 'Nhầm xếp loại' }),
				409,
				/đã duyệt/
			);
		}
	);

	it('reopens an approved sheet: returned, final rating cleared, a general note and audit with the reason', async () => {
		const { ctx, detail } = await approved();
		expect(
			reopenSheet(ctx.db, ctx.secretary, detail, { revision: detail.sheet.revision, reason: '  Nhầm xếp loại ' })
		).toEqual({ ok: true });
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
		expect(
			reopenSheet(ctx.db, ctx.secretary, detail, { revision: detail.sheet.revision, reason: 'Nhầm xếp loại' })
		).toEqual({
			ok: true
		});
		expect(row(ctx.db, detail.sheet.id)).toMatchObject({ status: 'returned', assessment: 'Nhận xét' });
		expect(load(ctx, detail.sheet.id).sheet.assessment).toBe('Nhận xét');
	});

	it('accepts a reason of exactly five characters', async () => {
		const { ctx, detail } = await approved();
		expect(reopenSheet(ctx.db, ctx.secretary, detail, { revision: detail.sheet.revision, reason: 'Sai 1' })).toEqual({
			ok: true
		});
	});

	it('refuses a stale approved detail after the sheet was reopened and approved again (409)', async () => {
		const { ctx, detail } = await approved();
		reopenSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), {
			revision: load(ctx, detail.sheet.id).sheet.revision,
			reason: 'Mở lại lần một'
		});
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY);
		approveSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), {
			revision: load(ctx, detail.sheet.id).sheet.revision,
			assessment: '',
			finalRating: 'tot',
			reason: ''
		});
		refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, ctx.secretary, detail, { revision: detail.sheet.revision, reason: 'Mở lại lần hai' }),
			409,
			/tải lại để xem bản mới nhất/
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
		returnSheet(ctx.db, ctx.secretary, detail, {
			revision: detail.sheet.revision,
			assessment: '',
			notes: [{ code: null, text: 'Sửa' }]
		});
		handIn(ctx.db, ctx.memberId, ctx.content, TODAY, FLAGGED);
		approveSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), {
			revision: load(ctx, detail.sheet.id).sheet.revision,
			assessment: '',
			finalRating: 'trung_binh',
			reason: 'Chưa nghiêm túc'
		});
		reopenSheet(ctx.db, ctx.secretary, load(ctx, detail.sheet.id), {
			revision: load(ctx, detail.sheet.id).sheet.revision,
			reason: 'Xem xét lại'
		});
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

describe('separation of duties: nobody decides their own sheet', () => {
	/** The secretary's own sheet handed in (computed "Khá"), as the chapter page loads it. */
	function ownSubmitted(ctx: Ctx) {
		return load(ctx, handIn(ctx.db, ctx.secretary.id, ctx.content, TODAY, FLAGGED));
	}
	async function committeeOver(ctx: Ctx, unit: Ctx['tree']['grassroots'], username: string): Promise<AuthUser> {
		const id = await createTestAccount(ctx.db, username);
		giveRole(ctx.db, id, 'committee', unit);
		const token = generateSessionToken();
		createSession(ctx.db, token, id);
		return validateSessionToken(ctx.db, token)!.user;
	}
	const decisions: [string, (ctx: Ctx, actor: AuthUser, d: ReturnType<typeof load>) => ReviewResult][] = [
		[
			'return',
			(ctx, actor, d) =>
				returnSheet(ctx.db, actor, d, {
					revision: d.sheet.revision,
					assessment: '',
					notes: [{ code: null, text: 'Tự trả' }]
				})
		],
		[
			'approve',
			(ctx, actor, d) =>
				approveSheet(ctx.db, actor, d, { revision: d.sheet.revision, assessment: '', finalRating: 'kha', reason: '' })
		],
		[
			'approve with an adjusted rating',
			(ctx, actor, d) =>
				approveSheet(ctx.db, actor, d, {
					revision: d.sheet.revision,
					assessment: '',
					finalRating: 'tot',
					reason: 'Tự nâng xếp loại'
				})
		]
	];

	for (const [what, decide] of decisions) {
		it(`refuses the secretary who would ${what} her own sheet with 403 and writes nothing`, async () => {
			const ctx = await setup();
			const own = ownSubmitted(ctx);
			expect(own.sheet.rating).toBe('kha');
			refusedWithoutWriting(ctx, () => decide(ctx, ctx.secretary, own), 403, /chính mình/);
		});
	}

	it('refuses the secretary who would reopen her own approved sheet with 403 and writes nothing', async () => {
		const ctx = await setup();
		const own = ownSubmitted(ctx);
		setStatus(ctx.db, own.sheet.id, 'approved');
		const approved = load(ctx, own.sheet.id);
		refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, ctx.secretary, approved, { revision: approved.sheet.revision, reason: 'Tự mở lại' }),
			403,
			/chính mình/
		);
	});

	it("lets the committee directly above decide a secretary's sheet when the chapter has no second secretary", async () => {
		const ctx = await setup();
		const above = await committeeOver(ctx, ctx.tree.grassroots, 'capuy-coso');
		const province = await committeeOver(ctx, ctx.tree.province, 'capuy-tinh');
		const own = ownSubmitted(ctx);
		expect(reviewRights(ctx.db, ctx.secretary, own)).toMatchObject({
			canDecide: false,
			decider: { kind: 'committee' }
		});
		expect(reviewRights(ctx.db, above, own).canDecide).toBe(true);
		expect(reviewRights(ctx.db, province, own).canDecide).toBe(false);
		expect(secretarySheetSentence(ctx.db, ctx.tree.chapterA)).toBe(
			`Phiếu của bí thư do cấp ủy cấp trên (${ctx.tree.grassroots.name}) xem xét.`
		);
		// A committee further up is not the one directly above.
		refusedWithoutWriting(
			ctx,
			() =>
				approveSheet(ctx.db, province, own, {
					revision: own.sheet.revision,
					assessment: '',
					finalRating: 'kha',
					reason: ''
				}),
			403,
			/Đảng bộ Trường Một/
		);
		expect(
			approveSheet(ctx.db, above, own, {
				revision: own.sheet.revision,
				assessment: 'Cấp ủy cấp trên thống nhất.',
				finalRating: 'tot',
				reason: 'Hoàn thành xuất sắc nhiệm vụ chi bộ'
			})
		).toEqual({ ok: true });
		expect(row(ctx.db, own.sheet.id)).toMatchObject({ status: 'approved', finalRating: 'tot' });
		expect(events(ctx.db, own.sheet.id, 'sheet.approve.adjusted')[0]).toMatchObject({ actorId: above.id });
		const approved = load(ctx, own.sheet.id);
		expect(reopenSheet(ctx.db, above, approved, { revision: approved.sheet.revision, reason: 'Xem xét lại' })).toEqual({
			ok: true
		});
	});

	it('keeps the committee read-only for every other sheet', async () => {
		const ctx = await setup();
		const above = await committeeOver(ctx, ctx.tree.grassroots, 'capuy-coso');
		const detail = submitted(ctx);
		expect(reviewRights(ctx.db, above, detail).canDecide).toBe(false);
		for (const [, decide] of decisions) refusedWithoutWriting(ctx, () => decide(ctx, above, detail), 403);
		setStatus(ctx.db, detail.sheet.id, 'approved');
		const approved = load(ctx, detail.sheet.id);
		refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, above, approved, { revision: approved.sheet.revision, reason: 'Mở lại' }),
			403
		);
	});

	it("gives a secretary's sheet to the chapter's second secretary when there is one, not to the committee", async () => {
		const ctx = await setup();
		const above = await committeeOver(ctx, ctx.tree.grassroots, 'capuy-coso');
		const second = await testSecretary(ctx.db, ctx.tree.chapterA, 'Phạm Văn Phó');
		expect(secretarySheetSentence(ctx.db, ctx.tree.chapterA)).toBe(
			'Phiếu của bí thư do bí thư còn lại của chi bộ xem xét.'
		);
		const own = ownSubmitted(ctx);
		refusedWithoutWriting(ctx, () => decisions[1][1](ctx, above, own), 403);
		refusedWithoutWriting(ctx, () => decisions[1][1](ctx, ctx.secretary, own), 403, /chính mình/);
		expect(decisions[1][1](ctx, second, own)).toEqual({ ok: true });
		// And the second secretary's own sheet goes to the first.
		const theirs = load(ctx, handIn(ctx.db, second.id, ctx.content, TODAY));
		refusedWithoutWriting(ctx, () => decisions[0][1](ctx, second, theirs), 403, /chính mình/);
		expect(decisions[0][1](ctx, ctx.secretary, theirs)).toEqual({ ok: true });
	});

	it("says so when nobody can decide a secretary's sheet yet", async () => {
		const ctx = await setup();
		const own = ownSubmitted(ctx);
		expect(secretarySheetSentence(ctx.db, ctx.tree.chapterA)).toMatch(/chưa có ai được giao/);
		refusedWithoutWriting(ctx, () => decisions[1][1](ctx, ctx.secretary, own), 403);
	});
});

describe('a closed period is read-only for everyone', () => {
	it('refuses return, approve and reopen on a sheet of a closed period, saying so, and writes nothing', async () => {
		const ctx = await setup();
		const handed = submitted(ctx);
		const other = await createTestMember(ctx.db, ctx.tree.chapterA, { targetGroup: 'B' });
		const approvedId = handIn(ctx.db, other, ctx.content, TODAY);
		const toApprove = load(ctx, approvedId);
		approveSheet(ctx.db, ctx.secretary, toApprove, {
			revision: toApprove.sheet.revision,
			assessment: '',
			finalRating: toApprove.sheet.rating,
			reason: ''
		});
		expect(closePeriod(ctx.db, ctx.current.id, ctx.secretary.id).ok).toBe(true);
		const closed = /Đợt kiểm điểm năm 2026 đã kết thúc: phiếu chỉ còn để xem\./;
		const d = load(ctx, handed.sheet.id);
		const a = load(ctx, approvedId);
		expect(reviewRights(ctx.db, ctx.secretary, d).canDecide).toBe(false);
		for (const [, decide] of decisions()) refusedWithoutWriting(ctx, () => decide(ctx, d), 409, closed);
		refusedWithoutWriting(
			ctx,
			() => reopenSheet(ctx.db, ctx.secretary, a, { revision: a.sheet.revision, reason: 'Sửa năm cũ' }),
			409,
			closed
		);
		expect(row(ctx.db, approvedId)).toMatchObject({ status: 'approved', finalRating: a.sheet.finalRating });
	});

	it("keeps last year's approved sheet and this year's plan line until an administrator reopens the year", async () => {
		const db = createTestDb();
		const version = ensureDefaultTemplate(db);
		const tree = createTestTree(db);
		const adminId = await createTestAccount(db, 'quantri');
		const last = createPeriod(db, {
			name: 'Năm 2025',
			year: 2025,
			unitId: tree.province.id,
			templateVersionId: version.id,
			opensOn: '2025-11-01',
			deadline: '2025-12-15'
		});
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const secretary = await testSecretary(db, tree.chapterA);
		const lastId = handIn(db, memberId, version.content, '2025-11-10', { 'TT1.1': 1 });
		const lastDetail = chapterSheet(db, tree.chapterA.id, lastId)!;
		approveSheet(db, secretary, lastDetail, {
			revision: lastDetail.sheet.revision,
			assessment: '',
			finalRating: lastDetail.sheet.rating,
			reason: ''
		});
		closePeriod(db, last.id, adminId);
		openTestPeriod(db, tree, version);
		const approved = chapterSheet(db, tree.chapterA.id, lastId)!;
		const refused = reopenSheet(db, secretary, approved, { revision: approved.sheet.revision, reason: 'Sửa năm cũ' });
		expect(refused).toEqual({
			ok: false,
			status: 409,
			message: 'Đợt kiểm điểm năm 2025 đã kết thúc: phiếu chỉ còn để xem.'
		});
		expect(db.select().from(sheet).where(eq(sheet.id, lastId)).get()).toMatchObject({ status: 'approved' });
		const thisYear = openCurrentSheet(db, signedInUser(db, memberId), TODAY)!;
		expect(thisYear.progress.map((p) => p.code)).toEqual(['TT1.1']);

		// The administrator's way: reopen the year first, with a reason (another year's open period is no overlap).
		expect(reopenPeriod(db, last.id, 'Sửa sai sót năm 2025', adminId)).toEqual({ ok: true, id: last.id });
		const again = chapterSheet(db, tree.chapterA.id, lastId)!;
		expect(reopenSheet(db, secretary, again, { revision: again.sheet.revision, reason: 'Sửa năm cũ' })).toEqual({
			ok: true
		});
	});

	function decisions(): [string, (ctx: Ctx, d: ReturnType<typeof load>) => ReviewResult][] {
		return [
			[
				'return',
				(ctx, d) =>
					returnSheet(ctx.db, ctx.secretary, d, {
						revision: d.sheet.revision,
						assessment: '',
						notes: [{ code: null, text: 'Sửa' }]
					})
			],
			[
				'approve',
				(ctx, d) =>
					approveSheet(ctx.db, ctx.secretary, d, {
						revision: d.sheet.revision,
						assessment: '',
						finalRating: d.sheet.rating,
						reason: ''
					})
			]
		];
	}
});

describe('decisions carry the revision the page showed', () => {
	const stale = /^Phiếu đã thay đổi kể từ khi bạn mở trang\. Hãy tải lại để xem bản mới nhất\.$/;

	it("refuses tab A's approval after tab B returned the sheet and the member handed it in again", async () => {
		const ctx = await setup();
		const tabA = submitted(ctx);
		const shown = tabA.sheet.revision;
		const tabB = load(ctx, tabA.sheet.id);
		expect(
			returnSheet(ctx.db, ctx.secretary, tabB, {
				revision: tabB.sheet.revision,
				assessment: '',
				notes: [{ code: null, text: 'Sửa TT1.1' }]
			})
		).toEqual({ ok: true });
		const member = signedInUser(ctx.db, ctx.memberId);
		const returned = load(ctx, tabA.sheet.id);
		expect(
			saveSheet(
				ctx.db,
				member,
				returned.sheet.id,
				{ revision: returned.sheet.revision, answers: { 'TT1.1': { level: 0 } } },
				TODAY,
				{
					submit: true
				}
			)
		).toMatchObject({ ok: true });
		// The POST loads the sheet afresh (submitted again), but the form carries what tab A showed.
		const fresh = load(ctx, tabA.sheet.id);
		expect(fresh.sheet.status).toBe('submitted');
		refusedWithoutWriting(
			ctx,
			() =>
				approveSheet(ctx.db, ctx.secretary, fresh, {
					revision: String(shown),
					assessment: '',
					finalRating: 'tot',
					reason: ''
				}),
			409,
			stale
		);
		expect(
			approveSheet(ctx.db, ctx.secretary, fresh, {
				revision: String(fresh.sheet.revision),
				assessment: '',
				finalRating: fresh.sheet.rating,
				reason: ''
			})
		).toEqual({ ok: true });
	});

	it('refuses a decision without a revision, or with one in words, as stale', async () => {
		const ctx = await setup();
		const detail = submitted(ctx);
		for (const revision of [undefined, '', 'một', null, '1.5'])
			refusedWithoutWriting(
				ctx,
				() =>
					returnSheet(ctx.db, ctx.secretary, detail, {
						revision,
						assessment: '',
						notes: [{ code: null, text: 'Sửa' }]
					}),
				409,
				stale
			);
	});
});
