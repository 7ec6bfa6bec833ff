import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { allUnits, ancestorsOf, childrenOf, CHAPTER_KINDS, findUnit } from '$lib/server/db/queries/units';
import { chapterMembers } from '$lib/server/db/queries/members';
import { grantsOn } from '$lib/server/db/queries/roles';
import { grantRole, revokeRole } from '$lib/server/admin/roles';
import { addUnit, closeUnit, moveUnit, renameUnit } from '$lib/server/admin/units';
import { grantSchema, moveUnitSchema, newUnitSchema, revokeSchema, unitNameSchema } from '$lib/schemas/admin';
import type { Actions, PageServerLoad } from './$types';

const formOf = async (request: Request) => Object.fromEntries(await request.formData());

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const unit = findUnit(db, Number(event.params.id));
	if (!unit) error(404, 'Không tìm thấy đơn vị.');
	const isChapter = CHAPTER_KINDS.includes(unit.kind);
	return {
		unit: {
			id: unit.id,
			name: unit.name,
			kind: unit.kind,
			closed: unit.closedAt !== null,
			memberCount: unit.memberCount,
			isChapter,
			isRoot: unit.parentId === null
		},
		crumbs: ancestorsOf(db, unit).map((u) => ({ id: u.id, name: u.name, href: `/admin/units/${u.id}` })),
		children: childrenOf(db, unit.id).map((c) => ({
			id: c.id,
			name: c.name,
			kind: c.kind,
			closed: c.closedAt !== null,
			memberCount: c.memberCount
		})),
		members: isChapter ? chapterMembers(db, unit.id) : [],
		grants: grantsOn(db, unit.id),
		// Where the unit may move: open units that hold units, outside its own subtree.
		parents: allUnits(db)
			.filter((u) => !u.closedAt && !CHAPTER_KINDS.includes(u.kind) && !u.path.startsWith(unit.path))
			.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
	};
};

export const actions: Actions = {
	rename: async (event) => {
		const admin = requireAdmin(event);
		const parsed = unitNameSchema.safeParse(await formOf(event.request));
		if (!parsed.success) return fail(400, { action: 'rename', message: parsed.error.issues[0].message });
		const result = renameUnit(getDb(), Number(event.params.id), parsed.data.name, admin.id);
		return result.ok
			? { action: 'rename', done: 'Đã đổi tên.' }
			: fail(400, { action: 'rename', message: result.message });
	},
	addChild: async (event) => {
		const admin = requireAdmin(event);
		const parsed = newUnitSchema.safeParse(await formOf(event.request));
		if (!parsed.success) return fail(400, { action: 'addChild', message: parsed.error.issues[0].message });
		const result = addUnit(getDb(), { ...parsed.data, parentId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'addChild', done: `Đã thêm ${result.unit.name}.` }
			: fail(400, { action: 'addChild', message: result.message });
	},
	move: async (event) => {
		const admin = requireAdmin(event);
		const parsed = moveUnitSchema.safeParse(await formOf(event.request));
		if (!parsed.success) return fail(400, { action: 'move', message: parsed.error.issues[0].message });
		const result = moveUnit(getDb(), Number(event.params.id), parsed.data.parentId, admin.id);
		return result.ok
			? { action: 'move', done: 'Đã chuyển đơn vị.' }
			: fail(400, { action: 'move', message: result.message });
	},
	close: async (event) => {
		const admin = requireAdmin(event);
		const result = closeUnit(getDb(), Number(event.params.id), admin.id);
		return result.ok
			? { action: 'close', done: 'Đã giải thể đơn vị.' }
			: fail(400, { action: 'close', message: result.message });
	},
	grant: async (event) => {
		const admin = requireAdmin(event);
		const parsed = grantSchema.safeParse(await formOf(event.request));
		if (!parsed.success) return fail(400, { action: 'grant', message: parsed.error.issues[0].message });
		const result = grantRole(getDb(), { ...parsed.data, unitId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'grant', done: 'Đã giao vai trò.' }
			: fail(400, { action: 'grant', message: result.message });
	},
	revoke: async (event) => {
		const admin = requireAdmin(event);
		const parsed = revokeSchema.safeParse(await formOf(event.request));
		if (!parsed.success) return fail(400, { action: 'revoke', message: parsed.error.issues[0].message });
		const result = revokeRole(getDb(), { ...parsed.data, unitId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'revoke', done: 'Đã thu hồi vai trò.' }
			: fail(400, { action: 'revoke', message: result.message });
	}
};
