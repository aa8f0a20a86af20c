// The bundle's patches to Ink, ansi-tokenize and got's type checks (src/build-stubs/patches.mjs)
// make start-up and frames cheaper; they must not change a single byte of what they produce.
// The two fixes change only what was wrong: cli-truncate keeps no wide character one cell too
// wide, and Ink opens no wrapped row with the space it broke at.
// Both versions are built here the way the bundle is, and given the same input.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {build} from 'esbuild';
import {mkdirSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
// @ts-expect-error: plain JavaScript, used by the build script
import {applyPatches} from '../../src/build-stubs/patches.mjs';
import {ONE_GRAPHEME_EACH} from '../../src/build-stubs/string-width.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'node_modules/.cache/destui-patch-test');

interface StyledChar {
	value: string;
	styles: unknown[];
}
interface Modules {
	Output: new (o: {width: number; height: number}) => {
		write(x: number, y: number, text: string, o: {transformers: []}): void;
		get(): {output: string};
	};
	tokenize(s: string): unknown[];
	styledCharsFromTokens(t: unknown[]): StyledChar[];
	styledCharsToString(c: StyledChar[]): string;
	is: {string(v: unknown): boolean; number(v: unknown): boolean};
	assertAny(predicates: Array<(v: unknown) => boolean>, ...values: unknown[]): void;
	stringWidth(s: string): number;
	sliceAnsi(s: string, from: number, to?: number): string;
	cliTruncate(s: string, columns: number, o?: {position?: 'end'}): string;
	wrapAnsi(s: string, columns: number, o?: {hard?: boolean; trim?: boolean}): string;
	wrapText(s: string, columns: number, wrapType: 'wrap'): string;
}

/** How many Intl.Segmenters `run` builds. */
async function segmentersBuiltBy<T>(run: () => Promise<T>): Promise<[T, number]> {
	const Real = Intl.Segmenter;
	const intl = Intl as {Segmenter: typeof Real};
	let built = 0;
	intl.Segmenter = class extends Real {
		constructor(...args: ConstructorParameters<typeof Real>) {
			super(...args);
			built++;
		}
	};
	try {
		return [await run(), built];
	} finally {
		intl.Segmenter = Real;
	}
}

async function bundle(name: string, patched: boolean): Promise<Modules> {
	const file = join(out, `${name}.mjs`);
	await build({
		stdin: {
			contents: `export {default as Output} from ${JSON.stringify(join(root, 'node_modules/ink/build/output.js'))};\nexport * from '@alcalzone/ansi-tokenize';\nexport {default as is, assertAny} from '@sindresorhus/is';\nexport {default as stringWidth} from 'string-width';\nexport {default as sliceAnsi} from 'slice-ansi';\nexport {default as cliTruncate} from 'cli-truncate';\nexport {default as wrapAnsi} from 'wrap-ansi';\nexport {default as wrapText} from ${JSON.stringify(join(root, 'node_modules/ink/build/wrap-text.js'))};`,
			resolveDir: root,
		},
		bundle: true,
		platform: 'node',
		format: 'esm',
		outfile: file,
		logLevel: 'error',
		plugins: patched
			? [
					{
						name: 'patches',
						setup: (b) =>
							b.onLoad(
								{
									filter:
										/\/(ink\/build|@alcalzone\/ansi-tokenize\/build|@sindresorhus\/is\/distribution|string-width|slice-ansi|cli-truncate)\/[\w-]+\.js$/,
								},
								async (a) => ({contents: applyPatches(a.path, await readFile(a.path, 'utf8')) as string, loader: 'js'}),
							),
					},
				]
			: [],
	});
	return (await import(pathToFileURL(file).href)) as Modules;
}

let original: Modules;
let patched: Modules;

beforeAll(async () => {
	mkdirSync(out, {recursive: true});
	// One after the other: the count is of a global constructor.
	[original, builtByOriginal] = await segmentersBuiltBy(() => bundle('original', false));
	[patched, builtByPatched] = await segmentersBuiltBy(() => bundle('patched', true));
});
let builtByOriginal = 0;
let builtByPatched = 0;
afterAll(() => rmSync(out, {recursive: true, force: true}));

const E = '\x1b[';
// Styled text as Ink writes it: colours, bold and dim (which share an end code), inverse,
// resets, nesting, wide characters and plain runs next to styled ones.
const LINES = [
	'plain text',
	`${E}1mbold${E}22m then ${E}2mdim${E}22m and ${E}1m${E}2mboth${E}22m`,
	`${E}31mred ${E}42mon green${E}49m still red${E}39m plain`,
	`${E}7m› Org-wide deliveries   GCS ${E}27m`,
	`${E}36m${E}1mdestui${E}22m${E}39m  ${E}33mSANDBOX${E}39m  東京 👍🏽 ✓`,
	`a${E}0mb${E}4mc${E}24m${E}38;5;208md${E}39m${E}38;2;1;2;3me${E}0m`,
	`${E}90m${'─'.repeat(30)}${E}39m`,
	'',
];

// Every character the tokenizer's fast path takes, in styled runs.
const CLASS_TEXT = (() => {
	let text = '';
	for (let cp = 0; cp < 0x3000; cp++) if (ONE_GRAPHEME_EACH.test(String.fromCodePoint(cp))) text += String.fromCodePoint(cp);
	return text;
})();

describe('bundle patches', () => {
	it('tokenizes into the same tokens, by code unit or by grapheme', () => {
		const styled = [...CLASS_TEXT].map((c, i) => (i % 7 === 0 ? `${E}3${i % 8}m${c}` : c)).join('') + `${E}39m`;
		for (const line of [...LINES, CLASS_TEXT, styled, `${styled}e\u0301 👍🏽`, `tab\there`, `${E}]8;;https://x.test\x07link${E}]8;;\x07`]) {
			expect(patched.tokenize(line)).toEqual(original.tokenize(line));
		}
		expect(CLASS_TEXT.length).toBeGreaterThan(1500);
	});

	it('styled cells come back as the same bytes for every kind of styling', () => {
		for (const line of LINES) {
			const cells = (m: Modules) => m.styledCharsFromTokens(m.tokenize(line));
			expect(patched.styledCharsToString(cells(patched))).toBe(original.styledCharsToString(cells(original)));
			expect(cells(patched).map((c) => c.value)).toEqual(cells(original).map((c) => c.value));
			// Across lines too: cells of one line next to cells of another.
			for (const other of LINES) {
				const mixed = (m: Modules) => m.styledCharsToString([...cells(m), ...m.styledCharsFromTokens(m.tokenize(other))]);
				expect(mixed(patched)).toBe(mixed(original));
			}
		}
	});

	it('frames drawn one after another are the same, with cells kept between frames', () => {
		// Frames that reuse, move and change lines, as a moving cursor does.
		for (let frame = 0; frame < 12; frame++) {
			const draw = (m: Modules) => {
				const output = new m.Output({width: 60, height: 10});
				for (let y = 0; y < 10; y++) output.write(y % 3, y, LINES[(y + frame) % LINES.length]!, {transformers: []});
				output.write(0, frame % 10, `${E}7m› selected row ${frame}${E}27m`, {transformers: []});
				return output.get().output;
			};
			expect(draw(patched)).toBe(draw(original));
		}
	});

	it('builds no Intl.Segmenter while loading, and measures, slices and wraps as before once one is needed', async () => {
		expect(builtByOriginal).toBeGreaterThanOrEqual(4);
		expect(builtByPatched).toBe(0);
		const texts = [...LINES, CLASS_TEXT.slice(0, 300), 'e\u0301te\u0301 👍🏽 東京 🇧🇷 tab\there', `${E}31m東京${E}39m café`];
		for (const text of texts) {
			expect(patched.stringWidth(text)).toBe(original.stringWidth(text));
			expect(patched.sliceAnsi(text, 2, 9)).toBe(original.sliceAnsi(text, 2, 9));
			expect(patched.wrapAnsi(text, 7, {hard: true, trim: false})).toBe(original.wrapAnsi(text, 7, {hard: true, trim: false}));
		}
	});

	it('truncates to at most the width asked for, wide characters included, and as before otherwise', () => {
		const texts = [
			...LINES,
			'北京市农业影像',
			'🌍 Global mosaics 🛰',
			`${E}1m東京 衛星データ${E}22m tail`,
			'São Paulo agronomy',
			'Sa\u0303o',
		];
		for (const text of texts) {
			for (let columns = 1; columns <= 20; columns++) {
				const cut = patched.cliTruncate(text, columns, {position: 'end'});
				expect(patched.stringWidth(cut), `${text} @${columns}`).toBeLessThanOrEqual(columns);
				const before = original.cliTruncate(text, columns, {position: 'end'});
				if (original.stringWidth(before) <= columns) expect(cut).toBe(before);
			}
		}
		expect(original.stringWidth(original.cliTruncate('北京市', 4, {position: 'end'}))).toBe(5);
		expect(patched.cliTruncate('北京市', 4, {position: 'end'})).toBe('北…');
	});

	it('wraps text without a stray space opening a wrapped row; otherwise as before', () => {
		const text = 'Nothing loaded yet: press R to retry the load now, or q to quit.';
		const rows = patched.wrapText(text, 20, 'wrap').split('\n');
		expect(
			original
				.wrapText(text, 20, 'wrap')
				.split('\n')
				.some((r) => r.startsWith(' ')),
		).toBe(true);
		expect(rows.some((r) => r.startsWith(' '))).toBe(false);
		expect(rows).toEqual(
			original
				.wrapText(text, 20, 'wrap')
				.split('\n')
				.map((r) => r.replace(/^ (?! )/, '')),
		);
		// A line's own indentation stays, on every line of the text; a break inside a word too.
		expect(patched.wrapText('  indented\n  and again', 20, 'wrap')).toBe('  indented\n  and again');
		expect(patched.wrapText('abcdefghijklmnopqrstuvwxyz', 10, 'wrap')).toBe(original.wrapText('abcdefghijklmnopqrstuvwxyz', 10, 'wrap'));
		for (const line of LINES) expect(patched.wrapText(line, 200, 'wrap')).toBe(original.wrapText(line, 200, 'wrap'));
	});

	it("got's type checks word their errors as before", () => {
		const message = (m: Modules) => {
			try {
				m.assertAny([m.is.string, m.is.number], true, null, [1]);
			} catch (err) {
				return (err as Error).message;
			}
			return 'no error';
		};
		expect(message(patched)).toMatch(
			/^Expected values which are `string` or `number`\. Received values of types `boolean`, `null`, and `Array`\.$/,
		);
		expect(message(patched)).toBe(message(original));
	});
});
