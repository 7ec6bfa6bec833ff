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
}

/** How busy a pool is. */
export interface PoolStats {
	workers: number;
	busy: number;
	queued: number;
}

/** Starts a worker on the module at `url`: built JavaScript as it is, TypeScript sources through tsx. */
function startWorker(url: string, workerData: unknown): Worker {
	// Under `vite dev` and vitest the module is a .ts source file, which Node cannot load by itself.
	if (new URL(url).pathname.endsWith('.ts')) {
		const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`;
		return new Worker(boot, { eval: true, workerData });
	}
	return new Worker(new URL(url), { workerData });
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

	constructor(size: number) {
		this.size = Math.max(1, Math.floor(size));
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
			let slot = this.#slots.find((s) => !s.task);
			if (!slot) {
				if (this.#slots.length >= this.size) return;
				slot = this.#start(entry);
			}
			const task = this.#queue.shift()!;
			slot.task = task;
			slot.worker.ref();
			slot.worker.postMessage({ job: task.job } satisfies JobMessage);
		}
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
		});
		slot.worker.on('error', (error) => (slot.failure = error));
		slot.worker.on('exit', (code) => {
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
