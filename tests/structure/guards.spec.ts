import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every load and action checks access itself: a layout load does not protect the pages below it,
// and a form action runs without the page's load. This test reads the route files and fails on any
// exported load, action or request handler that does not call a guard from src/lib/server/auth/guards.ts.

const ROOT = join(import.meta.dirname, '..', '..');
const ROUTES = join(ROOT, 'src', 'routes');

/** Server route files that are public on purpose. Keep this list short and say why. */
const PUBLIC_FILES = new Set([
	// Only shapes the header (name, navigation) from locals.user, which may be null; every page checks access in its own load.
	'src/routes/+layout.server.ts',
	// The sign-in page itself: a visitor without a session must be able to open it and post the form.
	'src/routes/(app)/login/+page.server.ts',
	// Says "ok" and nothing else: load balancers ask it whether the server is up, and the benchmark uses it as the framework's floor.
	'src/routes/health/+server.ts',
	// The benchmark's form floor: constants only (the bundled questionnaire), and not found unless BENCH_FLOORS=1.
	'src/routes/(app)/floor/sheet/+page.server.ts'
]);

const SERVER_FILE = /^\+(page\.server|layout\.server|server)\.(ts|js)$/;
const GUARD_NAME = /^require[A-Z]\w*$/;
const HTTP_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback']);

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

const toPosix = (file: string) => relative(ROOT, file).split(sep).join('/');

function serverRouteFiles(): string[] {
	return walk(ROUTES)
		.filter((f) => SERVER_FILE.test(f.split(sep).at(-1)!))
		.map(toPosix)
		.sort();
}

type FunctionLike = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

function isFunctionLike(node: ts.Node): node is FunctionLike {
	return (
		ts.isArrowFunction(node) ||
		ts.isFunctionExpression(node) ||
		ts.isFunctionDeclaration(node) ||
		ts.isMethodDeclaration(node)
	);
}

/** Strips `x satisfies T`, `x as T` and parentheses. */
function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node))
		node = node.expression;
	return node;
}

function isExported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Names imported from the guards module (the only calls that count as a guard). */
function guardImports(source: ts.SourceFile): Set<string> {
	const names = new Set<string>();
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		if (!/(^|\/)server\/auth\/guards(\.ts)?$/.test(statement.moduleSpecifier.text)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (bindings && ts.isNamedImports(bindings)) {
			for (const el of bindings.elements)
				if (GUARD_NAME.test((el.propertyName ?? el.name).text)) names.add(el.name.text);
		}
	}
	return names;
}

function callsGuard(fn: ts.Node, guards: Set<string>): boolean {
	let found = false;
	const visit = (node: ts.Node) => {
		if (found) return;
		if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && guards.has(node.expression.text)) {
			found = true;
			return;
		}
		ts.forEachChild(node, visit);
	};
	visit(fn);
	return found;
}

/**
 * The names of the exported loads, actions and request handlers in `text` that do not call a guard.
 * Something that cannot be checked (an action that is not a function written in place, a re-export)
 * is reported too, so a new shape of code makes the test fail instead of slipping through.
 */
function unguardedFunctions(text: string, fileName = 'route.ts'): string[] {
	const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const guards = guardImports(source);
	const localFunctions = new Map<string, ts.Node>();
	for (const statement of source.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name) localFunctions.set(statement.name.text, statement);
		if (ts.isVariableStatement(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name) && d.initializer) localFunctions.set(d.name.text, unwrap(d.initializer));
			}
		}
	}

	const problems: string[] = [];
	const checkFunction = (label: string, node: ts.Node | undefined) => {
		if (node && ts.isIdentifier(node)) node = localFunctions.get(node.text);
		if (!node || !isFunctionLike(node)) problems.push(`${label} (not a function this test can read)`);
		else if (!callsGuard(node, guards)) problems.push(label);
	};
	const checkActions = (node: ts.Node | undefined) => {
		if (node && ts.isIdentifier(node)) node = localFunctions.get(node.text);
		if (!node || !ts.isObjectLiteralExpression(node)) {
			problems.push('actions (not an object literal this test can read)');
			return;
		}
		for (const prop of node.properties) {
			const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name)) ? prop.name.text : '?';
			const label = `actions.${name}`;
			if (ts.isPropertyAssignment(prop)) checkFunction(label, unwrap(prop.initializer));
			else if (ts.isMethodDeclaration(prop)) checkFunction(label, prop);
			else if (ts.isShorthandPropertyAssignment(prop)) checkFunction(label, prop.name);
			else problems.push(`${label} (spread or accessor this test cannot read)`);
		}
	};
	const checkExport = (name: string, node: ts.Node | undefined) => {
		if (name === 'load' || HTTP_HANDLERS.has(name)) checkFunction(name, node);
		else if (name === 'actions') checkActions(node);
	};

	for (const statement of source.statements) {
		if (ts.isFunctionDeclaration(statement) && statement.name && isExported(statement)) {
			checkExport(statement.name.text, statement);
		} else if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) checkExport(d.name.text, d.initializer && unwrap(d.initializer));
			}
		} else if (ts.isExportDeclaration(statement)) {
			if (statement.moduleSpecifier) {
				problems.push('export … from (re-exported handlers cannot be checked here)');
			} else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
				for (const el of statement.exportClause.elements) {
					checkExport(el.name.text, localFunctions.get((el.propertyName ?? el.name).text));
				}
			}
		}
	}
	return problems;
}

