import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/auth/change-password';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { changePasswordSchema } from '$lib/schemas/auth';
import { fieldErrors, formFields, refusalErrors, refuse } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { mustChange: user.mustChangePassword, username: user.username };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const fields = formFields(await event.request.formData(), ['currentPassword', 'newPassword', 'confirmPassword']);
		const parsed = changePasswordSchema.safeParse(fields);
		if (!parsed.success) return refuse(400, {}, fieldErrors(parsed.error));

		const result = await changePassword(getDb(), user.id, { ...parsed.data, address: event.getClientAddress() });
		if (!result.ok) {
			// Nothing typed here is sent back: every field is a password.
			return refuse(result.throttled ? 429 : 400, {}, refusalErrors(result));
		}
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, '/account?changed=1');
	}
};
