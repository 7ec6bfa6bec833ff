import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { deactivateMember, transferMember, updateMemberDetails } from '$lib/server/admin/members';
import { memberForAdmin, openChapters } from '$lib/server/db/queries/members';
import { memberDetailsSchema, moveMemberSchema } from '$lib/schemas/admin';
import { parseForm, refusalErrors, refuse } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	const db = getDb();
	const found = memberForAdmin(db, Number(event.params.id));
	if (!found) error(404, 'Không tìm thấy đảng viên.');
	return { ...found, chapters: openChapters(db), today: todayIso() };
};

export const actions: Actions = {
	update: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(memberDetailsSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'update' });
		const result = updateMemberDetails(getDb(), Number(event.params.id), parsed.data, admin.id);
		return result.ok
			? { action: 'update', done: 'Đã lưu.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'update' });
	},
	move: async (event) => {
		const admin = requireAdmin(event);
		const parsed = parseForm(moveMemberSchema, await event.request.formData());
		if (!parsed.ok) return refuse(400, parsed.values, parsed.errors, { action: 'move' });
		const result = transferMember(
			getDb(),
			Number(event.params.id),
			parsed.data.chapterId,
			parsed.data.onDate,
			admin.id
		);
		return result.ok
			? { action: 'move', done: 'Đã chuyển sinh hoạt.' }
			: refuse(400, parsed.values, refusalErrors(result), { action: 'move' });
	},
	deactivate: async (event) => {
		const admin = requireAdmin(event);
		const result = deactivateMember(getDb(), Number(event.params.id), todayIso(), admin.id);
		return result.ok
			? { action: 'deactivate', done: 'Đã ngừng tài khoản.' }
			: refuse(400, {}, refusalErrors(result), { action: 'deactivate' });
	}
};
