// npm run bench — generates the two synthetic provinces, serves each with the built server on loopback,
// loads it with autocannon, measures the framework's and the database's floors in the same run, and
// writes the figures to docs/benchmarks.md. Measurements, not tests: nothing here fails on a slow figure.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { createDb } from '../src/lib/server/db/client';
import { createSession, generateSessionToken, SESSION_COOKIE } from '../src/lib/server/auth/session';
import { generateProvince, SHAPES, type Province, type ProvinceShape } from './province';
import { measureUntil, pairedRatio, runScenario, type Result, type Scenario } from './load';
import {
	argon2Floor,
	databaseFloor,
	pdfFigures,
	statementCounts,
	writeReport,
	type ContentionReport,
	type SizeReport
} from './report';
import { HEAP_FLAGS } from '../scripts/heap.js';
import { FLOOR_GROUP } from '../src/lib/server/sheets/floor';
import { benchImport } from './import';
import { benchPhone } from './phone';

const PORT = Number(process.env.BENCH_PORT ?? 4400);
const BASE = `http://127.0.0.1:${PORT}`;
const ORIGIN = `http://localhost:${PORT}`;
const DIR = '.bench';

async function startServer(file: string): Promise<ChildProcess> {
	const log = openSync(`${DIR}/server.log`, 'a');
	// With the heap flags the server is started with in production, and the form floor's route switched on.
	const server = spawn(process.execPath, [...HEAP_FLAGS, 'scripts/serve.js'], {
		env: { ...process.env, PORT: String(PORT), ORIGIN, DATABASE_URL: file, HOST: '127.0.0.1', BENCH_FLOORS: '1' },
		stdio: ['ignore', log, log]
	});
	for (let i = 0; i < 300; i++) {
		const up = await fetch(`${BASE}/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (up) return server;
		await new Promise((r) => setTimeout(r, 200));
	}
	server.kill('SIGKILL');
	throw new Error('The server did not start');
}

/** Session cookies made directly in the database, so the load is not spent on signing in. */
function sessions(file: string, userIds: number[]): Map<number, string> {
	const db = createDb(file);
	const cookies = new Map<number, string>();
	for (const id of userIds) {
		const token = generateSessionToken();
		createSession(db, token, id);
		cookies.set(id, `${SESSION_COOKIE}=${token}`);
	}
	db.$client.close();
	return cookies;
}

function scenarios(p: Province, cookies: Map<number, string>, file: string): Scenario[] {
	const cookie = (id: number) => ({ cookie: cookies.get(id)! });
	const drafts = p.drafts.slice(0, 4000);
	const sheetUsers = drafts.slice(0, 200);
	// The sheet page is measured on the floor's form: the largest group's 52 signs.
	const pageUsers = drafts.filter((d) => d.group === FLOOR_GROUP).slice(0, 200);
	// What a browser sends: the page comes back compressed, as it does to a member.
	const browser = { 'accept-encoding': 'br, gzip' };
	const revisions = new Map<number, number>(sheetUsers.map((d) => [d.sheetId, 1]));
	let nextConnection = 0;
	const own = (context: Record<string, unknown>, pool: typeof drafts, connections: number) => {
		context.slot ??= nextConnection++;
		context.turn = ((context.turn as number | undefined) ?? -1) + 1;
		return pool[((context.slot as number) + (context.turn as number) * connections) % pool.length];
	};
	let submitted = 0;
	const submitPool = drafts.slice(200);
	const chapter = p.chapters[Math.floor(p.chapters.length / 2)];
	// A browser's plain form post: with text/html accepted, a successful action answers 303 (not JSON).
	const form = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, accept: 'text/html' };
	return [
		{
			name: 'Sàn khung (GET /health)',
			connections: 10,
			seconds: 5,
			ok: [200],
			next: () => ({ method: 'GET', path: '/health' })
		},
		{
			name: 'Sàn biểu mẫu (GET /floor/sheet)',
			connections: 10,
			seconds: 5,
			ok: [200],
			next: () => ({ method: 'GET', path: '/floor/sheet', headers: browser })
		},
		{
			name: 'Đăng nhập',
			connections: 4,
			seconds: 5,
			ok: [303],
			next: (c) => ({
				method: 'POST',
				path: '/login',
				headers: form,
				body: `username=m${own(c, drafts, 4).memberId}&password=bench-2026`
			})
		},
		{
			name: 'Trang phiếu của đảng viên',
			connections: 10,
			seconds: 5,
			ok: [200],
			next: (c) => {
				const d = own(c, pageUsers, 10);
				return { method: 'GET', path: `/sheets/${d.sheetId}`, headers: { ...cookie(d.memberId), ...browser } };
			}
		},
		{
			name: 'Tự động lưu một câu trả lời',
			connections: 10,
			seconds: 5,
			ok: [200],
			next: (c) => {
				const d = own(c, sheetUsers, 10);
				c.sheet = d.sheetId;
				const body = JSON.stringify({
					revision: revisions.get(d.sheetId),
					answers: { 'TT1.1': { note: `Ghi chú ${c.turn}` } }
				});
				return {
					method: 'POST',
					path: `/api/sheets/${d.sheetId}`,
					headers: { ...cookie(d.memberId), 'content-type': 'application/json', origin: ORIGIN },
					body
				};
			},
			onResponse: (status, body, c) => {
				if (status === 200) revisions.set(c.sheet as number, (JSON.parse(body) as { revision: number }).revision);
			},
			// Saves still under way when a run ended were stored, unread: start each run from the stored revisions.
			before: () => {
				const db = new Database(file, { readonly: true });
				const read = db.prepare('select revision from sheet where id = ?');
				for (const id of revisions.keys()) revisions.set(id, (read.get(id) as { revision: number }).revision);
				db.close();
			}
		},
		{
			name: 'Nộp phiếu',
			connections: 4,
			seconds: 5,
			amount: submitPool.length,
			ok: [303],
			next: () => {
				const d = submitPool[submitted++ % submitPool.length];
				return {
					method: 'POST',
					path: `/sheets/${d.sheetId}?/submit`,
					headers: { ...cookie(d.memberId), ...form },
					body: 'revision=1'
				};
			}
		},
		{
			name: 'Trang chi bộ (bí thư)',
			connections: 2,
			seconds: 5,
			ok: [200],
			next: () => ({ method: 'GET', path: `/chapters/${chapter.id}`, headers: cookie(chapter.memberIds[0]) })
		},
		{
			name: 'Trang cấp ủy tại gốc tỉnh',
			connections: 2,
			seconds: 5,
			ok: [200],
			next: () => ({ method: 'GET', path: `/units/${p.rootId}`, headers: cookie(p.committeeId) })
		},
		{
			name: 'Xuất XLSX một tổ chức cơ sở',
			connections: 2,
			seconds: 5,
			ok: [200],
			next: () => ({ method: 'GET', path: `/units/${p.grassrootsId}/export.xlsx`, headers: cookie(p.committeeId) })
		},
		{
			name: 'PDF phiếu cá nhân',
			connections: 2,
			seconds: 5,
			ok: [200],
			next: (c) => {
				const d = own(c, sheetUsers, 2);
				return { method: 'GET', path: `/sheets/${d.sheetId}/report.pdf`, headers: cookie(d.memberId) };
			}
		},
		{
			name: `PDF tập phiếu một chi bộ (${chapter.memberIds.length} phiếu)`,
			connections: 2,
			seconds: 8,
			ok: [200],
			next: () => ({ method: 'GET', path: `/chapters/${chapter.id}/bundle.pdf`, headers: cookie(chapter.memberIds[0]) })
		}
	];
}

async function benchSize(key: string, shape: ProvinceShape): Promise<SizeReport> {
	const file = `${DIR}/${key}.db`;
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	console.log(`\n== ${shape.label}: tạo dữ liệu…`);
	const province = await generateProvince(file, shape);
	console.log(`   ${province.seconds.toFixed(1)} s, ${province.chapters.length} chi bộ`);
	const users = [
		...new Set([
			...province.drafts.slice(0, 4000).map((d) => d.memberId),
			province.committeeId,
			province.adminId,
			...province.chapters.map((c) => c.memberIds[0])
		])
	];
	const cookies = sessions(file, users);
	// Counted on sheets the load does not use, so its revisions stay as the scenarios expect.
	const statements = statementCounts(file, province.drafts.slice(4000, 4002));
	const argon2 = await argon2Floor(4, 5);
	console.log(
		`   argon2id verify (4 at once): ${argon2.toFixed(0)} /s; SQL per autosave ${statements.autosave}, per page ${statements.page}`
	);
	const dbFloor = databaseFloor(
		file,
		province.drafts.slice(4000, 4200).map((d) => d.sheetId)
	);
	const server = await startServer(file);
	const results: Result[] = [];
	let imported: SizeReport['imported'] = null;
	let paired: SizeReport['paired'] = null;
	try {
		const list = scenarios(province, cookies, file);
		for (const s of list) {
			const r = await runScenario(BASE, server.pid!, s);
			results.push(r);
			console.log(
				`   ${r.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} lỗi ${JSON.stringify(r.unexpected)}, ${r.memoryMb} MB`
			);
		}
		const named = (prefix: string) => list.find((s) => s.name.startsWith(prefix))!;
		console.log('   Cặp đo xen kẽ (sàn, kịch bản):');
		paired = {
			autosave: await pairedRatio(BASE, server.pid!, named('Sàn khung'), named('Tự động lưu')),
			pageForm: await pairedRatio(BASE, server.pid!, named('Sàn biểu mẫu'), named('Trang phiếu')),
			pageHealth: await pairedRatio(BASE, server.pid!, named('Sàn khung'), named('Trang phiếu')),
			signIn: await pairedRatio(BASE, server.pid!, (seconds) => argon2Floor(4, seconds), named('Đăng nhập'))
		};
		for (const [key, p] of Object.entries(paired))
			console.log(
				`   ${key}: ${(100 * p.ratio).toFixed(0)}% (${p.targetRps.toFixed(0)} / ${p.floorRps.toFixed(0)}), ${p.errors} lỗi`
			);
		if (shape.members === 54_000)
			imported = await benchImport(BASE, ORIGIN, server.pid!, province, cookies, `${DIR}/import.csv`);
	} finally {
		server.kill('SIGTERM');
	}
	return {
		shape,
		measuredAt: new Date().toISOString(),
		generateSeconds: province.seconds,
		dbFloorOpsPerSecond: dbFloor,
		argon2PerSecond: argon2,
		statements,
		results,
		imported,
		paired
	};
}

/** Small, but every chapter has 60 members with a sheet: the bundle a large chapter prints. */
const CONTENTION_SHAPE: ProvinceShape = {
	label: '600 đảng viên, chi bộ 60 người',
	members: 600,
	chapters: 10,
	branches: 1,
	grassroots: 2
};

/** Bundles printed one after another while the member's page is measured. */
const BUNDLES = 2;

/** A member's page idle, then while a secretary prints a 60-sheet bundle again and again. */
async function benchContention(): Promise<ContentionReport> {
	const file = `${DIR}/contention.db`;
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	console.log(`\n== PDF và các yêu cầu khác (${CONTENTION_SHAPE.label}): tạo dữ liệu…`);
	const province = await generateProvince(file, CONTENTION_SHAPE);
	const chapter = province.chapters[0];
	const members = province.drafts.slice(0, 20);
	const secretary = chapter.memberIds[0];
	const cookies = sessions(file, [...members.map((d) => d.memberId), secretary]);
	let turn = 0;
	const memberPage = () => {
		const d = members[turn++ % members.length];
		return { path: `/sheets/${d.sheetId}`, headers: { cookie: cookies.get(d.memberId)! } };
	};
	const server = await startServer(file);
	try {
		const idleUntil = performance.now() + 8_000;
		const idle = await measureUntil(
			BASE,
			server.pid!,
			'Trang phiếu của đảng viên, máy chủ rảnh',
			2,
			memberPage,
			() => performance.now() > idleUntil
		);
		// One secretary printing the bundle BUNDLES times in a row; the page is measured until the last is made.
		let bundles = 0;
		const printer = (async () => {
			for (let i = 0; i < BUNDLES; i++) {
				const answer = await fetch(`${BASE}/chapters/${chapter.id}/bundle.pdf`, {
					headers: { cookie: cookies.get(secretary)! }
				});
				await answer.arrayBuffer();
				if (answer.ok) bundles += 1;
			}
		})();
		let printed = false;
		void printer.then(() => (printed = true));
		const busy = await measureUntil(
			BASE,
			server.pid!,
			`Trang phiếu của đảng viên, trong khi tạo tập ${chapter.memberIds.length} phiếu`,
			2,
			memberPage,
			() => printed
		);
		await printer;
		const report: ContentionReport = { sheets: chapter.memberIds.length, idle, busy, bundles };
		for (const r of [idle, busy])
			console.log(
				`   ${r.name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} yêu cầu, ${r.errors} lỗi, ${r.memoryMb} MB`
			);
		console.log(`   p99 khi tạo PDF / p99 khi rảnh = ${(busy.p99 / idle.p99).toFixed(1)}; ${bundles} tập PDF đã tạo`);
		return report;
	} finally {
		server.kill('SIGTERM');
	}
}

mkdirSync(DIR, { recursive: true });
const loadAtStart = os.loadavg();
// `tsx bench/run.ts province54k contention` (any of province54k, province260k, contention, phone) runs those parts alone.
const parts = process.argv.slice(2);
if (parts[0] === 'report') {
	const saved = JSON.parse(readFileSync(`${DIR}/results.json`, 'utf8'));
	writeReport('docs/benchmarks.md', saved.sizes, saved.pdf, saved.contention, saved.load);
	console.log('Đã ghi lại docs/benchmarks.md từ .bench/results.json');
	process.exit(0);
}
const only = (part: string) => parts.length === 0 || parts.includes(part);
// The member's sheet on a phone (bench/phone.ts) writes its own section of docs/benchmarks.md.
if (parts.length === 1 && parts[0] === 'phone') {
	await benchPhone();
	process.exit(0);
}
const sizes: SizeReport[] = [];
for (const [key, shape] of Object.entries(SHAPES)) if (only(key)) sizes.push(await benchSize(key, shape));
const contention = only('contention') ? await benchContention() : null;
const pdf = await pdfFigures();
const load = { start: loadAtStart, end: os.loadavg() };
// The raw figures, so the report can be written again from them (`tsx bench/run.ts report`). A run of some parts
// replaces those parts of the last run's figures and keeps the others (the report says which run each came from).
const RESULTS = `${DIR}/results.json`;
const last = parts.length > 0 && existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : null;
const merged = {
	sizes: Object.keys(SHAPES).flatMap((key) => {
		const now = sizes.find((z) => z.shape.label === SHAPES[key as keyof typeof SHAPES].label);
		const before = (last?.sizes as SizeReport[] | undefined)?.find(
			(z) => z.shape.label === SHAPES[key as keyof typeof SHAPES].label
		);
		return now ? [now] : before ? [before] : [];
	}),
	pdf,
	contention: contention ?? last?.contention ?? null,
	load
};
writeFileSync(RESULTS, JSON.stringify(merged));
writeReport('docs/benchmarks.md', merged.sizes, merged.pdf, merged.contention, merged.load);
// After the report: it rewrites the file and keeps the phone's section, which this run then measures again.
if (only('phone')) await benchPhone();
console.log('\nĐã ghi docs/benchmarks.md');
