// Runs every test: unit and integration tests (vitest), then browser journeys (Playwright in Debian's
// Chromium against the built server), and ends with one line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

// Debian's Chromium drives the browser tests; poppler-utils (pdftotext, pdftoppm) read the PDFs back.
// On a fresh Debian machine run as root they are installed here, so `npm ci && npm test` is all it takes.
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!hasCommand('pdftotext') || !hasCommand('pdftoppm')) missing.push('poppler-utils');
if (missing.length > 0) {
	const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
	const canInstall = process.getuid?.() === 0 && hasCommand('apt-get') && !process.env.CHROMIUM_PATH;
	if (!canInstall) {
		console.error(`Missing for the tests: ${missing.join(', ')}. Install with: sudo ${command}`);
		if (missing.includes('chromium')) console.error('Or point CHROMIUM_PATH at another Chromium.');
		process.exit(1);
	}
	console.log(`Installing from Debian's packages: ${missing.join(' ')}`);
	if (spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status !== 0) {
		console.error(`Could not install ${missing.join(', ')}. Run: ${command}`);
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

// Formatting and lint errors count as failures, like type errors: the code is TypeScript strict throughout.
if (run('npx', ['prettier', '--check', '--log-level', 'warn', '.']) !== 0) failed += 1;
if (run('npx', ['eslint', '.']) !== 0) failed += 1;

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
