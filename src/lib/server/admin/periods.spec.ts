// Review periods: opening, extending, closing and reopening, and one open period per subtree and year.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { handIn, signedInUser } from '../../../../tests/helpers/sheets';
import { auditEvent, period, sheet } from '../db/schema';
import { closeUnit } from './units';
import { deactivateMember, transferMember } from './members';
import { closePeriod, extendDeadline, openPeriod, reopenPeriod } from './periods';
import { notHandedIn, createPeriod, findPeriod } from '../db/queries/periods';
import { createUnit, type UnitRow } from '../db/queries/units';
import { actionLabel } from '../../domain/audit';
import { openCurrentSheet, saveSheet } from '../sheets/member';
import { TODAY, setup, type Ctx, audits, count } from '../../../../tests/helpers/admin';

describe('periods', () => {
	const input = (ctx: Ctx, extra: Partial<Parameters<typeof openPeriod>[1]> = {}) => ({
		name: 'Năm 2026',
		year: 2026,
		unitId: ctx.tree.branch.id,
		templateVersionId: ctx.version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31',
		...extra
	});

	it('openPeriod refuses a deadline before the opening, a closed or unknown unit and an unknown template version', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const closed = createUnit(db, { name: 'Đảng bộ xã Cũ', kind: 'dang_bo_truc_thuoc', parentId: tree.province.id });
		expect(closeUnit(db, closed.id, adminId)).toMatchObject({ ok: true });

		expect(openPeriod(db, input(ctx, { deadline: '2026-02-28' }), adminId)).toEqual({
			ok: false,
			message: 'Hạn nộp phải sau ngày mở đợt.'
		});
		expect(openPeriod(db, input(ctx, { unitId: closed.id }), adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một đơn vị đang hoạt động.'
		});
		expect(openPeriod(db, input(ctx, { unitId: 9999 }), adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một đơn vị đang hoạt động.'
		});
		expect(openPeriod(db, input(ctx, { templateVersionId: ctx.version.id + 100 }), adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy phiên bản mẫu phiếu.'
		});
		expect(count(db, period)).toBe(0);
		expect(audits(db, 'period.create')).toEqual([]);

		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		expect(findPeriod(db, opened.id)).toMatchObject({ ...input(ctx), closedAt: null });
		expect(audits(db, 'period.create')).toMatchObject([
			{ actorId: adminId, unitId: tree.branch.id, targetType: 'period', targetId: opened.id }
		]);
	});

	it('extendDeadline only moves the deadline later, and not once the period is closed', async () => {
		const ctx = await setup();
		const { db, adminId } = ctx;
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		expect(extendDeadline(db, opened.id, '2026-03-30', adminId)).toEqual({
			ok: false,
			message: 'Hạn mới phải sau hạn hiện tại.'
		});
		expect(extendDeadline(db, opened.id, '2026-03-31', adminId)).toEqual({
			ok: false,
			message: 'Hạn mới phải sau hạn hiện tại.'
		});
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-03-31');
		expect(extendDeadline(db, opened.id, '2026-04-15', adminId)).toEqual({ ok: true, id: opened.id });
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-04-15');
		expect(audits(db, 'period.extend')).toMatchObject([
			{ actorId: adminId, targetId: opened.id, detail: { from: '2026-03-31', to: '2026-04-15' } }
		]);
		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: true, id: opened.id });
		expect(extendDeadline(db, opened.id, '2026-05-01', adminId)).toEqual({
			ok: false,
			message: 'Đợt kiểm điểm đã kết thúc.'
		});
		expect(findPeriod(db, opened.id)!.deadline).toBe('2026-04-15');
		expect(extendDeadline(db, 9999, '2026-05-01', adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đợt kiểm điểm.'
		});
	});

	it('closePeriod stops members from saving or handing in their sheets', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
		const signedIn = signedInUser(db, memberId);
		const detail = openCurrentSheet(db, signedIn, TODAY)!;
		expect(
			saveSheet(db, signedIn, detail.sheet.id, { revision: 0, answers: { 'TT1.1': { level: 1 } } }, TODAY)
		).toMatchObject({ ok: true, revision: 1 });

		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: true, id: opened.id });
		expect(findPeriod(db, opened.id)!.closedAt).toBeInstanceOf(Date);
		const before = db.select().from(sheet).all();
		const refused = {
			ok: false,
			status: 409,
			message: 'Đợt kiểm điểm năm 2026 đã kết thúc: phiếu chỉ còn để xem.'
		};
		expect(
			saveSheet(db, signedIn, detail.sheet.id, { revision: 1, answers: { 'TT1.1': { level: 0 } } }, TODAY)
		).toEqual(refused);
		expect(saveSheet(db, signedIn, detail.sheet.id, { revision: 1, answers: {} }, TODAY, { submit: true })).toEqual(
			refused
		);
		expect(db.select().from(sheet).all()).toEqual(before);
		expect(openCurrentSheet(db, signedIn, TODAY)).toBeNull();
		expect(closePeriod(db, opened.id, adminId)).toEqual({ ok: false, message: 'Đợt kiểm điểm đã kết thúc.' });
		expect(audits(db, 'period.close')).toHaveLength(1);
	});

	it("notHandedIn lists, per chapter of the period's subtree, the current members without a handed-in sheet", async () => {
		const ctx = await setup();
		const { db, tree, adminId, content } = ctx;
		const directChapter = createUnit(db, {
			name: 'Chi bộ Cơ quan Phường',
			kind: 'chi_bo_co_so',
			parentId: tree.branch.id
		});
		const opened = openPeriod(db, input(ctx), adminId);
		if (!opened.ok) throw new Error(opened.message);
		const at = (chapter: UnitRow, fullName: string, username: string) =>
			createTestMember(db, chapter, { fullName, username });

		handIn(db, await at(tree.chapterA, 'Lê Văn Đạt', 'levandat'), content, TODAY);
		const drafting = await at(tree.chapterA, 'Phạm Thị Cúc', 'phamthicuc');
		openCurrentSheet(db, signedInUser(db, drafting), TODAY);
		await at(tree.chapterA, 'Trần Văn An', 'tranvanan');
		const leaving = await at(tree.chapterA, 'Hoàng Văn Bảo', 'hoangvanbao');
		expect(transferMember(db, leaving, tree.otherChapter.id, '2026-02-01', adminId)).toEqual({ ok: true });
		const approved = await at(tree.chapterB, 'Võ Thị Hoa', 'vothihoa');
		const returned = await at(tree.chapterB, 'Đỗ Văn Giang', 'dovangiang');
		const deactivated = await at(tree.chapterB, 'Bùi Văn Khải', 'buivankhai');
		for (const id of [approved, returned]) handIn(db, id, content, TODAY);
		db.update(sheet).set({ status: 'approved' }).where(eq(sheet.memberId, approved)).run();
		db.update(sheet).set({ status: 'returned' }).where(eq(sheet.memberId, returned)).run();
		expect(deactivateMember(db, deactivated, '2026-03-05', adminId)).toEqual({ ok: true });
		handIn(db, await at(directChapter, 'Ngô Văn Long', 'ngovanlong'), content, TODAY);
		await at(tree.otherChapter, 'Mai Thị Nga', 'maithinga'); // outside the period's subtree

		expect(
			notHandedIn(db, opened.id).map((c) => ({
				chapterId: c.chapterId,
				chapterName: c.chapterName,
				members: c.members
			}))
		).toEqual([
			{
				chapterId: tree.chapterA.id,
				chapterName: 'Chi bộ Giáo viên',
				members: [
					{ fullName: 'Trần Văn An', username: 'tranvanan', status: 'not_started' },
					{ fullName: 'Phạm Thị Cúc', username: 'phamthicuc', status: 'draft' }
				]
			},
			{
				chapterId: tree.chapterB.id,
				chapterName: 'Chi bộ Hành chính',
				members: [{ fullName: 'Đỗ Văn Giang', username: 'dovangiang', status: 'returned' }]
			}
		]);
		expect(notHandedIn(db, 9999)).toEqual([]);
	});
});

