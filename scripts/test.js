// Runs every test: unit and integration tests (vitest), then browser journeys (Playwright in Debian's
// Chromium against the built server), and ends with one line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.error(
		`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH.`
	);
	process.exit(1);
}

for (const tool of ['pdftotext', 'pdftoppm']) {
	if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
		console.error(
			`${tool} not found: install Debian's poppler-utils ("apt-get install -y poppler-utils"); the PDF tests read PDFs back with it.`
		);
		process.exit(1);
	}
}

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(command, args, env = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

let passed = 0;
let failed = 0;

// Type errors count as a failure: the code is TypeScript strict throughout.
const checkStatus = run('npx', [
	'svelte-check',
	'--tsconfig',
	'./tsconfig.json',
	'--threshold',
	'error',
	'--output',
	'machine'
]);
if (checkStatus !== 0) failed += 1;

const buildStatus = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (buildStatus !== 0) failed += 1;

const vitestStatus = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${OUT}/vitest.json`
]);
const vitest = readJson(`${OUT}/vitest.json`);
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
}
if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) failed += 1; // a crash outside any test

let e2eStatus = 1;
if (buildStatus === 0) {
	e2eStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json`
	});
	const e2e = readJson(`${OUT}/playwright.json`);
	if (e2e?.stats) {
		passed += e2e.stats.expected + e2e.stats.flaky;
		failed += e2e.stats.unexpected;
	}
	if (e2eStatus !== 0 && (!e2e?.stats || e2e.stats.unexpected === 0)) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || checkStatus !== 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
