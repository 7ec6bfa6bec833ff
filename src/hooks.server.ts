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

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

/** A broken form body (a truncated multipart boundary, say) is the sender's fault: 400, not a crash in the action. */
const wellFormedForms: Handle = async ({ event, resolve }) => {
	const type = event.request.headers.get('content-type') ?? '';
	if (UNSAFE_METHODS.has(event.request.method) && FORM_TYPES.test(type)) {
		try {
			await event.request.clone().formData();
		} catch {
			return plain(400, 'Biểu mẫu gửi lên bị hỏng hoặc không đọc được. Vui lòng tải lại trang và gửi lại.');
		}
	}
	return resolve(event);
};

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
	return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

// The default CSP of SvelteKit's own static error page, which our kit.csp does not reach.
const FALLBACK_CSP =
	"default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Common security headers on every response, and Vietnamese words for the framework's own refusals. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	if (response.status === 405) {
		response = plain(405, 'Phương thức này không được hỗ trợ ở địa chỉ này.', {
			allow: response.headers.get('allow') ?? ''
		});
	}
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-content-type-options', 'nosniff');
	if (
		(response.headers.get('content-type') ?? '').startsWith('text/html') &&
		!response.headers.has('content-security-policy')
	) {
		response.headers.set('content-security-policy', FALLBACK_CSP);
	}
	return response;
};

export const handle = sequence(securityHeaders, sameOrigin, wellFormedForms, authenticate, forcePasswordChange);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message: 'Không tìm thấy trang bạn cần.' };
	if (status === 413) return { message: 'Dữ liệu gửi lên quá lớn.' };
	if (status === 415) return { message: 'Kiểu dữ liệu gửi lên không được hỗ trợ.' };
	if (status === 405) return { message: 'Phương thức này không được hỗ trợ ở địa chỉ này.' };
	console.error(error);
	return { message: status >= 500 ? 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau ít phút.' : message };
};
