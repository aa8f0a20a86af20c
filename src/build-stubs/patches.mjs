// Source changes the bundle makes to its dependencies, each for a measured reason. Each names
// the exact text it replaces, and the build fails if that text is gone (an upgrade moved it),
// rather than shipping a bundle that silently lost the change.
import {fileURLToPath} from 'node:url';

/** `const name = new Intl.Segmenter(args);` as an object that builds the segmenter when first used. */
const lazySegmenter = (name, args) => [
	`const ${name} = new Intl.Segmenter(${args});`,
	`let ${name}Built;\nconst ${name} = {segment: (text) => (${name}Built ??= new Intl.Segmenter(${args})).segment(text)};`,
];

/**
 * A stand-in for a regex literal that compiles it when first used: enough of RegExp for what
 * these modules do with theirs (test, exec, and being given to search, match, replace, split).
 */
const LAZY_REGEXP = `const lazyRegExp = (make) => {
    let built;
    const re = () => (built ??= make());
    return {
        test: (s) => re().test(s),
        exec: (s) => re().exec(s),
        [Symbol.search]: (s) => re()[Symbol.search](s),
        [Symbol.match]: (s) => re()[Symbol.match](s),
        [Symbol.replace]: (s, r) => re()[Symbol.replace](s, r),
        [Symbol.split]: (s, l) => re()[Symbol.split](s, l),
    };
};
`;

