// Helpers for the fault tests: the built server as a child process on a free loopback port and its own
// database file, sign-in over HTTP, and a snapshot of every table read through a separate connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { HEAP_FLAGS } from '../../scripts/heap.js';
import { BODY_CAP, IMPORT_PATH } from '../../src/lib/server/http/edge';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/demo';

/** The project root: the server runs from here so it finds drizzle/ and build/. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The password of every demo account, as the seed sets it. */
export { DEMO_PASSWORD };

/** A letter only Vietnamese uses, so a message in it is in Vietnamese rather than English. */
export const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹý]/i;

/** Fails with what to do when the server has not been built (npm test builds before vitest runs). */
export function requireBuild(): void {
	if (!existsSync(join(ROOT, 'build/index.js'))) {
		throw new Error('build/index.js is missing: run "npm run build" first (npm test builds before it runs vitest).');
	}
}

/** A fresh temporary directory and the function that removes it. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A built server running as a child process. */
export interface RunningServer {
	/** Where requests go: loopback only. */
	base: string;
	/** The public origin the server was told (ORIGIN), which a same-site form post carries. */
	origin: string;
	dbFile: string;
	child: ChildProcess;
	/** What the server printed so far (the tail), for failure messages. */
	output: () => string;
	/** Ends the server with a signal and waits until the process is gone. */
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts `node scripts/serve.js` on a free port with `dbFile` as its database (seeded with the demo
 * province on first start) and waits until /login answers.
 */
export async function startServer(
	dbFile: string,
	options: { timeoutMs?: number; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	requireBuild();
	const port = await freePort();
	// The public origin: its own loopback address unless the test names another (an https one behind a proxy).
	const origin = options.env?.ORIGIN ?? `http://localhost:${port}`;
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...HEAP_FLAGS, 'scripts/serve.js'], {
		cwd: ROOT,
		env: {
			...process.env,
			...options.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: dbFile
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	let stopping = false;
	const exited = new Promise<void>((resolve) =>
		child.once('exit', (code, signal) => {
			// A server that ends by itself mid-test leaves only "connection refused" behind: say why it went.
			if (!stopping) console.error(`The test server exited by itself (${signal ?? `code ${code}`}):\n${log}`);
			resolve();
		})
	);
	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		stopping = true;
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
		await exited;
	};

	const deadline = Date.now() + (options.timeoutMs ?? 45_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering:\n${log}`);
		try {
			const response = await request({ base, origin }, '/login', { timeoutMs: 2_000 });
			if (response.status === 200) return { base, origin, dbFile, child, output: () => log, stop };
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	await stop('SIGKILL');
	throw new Error(`the server did not answer /login within the time allowed:\n${log}`);
}

/** A response read whole. */
export interface Answer {
	status: number;
	headers: Headers;
	contentType: string;
	body: Buffer;
	text: string;
}

export interface RequestOptions {
	method?: string;
	/** The session cookie ("tusoi_session=…"), if any. */
	cookie?: string | null;
	/** The Origin header: the server's own by default on unsafe methods; null sends none. */
	origin?: string | null;
	headers?: Record<string, string>;
	body?: string | Buffer | URLSearchParams | FormData;
	timeoutMs?: number;
}

/**
 * One request to the server on its own connection, redirects not followed. A fresh connection each time:
 * a server that answers before reading a body may close the socket, and a kept-alive socket reused
 * after that would fail the next request for a reason that is not the server's.
 */
export async function request(
	server: Pick<RunningServer, 'base' | 'origin'>,
	path: string,
	options: RequestOptions = {}
): Promise<Answer> {
	const method = options.method ?? 'GET';
	const headers: Record<string, string> = { ...options.headers };
	const origin =
		options.origin === undefined ? (method === 'GET' || method === 'HEAD' ? null : server.origin) : options.origin;
	if (origin !== null) headers.origin = origin;
	if (options.cookie) headers.cookie = options.cookie;
	let body: Buffer | undefined;
	if (options.body instanceof FormData || options.body instanceof URLSearchParams) {
		// Let the platform encode it (multipart boundary or urlencoded), as a browser would.
		const encoded = new Response(options.body);
		headers['content-type'] ??= encoded.headers.get('content-type')!;
		body = Buffer.from(await encoded.arrayBuffer());
	} else if (options.body !== undefined) {
		body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
	}
	if (body) headers['content-length'] = String(body.length);

	return new Promise<Answer>((resolve, reject) => {
		const req = httpRequest(
			server.base + path,
			{ method, headers, agent: false, timeout: options.timeoutMs ?? 30_000 },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('error', reject);
				res.on('end', () => {
					const answerHeaders = new Headers();
					for (const [name, value] of Object.entries(res.headers)) {
						for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
							answerHeaders.append(name, v);
					}
					const all = Buffer.concat(chunks);
					resolve({
						status: res.statusCode ?? 0,
						headers: answerHeaders,
						contentType: answerHeaders.get('content-type') ?? '',
						body: all,
						text: all.toString('utf8')
					});
				});
			}
		);
		let answered = false;
		req.on('response', () => (answered = true));
		// A server that refuses a large body may answer and close before it has all been sent: the answer counts.
		req.on('error', (err) => {
			if (!answered) reject(err);
		});
		req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${path} in time`)));
		// A body over the server's limit (BODY_CAP, or 6 MB for the member import) is refused from its
		// Content-Length before it is read. Sending it all races the refusal (the socket closes while we write:
		// EPIPE, answer lost), so send the header and a first part only; a server that did not refuse would
		// wait for the rest and the request would time out.
		const limit = path.split('?')[0] === IMPORT_PATH ? SERVER_BODY_LIMIT : BODY_CAP;
		req.end(body && body.length > limit ? body.subarray(0, 65_536) : body);
	});
}

