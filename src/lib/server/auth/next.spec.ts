import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

const ORIGIN = 'http://localhost:4310';

/** What the login page reads from its own address, e.g. `/login?next=<raw>`. */
function fromQuery(raw: string): string | null {
	return new URLSearchParams(`next=${raw}`).get('next');
}

/** A path a browser would follow to our own site, whatever surrounds it, and that Node will put in a header. */
function staysHome(result: string): boolean {
	return (
		/^\/(?![/\\])[\x21-\x7e]*$/.test(result) &&
		new URL(result, ORIGIN).origin === ORIGIN &&
		new URL(result, `${ORIGIN}/login?next=x`).origin === ORIGIN
	);
}

// Pieces attackers combine: separators, dot segments, schemes, encoded and raw control characters, spaces.
const hostilePiece = fc.constantFrom(
	'/',
	'\\',
	'.',
	'..',
	'%2e',
	'%2F',
	'%5C',
	'%09',
	'%0a',
	'\t',
	'\n',
	'\r',
	'\0',
	' ',
	'\u00a0',
	'\u3000',
	'\u200b',
	'\u2028',
	'@',
	':',
	'?',
	'#',
	'evil.example',
	'example.org',
	'https:',
	'javascript:',
	'tệp',
	'\ud800',
	'[::1'
);
const hostileNext = fc.oneof(
	fc.array(hostilePiece, { maxLength: 8 }).map((parts) => parts.join('')),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ maxLength: 40 }).map((s) => `/${s}`),
	fc.webUrl({ withQueryParameters: true, withFragments: true }),
	fc.webPath()
);

describe('safeNext', () => {
	it('gives back "/" or a path on our own site, for any string, and is stable on its own answer', () => {
		fc.assert(
			fc.property(hostileNext, (next) => {
				const result = safeNext(next, ORIGIN);
				expect(result === '/' || staysHome(result)).toBe(true);
				expect(safeNext(result, ORIGIN)).toBe(result);
			}),
			{ numRuns: 5000 }
		);
	});

	it('gives back "/" or a path on our own site for any value read from the query string', () => {
		fc.assert(
			fc.property(hostileNext, (raw) => {
				const result = safeNext(fromQuery(encodeURI(raw.replace(/[\ud800-\udfff]/g, ''))), ORIGIN);
				expect(result === '/' || staysHome(result)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it.each([
		['/%09/example.org', '/'],
		['/%0a/example.org', '/'],
		['/%0d/example.org', '/'],
		['/%0d%0aSet-Cookie:x', '/'],
		['//evil', '/'],
		['%2F%2Fevil', '/'],
		['/\\evil', '/'],
		['/%5Cevil', '/'],
		['/.//evil', '/'],
		['/%2e%2e//evil', '/'],
		['/a/..//evil', '/'],
		['/./%5Cevil', '/'],
		['https://evil', '/'],
		['http:/evil', '/'],
		[`${ORIGIN}/sheets`, '/'],
		['javascript:alert(1)', '/'],
		['/%20/evil', '/'],
		['%20/sheets', '/'],
		['/%E2%80%8B/evil', '/'],
		['/%5C[::1', '/'],
		['', '/'],
		['/tệp', '/t%E1%BB%87p'],
		['/t%E1%BB%87p', '/t%E1%BB%87p'],
		['/sheets', '/sheets'],
		['/units/12?year=2026', '/units/12?year=2026'],
		['/account%3Fchanged%3D1', '/account?changed=1']
	])('reads next=%s as %s', (raw, expected) => {
		expect(safeNext(fromQuery(raw), ORIGIN)).toBe(expected);
	});

	it('answers "/" when there is no next at all, or one too long to be a real page', () => {
		expect(safeNext(null, ORIGIN)).toBe('/');
		expect(safeNext(undefined, ORIGIN)).toBe('/');
		expect(safeNext(`/${'a'.repeat(2000)}`, ORIGIN)).toBe('/');
	});

	it('keeps a path of exactly 2000 characters, the longest it accepts', () => {
		const longest = `/${'a'.repeat(1999)}`;
		expect(safeNext(longest, ORIGIN)).toBe(longest);
	});

	it('answers "/" when the origin it is given cannot be read as an address', () => {
		expect(safeNext('/sheets', 'not an origin')).toBe('/');
	});
});
