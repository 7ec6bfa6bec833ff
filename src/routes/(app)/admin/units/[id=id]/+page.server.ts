import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { allUnits, ancestorsOf, childrenOf, CHAPTER_KINDS, findUnit } from '$lib/server/db/queries/units';
import { chapterMembers } from '$lib/server/db/queries/members';
import { grantsOn } from '$lib/server/db/queries/roles';
import { grantRole, revokeRole } from '$lib/server/admin/roles';
import { addUnit, closeUnit, moveUnit, renameUnit } from '$lib/server/admin/units';
import { grantSchema, moveUnitSchema, newUnitSchema, revokeSchema, unitNameSchema } from '$lib/schemas/admin';
import { parseForm, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

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
		const parsed = parseForm(unitNameSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'rename' });
		const result = renameUnit(getDb(), Number(event.params.id), parsed.data.name, admin.id);
		return result.ok
			? { action: 'rename', done: 'Đã đổi tên.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'rename' });
	},
	addChild: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(newUnitSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'addChild' });
		const result = addUnit(getDb(), { ...parsed.data, parentId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'addChild', done: `Đã thêm ${result.unit.name}.` }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'addChild' });
	},
	move: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(moveUnitSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'move' });
		const result = moveUnit(getDb(), Number(event.params.id), parsed.data.parentId, admin.id);
		return result.ok
			? { action: 'move', done: 'Đã chuyển đơn vị.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'move' });
	},
	close: async (event) => {
		const admin = requireAdmin(event);
		const result = closeUnit(getDb(), Number(event.params.id), admin.id);
		return result.ok
			? { action: 'close', done: 'Đã giải thể đơn vị.' }
			: refuse(400, {}, refusalErrors(result), { action: 'close' });
	},
	grant: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(grantSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'grant' });
		const result = grantRole(getDb(), { ...parsed.data, unitId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'grant', done: 'Đã giao vai trò.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'grant' });
	},
	revoke: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(revokeSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'revoke' });
		const result = revokeRole(getDb(), { ...parsed.data, unitId: Number(event.params.id) }, admin.id);
		return result.ok
			? { action: 'revoke', done: 'Đã thu hồi vai trò.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'revoke' });
	}
};
