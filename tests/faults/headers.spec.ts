// Security headers on every page of the built server, cross-site form posts refused, and every other
// session of a user ended when their password changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DEMO_PASSWORD,
	openCurrentSheet,
	readDb,
	request,
	sessionCookieOf,
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
