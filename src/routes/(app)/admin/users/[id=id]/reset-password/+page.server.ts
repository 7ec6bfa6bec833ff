import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import { findUserById } from '$lib/server/db/queries/users';
import { resetPassword } from '$lib/server/admin/members';
import { refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

function accountOf(id: string) {
	const userId = Number(id);
	const account = Number.isSafeInteger(userId) ? findUserById(getDb(), userId) : undefined;
	if (!account) error(404, 'Không tìm thấy tài khoản.');
	return account;
}

export const load: PageServerLoad = (event) => {
	const admin = requireAdmin(event);
	const account = accountOf(event.params.id);
	return {
		account: { id: account.id, username: account.username, fullName: account.fullName, active: account.active },
		isSelf: account.id === admin.id
	};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const account = accountOf(event.params.id);
		// Resetting one's own password would sign this administrator out mid-task; the account page is the way.
		if (account.id === admin.id) return refuse(400, {}, { form: 'Hãy đổi mật khẩu của chính bạn ở trang Tài khoản.' });
		const password = await resetPassword(getDb(), account.id, admin.id);
		if (!password) error(404, 'Không tìm thấy tài khoản.');
		// Shown once, in this response only: no redirect, and no cache may keep it.
		event.setHeaders({ 'cache-control': 'no-store' });
		return { password };
	}
};
