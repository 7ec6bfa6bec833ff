import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/types';
import { acceptsContentType, BODY_CAP, bodyCapFor, fitsWithin } from './edge';

const person = (grants: AuthUser['grants']): AuthUser => ({
	id: 1,
	username: 'a',
	fullName: 'A',
	mustChangePassword: false,
	chapterId: null,
	targetGroup: null,
	grants
});
const admin = person([{ role: 'admin', unitId: 1, unitPath: '/1/' }]);
const secretary = person([{ role: 'secretary', unitId: 3, unitPath: '/1/3/' }]);

describe('acceptsContentType', () => {
	it('takes forms at form actions and JSON under /api, with or without parameters', () => {
		expect(acceptsContentType('/login', 'application/x-www-form-urlencoded')).toBe(true);
		expect(acceptsContentType('/admin/import', 'multipart/form-data; boundary=x')).toBe(true);
		expect(acceptsContentType('/api/sheets/1', 'application/json')).toBe(true);
		expect(acceptsContentType('/api/sheets/1', 'application/json; charset=utf-8')).toBe(true);
	});

	it('refuses any other type, none, and a form type that only starts like one', () => {
		for (const type of ['text/plain', 'application/json', '', null, 'multipart/form-datax', 'text/html'])
			expect(acceptsContentType('/sheets/1', type)).toBe(false);
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', null, 'application/jsonp'])
			expect(acceptsContentType('/api/sheets/1', type)).toBe(false);
	});
});

describe('bodyCapFor', () => {
	it('lifts the cap only for an administrator on the member import', () => {
		expect(bodyCapFor('/admin/import', admin)).toBe(Infinity);
		expect(bodyCapFor('/admin/import', secretary)).toBe(BODY_CAP);
		expect(bodyCapFor('/admin/import', null)).toBe(BODY_CAP);
		expect(bodyCapFor('/admin/templates', admin)).toBe(BODY_CAP);
		expect(bodyCapFor('/login', null)).toBe(BODY_CAP);
	});
});

/** A body that never ends, counting what was pulled from it. */
function endless(chunk: number) {
	const pulled = { bytes: 0 };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			pulled.bytes += chunk;
			controller.enqueue(new Uint8Array(chunk));
		}
	});
	return { stream, pulled };
}

describe('fitsWithin', () => {
	it('stops reading a body that never ends soon after the cap', async () => {
		const { stream, pulled } = endless(16_384);
		expect(await fitsWithin(stream, 100_000)).toBe(false);
		expect(pulled.bytes).toBeLessThan(100_000 + 3 * 16_384);
	});

	it('stops reading a copy, leaving what it read for the original (a cloned request body)', async () => {
		const { stream } = endless(1_000);
		const [copy, original] = stream.tee();
		expect(await fitsWithin(copy, 10_000)).toBe(false);
		const reader = original.getReader();
		expect((await reader.read()).value?.byteLength).toBe(1_000);
	});

	it('accepts a body at the cap, and no body', async () => {
		expect(await fitsWithin(new Response(new Uint8Array(10_000)).body, 10_000)).toBe(true);
		expect(await fitsWithin(new Response(new Uint8Array(10_001)).body, 10_000)).toBe(false);
		expect(await fitsWithin(null, 10)).toBe(true);
	});
});
