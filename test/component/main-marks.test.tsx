// Main screen, marks: Space marks the selected row and moves down, V marks every row shown, Esc
// clears them; the header counts them; a marked row carries a glyph, so it reads without colour.
// Marking never costs a request.
import {describe, expect, test} from 'vitest';
import {clearRequests, counts, mountScreen, press, selectedLine, sent, type} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
const header = (frame: string) => plain(frame).split('\n')[0] ?? '';
/** The names of the rows whose gutter carries the mark. */
const markedRows = (frame: string) =>
	plain(frame)
		.split('\n')
		.filter((l) => /^[› ]✓/.test(l))
		.map((l) =>
			l
				.slice(2)
				.split(/\s{2,}/)[0]!
				.trim(),
		);

describe('marks', () => {
	test('Space marks the row and moves down, the header counts the marks, Esc clears them; no request', async () => {
		const s = await mountScreen();
		await clearRequests(s.sb);
		const first = selectedLine(plain(s.frame()))
			.slice(2)
			.split(/\s{2,}/)[0]!
			.trim();
		await press(s, ' ', ' ');
		const f = s.frame();
		expect(markedRows(f)).toHaveLength(2);
		expect(markedRows(f)[0]).toBe(first);
		// The cursor moved on to the third row, which is not marked: it still reads "› name".
		expect(selectedLine(plain(f))).toMatch(/^› \S/);
		expect(header(f)).toContain('✓ 2 marked');
		// Space again on a marked row takes its mark off.
		await press(s, 'k', ' ');
		expect(markedRows(s.frame())).toEqual([first]);
		expect(header(s.frame())).toContain('✓ 1 marked');
		await press(s, KEYS.esc);
		expect(markedRows(s.frame())).toEqual([]);
		expect(header(s.frame())).not.toContain('marked');
		expect(await sent(s.sb)).toEqual([]);
	});

	test('V marks every row the search shows; the marks outside it stay and the header says how many are hidden', async () => {
		const s = await mountScreen();
		await press(s, ' ');
		await press(s, '/');
		await type(s, 'azure');
		await press(s, KEYS.enter);
		expect(counts(s.frame()).shown).toBe(1);
		await press(s, 'V');
		expect(markedRows(s.frame())).toEqual(['Azure archive (EU)']);
		expect(header(s.frame())).toContain('✓ 2 marked (1 hidden)');
		expect(plain(s.frame())).toContain('Marked the row shown. Esc clears the marks.');
		// Esc clears the marks first, then the search.
		await press(s, KEYS.esc);
		expect(header(s.frame())).not.toContain('marked');
		expect(counts(s.frame()).shown).toBe(1);
		await press(s, KEYS.esc, 'V');
		expect(markedRows(s.frame())).toHaveLength(counts(s.frame()).shown);
		expect(header(s.frame())).toContain(`✓ ${counts(s.frame()).shown} marked`);
		await press(s, 'V');
		expect(markedRows(s.frame())).toEqual([]);
	});

	test('the mark is a glyph: with NO_COLOR the frame still shows which rows are marked', async () => {
		process.env.NO_COLOR = '1';
		try {
			const s = await mountScreen();
			await press(s, 'j', ' ');
			expect(markedRows(s.frame())).toHaveLength(1);
			expect(
				s
					.frame()
					.split('\n')
					.filter((l) => l.includes('✓')).length,
			).toBe(2);
		} finally {
			delete process.env.NO_COLOR;
		}
	});
});
