import type { RequestHandler } from './$types';

// Public on purpose: it reveals nothing and touches no data. A proxy or monitor asks it whether the
// server is up; the benchmark uses it as the framework's floor.
export const GET: RequestHandler = () =>
	new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
