import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_COMPRESS_BYTES, compressResponse, pickEncoding } from './compress';

const page = '<!doctype html><p>Phiếu tự soi, tự sửa</p>'.repeat(200);
const get = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://localhost/sheets/1', {
		method,
		headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
	});
const html = (body = page, headers: Record<string, string> = {}) =>
	new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('pickEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0 and *', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, deflate')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding('*')).toBe('br');
		expect(pickEncoding('*, br;q=0')).toBe('gzip');
		expect(pickEncoding(null)).toBeNull();
		expect(pickEncoding('')).toBeNull();
	});
});

describe('compressResponse', () => {
	it('sends a page in brotli when accepted, which decodes to the same bytes', async () => {
		const answer = await compressResponse(get('gzip, br'), html(page, { 'set-cookie': 'a=1', 'x-test': 'kept' }));
		expect(answer.headers.get('content-encoding')).toBe('br');
		expect(answer.headers.get('vary')).toMatch(/accept-encoding/i);
		expect(answer.headers.get('x-test')).toBe('kept');
		expect(answer.headers.getSetCookie()).toEqual(['a=1']);
		const bytes = Buffer.from(await answer.arrayBuffer());
		expect(Number(answer.headers.get('content-length'))).toBe(bytes.length);
		expect(bytes.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);
	});

	it('sends gzip to a client without brotli, and keeps the status', async () => {
		const answer = await compressResponse(
			get('gzip'),
			new Response(JSON.stringify({ items: page }), { status: 400, headers: { 'content-type': 'application/json' } })
		);
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-encoding')).toBe('gzip');
		expect(JSON.parse(gunzipSync(Buffer.from(await answer.arrayBuffer())).toString())).toEqual({ items: page });
	});

	it('leaves alone what it should not touch: no accept-encoding, a small body, a PDF, HEAD, an encoded body', async () => {
		const plain = await compressResponse(get(), html());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
		expect(await plain.text()).toBe(page);

		const small = 'x'.repeat(MIN_COMPRESS_BYTES - 1);
		const tiny = await compressResponse(get('br'), html(small));
		expect(tiny.headers.get('content-encoding')).toBeNull();
		expect(await tiny.text()).toBe(small);

		const pdf = new Response(page, { headers: { 'content-type': 'application/pdf' } });
		expect(await compressResponse(get('br'), pdf)).toBe(pdf);
		const head = html();
		expect(await compressResponse(get('br', 'HEAD'), head)).toBe(head);
		const encoded = html(page, { 'content-encoding': 'gzip' });
		expect(await compressResponse(get('br'), encoded)).toBe(encoded);
		// An autosave's answer declares its small length: passed on unread. `/health`'s plain "ok" likewise.
		const saved = Response.json({ revision: 3, savedAt: 1 }, { headers: { 'content-length': '27' } });
		expect(await compressResponse(get('br'), saved)).toBe(saved);
		const ok = new Response('ok'.repeat(1000), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
		expect(await compressResponse(get('br'), ok)).toBe(ok);
	});
});
