// Security headers on every page of the built server, cross-site form posts refused, and every other
// session of a user ended when their password changes. Also what the edge refuses before a route runs:
// bodies of the wrong kind or over the cap; and that no GET writes and nothing personal is cached.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signsForGroup, type TargetGroup, type TemplateContent } from '../../src/lib/domain/template';
import {
	DEMO_PASSWORD,
	openCurrentSheet,
	readDb,
	request,
	sessionCookieOf,
	changedTables,
	snapshotDb,
	signIn,
	startServer,
	tempDir,
	VIETNAMESE,
	type Answer,
	type RunningServer
} from '../helpers/server';

const temp = tempDir('tusoi-headers-');
const dbFile = `${temp.dir}/headers.db`;
let server: RunningServer;
const cookies = {} as Record<'member' | 'secretary' | 'committee' | 'admin', string>;
let ids: {
	root: number;
	chapter: number;
	submitted: number;
	period: number;
	template: number;
	memberId: number;
	sheet: number;
};

beforeAll(async () => {
	server = await startServer(dbFile);
	cookies.member = await signIn(server, 'dangvien001');
	cookies.secretary = await signIn(server, 'bithu01');
	cookies.committee = await signIn(server, 'capuy');
	cookies.admin = await signIn(server, 'quantri');
	const sheet = await openCurrentSheet(server, cookies.member);
	ids = readDb(dbFile, (db) => {
		const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { id: number }).id;
		const chapter = one(
			"select rg.unit_id as id from role_grant rg join user u on u.id = rg.user_id where u.username = 'bithu01' and rg.role = 'secretary'"
		);
		return {
			root: one('select id from unit where parent_id is null'),
			chapter,
			submitted: one("select id from sheet where chapter_id = ? and status = 'submitted' order by id limit 1", chapter),
			period: one('select id from period where closed_at is null order by id desc limit 1'),
			template: one('select id from template_version order by id limit 1'),
			memberId: one("select id from user where username = 'dangvien001'"),
			sheet
		};
	});
}, 60_000);

afterAll(async () => {
	await server?.stop();
	temp.remove();
});

/** A directive of a Content-Security-Policy header, as its list of sources. */
function directive(csp: string, name: string): string[] | undefined {
	const found = csp
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.find(([n]) => n === name);
	return found?.slice(1);
}

/** What is missing from an HTML page's security headers, or nothing. */
function headerProblems(answer: Answer): string[] {
	const problems: string[] = [];
	const csp = answer.headers.get('content-security-policy');
	if (!csp) return ['no Content-Security-Policy header'];
	if (directive(csp, 'frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is not 'none': ${csp}`);
	const scripts = directive(csp, 'script-src');
	if (!scripts) problems.push('no script-src');
	else if (scripts.includes("'unsafe-inline'") || scripts.includes("'unsafe-eval'") || scripts.includes('*'))
		problems.push(`script-src too wide: ${scripts.join(' ')}`);
	if (directive(csp, 'object-src')?.join(' ') !== "'none'") problems.push("object-src is not 'none'");
	// Every inline script runs only through the nonce the policy names.
	const nonces = new Set((scripts ?? []).filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1)));
	for (const tag of answer.text.match(/<script\b[^>]*>/g) ?? []) {
		const nonce = /\bnonce="([^"]+)"/.exec(tag)?.[1];
		if (!/\bsrc=/.test(tag) && (!nonce || !nonces.has(nonce)))
			problems.push(`inline script without the policy's nonce: ${tag}`);
	}
	const referrer = answer.headers.get('referrer-policy');
	if (
		!referrer ||
		!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)
	)
		problems.push(`referrer-policy: ${referrer}`);
	if (answer.headers.get('x-content-type-options') !== 'nosniff') problems.push('no x-content-type-options: nosniff');
	return problems;
}