describe('the guard checker itself', () => {
	const header = "import { requireUser, requireAdmin } from '$lib/server/auth/guards';\n";

	it('passes a load and actions that all call a guard', () => {
		const text = `${header}
export const load = (event) => { const u = requireUser(event); return { u }; };
export const actions = {
	default: async (event) => { requireAdmin(event); },
	save(event) { requireUser(event); },
	'remove': async function (event) { requireUser(event); }
} satisfies Actions;`;
		expect(unguardedFunctions(text)).toEqual([]);
	});

	it('names an unguarded load, action and request handler', () => {
		const text = `${header}
export const load: PageServerLoad = async ({ locals }) => ({ user: locals.user });
export const actions: Actions = {
	default: async (event) => { requireUser(event); },
	approve: async (event) => { return { ok: true }; }
};
export async function GET(event) { return new Response('x'); }`;
		expect(unguardedFunctions(text)).toEqual(['load', 'actions.approve', 'GET']);
	});

	it('does not count a guard that only appears in a comment, a string or an unrelated function', () => {
		const text = `${header}
function requireNothing() {}
export const load = (event) => {
	// requireUser(event) is done by the layout
	const note = 'requireAdmin(event)';
	requireNothing();
	return { note };
};`;
		expect(unguardedFunctions(text)).toEqual(['load']);
	});

	it('requires the guard to come from the guards module', () => {
		const text = `import { requireUser } from './somewhere-else';
export function load(event) { requireUser(event); }`;
		expect(unguardedFunctions(text)).toEqual(['load']);
	});

	it('follows handlers declared elsewhere in the file and reports shapes it cannot read', () => {
		const text = `${header}
const save = async (event) => { requireUser(event); };
const remove = async (event) => {};
const shared = {};
export const actions = { save, remove, ...shared };
export { handler as POST } from './other';`;
		expect(unguardedFunctions(text)).toEqual([
			'actions.remove',
			'actions.? (spread or accessor this test cannot read)',
			'export … from (re-exported handlers cannot be checked here)'
		]);
	});
});

describe('route files', () => {
	const files = serverRouteFiles();

	it('finds the route files (so an empty listing cannot pass)', () => {
		expect(files).toContain('src/routes/+page.server.ts');
		expect(files.length).toBeGreaterThan(PUBLIC_FILES.size);
	});

	it('keeps the public allow-list in step with the files that exist', () => {
		for (const file of PUBLIC_FILES) expect(files, `${file} is allow-listed but missing`).toContain(file);
	});

	it('call a guard in every load, action and request handler outside the allow-list', () => {
		const unguarded = files
			.filter((file) => !PUBLIC_FILES.has(file))
			.flatMap((file) =>
				unguardedFunctions(readFileSync(join(ROOT, file), 'utf8'), file).map((name) => `${file}: ${name}`)
			);
		expect(unguarded, 'add a require…() call from $lib/server/auth/guards').toEqual([]);
	});

	it('do not import drizzle-orm (SQL belongs in src/lib/server/db/queries)', () => {
		const offenders = walk(ROUTES)
			.filter((f) => /\.(ts|js|svelte)$/.test(f))
			.filter((f) => /(from\s+|import\s*\(\s*|import\s+)['"]drizzle-orm(\/[^'"]*)?['"]/.test(readFileSync(f, 'utf8')))
			.map(toPosix);
		expect(offenders).toEqual([]);
	});
});
