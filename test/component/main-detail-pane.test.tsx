// Main screen, the detail pane beside the list on a wide terminal: what people copy from it (the
// pl:ref and both delivery blocks) is there in full, for the destination the cursor is on.
import {describe, expect, test} from 'vitest';
import {clientFor, mountScreen, press, selectedLine} from './main-helpers.js';

const WIDTH = 130;
const PANE_AT = Math.floor(WIDTH * 0.6) + 2;

/** The pane's text (right of the list), every blank removed so wrapped values join up again. */
const paneText = (frame: string) =>
	frame
		.split('\n')
		.map((l) => [...l].slice(PANE_AT).join(''))
		.join('')
		.replace(/\s+/g, '');

describe('detail pane (wide terminal)', () => {
	test("shows the selected destination's pl:ref and the order and subscription delivery blocks in full", async () => {
		const s = await mountScreen({width: WIDTH, height: 30});
		const all = await clientFor(s.sb).list({});
		for (const name of ['Org-wide deliveries', 'São Paulo agronomy']) {
			await press(s, 'g');
			for (let i = 0; i < all.length && !selectedLine(s.frame()).slice(2).startsWith(name); i++) await press(s, 'j');
			const ref = all.find((d) => d.name === name)!['pl:ref'];
			const text = paneText(s.frame());
			expect(text).toContain(`pl:ref${ref}`);
			expect(text).toContain(JSON.stringify({delivery: {destination: {ref}}}));
			expect(text).toContain(JSON.stringify({delivery: {type: 'destination', parameters: {ref}}}));
			expect(s.frame()).not.toContain('more lines: Enter shows everything');
		}
		expect(s.frame().split('\n').length).toBeLessThan(30);
	});
});
