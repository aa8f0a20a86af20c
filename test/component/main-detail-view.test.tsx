// Main screen, the full detail view (Enter) in a terminal too short for all of it: nothing
// overlaps or goes missing, the frame stays inside the terminal, and j/k, PgUp/PgDn, g/G scroll.
import {describe, expect, test} from 'vitest';
import {detailLines} from '../../src/view/detail.js';
import {clientFor, mountScreen, press, selectedLine, waitFrame, type Screen} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

const HEIGHT = 16;

async function open(s: Screen, name: string): Promise<void> {
	await press(s, 'g');
	for (let i = 0; i < 20 && !selectedLine(s.frame()).slice(2).startsWith(name); i++) await press(s, 'j');
	await press(s, KEYS.enter);
	await waitFrame(s, 'Subscriptions delivering here', 3000).catch(() => undefined);
	await waitFrame(s, (f) => !f.includes('Looking up orders'));
}

describe('detail view in a short terminal', () => {
	test('every line can be reached by scrolling, none overlaps another, and the frame fits', async () => {
		const s = await mountScreen({height: HEIGHT});
		const d = (await clientFor(s.sb).list({})).find((x) => x.name === 'Field ops imagery')!;
		await open(s, 'Field ops imagery');
		expect(s.frame()).toContain('↑/↓ scroll');
		expect(s.frame()).toMatch(/↓ \d+ more below/);

		const seen: string[] = [];
		let previous = '';
		for (let i = 0; i < 40 && s.frame() !== previous; i++) {
			previous = s.frame();
			expect(previous.split('\n').length).toBeLessThanOrEqual(HEIGHT);
			seen.push(...previous.split('\n'));
			await press(s, 'j');
		}
		// At the end: the usage lines, and nothing more below.
		expect(s.frame()).toContain('Subscriptions delivering here');
		expect(s.frame()).not.toMatch(/more below/);
		for (const l of detailLines(d)) expect(seen.some((row) => row === l.label || row.startsWith(`${l.label} `))).toBe(true);
		// Each value is whole: a label's first row followed by its continuation rows.
		const joined = seen.join('\n').replace(/\s+/g, '');
		expect(joined).toContain(JSON.stringify({delivery: {destination: {ref: d['pl:ref']}}}));

		await press(s, 'g');
		expect(s.frame()).toMatch(/\nName\s+Field ops imagery/);
		expect(s.frame()).not.toMatch(/more above/);
		await press(s, 'k');
		expect(s.frame()).toMatch(/\nName\s+Field ops imagery/);
		await press(s, 'G');
		expect(s.frame()).toContain('Subscriptions delivering here');
		await press(s, KEYS.pageUp);
		expect(s.frame()).toMatch(/more below/);

		// Leaving and coming back starts at the top again.
		await press(s, KEYS.esc);
		await press(s, KEYS.enter);
		expect(s.frame()).toMatch(/\nName\s+Field ops imagery/);
	});

	test('a terminal tall enough shows it all at once, without scrolling', async () => {
		const s = await mountScreen({height: 30});
		await open(s, 'Field ops imagery');
		expect(s.frame()).toContain('Subscriptions delivering here');
		expect(s.frame()).not.toContain('↑/↓ scroll');
		const before = s.frame();
		await press(s, 'j');
		expect(s.frame()).toBe(before);
	});
});
