import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	redirect(303, '/');
};

export const actions: Actions = {
	default: (event) => {
		requireUser(event);
		if (event.locals.sessionId) invalidateSession(getDb(), event.locals.sessionId);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	}
};
