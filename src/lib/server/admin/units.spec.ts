// Administering the organisation tree: adding, renaming, moving and closing units, on real databases from the migrations.

import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import { handIn, openTestPeriod, signedInUser } from '../../../../tests/helpers/sheets';

import { addUnit, closeUnit, moveUnit, renameUnit } from './units';
import { transferMember } from './members';
import { createPeriod } from '../db/queries/periods';
import { createUnit, findUnit } from '../db/queries/units';
import { rebuildMemberCounts, rebuildUnitStats } from '../db/queries/stats';
import { openCurrentSheet } from '../sheets/member';
import {
	TODAY,
	setup,
	type Ctx,
	units,
	audits,
	memberCount,
	expectConsistentTree,
	COUNTERS,
	statsAt,
	normalisedCounts
} from '../../../../tests/helpers/admin';

describe('units', () => {
	it('addUnit refuses a chapter as parent and a closed parent, and adds and audits under an open one', async () => {
		const { db, tree, adminId } = await setup();
		const closed = createUnit(db, { name: 'Đảng bộ xã Cũ', kind: 'dang_bo_truc_thuoc', parentId: tree.province.id });
		expect(closeUnit(db, closed.id, adminId)).toMatchObject({ ok: true });
		const before = units(db);

		expect(addUnit(db, { name: 'Chi bộ Tổ Con', kind: 'chi_bo', parentId: tree.chapterA.id }, adminId)).toEqual({
			ok: false,
			message: 'Chi bộ không có đơn vị trực thuộc.'
		});
		expect(addUnit(db, { name: 'Chi bộ Tổ Con', kind: 'chi_bo', parentId: tree.otherChapter.id }, adminId)).toEqual({
			ok: false,
			message: 'Chi bộ không có đơn vị trực thuộc.'
		});
		expect(addUnit(db, { name: 'Chi bộ Thôn Cũ', kind: 'chi_bo_co_so', parentId: closed.id }, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị cấp trên đã giải thể.'
		});
		expect(addUnit(db, { name: 'Chi bộ Ma', kind: 'chi_bo', parentId: 9999 }, adminId)).toEqual({
			ok: false,
			message: 'Không tìm thấy đơn vị cấp trên.'
		});
		expect(units(db)).toEqual(before);
		expect(audits(db, 'unit.create')).toEqual([]);

		const added = addUnit(db, { name: 'Chi bộ Thư viện', kind: 'chi_bo', parentId: tree.grassroots.id }, adminId);
		if (!added.ok) throw new Error(added.message);
		expect(added.unit).toMatchObject({
			name: 'Chi bộ Thư viện',
			kind: 'chi_bo',
			parentId: tree.grassroots.id,
			path: `${tree.grassroots.path}${added.unit.id}/`,
			depth: 3,
			memberCount: 0
		});
		expect(audits(db, 'unit.create')).toMatchObject([
			{
				actorId: adminId,
				unitId: added.unit.id,
				targetType: 'unit',
				targetId: added.unit.id,
				detail: { name: 'Chi bộ Thư viện', kind: 'chi_bo', parentId: tree.grassroots.id }
			}
		]);
	});

	it('renameUnit changes only the name and audits from and to', async () => {
		const { db, tree, adminId } = await setup();
		const before = units(db);
		expect(renameUnit(db, tree.chapterA.id, 'Chi bộ Giáo viên Tiểu học', adminId)).toMatchObject({
			ok: true,
			unit: { id: tree.chapterA.id, name: 'Chi bộ Giáo viên Tiểu học' }
		});
		expect(units(db)).toEqual(
			before.map((u) => (u.id === tree.chapterA.id ? { ...u, name: 'Chi bộ Giáo viên Tiểu học' } : u))
		);
		expect(audits(db, 'unit.rename')).toMatchObject([
			{
				actorId: adminId,
				unitId: tree.chapterA.id,
				detail: { from: 'Chi bộ Giáo viên', to: 'Chi bộ Giáo viên Tiểu học' }
			}
		]);
		expect(renameUnit(db, 9999, 'Không có', adminId)).toEqual({ ok: false, message: 'Không tìm thấy đơn vị.' });
	});

	describe('moveUnit', () => {
		/** A đảng bộ bộ phận with a chapter under the grassroots unit, so the moved subtree is three levels deep. */
		async function deepTree(ctx: Ctx) {
			const section = createUnit(ctx.db, {
				name: 'Đảng bộ bộ phận Khối Một',
				kind: 'dang_bo_bo_phan',
				parentId: ctx.tree.grassroots.id
			});
			const deepChapter = createUnit(ctx.db, { name: 'Chi bộ Tổ Một', kind: 'chi_bo', parentId: section.id });
			return { section, deepChapter };
		}

		it('rewrites the path and depth of the whole subtree and nothing else', async () => {
			const ctx = await setup();
			const { db, tree, adminId } = ctx;
			const { section, deepChapter } = await deepTree(ctx);
			// A second level under the other branch, so the subtree lands deeper than it was.
			const middle = createUnit(db, {
				name: 'Đảng bộ xã Hai Mới',
				kind: 'dang_bo_co_so',
				parentId: tree.otherBranch.id
			});
			const before = units(db);
			const moved = new Set([tree.grassroots.id, tree.chapterA.id, tree.chapterB.id, section.id, deepChapter.id]);

			const result = moveUnit(db, tree.grassroots.id, middle.id, adminId);
			expect(result).toMatchObject({
				ok: true,
				unit: { id: tree.grassroots.id, parentId: middle.id, path: `${middle.path}${tree.grassroots.id}/`, depth: 3 }
			});
			expectConsistentTree(db);
			const after = new Map(units(db).map((u) => [u.id, u]));
			expect(after.get(deepChapter.id)).toMatchObject({
				path: `${middle.path}${tree.grassroots.id}/${section.id}/${deepChapter.id}/`,
				depth: 5
			});
			expect(after.get(tree.chapterA.id)).toMatchObject({
				path: `${middle.path}${tree.grassroots.id}/${tree.chapterA.id}/`,
				depth: 4
			});
			for (const u of before) {
				if (moved.has(u.id)) expect(after.get(u.id)!.depth, u.name).toBe(u.depth + 1);
				else expect(after.get(u.id), u.name).toEqual(u);
			}
			expect(audits(db, 'unit.move')).toMatchObject([
				{ actorId: adminId, unitId: tree.grassroots.id, detail: { from: tree.branch.id, to: middle.id } }
			]);
		});

		it('refuses moving a unit into itself or its own subtree, under a chapter, and moving the root', async () => {
			const ctx = await setup();
			const { db, tree, adminId } = ctx;
			const { section } = await deepTree(ctx);
			const before = units(db);
			const ownSubtree = 'Không chuyển được một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.';
			expect(moveUnit(db, tree.branch.id, tree.branch.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.branch.id, tree.grassroots.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.branch.id, section.id, adminId)).toEqual({ ok: false, message: ownSubtree });
			expect(moveUnit(db, tree.grassroots.id, tree.chapterB.id, adminId)).toEqual({
				ok: false,
				message: 'Chi bộ không có đơn vị trực thuộc.'
			});
			expect(moveUnit(db, tree.province.id, tree.otherBranch.id, adminId)).toEqual({
				ok: false,
				message: 'Không chuyển được đơn vị gốc.'
			});
			expect(units(db)).toEqual(before);
			expect(audits(db, 'unit.move')).toEqual([]);
		});

		it('moves member counts and sheet statistics from the old ancestors to the new ones', async () => {
			const ctx = await setup();
			const { db, tree, adminId, content, version } = ctx;
			const { deepChapter } = await deepTree(ctx);
			const current = openTestPeriod(db, tree, version);
			const a1 = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
			const a2 = await createTestMember(db, tree.chapterA, { targetGroup: 'B' });
			const b1 = await createTestMember(db, tree.chapterB, { targetGroup: 'C' });
			const d1 = await createTestMember(db, deepChapter, { targetGroup: 'A' });
			const o1 = await createTestMember(db, tree.otherChapter, { targetGroup: 'C' });
			handIn(db, a1, content, TODAY, { 'TT1.1': 1, 'DD9.2': 2 });
			handIn(db, b1, content, TODAY, { 'TT1.1': 1 });
			handIn(db, d1, content, TODAY);
			handIn(db, o1, content, TODAY, { 'TT1.1': 2 });
			openCurrentSheet(db, signedInUser(db, a2), TODAY); // a draft

			const subtree = statsAt(db, current.id, tree.grassroots.id);
			expect(subtree.counters).toMatchObject({ draft: 1, submitted: 3 });
			expect(subtree.flagged).toMatchObject({ 'TT1.1': 2, 'DD9.2': 1 });
			const oldBranch = statsAt(db, current.id, tree.branch.id);
			const newBranch = statsAt(db, current.id, tree.otherBranch.id);
			const province = statsAt(db, current.id, tree.province.id);
			const insideBefore = [tree.grassroots, tree.chapterA, tree.chapterB, deepChapter].map((u) =>
				statsAt(db, current.id, u.id)
			);
			expect([memberCount(db, tree.branch), memberCount(db, tree.otherBranch), memberCount(db, tree.province)]).toEqual(
				[4, 1, 5]
			);

			expect(moveUnit(db, tree.grassroots.id, tree.otherBranch.id, adminId)).toMatchObject({ ok: true });

			// Member counts: the old branch loses the four members, the new one gains them, the root keeps five.
			expect([
				memberCount(db, tree.branch),
				memberCount(db, tree.otherBranch),
				memberCount(db, tree.province),
				memberCount(db, tree.grassroots)
			]).toEqual([0, 5, 5, 4]);
			const zero = Object.fromEntries(COUNTERS.map((c) => [c, 0]));
			expect(statsAt(db, current.id, tree.branch.id)).toEqual({ counters: zero, flagged: {} });
			const added = (a: Record<string, number>, b: Record<string, number>) =>
				Object.fromEntries(
					[...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)])
				);
			expect(oldBranch).toEqual(subtree);
			expect(statsAt(db, current.id, tree.otherBranch.id)).toEqual({
				counters: added(newBranch.counters, subtree.counters),
				flagged: added(newBranch.flagged, subtree.flagged)
			});
			expect(statsAt(db, current.id, tree.province.id)).toEqual(province);
			expect(
				[tree.grassroots, tree.chapterA, tree.chapterB, deepChapter].map((u) => statsAt(db, current.id, u.id))
			).toEqual(insideBefore);

			// And they are what a full recount gives.
			const maintained = normalisedCounts(db, current.id);
			rebuildMemberCounts(db);
			rebuildUnitStats(db, current.id);
			expect(normalisedCounts(db, current.id)).toEqual(maintained);
		});
	});

	it('closeUnit refuses while members or open sub-units remain, then closes and audits', async () => {
		const { db, tree, adminId } = await setup();
		const section = createUnit(db, {
			name: 'Đảng bộ bộ phận Khối Hai',
			kind: 'dang_bo_bo_phan',
			parentId: tree.grassroots.id
		});
		const chapter = createUnit(db, { name: 'Chi bộ Tổ Hai', kind: 'chi_bo', parentId: section.id });
		const memberId = await createTestMember(db, chapter);

		expect(closeUnit(db, chapter.id, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị còn 1 đảng viên: hãy chuyển sinh hoạt trước khi giải thể.'
		});
		expect(transferMember(db, memberId, tree.chapterB.id, '2026-02-01', adminId)).toEqual({ ok: true });
		expect(closeUnit(db, section.id, adminId)).toEqual({
			ok: false,
			message: 'Đơn vị còn 1 đơn vị trực thuộc đang hoạt động.'
		});
		expect(closeUnit(db, tree.province.id, adminId)).toEqual({ ok: false, message: 'Không giải thể được đơn vị gốc.' });
		expect(units(db).every((u) => u.closedAt === null)).toBe(true);
		expect(audits(db, 'unit.close')).toEqual([]);

		expect(closeUnit(db, chapter.id, adminId)).toMatchObject({ ok: true, unit: { id: chapter.id } });
		expect(closeUnit(db, section.id, adminId)).toMatchObject({ ok: true, unit: { id: section.id } });
		expect(findUnit(db, chapter.id)!.closedAt).toBeInstanceOf(Date);
		expect(findUnit(db, section.id)!.closedAt).toBeInstanceOf(Date);
		expect(findUnit(db, tree.grassroots.id)!.closedAt).toBeNull();
		expect(audits(db, 'unit.close')).toMatchObject([
			{ actorId: adminId, unitId: chapter.id, detail: { name: 'Chi bộ Tổ Hai' } },
			{ actorId: adminId, unitId: section.id, detail: { name: 'Đảng bộ bộ phận Khối Hai' } }
		]);
		// A closed chapter takes no one in.
		expect(transferMember(db, memberId, chapter.id, '2026-03-01', adminId)).toEqual({
			ok: false,
			message: 'Hãy chọn một chi bộ đang hoạt động.'
		});
	});
});

