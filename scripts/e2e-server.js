// Serves the built app on a fresh database for the browser tests.
import { rmSync } from 'node:fs';

const file = process.env.DATABASE_URL;
if (!file || !file.startsWith('.test-output/')) {
	console.error('e2e-server: DATABASE_URL must point into .test-output/');
	process.exit(1);
}
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
await import('./serve.js');
