import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** Puts the session token in an HttpOnly, SameSite=Lax cookie; Secure whenever the site is served over https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
