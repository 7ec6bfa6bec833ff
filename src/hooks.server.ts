import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { startUp } from '$lib/server/startup';
import { env } from '$env/dynamic/private';
import { acceptsContentType, bodyCapFor, fitsWithin, isApiPath } from '$lib/server/http/edge';
import { compressResponse } from '$lib/server/http/compress';

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

/** Looks up the session from the cookie's token and slides its expiry (and the cookie's with it). */
const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const found = validateSessionToken(getDb(), token);
		if (found) {
			event.locals.user = found.user;
			event.locals.sessionId = found.sessionId;
			// The cookie expires with the session; it is sent again only when the session's expiry moved.
			if (found.renewed) setSessionCookie(event.cookies, event.url, token, found.expiresAt);
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

/** A write whose body its address does not read (text/plain to a form action, a form to /api, none at all): 415. */
const knownContentType: Handle = async ({ event, resolve }) => {
	const { method, body, headers } = event.request;
	// A POST is always read; a PUT or DELETE without a body is left to the 405 of an address without it.
	const read = method === 'POST' || (UNSAFE_METHODS.has(method) && body !== null);
	if (read && !acceptsContentType(event.url.pathname, headers.get('content-type'))) {
		return refusal(event, 415, 'Kiểu dữ liệu gửi lên không được hỗ trợ.');
	}
	return resolve(event);
};

/**
 * A body over the cap is refused before it is read: from its Content-Length, or, sent in chunks, by reading
 * a copy that stops at the cap (what is read stays buffered for the route, so at most the cap is held).
 * Runs after the session is checked, since only an administrator's member import may be large; that one is
 * bounded by adapter-node's BODY_SIZE_LIMIT instead.
 */
const boundedBody: Handle = async ({ event, resolve }) => {
	const cap = bodyCapFor(event.url.pathname, event.locals.user);
	if (cap === Infinity) return resolve(event);
	const declared = Number(event.request.headers.get('content-length') ?? NaN);
	if (declared > cap) return tooLarge(event);
	if (UNSAFE_METHODS.has(event.request.method) && !Number.isFinite(declared) && event.request.body) {
		let fits: boolean;
		try {
			fits = await fitsWithin(event.request.clone().body, cap);
		} catch {
			return refusal(event, 400, BROKEN_BODY);
		}
		if (!fits) return tooLarge(event);
	}
	return resolve(event);
};

const tooLarge = (event: RequestEvent) =>
	// The rest of the body is never read: close the connection rather than drain it.
	refusal(event, 413, 'Dữ liệu gửi lên quá lớn.', { connection: 'close' });

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;
const BROKEN_BODY = 'Biểu mẫu gửi lên bị hỏng hoặc không đọc được. Vui lòng tải lại trang và gửi lại.';

/** A broken form body (a truncated multipart boundary, say) is the sender's fault: 400, not a crash in the action. */
const wellFormedForms: Handle = async ({ event, resolve }) => {
	const type = event.request.headers.get('content-type') ?? '';
	if (UNSAFE_METHODS.has(event.request.method) && FORM_TYPES.test(type)) {
		try {
			await event.request.clone().formData();
		} catch {
			return refusal(event, 400, BROKEN_BODY);
		}
	}
	return resolve(event);
};

/**
 * A refusal in the shape its sender reads: the action result a form with use:enhance expects, JSON with a
 * message for the endpoints, plain text for a browser posting without JavaScript.
 */
function refusal(event: RequestEvent, status: number, message: string, headers: Record<string, string> = {}): Response {
	if (event.request.headers.get('x-sveltekit-action') === 'true')
		return Response.json({ type: 'error', error: { message } }, { status, headers });
	if (isApiPath(event.url.pathname)) return Response.json({ message }, { status, headers });
	return plain(status, message, headers);
}

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
	return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

// The default CSP of SvelteKit's own static error page, which our kit.csp does not reach.
const FALLBACK_CSP =
	"default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Downloads carry a person's answers and ratings whoever asks for them.
const DOWNLOAD_TYPES = /^(application\/pdf|text\/csv|application\/vnd\.openxmlformats)/i;
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Common security headers on every response, and Vietnamese words for the framework's own refusals.
 * Nothing shown to a signed-in user, and no download, may be kept by a browser or a proxy: a shared
 * computer's back button or a cache would show it to the next person. HSTS only when the public address
 * is https: sent from a plain-http origin it would lock a browser out of a server that has no TLS.
 */
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
	const personal = event.locals.user || DOWNLOAD_TYPES.test(response.headers.get('content-type') ?? '');
	// A response that marks itself immutable (a questionnaire at its digest's address) holds nothing personal.
	const shared = (response.headers.get('cache-control') ?? '').includes('immutable');
	if (personal && !shared && !event.url.pathname.startsWith('/_app/immutable/'))
		response.headers.set('cache-control', 'no-store');
	if (env.ORIGIN?.startsWith('https://')) response.headers.set('strict-transport-security', HSTS);
	return response;
};

/** Pages and JSON leave compressed (brotli or gzip), whatever answered them: the app needs no proxy for it. */
const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

export const handle = sequence(
	compress,
	securityHeaders,
	sameOrigin,
	knownContentType,
	authenticate,
	forcePasswordChange,
	boundedBody,
	wellFormedForms
);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message: 'Không tìm thấy trang bạn cần.' };
	if (status === 413) return { message: 'Dữ liệu gửi lên quá lớn.' };
	if (status === 415) return { message: 'Kiểu dữ liệu gửi lên không được hỗ trợ.' };
	if (status === 405) return { message: 'Phương thức này không được hỗ trợ ở địa chỉ này.' };
	console.error(error);
	return { message: status >= 500 ? 'Đã có lỗi ở máy chủ. Vui lòng thử lại sau ít phút.' : message };
};
