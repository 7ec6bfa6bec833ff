// Starts the built server with the defaults a newcomer expects: http://localhost:3000.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HEAP_FLAGS, heapCapped } from './heap.js';

// The heap cap is a flag of node itself, which a running process cannot change: started without it (plain
// `node scripts/serve.js`), the server starts itself again with it and passes signals and its exit code through.
// `npm start`, `npm run serve` and the systemd unit in docs/operations.md pass the flags, so run in one process.
if (!heapCapped()) {
	const child = spawn(process.execPath, [...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url)], {
		stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, TUSOI_HEAP_CHILD: '1' }
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
	// Started by the wrapper above: when it dies, even by SIGKILL, the channel closes and the server goes with it.
	if (process.env.TUSOI_HEAP_CHILD === '1' && process.send) process.on('disconnect', () => process.exit(1));
	await serve();
}

async function serve() {
	process.env.PORT ||= '3000';
	// adapter-node needs the public origin to accept form posts; behind a proxy set ORIGIN yourself.
	process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
	// adapter-node applies BODY_SIZE_LIMIT to every request as its body is read. It is the ceiling of the one
	// request that may be large, an administrator's member import (files of up to 5 MB); hooks.server.ts refuses
	// every other body over 512 KB (BODY_CAP in src/lib/server/http/edge.ts) once the session is known, before
	// reading it.
	process.env.BODY_SIZE_LIMIT ||= '6M';

	if (!existsSync(new URL('../build/index.js', import.meta.url))) {
		console.error('Chưa có bản build: chạy "npm run build" (hoặc "npm start") trước.');
		process.exit(1);
	}

	await import('../build/index.js');
	console.log(`tusoi đang chạy tại ${process.env.ORIGIN}`);
}
