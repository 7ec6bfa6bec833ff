import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import type { PersonalReport } from '../../domain/report';
import { loadSheetDetail } from '../db/queries/sheets';
import { personalReport } from '../reports';
import { seedDemoData } from '../seed/demo';
import { renderJob, type PdfJob } from './jobs';
import { PdfPool } from './pool';

const dir = mkdtempSync(path.join(tmpdir(), 'tusoi-pool-'));
let fileNo = 0;
/** The PDF's text as poppler reads it. */
function text(pdf: Buffer): string {
	const file = path.join(dir, `${++fileNo}.pdf`);
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

let reports: PersonalReport[] = [];
const pools: PdfPool[] = [];
function pool(size: number, options: { idleMs?: number } = {}): PdfPool {
	const p = new PdfPool(size, options);
	pools.push(p);
	return p;
}

beforeAll(async () => {
	const db = createTestDb();
	await seedDemoData(db);
	const ids = (
		db.$client.prepare("select id from sheet where status = 'approved' order by id limit 6").all() as { id: number }[]
	).map((r) => r.id);
	reports = ids.map((id) => personalReport(db, loadSheetDetail(db, id)!));
}, 60_000);

afterAll(async () => {
	await Promise.all(pools.map((p) => p.close()));
	rmSync(dir, { recursive: true, force: true });
});

/** Waits, a turn of the event loop at a time, until the pool is as busy as asked. */
async function until(p: PdfPool, ready: (s: ReturnType<PdfPool['stats']>) => boolean): Promise<void> {
	while (!ready(p.stats())) await new Promise((r) => setImmediate(r));
}

// Starting a worker loads pdfmake and the fonts (and here tsx): slow on a busy machine, so the tests allow time.
const SLOW = 180_000;

describe('PdfPool', () => {
	it(
		'makes in a worker the same PDF as on the calling thread',
		async () => {
			const job: PdfJob = { kind: 'personal', report: reports[0] };
			const inWorker = await pool(1).render(job);
			// pdfmake writes its layout into the arrays it is given (`ul` items): the report is cloned, not shared.
			const here = await renderJob(structuredClone(job));
			expect(inWorker.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(text(inWorker)).toBe(text(here));
			expect(text(inWorker)).toContain(reports[0].memberName);
		},
		SLOW
	);

	it(
		'keeps the calling thread free while a bundle is laid out',
		async () => {
			const bundle = pool(1).render({ kind: 'bundle', reports });
			let finished = false;
			void bundle.then(() => (finished = true));
			// A thousand turns of the event loop, each waiting for the one before: none of them can run while
			// this thread is busy laying a document out.
			let turns = 0;
			while (turns < 1000 && !finished) {
				await new Promise((r) => setImmediate(r));
				turns += 1;
			}
			expect(finished).toBe(false);
			const pdf = await bundle;
			for (const r of reports) expect(text(pdf)).toContain(r.memberName);
		},
		SLOW
	);

	it(
		'makes at most one PDF per worker and as many at once as it has workers; the rest wait their turn',
		async () => {
			const one = pool(1);
			const done: number[] = [];
			const jobs = [0, 1, 2].map((i) =>
				one.render({ kind: 'personal', report: reports[i] }).then((pdf) => {
					done.push(i);
					return pdf;
				})
			);
			await until(one, (s) => s.busy > 0 && s.queued + s.busy === 3);
			expect(one.stats()).toEqual({ workers: 1, busy: 1, queued: 2 });
			const pdfs = await Promise.all(jobs);
			expect(done).toEqual([0, 1, 2]);
			pdfs.forEach((pdf, i) => expect(text(pdf)).toContain(reports[i].memberName));
			expect(one.stats()).toEqual({ workers: 1, busy: 0, queued: 0 });

			const two = pool(2);
			const more = [0, 1, 2].map((i) => two.render({ kind: 'personal', report: reports[i] }));
			await until(two, (s) => s.queued + s.busy === 3);
			expect(two.stats()).toEqual({ workers: 2, busy: 2, queued: 1 });
			await Promise.all(more);
			expect(two.stats()).toEqual({ workers: 2, busy: 0, queued: 0 });
		},
		SLOW
	);

	it(
		'refuses a job it cannot make and goes on with the next',
		async () => {
			const one = pool(1);
			await expect(one.render({ kind: 'personal', report: {} as PersonalReport })).rejects.toThrow(/could not be made/);
			const pdf = await one.render({ kind: 'personal', report: reports[1] });
			expect(text(pdf)).toContain(reports[1].memberName);
			expect(one.stats()).toEqual({ workers: 1, busy: 0, queued: 0 });
		},
		SLOW
	);

	it(
		'refuses the jobs of a worker that stopped and starts a new one for the next',
		async () => {
			const one = pool(1);
			// Each refusal is caught at once, so that neither goes unhandled while the other is awaited.
			const running = one.render({ kind: 'bundle', reports }).catch((e: Error) => e);
			const waiting = one.render({ kind: 'personal', report: reports[0] }).catch((e: Error) => e);
			await until(one, (s) => s.busy === 1 && s.queued === 1);
			await one.close();
			expect(await running).toBeInstanceOf(Error);
			expect(((await running) as Error).message).toMatch(/stopped/);
			expect(((await waiting) as Error).message).toMatch(/closed/);
			expect(one.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
			const pdf = await one.render({ kind: 'personal', report: reports[2] });
			expect(text(pdf)).toContain(reports[2].memberName);
		},
		SLOW
	);

	it(
		'makes one bundle at a time, however many workers it has, while a personal PDF goes past the waiting bundle',
		async () => {
			const two = pool(2);
			const order: string[] = [];
			const note = (name: string) => (pdf: Buffer) => (order.push(name), pdf);
			const first = two.render({ kind: 'bundle', reports }).then(note('bundle 1'));
			const second = two.render({ kind: 'bundle', reports: reports.slice(0, 3) }).then(note('bundle 2'));
			const personal = two.render({ kind: 'personal', report: reports[0] }).then(note('personal'));
			await until(two, (s) => s.busy === 2);
			// The second bundle waits for the first; the personal PDF took the other worker.
			expect(two.stats()).toEqual({ workers: 2, busy: 2, queued: 1 });
			await Promise.all([first, second, personal]);
			expect(order.indexOf('bundle 2')).toBeGreaterThan(order.indexOf('bundle 1'));
			expect(order.indexOf('personal')).toBeLessThan(order.indexOf('bundle 2'));
		},
		SLOW
	);

	it(
		'stops a worker that stays idle, and starts one again for the next PDF',
		async () => {
			const one = pool(1, { idleMs: 50 });
			await one.render({ kind: 'personal', report: reports[0] });
			await until(one, (s) => s.workers === 0);
			expect(one.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
			const pdf = await one.render({ kind: 'personal', report: reports[1] });
			expect(text(pdf)).toContain(reports[1].memberName);
		},
		SLOW
	);
});