/** BODY_SIZE_LIMIT that scripts/serve.js sets. */
const SERVER_BODY_LIMIT = 6 * 1024 * 1024;

/** The session cookie a response sets ("tusoi_session=…"), or null. */
export function sessionCookieOf(answer: Pick<Answer, 'headers'>): string | null {
	const set = answer.headers.getSetCookie().find((c) => c.startsWith('tusoi_session='));
	const value = set?.split(';')[0];
	return value && value !== 'tusoi_session=' ? value : null;
}

/** Signs in through the login form, as a browser without JavaScript does, and returns the session cookie. */
export async function signIn(server: RunningServer, username: string, password = DEMO_PASSWORD): Promise<string> {
	const answer = await request(server, '/login', {
		method: 'POST',
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password }).toString()
	});
	const cookie = sessionCookieOf(answer);
	if (answer.status !== 303 || !cookie)
		throw new Error(`sign-in as ${username} answered ${answer.status} without a session`);
	return cookie;
}

/** Starts (or opens, once started) a member's sheet for the open period, as the "Bắt đầu" button does, and returns its id. */
export async function openCurrentSheet(server: RunningServer, cookie: string): Promise<number> {
	const answer = await request(server, '/sheets?/start', {
		method: 'POST',
		cookie,
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const id = /^\/sheets\/(\d+)$/.exec(answer.headers.get('location') ?? '')?.[1];
	if (answer.status !== 303 || !id)
		throw new Error(`starting the sheet answered ${answer.status} → ${answer.headers.get('location')}`);
	return Number(id);
}

/** Runs a read on a separate read-only connection to the server's database and closes it. */
export function readDb<T>(file: string, read: (db: Database.Database) => T): T {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}

/** Table name → SHA-256 of its rows (sorted, so the order rows come back in does not matter). */
export type Snapshot = Record<string, string>;

/** A hash of every table's rows, read through a separate read-only connection. */
export function snapshotDb(file: string): Snapshot {
	return readDb(file, (db) => {
		const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
			name: string;
		}[];
		const out: Snapshot = {};
		for (const { name } of tables) {
			const rows = (
				db
					.prepare(`select * from "${name.replace(/"/g, '""')}"`)
					.raw()
					.all() as unknown[][]
			).map((row) => JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
			rows.sort();
			out[name] = createHash('sha256').update(rows.join('\n')).digest('hex');
		}
		return out;
	});
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((n) => before[n] !== after[n]).sort();
}
