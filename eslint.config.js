// ESLint as `sv add eslint` sets it up, with type information so that a forgotten `await` is an error.
import prettier from 'eslint-config-prettier';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['drizzle/', 'static/', '.stryker/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				// Benchmarks and tool configs sit outside the app's tsconfig; they get a default project.
				projectService: {
					allowDefaultProject: [
						'drizzle.config.ts',
						'playwright.config.ts',
						'vitest.mutation.config.ts',
						'bench/*.ts',
						// SvelteKit keeps the service worker out of the app's tsconfig (it runs with the webworker library).
						'src/service-worker.ts'
					],
					// The benchmark modules, three configs and the service worker: more than the default 8.
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16
				},
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			// typescript-eslint recommends this off for TypeScript: the compiler already checks names.
			'no-undef': 'off',
			// The app is served from the root with no base path, so every href is already right without resolve().
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		// Tests build deliberately broken payloads, which have no type worth spelling out.
		files: ['**/*.spec.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// Plain JavaScript scripts are outside the TypeScript project: lint them without type information.
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
