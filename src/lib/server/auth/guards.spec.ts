import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireUser } from './guards';

/** Where requireUser sends a visitor who is not signed in and asks for `url`. */
function signInRedirect(url: string): string {
	try {
		requireUser({ locals: { user: null, sessionId: null }, url: new URL(url) });
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
	throw new Error('expected a redirect');
}

describe('requireUser', () => {
	it('sends a visitor to sign in and back to the page asked for', () => {
		expect(signInRedirect('http://localhost:4310/sheets')).toBe('/login?next=%2Fsheets');
		expect(signInRedirect('http://localhost:4310/units/3?year=2026')).toBe('/login?next=%2Funits%2F3%3Fyear%3D2026');
	});

	it('never puts a path that leaves the site into next', () => {
		expect(signInRedirect('http://localhost:4310//evil.example/x')).toBe('/login');
		expect(signInRedirect('http://localhost:4310/.//evil.example')).toBe('/login');
		expect(signInRedirect('http://localhost:4310/')).toBe('/login');
	});
});