describe('security headers', () => {
	it('are on every HTML page, for every role, error pages included', async () => {
		const pages: [keyof typeof cookies | null, string, number][] = [
			[null, '/login', 200],
			[null, '/khong-co-trang-nay', 404],
			['member', `/sheets/${ids.sheet}`, 200],
			['member', `/sheets/${ids.sheet}/print`, 200],
			['member', '/sheets', 200],
			['member', '/signs', 200],
			['member', '/account', 200],
			['member', '/account/password', 200],
			['member', '/admin', 403],
			['member', '/sheets/999999', 404],
			['secretary', `/chapters/${ids.chapter}`, 200],
			['secretary', `/chapters/${ids.chapter}/sheets/${ids.submitted}`, 200],
			['secretary', `/chapters/${ids.chapter}/sheets/${ids.submitted}/print`, 200],
			['secretary', `/chapters/${ids.chapter}/print`, 200],
			['secretary', `/chapters/${ids.chapter}/summary/print`, 200],
			['committee', `/units/${ids.root}`, 200],
			['admin', '/sheets', 403],
			['admin', '/sheets/current', 403],
			['committee', '/sheets', 403],
			['admin', '/admin', 200],
			['admin', `/admin/units/${ids.root}`, 200],
			['admin', `/admin/members/${ids.memberId}`, 200],
			['admin', '/admin/members/new', 200],
			['admin', '/admin/periods', 200],
			['admin', `/admin/periods/${ids.period}`, 200],
			['admin', '/admin/signs', 200],
			['admin', '/admin/templates', 200],
			['admin', `/admin/templates/${ids.template}`, 200],
			['admin', '/admin/import', 200],
			['admin', '/admin/audit', 200],
			['admin', `/admin/users/${ids.memberId}/reset-password`, 200]
		];
		const wrong: string[] = [];
		for (const [who, path, status] of pages) {
			const answer = await request(server, path, {
				cookie: who ? cookies[who] : null,
				headers: { accept: 'text/html' }
			});
			const problems = [
				...(answer.status === status ? [] : [`status ${answer.status}, expected ${status}`]),
				...(answer.contentType.startsWith('text/html')
					? headerProblems(answer)
					: [`content type ${answer.contentType}`])
			];
			if (problems.length > 0) wrong.push(`${who ?? 'anonymous'} ${path}: ${problems.join('; ')}`);
		}
		expect(wrong).toEqual([]);
	}, 30_000);

	// An endpoint's error asked for as HTML (a download link that fails) is SvelteKit's static error page,
	// which kit.csp does not cover; hooks.server.ts sets a strict policy on any HTML response without one.
	it("are on SvelteKit's static error page too (an endpoint's error asked for as HTML)", async () => {
		const answer = await request(server, '/chapters/999999/export.csv', {
			cookie: cookies.secretary,
			headers: { accept: 'text/html' }
		});
		expect(answer.status).toBe(404);
		expect(answer.contentType).toMatch(/^text\/html/);
		expect(headerProblems(answer)).toEqual([]);
	});

	it('forbid sniffing and set a referrer policy on downloads and JSON too', async () => {
		const answers = [
			await request(server, `/sheets/${ids.sheet}/report.pdf`, { cookie: cookies.member }),
			await request(server, `/chapters/${ids.chapter}/export.csv`, { cookie: cookies.secretary }),
			await request(server, `/units/${ids.root}/export.xlsx`, { cookie: cookies.committee }),
			await request(server, `/admin/templates/${ids.template}/export`, { cookie: cookies.admin }),
			await request(server, `/api/sheets/${ids.sheet}`, {
				method: 'POST',
				cookie: cookies.member,
				headers: { 'content-type': 'application/json' },
				body: '{}'
			})
		];
		for (const answer of answers) {
			expect(answer.status).toBeLessThan(500);
			expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
			expect(answer.headers.get('referrer-policy')).toBe('same-origin');
		}
	}, 30_000);
});

