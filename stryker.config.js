// Mutation testing of the pure domain and the auth code (`npm run mutation`; not part of `npm test`).
// Incremental: only mutants in changed code, or covered by changed tests, run again, so a second run on
// two shared cores takes minutes. One file at a time: `npm run mutation -- --mutate src/lib/domain/sheet.ts`.
// Scores are recorded in docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	plugins: ['@stryker-mutator/vitest-runner'],
	vitest: { configFile: 'vitest.mutation.config.ts' },
	mutate: ['src/lib/domain/**/*.ts', 'src/lib/server/auth/**/*.ts', '!**/*.spec.ts'],
	coverageAnalysis: 'perTest',
	concurrency: 2,
	incremental: true,
	incrementalFile: '.stryker/incremental.json',
	tempDirName: '.stryker/tmp',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: '.stryker/report.html' },
	jsonReporter: { fileName: '.stryker/report.json' },
	thresholds: { high: 90, low: 80, break: null },
	timeoutMS: 20000,
	dryRunTimeoutMinutes: 15
};
