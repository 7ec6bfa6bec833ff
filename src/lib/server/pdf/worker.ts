// The entry of a PDF worker thread. Vite bundles the server and adapter-node bundles it again, so this file's
// name and place in build/ are not known in advance (`new URL('./worker.js', import.meta.url)` would point at
// nothing: Vite only rewrites it for the browser). The pool imports this small module instead and starts its
// workers on the URL the module reports for itself, which is right in build/, under `vite dev` and in vitest.
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PdfJob } from './jobs';

/** Marks a thread the pool started, so that importing this module anywhere else does nothing. */
export const PDF_WORKER = 'tusoi-pdf-worker';

/** Where this module is, for `new Worker()`. */
export const workerUrl = import.meta.url;

/** What the pool sends: one job at a time. */
export interface JobMessage {
	job: PdfJob;
}

/** What a worker answers: the PDF's bytes, or why it could not make it. */
export type ResultMessage = { pdf: Uint8Array } | { error: string };

function serve(port: MessagePort): void {
	// pdfmake and the fonts are loaded here, in the worker, never on the request thread.
	const jobs = import('./jobs');
	port.on('message', ({ job }: JobMessage) => {
		void jobs
			.then(({ renderJob }) => renderJob(job))
			.then(
				// Copied once into the message: Node marks a Buffer's memory as not transferable.
				(pdf) => port.postMessage({ pdf: new Uint8Array(pdf) } satisfies ResultMessage),
				(error: unknown) =>
					port.postMessage({
						error: error instanceof Error ? (error.stack ?? error.message) : String(error)
					} satisfies ResultMessage)
			);
	});
}

if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === PDF_WORKER) serve(parentPort);