export const PATCHES = [
	{
		// Ink's reconciler awaits two imports at its top level, both only when DEV=true (its
		// developer tools, and its package.json for them). A CommonJS bundle cannot await at the
		// top level, so they become what they amount to without DEV.
		file: /\/ink\/build\/reconciler\.js$/,
		replace: [
			[
				"await import('./devtools.js');",
				"throw Object.assign(new Error('React devtools are not in the destui bundle'), {code: 'ERR_MODULE_NOT_FOUND'});",
			],
			['? await loadPackageJson()', '? {}'],
		],
	},
	{
		// Ink turns every line of every frame into styled cells, caching them per frame only; most
		// lines are the same from one frame to the next. Kept across frames, a key press
		// re-tokenises only the lines it changed. Dropped at 500 lines (some eight screens of new
		// text), which bounds it to a few MB: unbounded, paging through 10,000 destinations at
		// 200x60 grew it by ~100 MB.
		file: /\/ink\/build\/output\.js$/,
		replace: [
			['caches = new OutputCaches();', 'caches = framesCaches();'],
			[
				'export default class Output {',
				'let lastCaches;\nconst framesCaches = () => (lastCaches && lastCaches.styledChars.size < 500 && lastCaches.widths.size < 5000 ? lastCaches : (lastCaches = new OutputCaches()));\nexport default class Output {',
			],
		],
	},
	{
		// Per cell, Ink asks for the codes that take the style of one cell to the next: most
		// cells are unstyled, or styled as the cell before, and need none.
		file: /\/@alcalzone\/ansi-tokenize\/build\/diff\.js$/,
		replace: [
			[
				'export function diffAnsiCodes(from, to) {',
				'export function diffAnsiCodes(from, to) {\n    if (from === to || (from.length === 0 && to.length === 0)) return [];',
			],
		],
	},
	{
		// The cells of one run of text share one (never modified) styles array, so the check
		// above finds them alike.
		file: /\/@alcalzone\/ansi-tokenize\/build\/styledChars\.js$/,
		replace: [['styles: [...codes],', 'styles: codes,']],
	},
	{
		// Ink's tokenizer splits every new line of a frame into graphemes with Intl.Segmenter,
		// the largest cost of a frame of new rows (a page down). Text whose every code unit is a
		// grapheme of its own (the stand-in string-width's one-column characters, and ESC) is
		// split by code unit instead, which gives the same segments.
		file: /\/@alcalzone\/ansi-tokenize\/build\/tokenize\.js$/,
		replace: [
			lazySegmenter('segmenter', 'undefined, { granularity: "grapheme" }'),
			[
				'function isFullwidthGrapheme(grapheme, baseCodePoint) {',
				`import { ONE_GRAPHEME_EACH } from ${JSON.stringify(fileURLToPath(new URL('string-width.ts', import.meta.url)))};
function graphemes(str) {
    if (!ONE_GRAPHEME_EACH.test(str))
        return segmenter.segment(str);
    const segments = new Array(str.length);
    for (let index = 0; index < str.length; index++)
        segments[index] = { segment: str[index], index };
    return segments;
}
function isFullwidthGrapheme(grapheme, baseCodePoint) {`,
			],
			['for (const { segment, index } of segmenter.segment(str)) {', 'for (const { segment, index } of graphemes(str)) {'],
		],
	},
	{
		// Ink's text helpers each build an Intl.Segmenter when they load; the first Intl object
		// of a process costs ~10 ms (ICU's data), and with the fast paths above the first frame
		// needs none. Built when first used (measured: the list on screen ~11 ms sooner).
		file: /\/node_modules\/string-width\/index\.js$/, // string-width, and the older one wrap-ansi keeps
		replace: [lazySegmenter('segmenter', '')],
	},
	{
		file: /\/slice-ansi\/tokenize-ansi\.js$/,
		replace: [lazySegmenter('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}")],
	},
	{
		// Regexes of Unicode properties (\p{…}) load ICU's data when they are created, which the
		// first frame otherwise never needs (~10 ms). Compiled when first used (measured: the list
		// on screen 7-20 ms sooner, A/B).
		file: /\/node_modules\/string-width\/index\.js$/,
		except: /\/wrap-ansi\//,
		lazyRegExps: ['visibleCharacterRegex', 'spacingMarkRegex', 'rgiEmojiRegex', 'extendedPictographicRegex'],
	},
	{
		file: /\/wrap-ansi\/node_modules\/string-width\/index\.js$/,
		lazyRegExps: ['defaultIgnorableCodePointRegex'],
	},
	{
		file: /\/slice-ansi\/tokenize-ansi\.js$/,
		lazyRegExps: ['EMOJI_PRESENTATION_GRAPHEME_REGEX'],
	},
	{
		// cli-truncate (Ink's wrap="truncate-end") keeps a wide character (CJK, emoji) that
		// straddles the cut, so a cut line came out one cell too wide and the terminal wrapped it
		// onto the next row, breaking the frame. Such a character is left out, as destui's own
		// truncate does ("北京…", not "北京市…" past the edge); all other output is unchanged.
		file: /\/cli-truncate\/index\.js$/,
		replace: [
			[
				'const left = sliceAnsi(text, 0, columns - stringWidth(truncationCharacter));',
				'let left = sliceAnsi(text, 0, columns - stringWidth(truncationCharacter));\n\t\tif (stringWidth(left) > columns - stringWidth(truncationCharacter)) left = sliceAnsi(text, 0, columns - stringWidth(truncationCharacter) - 1);',
			],
		],
	},
	{
		// Ink wraps text (wrap="wrap", every <Text>'s default) with wrap-ansi's trim off, which
		// leaves the space it broke at on the start of the next row (" load now."): the user sees a
		// stray space opening each wrapped row. The one space a break leaves is dropped; the start of
		// a line the text itself begins (indentation) is kept, and so is a break inside a word.
		file: /\/ink\/build\/wrap-text\.js$/,
		replace: [
			[
				`wrappedText = wrapAnsi(text, maxWidth, {
            trim: false,
            hard: true,
        });`,
				`wrappedText = text
            .split('\\n')
            .map((line) => wrapAnsi(line, maxWidth, {trim: false, hard: true})
            .split('\\n')
            .map((row, i) => (i > 0 && row.startsWith(' ') && !row.startsWith('  ') ? row.slice(1) : row))
            .join('\\n'))
            .join('\\n');`,
			],
		],
	},
	{
		// got's type checks build two list formatters when they load, for error messages destui
		// never shows; the first Intl object of a process costs ~10 ms. Built when first used.
		file: /\/@sindresorhus\/is\/distribution\/index\.js$/,
		replace: [
			[
				"const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });",
				"const andFormatter = {format: (list) => new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(list)};",
			],
			[
				"const orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });",
				"const orFormatter = {format: (list) => new Intl.ListFormat('en', { style: 'long', type: 'disjunction' }).format(list)};",
			],
		],
	},
];

const applied = new Set();

/** `contents` of `path` with its patches applied (unchanged if it has none). */
export function applyPatches(path, contents) {
	const missing = (what) => new Error(`${path} no longer contains ${what}: update src/build-stubs/patches.mjs`);
	for (const patch of PATCHES) {
		if (!patch.file.test(path) || patch.except?.test(path)) continue;
		applied.add(patch);
		for (const [from, to] of patch.replace ?? []) {
			if (!contents.includes(from)) throw missing(JSON.stringify(from));
			contents = contents.replace(from, to);
		}
		for (const name of patch.lazyRegExps ?? []) {
			const literal = new RegExp(`^const ${name} = (/.+/[a-z]*);$`, 'm');
			if (!literal.test(contents)) throw missing(`a regex literal named ${name}`);
			contents = contents.replace(literal, `const ${name} = lazyRegExp(() => $1);`);
		}
		if (patch.lazyRegExps) contents = LAZY_REGEXP + contents;
	}
	return contents;
}

/** Fails the build if a patch's file never came into the bundle (an upgrade moved it). */
export function checkAllApplied() {
	const missed = PATCHES.filter((p) => !applied.has(p));
	if (missed.length)
		throw new Error(`no file in the bundle matched ${missed.map((p) => p.file).join(', ')}: update src/build-stubs/patches.mjs`);
}
