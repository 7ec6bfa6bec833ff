import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	// Small shared chunks are merged into the chunks that use them (where that runs no module's code earlier): the sheet
	// page loads 20 scripts and styles instead of 33, and on a slow phone connection each round of 6 requests costs a
	// round trip. (Rollup merges no further above 20 KB.)
	build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		environment: 'node',
		// Each integration file opens its own in-memory database, so files may run in parallel.
		pool: 'forks',
		testTimeout: 20_000
	}
});
