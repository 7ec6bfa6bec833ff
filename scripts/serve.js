// Starts the built server with the defaults a newcomer expects: http://localhost:3000.
import { existsSync } from 'node:fs';

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