describe('one open period per unit subtree per year', () => {
	const input = (ctx: Ctx, extra: Partial<Parameters<typeof openPeriod>[1]> = {}) => ({
		name: 'Năm 2026',
		year: 2026,
		unitId: ctx.tree.branch.id,
		templateVersionId: ctx.version.id,
		opensOn: '2026-03-01',
		deadline: '2026-03-31',
		...extra
	});

	it('refuses a period for the same unit, a unit inside or a unit above an open period of that year, naming it', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const first = openPeriod(db, input(ctx, { name: 'Đợt phường Một' }), adminId);
		expect(first.ok).toBe(true);
		const before = { periods: count(db, period), audit: count(db, auditEvent) };
		for (const unitId of [tree.branch.id, tree.chapterA.id, tree.grassroots.id, tree.province.id]) {
			const refused = openPeriod(db, input(ctx, { unitId, name: 'Đợt trùng' }), adminId);
			expect(refused).toEqual({ ok: false, message: expect.stringContaining('«Đợt phường Một» năm 2026') });
			expect(refused.ok || refused.message).toMatch(/Đảng bộ phường Một/);
		}
		expect({ periods: count(db, period), audit: count(db, auditEvent) }).toEqual(before);
	});

	it('allows a sibling subtree, another year, and the same unit once the first period is closed', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const first = openPeriod(db, input(ctx), adminId);
		if (!first.ok) throw new Error(first.message);
		expect(openPeriod(db, input(ctx, { unitId: tree.otherBranch.id }), adminId).ok).toBe(true);
		expect(openPeriod(db, input(ctx, { year: 2027, opensOn: '2027-03-01', deadline: '2027-03-31' }), adminId).ok).toBe(
			true
		);
		expect(closePeriod(db, first.id, adminId).ok).toBe(true);
		expect(openPeriod(db, input(ctx, { unitId: tree.chapterA.id }), adminId).ok).toBe(true);
	});

	it('is held by the database too: an overlapping open period cannot be inserted or reopened behind the use case', async () => {
		const ctx = await setup();
		const { db, tree, version } = ctx;
		const base = { year: 2026, templateVersionId: version.id, opensOn: '2026-03-01', deadline: '2026-03-31' };
		createPeriod(db, { ...base, name: 'Đợt tỉnh', unitId: tree.province.id });
		expect(() => createPeriod(db, { ...base, name: 'Đợt chi bộ', unitId: tree.chapterA.id })).toThrow(/period_overlap/);
		const closed = createPeriod(db, {
			...base,
			name: 'Đợt cũ',
			unitId: tree.chapterA.id,
			closedAt: new Date('2026-02-01T00:00:00Z')
		});
		expect(() => db.update(period).set({ closedAt: null }).where(eq(period.id, closed.id)).run()).toThrow(
			/period_overlap/
		);
		expect(count(db, period)).toBe(2);
	});

	it('reopenPeriod needs a reason, refuses an open or overlapping period, and audits "period.reopen"', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		const last = openPeriod(db, input(ctx, { name: 'Năm 2026 (đợt một)' }), adminId);
		if (!last.ok) throw new Error(last.message);
		expect(reopenPeriod(db, last.id, 'Sửa sai sót', adminId)).toEqual({ ok: false, message: 'Đợt kiểm điểm đang mở.' });
		closePeriod(db, last.id, adminId);
		expect(reopenPeriod(db, last.id, '  sửa ', adminId)).toEqual({
			ok: false,
			message: 'Hãy ghi lý do mở lại đợt kiểm điểm (ít nhất 5 ký tự).'
		});
		expect(reopenPeriod(db, 9999, 'Sửa sai sót', adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đợt kiểm điểm.'
		});
		const second = openPeriod(db, input(ctx, { name: 'Năm 2026 (đợt hai)', unitId: tree.chapterA.id }), adminId);
		if (!second.ok) throw new Error(second.message);
		expect(reopenPeriod(db, last.id, 'Sửa sai sót', adminId)).toEqual({
			ok: false,
			message: expect.stringContaining('«Năm 2026 (đợt hai)»')
		});
		expect(findPeriod(db, last.id)!.closedAt).toBeInstanceOf(Date);
		expect(audits(db, 'period.reopen')).toEqual([]);
		closePeriod(db, second.id, adminId);
		expect(reopenPeriod(db, last.id, '  Sửa xếp loại nhầm của năm  ', adminId)).toEqual({ ok: true, id: last.id });
		expect(findPeriod(db, last.id)!.closedAt).toBeNull();
		expect(audits(db, 'period.reopen')).toMatchObject([
			{
				actorId: adminId,
				unitId: tree.branch.id,
				targetType: 'period',
				targetId: last.id,
				reason: 'Sửa xếp loại nhầm của năm'
			}
		]);
		expect(actionLabel('period.reopen')).toBe('Mở lại đợt kiểm điểm đã kết thúc');
	});
});
