// Text in terminal cells: wide (CJK, emoji), combining and zero-width characters measured as the
// terminal draws them, cut only between characters; invisible characters dropped from what is
// drawn and named in the full details; line breaks and tabs shown, not swallowed.
import {describe, expect, it} from 'vitest';
import {revealInvisible, sanitize} from '../../src/sanitize.js';
import {columnsFor, formatRow, rowCells, toRow} from '../../src/view/rows.js';
import stringWidth from 'string-width';
import {cellWidth, graphemes, pad, splitCells, truncate, TWO_COLUMNS, wrapLines} from '../../src/view/text.js';
import {wrapDetail} from '../../src/view/detail-layout.js';
import {detailLines} from '../../src/view/detail.js';
import {textWindow} from '../../src/view/text-window.js';
import {dest} from './view-fixtures.js';

const NAMES = [
	'北京 农业影像',
	'São Paulo agronomy',
	'Sa\u0303o Paulo (decomposed)',
	'🌍 Global mosaics 🛰',
	'Ελληνικά δεδομένα',
	'Москва снимки',
	'עברית',
	'العربية',
	'東京　全角スペース',
	'Zero\u200Bwidth',
	'ﾊﾝｶｸ half-width',
];

describe('measuring', () => {
	it('counts cells: two for CJK and wide emoji, none for combining marks', () => {
		expect(cellWidth('北京')).toBe(4);
		expect(cellWidth('🌍')).toBe(2);
		expect(cellWidth('Sa\u0303o')).toBe(3);
		expect(cellWidth('São')).toBe(3);
		expect(graphemes('e\u0301x').map((c) => c.g)).toEqual(['e\u0301', 'x']);
		expect(graphemes('plain').every((c) => c.w === 1)).toBe(true);
	});

	it('measures the two-column fast path exactly as string-width and Intl.Segmenter do', () => {
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		const wide = new RegExp(`^[${TWO_COLUMNS}]$`);
		let checked = 0;
		for (let cp = 0x2e80; cp <= 0xffff; cp++) {
			const ch = String.fromCodePoint(cp);
			if (!wide.test(ch)) continue;
			checked++;
			expect(stringWidth(ch), ch).toBe(2);
			// Its own grapheme next to itself, plain letters and accented ones.
			const text = `a${ch}${ch}é${ch}`;
			expect([...segmenter.segment(text)].length, ch).toBe(5);
			expect(cellWidth(text)).toBe(stringWidth(text));
		}
		expect(checked).toBeGreaterThan(30000);
	});

	it('never cuts a character in half, and fills exactly the width asked for', () => {
		for (const name of NAMES) {
			const clean = sanitize(name);
			for (let width = 1; width <= 24; width++) {
				const padded = pad(clean, width);
				expect(cellWidth(padded), `${name} @${width}`).toBe(width);
				// What is kept is a run of whole graphemes from the start.
				const kept = truncate(clean, width).replace(/…$/, '');
				expect(clean.startsWith(kept)).toBe(true);
				expect(
					graphemes(clean)
						.map((c) => c.g)
						.join('')
						.startsWith(kept),
				).toBe(true);
			}
		}
		// A wide character that would straddle the edge is left out, and the gap filled.
		expect(pad('北京市', 4)).toBe('北… ');
	});

	it('splits and wraps by cells without losing a character', () => {
		const long = '国家地理空间情报局农业与森林监测的每日影像交付';
		for (const width of [3, 5, 8, 13]) {
			const pieces = splitCells(long, width);
			expect(pieces.join('')).toBe(long);
			for (const p of pieces) expect(cellWidth(p)).toBeLessThanOrEqual(width);
			const wrapped = wrapLines(`交付 ${long} 🌍🌍`, width);
			expect(wrapped.join('').replace(/\s/g, '')).toBe(`交付${long}🌍🌍`);
			for (const l of wrapped) expect(cellWidth(l)).toBeLessThanOrEqual(width);
		}
	});
});

describe('rows line up whatever the names hold', () => {
	it('starts every row\u2019s TYPE column at the same cell', () => {
		for (const width of [60, 100, 160]) {
			const c = columnsFor(width);
			for (const name of NAMES) {
				const {name: cell, rest} = rowCells(toRow(dest({name})), c);
				expect(cellWidth(cell), `${name} @${width}`).toBe(c.name);
				expect(cellWidth(formatRow(toRow(dest({name})), c))).toBe(width - 2);
				expect(rest.startsWith(' S3')).toBe(true);
			}
		}
	});
});

describe('what is drawn of names', () => {
	it('turns line breaks and tabs into visible marks, and drops invisible characters', () => {
		expect(sanitize('two\nlines\r\nand\ta tab')).toBe('two↵lines↵and⇥a tab');
		expect(sanitize('Zero\u200Bwidth \u2060joined\uFEFF \u200Emarked ❤\uFE0F')).toBe('Zerowidth joined marked ❤');
		expect(sanitize('\u202Egnp.exe')).toBe('gnp.exe');
	});

	it('names invisible and control characters in the full details, so look-alikes differ', () => {
		expect(revealInvisible('São\u200BPaulo\u200D\uFEFF')).toBe('São<ZWSP>Paulo<ZWJ><BOM>');
		expect(revealInvisible('\u202Egnp.exe A\u0007B\nC')).toBe('<RLO>gnp.exe A<U+0007>B↵C');
		expect(revealInvisible('x\u001b]52;c;AAAA\u0007')).not.toContain('\u001b');
		const plain = detailLines(dest({name: 'Field ops'}), {reveal: true})[0]!.value;
		const twin = detailLines(dest({name: 'Field\u200B ops'}), {reveal: true})[0]!.value;
		expect(plain).not.toBe(twin);
		expect(detailLines(dest({name: 'Field\u200B ops'}))[0]!.value).toBe('Field ops');
	});

	it('wraps a CJK name in the full details without losing a character', () => {
		const name = '国家地理空间情报局农业与森林监测每日影像交付中心';
		const rows = wrapDetail(detailLines(dest({name}), {reveal: true}), 30).rows;
		const first = rows.findIndex((r) => r.label === 'Name');
		const next = rows.findIndex((r, i) => i > first && r.label !== '');
		expect(
			rows
				.slice(first, next)
				.map((r) => r.text)
				.join(''),
		).toBe(name);
		for (const r of rows) expect(cellWidth(r.text)).toBeLessThanOrEqual(30);
	});
});

describe('the text field window', () => {
	it('keeps the cursor in view and fits wide text in its cells', () => {
		const value = '北京农业影像交付中心每日';
		for (let cursor = 0; cursor <= value.length; cursor++) {
			const w = textWindow(value, cursor, 12, true);
			const shown = w.before + w.at + w.after;
			expect(cellWidth(shown), `cursor ${cursor}`).toBeLessThanOrEqual(10);
			expect(value.includes(w.before + (cursor < value.length ? w.at : '') + w.after) || w.at === ' ').toBe(true);
			expect(w.at).toBe(cursor < value.length ? value[cursor] : ' ');
		}
		expect(textWindow('short', 5, 12, true)).toEqual({before: 'short', at: ' ', after: '', clippedLeft: false, clippedRight: false});
	});
});
