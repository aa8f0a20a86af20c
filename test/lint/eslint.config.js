// destui's lint rules (run by `npm test`, through eslint.config.js at the top of the repo): ESLint's
// and typescript-eslint's recommended rules, and the React hooks rules, which check that every
// hook's dependencies are honest and that nothing reads or writes a ref while rendering.
import {createRequire} from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7 (the project's
// type-checker) no longer has: this package brings TypeScript 6.0, and npm keeps it beside
// typescript-eslint. One helper of typescript-eslint (ts-api-utils) is hoisted beside the project's
// TypeScript 7 instead, so before typescript-eslint loads, `typescript` as the project resolves it
// is given TypeScript 6.0 for this process.
const here = createRequire(import.meta.url);
const project = createRequire(new URL('../../package.json', import.meta.url));
here.cache[project.resolve('typescript')] = {exports: here('typescript'), loaded: true};
const {default: tseslint} = await import('typescript-eslint');

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'test/lint/node_modules/', '**/*.tmp.mjs']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	reactHooks.configs.flat.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		rules: {
			// destui matches control characters on purpose: it strips them from every string that
			// reaches the terminal (src/sanitize.ts), and reads them as keys (src/keys/read.ts).
			'no-control-regex': 'off',
			// `_name` marks what a destructuring leaves out on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'},
			],
		},
	},
	{
		// Keys are read once per screen, through hooks/use-keys.ts and src/keys/read.ts (runs split,
		// pastes collected, reads numbered): a second listener would see the same keys, and see runs
		// whole. Tests may listen beside a screen.
		files: ['src/**', 'components/**', 'hooks/**'],
		ignores: ['hooks/use-keys.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{paths: [{name: 'ink', importNames: ['useInput'], message: 'Read keys with hooks/use-keys.ts, the one listener of a screen.'}]},
			],
		},
	},
	{
		// NO_COLOR: dim text is drawn only where colour is allowed (components/theme.ts' dim()), so
		// every dimColor goes through it.
		files: ['components/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "JSXAttribute[name.name='dimColor']:not(:has(CallExpression[callee.name='dim']))",
					message: "Dim with components/theme.ts' dim(), which honours NO_COLOR: dimColor={dim()}.",
				},
			],
		},
	},
	{
		// The invisible characters (joiners, variation selectors) are matched one by one on purpose:
		// each is stripped, or named, on its own.
		files: ['src/sanitize.ts'],
		rules: {'no-misleading-character-class': 'off'},
	},
);
