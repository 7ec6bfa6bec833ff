import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Imports run one way: routes → server use cases (server/<area>) → queries (server/db) → domain. Schemas
// (zod) sit beside the domain; browser code (components, client) never reaches into server code. This test
// reads every source file under src/lib and src/routes and fails on an import against that direction.

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

type Layer = 'domain' | 'data' | 'schemas' | 'queries' | 'server' | 'client' | 'components' | 'routes' | 'params';

/** The layer a file under src/ belongs to, from its path relative to src/ (posix separators). */
export function layerOf(path: string): Layer | null {
	if (path.startsWith('lib/domain/')) return 'domain';
	if (path.startsWith('lib/data/')) return 'data';
	if (path.startsWith('lib/schemas/')) return 'schemas';
	if (path.startsWith('lib/server/db/')) return 'queries';
	if (path.startsWith('lib/server/')) return 'server';
	if (path.startsWith('lib/client/')) return 'client';
	if (path.startsWith('lib/components/')) return 'components';
	if (path.startsWith('routes/')) return 'routes';
	if (path.startsWith('params/')) return 'params';
	return null;
}

/** Which layers each layer may import from (besides packages from node_modules). */
const ALLOWED: Record<Layer, Layer[]> = {
	domain: ['domain', 'data'],
	data: [],
	params: [],
	schemas: ['schemas', 'domain', 'data'],
	// Data only: reads and writes, no rules from use cases, no zod, no auth.
	queries: ['queries', 'domain', 'data'],
	server: ['server', 'queries', 'schemas', 'domain', 'data'],
	client: ['client', 'domain', 'schemas', 'data'],
	components: ['components', 'client', 'domain', 'schemas', 'data'],
	routes: ['routes', 'server', 'queries', 'schemas', 'domain', 'data', 'client', 'components']
};

/** Why an import from `from` to `to` is against the direction, or null when it is fine. */
export function violation(from: string, to: string): string | null {
	const a = layerOf(from);
	const b = layerOf(to);
	if (!a || !b) return null;
	// A component runs in the browser wherever it lives, a route folder included.
	if (/\.svelte(\.ts)?$/.test(from) && (b === 'server' || b === 'queries'))
		return `${from} (browser code) imports ${to} (${b})`;
	return ALLOWED[a].includes(b) ? null : `${from} (${a}) imports ${to} (${b})`;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

const SPECIFIER =
	/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** The files under src/ that `file` imports (by path relative to src/), resolving $lib and relative specifiers. */
function importsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const targets: string[] = [];
	for (const m of source.matchAll(SPECIFIER)) {
		const spec = m[1] ?? m[2] ?? m[3];
		let target: string | null = null;
		if (spec.startsWith('$lib/')) target = join(SRC, 'lib', spec.slice(5));
		else if (spec.startsWith('.')) target = normalize(join(dirname(file), spec));
		if (target) targets.push(relative(SRC, target).split(sep).join('/'));
	}
	return targets;
}

const isTest = (path: string) => /\.(spec|e2e)\.ts$/.test(path);

describe('import direction', () => {
	it('reads every file of every layer', () => {
		const files = walk(SRC).map((f) => relative(SRC, f).split(sep).join('/'));
		for (const layer of ['domain', 'schemas', 'queries', 'server', 'components', 'routes'] as const)
			expect(files.some((f) => layerOf(f) === layer)).toBe(true);
	});

	it('runs routes → use cases → queries → domain, and browser code never imports server code', () => {
		const problems: string[] = [];
		for (const file of walk(SRC).filter((f) => /\.(ts|js|svelte)$/.test(f))) {
			const from = relative(SRC, file).split(sep).join('/');
			if (isTest(from)) continue;
			for (const to of importsOf(file)) {
				const problem = violation(from, to);
				if (problem) problems.push(problem);
			}
		}
		expect(problems).toEqual([]);
	});

	it('catches an import against the direction', () => {
		expect(violation('lib/domain/scoring.ts', 'lib/server/db/client')).toMatch(/domain/);
		expect(violation('lib/server/db/queries/units.ts', 'lib/server/admin/units')).toMatch(/queries/);
		expect(violation('lib/server/db/queries/templates.ts', 'lib/schemas/template')).toMatch(/queries/);
		expect(violation('lib/components/SheetReadOnly.svelte', 'lib/server/sheets/view')).toMatch(/components/);
		expect(violation('lib/client/autosave.svelte.ts', 'lib/server/db/schema')).toMatch(/client/);
		expect(violation('lib/domain/sheet.ts', 'lib/schemas/sheet')).toMatch(/domain/);
		expect(violation('routes/(app)/sheets/[id=id]/SheetForm.svelte', 'lib/server/sheets/view')).toMatch(/browser/);
		expect(violation('routes/(app)/sheets/+page.server.ts', 'lib/server/sheets/member')).toBeNull();
		expect(violation('lib/server/admin/units.ts', 'lib/server/db/queries/units')).toBeNull();
	});
});
