// While a chapter's bundle of long sheets is being laid out, the built server keeps answering everyone else.
// pdfmake lays a document out in one synchronous run; done on the request thread, a bundle of five long
// sheets froze every user for seconds. The PDF is now made in a worker thread, so /health and a member's
// page keep answering while the bundle is still being made. Only the order of the answers is asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { TEXT_LIMITS } from '../../src/lib/domain/sheet';
import { openCurrentSheet, readDb, request, signIn, startServer, tempDir, type RunningServer } from '../helpers/server';

/** Sheets of the chapter whose three texts are as long as allowed, as in the report of the frozen server. */
const LONG_SHEETS = 5;
/** Answers each of /health and the member's page must give while the bundle is being made. */
const ANSWERS_DURING = 10;

const temp = tempDir('tusoi-pdf-thread-');
const dbFile = `${temp.dir}/pdf.db`;
let server: RunningServer | undefined;
let bundlePath = '';
/** A bundle of ordinary sheets (another chapter's), for the queue. */
let shortBundlePath = '';
let secretary = '';
let committee = '';
let member = { cookie: '', sheet: 0 };

/** Vietnamese prose of exactly `length` characters. */
function prose(seed: string, length: number): string {
	const sentence = `Đồng chí ${seed} nghiêm túc tự phê bình và phê bình, giữ gìn phẩm chất đạo đức, lối sống gương mẫu. `;
	return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

/** Fills the texts of LONG_SHEETS of the chapter's sheets of last year to the limit; returns the chapter and the period. */
function makeLongSheets(file: string): { chapter: number; otherChapter: number; period: number } {
	const { chapter, otherChapter, period, sheets } = readDb(file, (db) => {
		const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
		const chapterOf = (username: string) =>
			one<{ id: number }>(
				"select rg.unit_id as id from role_grant rg join user u on u.id = rg.user_id where u.username = ? and rg.role = 'secretary'",
				username
			).id;
		const chapter = chapterOf('bithu01');
		const otherChapter = chapterOf('bithu02');
		const period = one<{ id: number }>('select id from period where closed_at is not null order by id limit 1').id;
		const sheets = (
			db
				.prepare('select id from sheet where chapter_id = ? and period_id = ? order by id limit ?')
				.all(chapter, period, LONG_SHEETS) as { id: number }[]
		).map((r) => r.id);
		return { chapter, otherChapter, period, sheets };
	});
	expect(sheets).toHaveLength(LONG_SHEETS);
	// Test data written straight into the server's database file (WAL allows a second writer between requests).
	const db = new Database(file);
	try {
		const texts = db.prepare('update sheet set strengths = ?, shortcomings = ?, commitment = ? where id = ?');
		db.transaction(() => {
			for (const id of sheets) {
				const long = prose(`số ${id}`, TEXT_LIMITS.longText);
				texts.run(long, long, long, id);
			}
		})();
	} finally {
		db.close();
	}
	return { chapter, otherChapter, period };
}

beforeAll(async () => {
	server = await startServer(dbFile);
	const { chapter, otherChapter, period } = makeLongSheets(dbFile);
	bundlePath = `/chapters/${chapter}/bundle.pdf?period=${period}`;
	shortBundlePath = `/chapters/${otherChapter}/bundle.pdf?period=${period}`;
	secretary = await signIn(server, 'bithu01');
	committee = await signIn(server, 'capuy');
	const cookie = await signIn(server, 'dangvien001');
	member = { cookie, sheet: await openCurrentSheet(server, cookie) };
}, 90_000);

afterAll(async () => {
	await server?.stop();
	temp.remove();
});

describe('a PDF is made off the request thread', () => {
	it('answers /health and a member page many times while a bundle of long sheets is being made', async () => {
		const target = server!;
		const order: string[] = [];
		let bundleDone = false;
		const bundle = request(target, bundlePath, { cookie: secretary, timeoutMs: 180_000 }).then((answer) => {
			order.push('bundle');
			bundleDone = true;
			return answer;
		});
		// One user checking the server and another working on their sheet, each waiting for their answer.
		let during = 0;
		while (!bundleDone && during < ANSWERS_DURING) {
			const health = await request(target, '/health');
			const page = await request(target, `/sheets/${member.sheet}`, { cookie: member.cookie });
			expect(health.status).toBe(200);
			expect(page.status).toBe(200);
			order.push('health', 'page');
			if (!bundleDone) during += 1;
		}
		const answer = await bundle;

		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('application/pdf');
		expect(answer.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		// Every one of those answers came before the bundle's.
		expect(order.indexOf('bundle')).toBe(2 * ANSWERS_DURING);
	}, 240_000);

	it('makes every one of several bundles asked for at once, each whole', async () => {
		const target = server!;
		// More bundles than this machine has PDF threads: the ones beyond wait their turn.
		const answers = await Promise.all(
			[1, 2, 3].map(() => request(target, shortBundlePath, { cookie: committee, timeoutMs: 240_000 }))
		);
		for (const answer of answers) {
			expect(answer.status).toBe(200);
			expect(answer.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(answer.body.subarray(-6).toString('latin1')).toContain('%%EOF');
		}
		// The server still answers after the queue has drained.
		expect((await request(target, '/health')).status).toBe(200);
	}, 300_000);
});
