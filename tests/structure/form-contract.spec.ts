import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// One form contract: a refused form action answers fail(status, { values, errors }) so the form refills
// and each error sits by its field. Routes call refuse() from src/lib/schemas/form.ts, which builds exactly
// that; this test reads every server file under src/routes and fails on a fail(...) whose second argument
// is not an object literal with both `values` and `errors`.

const ROOT = join(import.meta.dirname, '..', '..');
const ROUTES = join(ROOT, 'src', 'routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

const routeSources = () =>
	walk(ROUTES)
		.filter((f) => /\.(ts|js)$/.test(f) && !/\.(spec|test)\.(ts|js)$/.test(f))
		.map((f) => relative(ROOT, f).split(sep).join('/'))
		.sort();

/** Every fail(...) call of a source that breaks the contract, as "line: text". */
export function contractBreaks(source: string, fileName = 'route.ts'): string[] {
	const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
	// `fail` under any local name it is imported as from @sveltejs/kit, and `kit.fail` for a namespace import.
	const failNames = new Set(['fail']);
	const namespaces = new Set<string>();
	for (const statement of file.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		if (statement.moduleSpecifier.text !== '@sveltejs/kit') continue;
		const bindings = statement.importClause?.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
		if (bindings && ts.isNamedImports(bindings))
			for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 'fail') failNames.add(el.name.text);
	}
	const isFail = (callee: ts.Expression) =>
		(ts.isIdentifier(callee) && failNames.has(callee.text)) ||
		(ts.isPropertyAccessExpression(callee) &&
			callee.name.text === 'fail' &&
			ts.isIdentifier(callee.expression) &&
			namespaces.has(callee.expression.text));
	const keeps = (arg: ts.Expression | undefined) => {
		if (!arg || !ts.isObjectLiteralExpression(arg)) return false;
		const names = new Set(
			arg.properties.flatMap((p) =>
				(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && !ts.isComputedPropertyName(p.name)
					? [p.name.getText(file)]
					: []
			)
		);
		return names.has('values') && names.has('errors');
	};
	const breaks: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isCallExpression(node) && isFail(node.expression) && !keeps(node.arguments[1])) {
			const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
			breaks.push(`${line + 1}: ${node.getText(file).replace(/\s+/g, ' ').slice(0, 120)}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return breaks;
}

describe('the form contract', () => {
	it('catches a refusal that loses what was typed, and lets the contract through', () => {
		const bad = `import { fail as refuseIt } from '@sveltejs/kit';
			import * as kit from '@sveltejs/kit';
			export const actions = {
				a: () => refuseIt(400, { message: 'Sai.' }),
				b: () => kit.fail(400, { errors: {} }),
				c: () => refuseIt(400, payload),
				d: () => refuseIt(400)
			};`;
		expect(contractBreaks(bad)).toHaveLength(4);
		const good = `import { fail } from '@sveltejs/kit';
			import { refuse } from '$lib/schemas/form';
			export const actions = {
				a: () => fail(400, { action: 'x', values: {}, errors: { form: 'Sai.' } }),
				b: () => refuse(400, {}, { form: 'Sai.' })
			};`;
		expect(contractBreaks(good)).toEqual([]);
	});

	it('holds in every route: each fail(...) sends back values and errors', () => {
		const files = routeSources();
		expect(files.length).toBeGreaterThan(20);
		const breaks = files.flatMap((f) => contractBreaks(readFileSync(join(ROOT, f), 'utf8'), f).map((b) => `${f}:${b}`));
		expect(breaks).toEqual([]);
	});

	it('every route that refuses a form does it through the helper', () => {
		const refusing = routeSources().filter((f) => /\brefuse\(/.test(readFileSync(join(ROOT, f), 'utf8')));
		expect(refusing.length).toBeGreaterThanOrEqual(14);
	});
});
