import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { attemptSignIn } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeNext } from '$lib/server/auth/next';
import { waitText } from '$lib/server/auth/throttle';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { loginSchema } from '$lib/schemas/auth';
import { fieldErrors, formFields, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

// Public page: anyone may try to sign in.

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData(), ['username', 'password']);
		const values = { username: (fields.username ?? '').slice(0, 200) };
		const parsed = loginSchema.safeParse(fields);
		if (!parsed.success) return refuse(400, values, fieldErrors(parsed.error));

		const db = getDb();
		const result = await attemptSignIn(db, { ...parsed.data, address: event.getClientAddress() });
		if (!result.ok) {
			// A waiting attempt is told how long to wait; its password was not even checked.
			if (result.reason === 'throttled') event.setHeaders({ 'retry-after': String(Math.ceil(result.waitMs / 1000)) });
			const form =
				result.reason === 'throttled'
					? `Đăng nhập sai quá nhiều lần. Vui lòng đợi ${waitText(result.waitMs)} rồi thử lại.`
					: 'Tên đăng nhập hoặc mật khẩu không đúng.';
			return refuse(result.reason === 'throttled' ? 429 : 400, values, { form });
		}

		const token = generateSessionToken();
		const expiresAt = createSession(db, token, result.userId);
		setSessionCookie(event.cookies, event.url, token, expiresAt);
		redirect(
			303,
			result.mustChangePassword ? '/account/password' : safeNext(event.url.searchParams.get('next'), event.url.origin)
		);
	}
};