describe('moving a unit and the open periods it carries', () => {
	const period = (ctx: Ctx, unitId: number, year: number, name: string) =>
		createPeriod(ctx.db, {
			name,
			year,
			unitId,
			templateVersionId: ctx.version.id,
			opensOn: `${year}-03-01`,
			deadline: `${year}-03-31`
		});

	it('refuses a move that would put an open period inside another of the same year, and changes nothing', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		period(ctx, tree.branch.id, 2026, 'Năm 2026 phường');
		period(ctx, tree.otherChapter.id, 2026, 'Năm 2026 thôn');
		const before = units(db);
		expect(moveUnit(db, tree.otherChapter.id, tree.grassroots.id, adminId)).toEqual({
			ok: false,
			message:
				'Không chuyển được: đợt «Năm 2026 thôn» năm 2026 của Chi bộ Thôn Hai sẽ trùng phạm vi với đợt «Năm 2026 phường» của Đảng bộ phường Một đang mở. Hãy kết thúc một trong hai đợt trước.'
		});
		expect(units(db)).toEqual(before);
		expect(audits(db, 'unit.move')).toEqual([]);
	});

	it('allows the move when the periods are of different years', async () => {
		const ctx = await setup();
		const { db, tree, adminId } = ctx;
		period(ctx, tree.branch.id, 2026, 'Năm 2026 phường');
		period(ctx, tree.otherChapter.id, 2025, 'Năm 2025 thôn');
		expect(moveUnit(db, tree.otherChapter.id, tree.grassroots.id, adminId)).toMatchObject({ ok: true });
		expect(findUnit(db, tree.otherChapter.id)!.parentId).toBe(tree.grassroots.id);
	});
});
