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
	/** Called before each run of the scenario (a run cut short leaves answers the scenario never read). */
	before?: () => void;
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

/** The resident memory of a process (every thread of it) in MB. */
export function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

/** Loads the server at `base` with one scenario; errors are responses outside `ok` plus socket errors and timeouts. */
export async function runScenario(base: string, serverPid: number, s: Scenario): Promise<Result> {
	s.before?.();
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

/**
 * `connections` loops, each asking for the next request as soon as its answer came, until `stop()` says so;
 * requests under way then are waited for and counted (autocannon drops them, which hides a stalled server).
 */
export async function measureUntil(
	base: string,
	serverPid: number,
	name: string,
	connections: number,
	next: () => { path: string; headers?: Record<string, string> },
	stop: () => boolean
): Promise<Result> {
	let peak = rssMb(serverPid);
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 200);
	const latencies: number[] = [];
	const unexpected: Record<number, number> = {};
	let errors = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (!stop()) {
				const r = next();
				const t = performance.now();
				try {
					const answer = await fetch(base + r.path, { headers: r.headers });
					await answer.arrayBuffer();
					if (answer.status !== 200) {
						errors += 1;
						unexpected[answer.status] = (unexpected[answer.status] ?? 0) + 1;
					}
				} catch {
					errors += 1;
				}
				latencies.push(performance.now() - t);
			}
		})
	);
	clearInterval(sampler);
	const sorted = [...latencies].sort((a, b) => a - b);
	const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
	return {
		name,
		rps: latencies.length / ((performance.now() - started) / 1000),
		p50: at(0.5),
		p99: at(0.99),
		requests: latencies.length,
		errors,
		unexpected,
		memoryMb: Math.round(peak)
	};
}

/** A target measured against its floor in alternating rounds, so a burst of load from elsewhere hits both alike. */
export interface Paired {
	/** The median of the rounds' target / floor. */
	ratio: number;
	floorRps: number;
	targetRps: number;
	errors: number;
	rounds: number;
}

/**
 * `rounds` rounds of the floor then the target, `seconds` each; the floor is a scenario on the server or a function
 * measuring rate itself (raw argon2id). On a shared machine the ratio of neighbours in time is steadier than the
 * ratio of two scenarios a minute apart.
 */
export async function pairedRatio(
	base: string,
	serverPid: number,
	floor: Scenario | ((seconds: number) => Promise<number>),
	target: Scenario,
	rounds = 5,
	seconds = 2
): Promise<Paired> {
	const ratios: number[] = [];
	const floors: number[] = [];
	const targets: number[] = [];
	let errors = 0;
	for (let i = 0; i < rounds; i++) {
		const f =
			typeof floor === 'function'
				? await floor(seconds)
				: (await runScenario(base, serverPid, { ...floor, seconds })).rps;
		const t = await runScenario(base, serverPid, { ...target, seconds, amount: undefined });
		errors += t.errors;
		floors.push(f);
		targets.push(t.rps);
		ratios.push(t.rps / f);
	}
	const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	return { ratio: median(ratios), floorRps: median(floors), targetRps: median(targets), errors, rounds };
}
