import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: { allowDefaultProject: ['drizzle.config.ts', 'playwright.config.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
			]
		}
	},
	{
		// DESIGN.md habit 2: the domain core is pure and imports only itself.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'$lib/*',
						'$contracts/*',
						'../server/*',
						'../contracts/*',
						'node:*',
						'drizzle-orm*',
						'socket.io*',
						'svelte*',
						'zod'
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "MemberExpression[object.name='Date'][property.name='now']",
					message: 'domain code takes time as an argument'
				}
			]
		}
	},
	{
		// Only repositories (and the db module itself) touch the database.
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/repositories/**', 'src/lib/server/db/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['**/db/schema', 'drizzle-orm*'] }]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'drizzle/',
			'data/',
			'test-results/',
			'playwright-report/'
		]
	}
);