describe('a cross-site form post', () => {
	const foreignOrigins = ['http://evil.example', 'null', `${'http://localhost'}.evil.example`, 'https://localhost'];

	function expectRefused(answer: Answer) {
		expect(answer.status).toBe(403);
		expect(answer.text).toMatch(VIETNAMESE);
		expect(answer.headers.getSetCookie()).toEqual([]);
	}

	it('to sign in is refused with a Vietnamese message and sets no cookie', async () => {
		for (const origin of [...foreignOrigins, null]) {
			const answer = await request(server, '/login', {
				method: 'POST',
				origin,
				headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: `username=dangvien002&password=${DEMO_PASSWORD}`
			});
			expectRefused(answer);
		}
		const sessions = readDb(
			dbFile,
			(db) =>
				db
					.prepare(
						"select count(*) as n from session s join user u on u.id = s.user_id where u.username = 'dangvien002'"
					)
					.get() as { n: number }
		);
		expect(sessions.n).toBe(0);
	});

	it("to a sheet's actions and its autosave is refused and saves nothing", async () => {
		const revision = () =>
			readDb(
				dbFile,
				(db) => (db.prepare('select revision from sheet where id = ?').get(ids.sheet) as { revision: number }).revision
			);
		const before = revision();
		for (const origin of foreignOrigins) {
			for (const action of ['save', 'submit']) {
				expectRefused(
					await request(server, `/sheets/${ids.sheet}?/${action}`, {
						method: 'POST',
						origin,
						cookie: cookies.member,
						headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
						body: `revision=${before}&strengths=Gửi+từ+trang+khác`
					})
				);
			}
			expectRefused(
				await request(server, `/api/sheets/${ids.sheet}`, {
					method: 'POST',
					origin,
					cookie: cookies.member,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ revision: before, texts: { strengths: 'Gửi từ trang khác' } })
				})
			);
		}
		expect(revision()).toBe(before);
		// A secretary's decision from another site is refused the same way.
		expectRefused(
			await request(server, `/chapters/${ids.chapter}/sheets/${ids.submitted}?/approve`, {
				method: 'POST',
				origin: 'http://evil.example',
				cookie: cookies.secretary,
				headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: 'assessment=&finalRating=tot&reason=Lý+do'
			})
		);
		expect(
			readDb(
				dbFile,
				(db) => (db.prepare('select status from sheet where id = ?').get(ids.submitted) as { status: string }).status
			)
		).toBe('submitted');
	});

	it('to sign out is refused and the session lives on', async () => {
		expectRefused(
			await request(server, '/logout', {
				method: 'POST',
				origin: 'http://evil.example',
				cookie: cookies.member,
				headers: { accept: 'text/html' }
			})
		);
		expect((await request(server, '/account', { cookie: cookies.member })).status).toBe(200);
	});
});

describe('changing a password', () => {
	const account = 'dangvien003';
	const NEW_PASSWORD = 'Mat-khau-moi-2026!';

	it('ends every other session of the user; the new cookie works', async () => {
		const [changer, laptop, phone] = [
			await signIn(server, account),
			await signIn(server, account),
			await signIn(server, account)
		];
		for (const cookie of [changer, laptop, phone])
			expect((await request(server, '/account', { cookie })).status).toBe(200);

		const changed = await request(server, '/account/password', {
			method: 'POST',
			cookie: changer,
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				currentPassword: DEMO_PASSWORD,
				newPassword: NEW_PASSWORD,
				confirmPassword: NEW_PASSWORD
			}).toString()
		});
		expect(changed.status, changed.text.slice(0, 300)).toBe(303);
		expect(changed.headers.get('location')).toBe('/account?changed=1');
		const fresh = sessionCookieOf(changed);
		expect(fresh).not.toBeNull();
		expect([changer, laptop, phone]).not.toContain(fresh);

		for (const old of [changer, laptop, phone]) {
			const page = await request(server, '/account', { cookie: old });
			expect(page.status).toBe(303);
			expect(page.headers.get('location')).toMatch(/^\/login\b/);
			const api = await request(server, `/api/sheets/${ids.sheet}`, {
				method: 'POST',
				cookie: old,
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: '{"revision":0}'
			});
			expect(api.status).toBe(401);
			expect(JSON.parse(api.text).message).toMatch(VIETNAMESE);
		}
		expect((await request(server, '/account', { cookie: fresh })).status).toBe(200);
		const sessions = readDb(
			dbFile,
			(db) =>
				db
					.prepare('select count(*) as n from session s join user u on u.id = s.user_id where u.username = ?')
					.get(account) as { n: number }
		);
		expect(sessions.n).toBe(1);

		// The old password no longer signs in; the new one does.
		await expect(signIn(server, account)).rejects.toThrow();
		expect(await signIn(server, account, NEW_PASSWORD)).toMatch(/^tusoi_session=/);
	});

	it('by an administrator’s reset ends every session of that user too', async () => {
		const target = 'dangvien004';
		const [a, b] = [await signIn(server, target), await signIn(server, target)];
		const userId = readDb(
			dbFile,
			(db) => (db.prepare('select id from user where username = ?').get(target) as { id: number }).id
		);
		const reset = await request(server, `/admin/users/${userId}/reset-password`, {
			method: 'POST',
			cookie: cookies.admin,
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(reset.status).toBe(200);
		for (const old of [a, b])
			expect((await request(server, '/account', { cookie: old })).headers.get('location')).toMatch(/^\/login\b/);
	});
});

