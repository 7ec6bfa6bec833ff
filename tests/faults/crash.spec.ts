// Kills the built server with SIGKILL in the middle of an autosave load, then checks the database file:
// it is whole (integrity_check), and every save the server answered with success is in it. A commit in
// WAL mode with synchronous=NORMAL survives the death of the process (only power loss can drop the last
// transactions), so an acknowledged save may never be lost to a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { signsForGroup, type TargetGroup, type TemplateContent } from '../../src/lib/domain/template';
import { openCurrentSheet, readDb, request, signIn, startServer, tempDir, type RunningServer } from '../helpers/server';

const MEMBERS = 6; // one autosave loop each: a member's saves are sequential, as one tab's are
const KILL_AFTER_MS = [1_000, 1_600] as const; // the kill lands somewhere in here
const LOOP_LIMIT = { writes: 3_000, ms: 5_000 }; // every loop ends by itself even if the kill never comes

interface Write {
	revision: number; // the revision the sheet has once this write is stored
	code: string;
	level: number;
	note: string;
}

interface Load {
	username: string;
	id: number;
	cookie: string;
	codes: string[];
	revision: number;
	startRevision: number;
	/** Every write sent, in order; the server answered success to the first `acked` of them. */
	sent: Write[];
	acked: number;
	/** Anything but a success or the connection dropping by the kill. */
	refusals: string[];
}

const temp = tempDir('tusoi-crash-');
const dbFile = `${temp.dir}/crash.db`;
let server: RunningServer | undefined;
const loads: Load[] = [];
let killedAtMs = 0;

/** Members whose sheet of the open period they may still edit (none yet, a draft or returned). */
function editableMembers(file: string, count: number): string[] {
	return readDb(file, (db) =>
		(
			db
				.prepare(
					`select u.username from user u join member m on m.user_id = u.id
					 where u.username like 'dangvien%' and u.active = 1 and not exists (
					   select 1 from sheet s join period p on p.id = s.period_id
					   where s.member_id = u.id and p.closed_at is null and s.status in ('submitted', 'approved'))
					 order by u.username limit ?`
				)
				.all(count) as { username: string }[]
		).map((r) => r.username)
	);
}

/** The sheet's revision and the codes of the concrete signs on it. */
function sheetFacts(file: string, sheetId: number): { revision: number; codes: string[] } {
	return readDb(file, (db) => {
		const row = db
			.prepare(
				'select s.revision, s.target_group as grp, v.content from sheet s join template_version v on v.id = s.template_version_id where s.id = ?'
			)
			.get(sheetId) as { revision: number; grp: TargetGroup; content: string };
		const content = JSON.parse(row.content) as TemplateContent;
		return { revision: row.revision, codes: signsForGroup(content, row.grp).map((s) => s.code) };
	});
}

/** One member's autosave loop: each save starts from the revision the last success returned. */
async function autosaveLoop(target: RunningServer, load: Load, until: number): Promise<void> {
	for (let n = 1; n <= LOOP_LIMIT.writes && Date.now() < until; n++) {
		const write: Write = {
			revision: load.revision + 1,
			code: load.codes[n % load.codes.length],
			level: n % 4,
			note: `Ghi chú lần ${n} của phiếu ${load.id}`
		};
		load.sent.push(write);
		let status: number;
		let body: { revision?: number; message?: string };
		try {
			const answer = await request(target, `/api/sheets/${load.id}`, {
				method: 'POST',
				cookie: load.cookie,
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({
					revision: load.revision,
					answers: { [write.code]: { level: write.level, note: write.note } }
				}),
				timeoutMs: 10_000
			});
			status = answer.status;
			body = JSON.parse(answer.text);
		} catch {
			return; // the server is gone: this write was never acknowledged
		}
		if (status !== 200 || body.revision !== write.revision) {
			load.refusals.push(`${status} ${JSON.stringify(body).slice(0, 200)}`);
			return;
		}
		load.revision = write.revision;
		load.acked = load.sent.length;
	}
}

beforeAll(async () => {
	server = await startServer(dbFile);
	const usernames = editableMembers(dbFile, MEMBERS);
	expect(usernames).toHaveLength(MEMBERS);
	for (const username of usernames) {
		const cookie = await signIn(server, username);
		const id = await openCurrentSheet(server, cookie);
		const facts = sheetFacts(dbFile, id);
		loads.push({
			username,
			id,
			cookie,
			codes: facts.codes,
			revision: facts.revision,
			startRevision: facts.revision,
			sent: [],
			acked: 0,
			refusals: []
		});
	}

	const started = Date.now();
	const running = loads.map((load) => autosaveLoop(server!, load, started + LOOP_LIMIT.ms));
	const killAt = KILL_AFTER_MS[0] + Math.random() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
	await new Promise((r) => setTimeout(r, killAt));
	await server.stop('SIGKILL');
	killedAtMs = Date.now() - started;
	await Promise.all(running);
}, 60_000);

