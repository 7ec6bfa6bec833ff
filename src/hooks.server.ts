import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { startUp } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startUp();
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses a write that comes from another site (CSRF), with a message in Vietnamese. */
const sameOrigin: Handle = async ({ event, resolve }) => {
	if (UNSAFE_METHODS.has(event.request.method) && event.request.headers.get('origin') !== event.url.origin) {
		return new Response('Yêu cầu bị từ chối: biểu mẫu được gửi từ một trang web khác.', {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

/** Looks up the session from the cookie's token and slides its expiry. */
const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const found = validateSessionToken(getDb(), token);
		if (found) {
			event.locals.user = found.user;
			event.locals.sessionId = found.sessionId;
			setSessionCookie(event.cookies, event.url, token, found.expiresAt);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const PASSWORD_PAGE = '/account/password';

/** A temporary password must be replaced before anything else is opened. */
const forcePasswordChange: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	const path = event.url.pathname;
	if (user?.mustChangePassword && path !== PASSWORD_PAGE && path !== '/logout' && !path.startsWith('/_app/')) {
		redirect(303, PASSWORD_PAGE);
	}
	return resolve(event);
};

/** Common security headers on every response. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-content-type-options', 'nosniff');
	return response;
};

export const handle = sequence(securityHeaders, sameOrigin, authenticate, forcePasswordChange);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message: 'Không tìm thấy trang bạn cần.' };
	console.error(error);
	return { message: status >= 500 ? 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau ít phút.' : message };
};
