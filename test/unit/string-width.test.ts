// The bundle's string-width fast path must give string-width's own answer for every string it
// takes: each character of its class is one column wide and its own grapheme.
import {describe, expect, it} from 'vitest';
import realStringWidth from 'string-width';
import stringWidth, {ONE_COLUMN_EACH} from '../../src/build-stubs/string-width.js';

const inClass: string[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
	if (cp >= 0xd800 && cp <= 0xdfff) continue;
	const c = String.fromCodePoint(cp);
	if (ONE_COLUMN_EACH.test(c)) inClass.push(c);
}

describe('string-width stand-in', () => {
	it('takes only characters that are one column wide alone and next to each other', () => {
		// What destui itself draws beyond ASCII (all but the ⏳ emoji) is in the class.
		for (const c of '•·…✓✗↑↓←→›§—×★─⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ãéüñçø') expect(inClass).toContain(c);
		const wrong = inClass.filter((c) => realStringWidth(c) !== 1 || realStringWidth(`a${c}${c}b`) !== 4);
		expect(wrong.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
	});

	it('takes no character that could join a neighbour into one grapheme', () => {
		// Marks, joiners, formats, controls, emoji and regional indicators extend or join clusters;
		// Hangul jamo combine into syllables.
		const joining =
			/[\p{M}\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Cn}\p{Extended_Pictographic}\p{Regional_Indicator}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]/u;
		expect(inClass.filter((c) => joining.test(c)).map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
		const segments = [...new Intl.Segmenter().segment(inClass.join(''))];
		expect(segments).toHaveLength(inClass.length);
	});

	it('agrees with string-width on the whole class in one string, and on what destui draws', () => {
		const all = inClass.join('');
		expect(stringWidth(all)).toBe(realStringWidth(all));
		for (const text of ['› São Paulo · 1y ago', '• 3 of 11 … ✓ ✗ ↑↓ ← →', '─'.repeat(120), '⠋ Working', 'Ελληνικά Кириллица', ''])
			expect(stringWidth(text)).toBe(realStringWidth(text));
	});

	it('hands everything else to string-width', () => {
		for (const text of ['⏳ waiting', '東京', 'e\u0301', '👍🏽', '\x1b[31mred\x1b[39m', 'a\u200bb', '🇧🇷', 'tab\there'])
			expect(stringWidth(text)).toBe(realStringWidth(text));
		// Ambiguous-width characters are two columns when the caller says so.
		expect(stringWidth('─§±', {ambiguousIsNarrow: false})).toBe(realStringWidth('─§±', {ambiguousIsNarrow: false}));
		expect(stringWidth('─§±', {ambiguousIsNarrow: false})).toBe(6);
	});
});