describe('caching', () => {
	it('is forbidden for every page behind sign-in and every download; static assets keep theirs', async () => {
		const personal: [keyof typeof cookies, string][] = [
			['member', '/sheets'],
			['member', `/sheets/${ids.sheet}`],
			['member', `/sheets/${ids.sheet}/print`],
			['member', `/sheets/${ids.sheet}/report.pdf`],
			['member', '/account'],
			['member', '/'],
			['secretary', `/chapters/${ids.chapter}`],
			['secretary', `/chapters/${ids.chapter}/export.csv`],
			['secretary', `/chapters/${ids.chapter}/export.xlsx`],
			['secretary', `/chapters/${ids.chapter}/bundle.pdf`],
			['secretary', `/chapters/${ids.chapter}/summary.pdf`],
			['committee', `/units/${ids.root}`],
			['committee', `/units/${ids.root}/export.xlsx`],
			['admin', '/admin'],
			['admin', '/admin/audit'],
			['admin', `/admin/templates/${ids.template}/export`]
		];
		const cached: string[] = [];
		for (const [who, path] of personal) {
			const answer = await request(server, path, { cookie: cookies[who] });
			if (answer.status >= 400 || answer.headers.get('cache-control') !== 'no-store')
				cached.push(`${who} ${path}: ${answer.status}, cache-control ${answer.headers.get('cache-control')}`);
		}
		// A page's data fetched by the client router is personal too.
		const data = await request(server, '/account/__data.json', { cookie: cookies.member });
		if (data.headers.get('cache-control') !== 'no-store') cached.push(`/account/__data.json: ${data.status}`);
		expect(cached).toEqual([]);

		const login = await request(server, '/login');
		const asset = /\/_app\/immutable\/[^"]+\.js/.exec(login.text)?.[0];
		expect(asset).toBeDefined();
		const script = await request(server, asset!);
		expect(script.status).toBe(200);
		expect(script.headers.get('cache-control')).toMatch(/immutable/);
	}, 30_000);

	it('sends no HSTS when the public address is plain http', async () => {
		for (const [who, path] of [
			[null, '/login'],
			['member', '/sheets']
		] as const) {
			const answer = await request(server, path, { cookie: who ? cookies[who] : null });
			expect(answer.headers.get('strict-transport-security')).toBeNull();
		}
	});

	it('sends HSTS on every answer when the public address is https', async () => {
		const httpsTemp = tempDir('tusoi-hsts-');
		const behindProxy = await startServer(`${httpsTemp.dir}/hsts.db`, { env: { ORIGIN: 'https://tusoi.example.vn' } });
		try {
			const member = await signIn(behindProxy, 'dangvien001');
			for (const [cookie, path] of [
				[null, '/login'],
				[null, '/khong-co-trang-nay'],
				[member, '/sheets'],
				[member, '/account']
			] as const) {
				const answer = await request(behindProxy, path, { cookie });
				expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
			}
		} finally {
			await behindProxy.stop();
			httpsTemp.remove();
		}
	}, 60_000);
});

describe('no GET', () => {
	it('makes a sheet: opening this year’s sheet before starting it changes nothing; the Bắt đầu button does', async () => {
		const starter = await signIn(server, 'dangvien013');
		const before = snapshotDb(dbFile);
		for (let i = 0; i < 3; i++) {
			const answer = await request(server, '/sheets/current', { cookie: starter });
			expect([answer.status, answer.headers.get('location')]).toEqual([303, '/sheets']);
		}
		// The member's page, fetched as a hover preload would, offers the button and makes nothing either.
		const page = await request(server, '/sheets', { cookie: starter, headers: { accept: 'text/html' } });
		expect(page.text).toMatch(/<form method="POST" action="\?\/start">[\s\S]*?Bắt đầu làm phiếu năm \d{4}/);
		await request(server, '/sheets/__data.json', { cookie: starter });
		// Sign-in slides the session's expiry, and that is all a GET may write.
		expect(changedTables(before, snapshotDb(dbFile)).filter((t) => t !== 'session')).toEqual([]);

		const started = await openCurrentSheet(server, starter);
		expect(changedTables(before, snapshotDb(dbFile))).toEqual(expect.arrayContaining(['sheet', 'unit_stats']));
		const reopened = await request(server, '/sheets/current', { cookie: starter });
		expect(reopened.headers.get('location')).toBe(`/sheets/${started}`);
		expect(await openCurrentSheet(server, starter)).toBe(started);
	});

	it('to any page or download of any role writes anything but the session', async () => {
		const before = snapshotDb(dbFile);
		const paths: [keyof typeof cookies, string][] = [
			['member', '/sheets/current'],
			['member', '/sheets'],
			['member', `/sheets/${ids.sheet}`],
			['member', `/sheets/${ids.sheet}/report.pdf`],
			['member', '/signs'],
			['member', '/account'],
			['secretary', `/chapters/${ids.chapter}`],
			['secretary', `/chapters/${ids.chapter}/sheets/${ids.submitted}`],
			['secretary', `/chapters/${ids.chapter}/bundle.pdf`],
			['secretary', `/chapters/${ids.chapter}/export.csv`],
			['committee', `/units/${ids.root}`],
			['committee', `/units/${ids.root}/export.xlsx`],
			['admin', '/admin'],
			['admin', `/admin/units/${ids.root}`],
			['admin', `/admin/members/${ids.memberId}`],
			['admin', '/admin/periods'],
			['admin', `/admin/periods/${ids.period}`],
			['admin', '/admin/signs'],
			['admin', '/admin/templates'],
			['admin', `/admin/templates/${ids.template}`],
			['admin', `/admin/templates/${ids.template}/export`],
			['admin', '/admin/import'],
			['admin', '/admin/audit'],
			['admin', `/admin/users/${ids.memberId}/reset-password`]
		];
		for (const [who, path] of paths)
			expect((await request(server, path, { cookie: cookies[who] })).status).toBeLessThan(400);
		expect(changedTables(before, snapshotDb(dbFile)).filter((t) => t !== 'session')).toEqual([]);
	}, 30_000);
});

/**
 * Sends a request's head and `bytes` of its body, declared (Content-Length `declared`) or chunked, and never
 * its end: only a server that answers without waiting for the rest of the body answers at all.
 */
function unfinished(
	path: string,
	options: { bytes: number; declared?: number; cookie?: string; type: string; accept?: string }
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { origin: server.origin, 'content-type': options.type };
		if (options.declared !== undefined) headers['content-length'] = String(options.declared);
		if (options.cookie) headers.cookie = options.cookie;
		if (options.accept) headers.accept = options.accept;
		const req = httpRequest(server.base + path, { method: 'POST', headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				req.destroy();
				const text = Buffer.concat(chunks).toString('utf8');
				const answerHeaders = new Headers(res.headers as Record<string, string>);
				resolve({
					status: res.statusCode ?? 0,
					headers: answerHeaders,
					contentType: answerHeaders.get('content-type') ?? '',
					body: Buffer.concat(chunks),
					text
				});
			});
		});
		req.on('error', () => {}); // the server may close the socket once it has answered
		const timer = setTimeout(() => {
			req.destroy();
			reject(new Error(`${path}: no answer while the body was still coming`));
		}, 15_000);
		req.on('response', () => clearTimeout(timer));
		const chunk = Buffer.alloc(16_384, 0x61);
		for (let sent = 0; sent < options.bytes; sent += chunk.length) req.write(chunk);
	});
}

