// Runs one load scenario with autocannon against the server on loopback and samples the server's memory.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface Scenario {
	name: string;
	connections: number;
	seconds: number;
	/** Stop after this many requests (for writes that use each sheet once). */
	amount?: number;
	/** Statuses that count as success (anything else is an error). */
	ok: number[];
	/** The next request for a connection; `context` belongs to that connection. */
	next: (context: Record<string, unknown>) => {
		method: string;
		path: string;
		headers?: Record<string, string>;
		body?: string;
	};
	onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface Result {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	errors: number;
	/** Unexpected statuses and how often they came. */
	unexpected: Record<number, number>;
	memoryMb: number;
}

function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

/** Loads the server at `base` with one scenario; errors are responses outside `ok` plus socket errors and timeouts. */
export async function runScenario(base: string, serverPid: number, s: Scenario): Promise<Result> {
	let peak = rssMb(serverPid);
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 200);
	let bad = 0;
	const unexpected: Record<number, number> = {};
	const result = await autocannon({
		url: base,
		connections: s.connections,
		duration: s.seconds,
		amount: s.amount,
		timeout: 30,
		requests: [
			{
				setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
					const r = s.next(context);
					return { ...req, method: r.method, path: r.path, headers: { ...(r.headers ?? {}) }, body: r.body };
				},
				onResponse: (status: number, body: string, context: Record<string, unknown>) => {
					if (!s.ok.includes(status)) {
						bad += 1;
						unexpected[status] = (unexpected[status] ?? 0) + 1;
					}
					s.onResponse?.(status, body, context);
				}
			}
		]
	});
	clearInterval(sampler);
	return {
		name: s.name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		errors: bad + result.errors + result.timeouts,
		unexpected,
		memoryMb: Math.round(peak)
	};
}
