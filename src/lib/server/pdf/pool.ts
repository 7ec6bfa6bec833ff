// PDFs are made in worker threads. pdfmake lays a document out in one synchronous run (seconds for a
// chapter's bundle of long sheets), which on the request thread stalled every user of the server. The request
// thread still reads the data (SQLite stays there) and hands a worker the report as plain data.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './jobs';
import type { JobMessage, ResultMessage } from './worker';

interface Task {
	job: PdfJob;
	resolve: (pdf: Buffer) => void;
	reject: (error: Error) => void;
}

interface Slot {
	worker: Worker;
	/** The job the worker is making; each worker makes one at a time. */
	task: Task | null;
	/** Why the worker stopped, when it threw. */
	failure?: Error;
	/** Stops the worker once it has been idle for the pool's idle time. */
	idle?: ReturnType<typeof setTimeout>;
}

/** How busy a pool is. */
export interface PoolStats {
	workers: number;
	busy: number;
	queued: number;
}

// Memory. pdfmake lays a whole document out in memory, and V8 lets a thread's heap grow well past what it holds
// before collecting; RSS follows the garbage. So: a young generation of 8 MB (V8 picks 32–64 MB), which keeps the
// short-lived layout objects from piling up; one bundle at a time in the whole pool (a bundle peaks at a few hundred
// MB; two at once would double it); and a worker idle for IDLE_MS is stopped, handing its heap back to the system
// (the next PDF starts one again: the fonts load in about 0.2 s).
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };
export const IDLE_MS = 30_000;

/** Starts a worker on the module at `url`: built JavaScript as it is, TypeScript sources through tsx. */
function startWorker(url: string, workerData: unknown): Worker {
	// Under `vite dev` and vitest the module is a .ts source file, which Node cannot load by itself.
	if (new URL(url).pathname.endsWith('.ts')) {
		const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`;
		return new Worker(boot, { eval: true, workerData, resourceLimits: RESOURCE_LIMITS });
	}
	return new Worker(new URL(url), { workerData, resourceLimits: RESOURCE_LIMITS });
}

/**
 * At most `size` worker threads, each making one PDF at a time; jobs beyond them wait in order. Workers start
 * when first needed and stay (the fonts are loaded once), without keeping the process alive while idle.
 */
export class PdfPool {
	readonly size: number;
	#slots: Slot[] = [];
	#queue: Task[] = [];
	#entry: Promise<{ url: string; role: string }> | undefined;

	readonly idleMs: number;

	constructor(size: number, options: { idleMs?: number } = {}) {
		this.size = Math.max(1, Math.floor(size));
		this.idleMs = options.idleMs ?? IDLE_MS;
	}

	/** Makes the job's PDF in a worker. */
	async render(job: PdfJob): Promise<Buffer> {
		this.#entry ??= import('./worker').then((m) => ({ url: m.workerUrl, role: m.PDF_WORKER }));
		const entry = await this.#entry;
		return new Promise<Buffer>((resolve, reject) => {
			this.#queue.push({ job, resolve, reject });
			this.#dispatch(entry);
		});
	}

	/** How many workers there are, how many are making a PDF, and how many jobs wait. */
	stats(): PoolStats {
		return {
			workers: this.#slots.length,
			busy: this.#slots.filter((s) => s.task).length,
			queued: this.#queue.length
		};
	}

	/** Stops every worker; jobs under way or waiting are refused. */
	async close(): Promise<void> {
		for (const task of this.#queue.splice(0)) task.reject(new Error('The PDF pool was closed.'));
		await Promise.all(this.#slots.map((s) => s.worker.terminate()));
	}

	#dispatch(entry: { url: string; role: string }): void {
		while (this.#queue.length > 0) {
			// The first job that may start: a bundle waits while another bundle is being made.
			const bundling = this.#slots.some((s) => s.task?.job.kind === 'bundle');
			const index = this.#queue.findIndex((t) => t.job.kind !== 'bundle' || !bundling);
			if (index < 0) return;
			let slot = this.#slots.find((s) => !s.task);
			if (!slot) {
				if (this.#slots.length >= this.size) return;
				slot = this.#start(entry);
			}
			const [task] = this.#queue.splice(index, 1);
			clearTimeout(slot.idle);
			slot.task = task;
			slot.worker.ref();
			slot.worker.postMessage({ job: task.job } satisfies JobMessage);
		}
	}

	/** Stops a worker that stays idle for the pool's idle time; its memory goes back to the system. */
	#idleLater(slot: Slot): void {
		clearTimeout(slot.idle);
		if (slot.task) return;
		slot.idle = setTimeout(() => {
			if (!slot.task) void slot.worker.terminate();
		}, this.idleMs);
		slot.idle.unref();
	}

	#start(entry: { url: string; role: string }): Slot {
		const slot: Slot = { worker: startWorker(entry.url, { role: entry.role }), task: null };
		slot.worker.on('message', (message: ResultMessage) => {
			const task = slot.task;
			slot.task = null;
			slot.worker.unref();
			if (task) {
				if ('pdf' in message)
					task.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
				else task.reject(new Error(`The PDF could not be made: ${message.error}`));
			}
			this.#dispatch(entry);
			this.#idleLater(slot);
		});
		slot.worker.on('error', (error) => (slot.failure = error));
		slot.worker.on('exit', (code) => {
			clearTimeout(slot.idle);
			this.#slots = this.#slots.filter((s) => s !== slot);
			slot.task?.reject(slot.failure ?? new Error(`The PDF worker stopped (exit code ${code}).`));
			slot.task = null;
			// A worker that died is replaced for the jobs still waiting.
			this.#dispatch(entry);
		});
		this.#slots.push(slot);
		return slot;
	}
}

/** One thread per core but the one the requests are served on, and at least one. */
export const PDF_THREADS = Math.max(1, os.availableParallelism() - 1);

let shared: PdfPool | undefined;

/** Makes a PDF in the server's pool of PDF threads, so that laying it out never stalls other requests. */
export function renderPdf(job: PdfJob): Promise<Buffer> {
	shared ??= new PdfPool(PDF_THREADS);
	return shared.render(job);
}