const FORM = 'application/x-www-form-urlencoded';

describe('request bodies', () => {
	it('of a kind the address does not read are refused with 415 in Vietnamese', async () => {
		for (const [path, type] of [
			['/login', 'text/plain'],
			['/login', null],
			['/logout', 'application/json'],
			[`/api/sheets/${ids.sheet}`, 'text/plain'],
			[`/api/sheets/${ids.sheet}`, FORM]
		] as const) {
			const answer = await request(server, path, {
				method: 'POST',
				cookie: cookies.member,
				headers: type ? { 'content-type': type } : {},
				body: 'username=a&password=b'
			});
			expect([path, type, answer.status]).toEqual([path, type, 415]);
			expect(answer.text).toMatch(VIETNAMESE);
		}
		// A method an address does not have, without a body, is still told so (405), not asked for a type.
		const put = await request(server, '/health', { method: 'PUT' });
		expect(put.status).toBe(405);
		expect(put.text).toMatch(VIETNAMESE);
	});

	it('over the cap are refused from their Content-Length, before the body is sent, with 413 in Vietnamese', async () => {
		const anonymous = await unfinished('/login', {
			bytes: 16_384,
			declared: 1_000_000,
			type: FORM,
			accept: 'text/html'
		});
		expect(anonymous.status).toBe(413);
		expect(anonymous.text).toMatch(VIETNAMESE);
		const api = await unfinished(`/api/sheets/${ids.sheet}`, {
			bytes: 16_384,
			declared: 1_000_000,
			cookie: cookies.member,
			type: 'application/json'
		});
		expect(api.status).toBe(413);
		expect(JSON.parse(api.text).message).toMatch(VIETNAMESE);
	});

	it('sent in chunks are read only up to the cap, then refused with 413', async () => {
		for (const [path, cookie, type] of [
			['/login', undefined, FORM],
			[`/sheets/${ids.sheet}?/save`, cookies.member, FORM],
			[`/api/sheets/${ids.sheet}`, cookies.member, 'application/json'],
			['/admin/import?/preview', cookies.member, 'multipart/form-data; boundary=x']
		] as const) {
			const answer = await unfinished(path, { bytes: 1_000_000, cookie, type, accept: 'text/html' });
			expect([path, answer.status]).toEqual([path, 413]);
			expect(answer.text).toMatch(VIETNAMESE);
		}
	});

	it('may be large only for an administrator importing members', async () => {
		const file = new FormData();
		file.append('file', new Blob([Buffer.alloc(1_500_000, 0x61)], { type: 'text/csv' }), 'ds.csv');
		const post = (cookie: string) =>
			request(server, '/admin/import?/preview', {
				method: 'POST',
				cookie,
				headers: { accept: 'text/html' },
				body: file
			});
		const member = await post(cookies.member);
		expect(member.status).toBe(413);
		const secretary = await post(cookies.secretary);
		expect(secretary.status).toBe(413);
		// The administrator's file is read, and refused for what it holds, not for its size.
		const admin = await post(cookies.admin);
		expect(admin.status).toBe(400);
		expect(admin.text).not.toMatch(/quá lớn/);
	});

	it('hold the largest sheet a member can fill: every text at its limit, posted without JavaScript', async () => {
		const filler = await signIn(server, 'dangvien011');
		const sheet = await openCurrentSheet(server, filler);
		const { revision, codes, lines } = readDb(dbFile, (db) => {
			const row = db
				.prepare(
					'select s.revision, s.target_group as grp, v.content from sheet s join template_version v on v.id = s.template_version_id where s.id = ?'
				)
				.get(sheet) as { revision: number; grp: TargetGroup; content: string };
			return {
				revision: row.revision,
				codes: signsForGroup(JSON.parse(row.content) as TemplateContent, row.grp).map((s) => s.code),
				lines: (db.prepare('select code from action_progress where sheet_id = ?').all(sheet) as { code: string }[]).map(
					(p) => p.code
				)
			};
		});
		expect(codes.length).toBeGreaterThanOrEqual(50); // group A
		const words = (n: number) => 'Chủ động nghiên cứu, học tập nghị quyết; '.repeat(Math.ceil(n / 40)).slice(0, n);
		const fields: [string, string][] = [['revision', String(revision)]];
		for (const code of codes)
			fields.push(
				[`level.${code}`, '1'],
				[`note.${code}`, words(1000)],
				[`action.${code}`, words(1000)],
				[`deadline.${code}`, '2027-06-30']
			);
		for (const code of lines) fields.push([`progress.${code}`, 'done'], [`progressNote.${code}`, words(1000)]);
		for (const name of ['strengths', 'shortcomings', 'commitment']) fields.push([name, words(5000)]);
		const body = new URLSearchParams(fields).toString();
		console.log(`a group A sheet with every text at its limit: ${body.length} bytes urlencoded`);
		expect(body.length).toBeGreaterThan(256 * 1024);
		const saved = await request(server, `/sheets/${sheet}?/save`, {
			method: 'POST',
			cookie: filler,
			headers: { accept: 'text/html', 'content-type': FORM },
			body
		});
		expect(saved.status).toBe(200);
		const stored = readDb(dbFile, (db) =>
			db.prepare('select revision, strengths from sheet where id = ?').get(sheet)
		) as {
			revision: number;
			strengths: string;
		};
		expect(stored).toEqual({ revision: revision + 1, strengths: words(5000) });
	}, 30_000);
});

describe('a password typed with combining marks', () => {
	it('signs in to an account whose password was set precomposed', async () => {
		const account = 'dangvien014';
		const password = 'Rèn-luyện-tu-dưỡng-2026';
		const cookie = await signIn(server, account);
		const changed = await request(server, '/account/password', {
			method: 'POST',
			cookie,
			headers: { accept: 'text/html', 'content-type': FORM },
			body: new URLSearchParams({
				currentPassword: 'tusoi2026',
				newPassword: password,
				confirmPassword: password
			}).toString()
		});
		expect(changed.status).toBe(303);
		expect(password.normalize('NFD')).not.toBe(password);
		expect(await signIn(server, account, password.normalize('NFD'))).toMatch(/^tusoi_session=/);
		expect(await signIn(server, `\u200B${account}`, password)).toMatch(/^tusoi_session=/);
	});
});
