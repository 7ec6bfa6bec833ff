// The V8 heap the server runs with, measured in `npm run bench` (docs/benchmarks.md): the request thread's live heap
// is 16–30 MB and a member import of 54,000 rows peaks near 100 MB, so 192 MB of old space leaves room for that and
// keeps the garbage V8 lets pile up before collecting (which is what RSS followed) under a cap. Small semi-spaces
// (the young generation) trade a little throughput for tens of MB of RSS.
export const HEAP_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=2'];

/** True when this process was started with a heap cap, on its command line or in NODE_OPTIONS. */
export function heapCapped() {
	return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) =>
		a.startsWith('--max-old-space-size')
	);
}
