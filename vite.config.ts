import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	build: { rollupOptions: { output: { experimentalMinChunkSize: 50_000 } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		environment: 'node',
		// Each integration file opens its own in-memory database, so files may run in parallel.
		pool: 'forks',
		testTimeout: 20_000
	}
});
