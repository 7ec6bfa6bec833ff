import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { hashPassword } from '$lib/server/auth/password';
import { createMemberByAdmin, openChapters } from '$lib/server/db/queries/member-admin';
import { findUserByUsername } from '$lib/server/db/queries/users';
import { findUnit } from '$lib/server/db/queries/units';
import { generateTemporaryPassword } from '$lib/server/import/members';
import { newMemberSchema } from '$lib/schemas/admin';
import { fieldErrors } from '$lib/schemas/form';
import { todayIso } from '$lib/domain/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { chapters: openChapters(getDb()), chapterId: Number(event.url.searchParams.get('chapter')) || null };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const db = getDb();
		const values = Object.fromEntries(await event.request.formData());
		const parsed = newMemberSchema.safeParse(values);
		const shown = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : '']));
		if (!parsed.success) return fail(400, { values: shown, errors: fieldErrors(parsed.error) });
		if (findUserByUsername(db, parsed.data.username)) return fail(400, { values: shown, errors: { username: 'Tên đăng nhập này đã có người dùng.' } as Record<string, string> });
		const chapter = findUnit(db, parsed.data.chapterId);
		if (!chapter || !openChapters(db).some((c) => c.id === chapter.id)) return fail(400, { values: shown, errors: { chapterId: 'Hãy chọn một chi bộ đang hoạt động.' } as Record<string, string> });
		const password = generateTemporaryPassword();
		const passwordHash = await hashPassword(password);
		const id = createMemberByAdmin(db, { ...parsed.data, passwordHash, mustChangePassword: true, joinedOn: todayIso() }, admin.id);
		return { created: { id, username: parsed.data.username, fullName: parsed.data.fullName, password } };
	}
};
