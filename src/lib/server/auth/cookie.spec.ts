// The session cookie's attributes, as SvelteKit is asked to write them (a recording Cookies: the HTTP edge,
// not the data layer).
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { deleteSessionCookie, setSessionCookie } from './cookie';
import { SESSION_COOKIE } from './session';

type Call = { op: 'set' | 'delete'; name: string; value?: string; options: Parameters<Cookies['delete']>[1] };

function recordingCookies(calls: Call[]): Cookies {
	return {
		get: () => undefined,
		getAll: () => [],
		set: (name, value, options) => void calls.push({ op: 'set', name, value, options }),
		delete: (name, options) => void calls.push({ op: 'delete', name, options }),
		serialize: () => ''
	};
}

const expiresAt = new Date('2026-12-31T00:00:00Z');

describe('the session cookie', () => {
	it('is HttpOnly, SameSite=Lax, for the whole site, until the session expires; Secure over https', () => {
		const calls: Call[] = [];
		setSessionCookie(recordingCookies(calls), new URL('https://tusoi.example.vn/login'), 'token-1', expiresAt);
		expect(calls).toEqual([
			{
				op: 'set',
				name: SESSION_COOKIE,
				value: 'token-1',
				options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires: expiresAt }
			}
		]);
	});

	it('is not Secure over plain http (a local install), so the browser keeps it', () => {
		const calls: Call[] = [];
		setSessionCookie(recordingCookies(calls), new URL('http://localhost:3000/login'), 'token-2', expiresAt);
		expect(calls[0].options.secure).toBe(false);
	});

	it('is removed with the same attributes it was set with', () => {
		const calls: Call[] = [];
		const cookies = recordingCookies(calls);
		deleteSessionCookie(cookies, new URL('https://tusoi.example.vn/logout'));
		deleteSessionCookie(cookies, new URL('http://localhost:3000/logout'));
		expect(calls).toEqual([
			{ op: 'delete', name: SESSION_COOKIE, options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true } },
			{ op: 'delete', name: SESSION_COOKIE, options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false } }
		]);
	});
});