afterAll(async () => {
	await server?.stop('SIGKILL');
	temp.remove();
});

describe('a SIGKILL in the middle of an autosave load', () => {
	it('came while saves were being acknowledged, with no save refused', () => {
		const acked = loads.reduce((n, l) => n + l.acked, 0);
		const sent = loads.reduce((n, l) => n + l.sent.length, 0);
		console.log(
			`crash test: ${loads.length} members saving, SIGKILL after ${killedAtMs} ms; ${acked} saves acknowledged of ${sent} sent`
		);
		expect(loads.flatMap((l) => l.refusals)).toEqual([]);
		for (const load of loads)
			expect(load.acked, `sheet ${load.id} had no save acknowledged before the kill`).toBeGreaterThan(0);
		// Each loop was cut off by the kill, not by its own limits.
		expect(killedAtMs).toBeLessThan(LOOP_LIMIT.ms);
	});

	it('leaves a database that passes PRAGMA integrity_check', () => {
		// Opened for writing, as the restarted server would: the first connection replays the WAL.
		const db = new Database(dbFile);
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(db.pragma('foreign_key_check')).toEqual([]);
		} finally {
			db.close();
		}
	});

	it('keeps every acknowledged save', () => {
		let found = 0;
		let inFlightLanded = 0;
		readDb(dbFile, (db) => {
			const sheetRow = db.prepare('select revision from sheet where id = ?');
			const answers = db.prepare('select code, level, note from sheet_answer where sheet_id = ?');
			for (const load of loads) {
				const stored = (sheetRow.get(load.id) as { revision: number }).revision;
				const lastAcked = load.acked > 0 ? load.sent[load.acked - 1].revision : load.startRevision;
				// Every acknowledged save is there; at most the one save in flight at the kill landed as well.
				expect(stored, `sheet ${load.id}`).toBeGreaterThanOrEqual(lastAcked);
				expect(stored, `sheet ${load.id}`).toBeLessThanOrEqual(lastAcked + 1);
				expect(stored).toBeLessThanOrEqual(load.startRevision + load.sent.length);
				if (stored > lastAcked) inFlightLanded += 1;

				// Saves are sequential, so revision R means writes 1..R all landed: each code holds the last of them.
				const landed = load.sent.filter((w) => w.revision <= stored);
				const expected = new Map<string, Write>();
				for (const w of landed) expected.set(w.code, w);
				const actual = new Map(
					(answers.all(load.id) as { code: string; level: number; note: string }[]).map((a) => [a.code, a])
				);
				for (const [code, w] of expected)
					expect(actual.get(code), `sheet ${load.id}, ${code}`).toMatchObject({ level: w.level, note: w.note });
				// An acknowledged write counts as found when its answer is stored or a later landed write replaced it.
				found += load.sent
					.slice(0, load.acked)
					.filter(
						(w) =>
							expected.get(w.code) === w || landed.some((later) => later.code === w.code && later.revision > w.revision)
					).length;
			}
		});
		const acked = loads.reduce((n, l) => n + l.acked, 0);
		console.log(
			`crash test: ${found} of ${acked} acknowledged saves found after the crash; ${inFlightLanded} unacknowledged in-flight saves also landed`
		);
		expect(found).toBe(acked);
	});

	it('starts again on the same file and shows a saved answer in the member sheet', async () => {
		const again = await startServer(dbFile);
		try {
			const load = loads[0];
			const stored = readDb(
				dbFile,
				(db) => db.prepare('select revision from sheet where id = ?').get(load.id) as { revision: number }
			).revision;
			const last = load.sent.filter((w) => w.revision <= stored).at(-1)!;
			const cookie = await signIn(again, load.username);
			const page = await request(again, `/sheets/${load.id}`, { cookie });
			expect(page.status, again.output()).toBe(200);
			expect(page.text).toContain(last.note);
			// And the sheet takes the next save from where the database left it.
			const next = await request(again, `/api/sheets/${load.id}`, {
				method: 'POST',
				cookie,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ revision: stored, answers: { [load.codes[0]]: { note: 'Sau khi khởi động lại' } } })
			});
			expect(next.status, next.text).toBe(200);
			expect(JSON.parse(next.text).revision).toBe(stored + 1);
		} finally {
			await again.stop();
		}
	}, 60_000);
});
