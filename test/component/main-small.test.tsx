// Main screen in small terminals: down to 40×12 the whole frame stays shorter than the terminal
// (whatever the status line holds); below that, one plain message instead of a broken frame.
import {describe, expect, test} from 'vitest';
import {commandsIn} from '../../src/view/commands.js';
import {clearRequests, mountScreen, press, sandbox, sent, settle, waitFrame, type Screen} from './main-helpers.js';

/** Moves onto `name`, read from the detail pane (narrow lists cut names short). */
async function select(s: Screen, name: string): Promise<void> {
	const shown = new RegExp(`(^|\\s)Name\\s+${name}`, 'm');
	await press(s, 'g');
	for (let i = 0; i < 20 && !shown.test(s.frame()); i++) await press(s, 'j');
	expect(s.frame()).toMatch(shown);
}

const rows = (s: Screen) => s.frame().split('\n').length;

describe('small terminals', () => {
	test('below 40×12: says what size it needs, ignores other keys, and q still quits', async () => {
		const sb = await sandbox();
		let unmounted = 0;
		const s = await mountScreen({sb, seed: 'empty', width: 30, height: 8, onUnmount: () => unmounted++});
		await waitFrame(s, (f) => f.replace(/\n/g, ' ').includes('needs at least 40×12'));
		expect(s.frame()).toContain('30×8');
		await settle(s);
		expect(rows(s)).toBeLessThan(8);
		await clearRequests(sb);
		for (const k of ['j', 'a', '1', '/', 'r']) await press(s, k);
		expect(await sent(sb)).toEqual([]);
		expect(s.frame()).toContain('needs at least');
		await press(s, 'q');
		expect(unmounted).toBe(1);
	});

	test('from 40×12 up, the frame is shorter than the terminal with a long error or the rename prompt showing', async () => {
		const sb = await sandbox();
		for (const width of [40, 80, 120]) {
			// One screen per width, drawn at every height in each state (as a terminal resized).
			const s = await mountScreen({sb, width, height: 24});
			const fitsEveryHeight = async (showing: string, what: string) => {
				for (const height of [12, 13, 14, 17, 24]) {
					await s.resize(width, height);
					expect(s.frame(), `${width}×${height}${what}`).toContain(showing);
					expect(rows(s), `${width}×${height}${what}`).toBeLessThan(height);
				}
			};
			await fitsEveryHeight('› ', '');
			// Someone else's destination: a refusal long enough to wrap at 40 columns.
			await select(s, 'Org-wide');
			await press(s, 'a');
			await fitsEveryHeight("Can't do that", ' with an error');
			// One of the user's own: the rename prompt and its complaint.
			await s.resize(width, 24);
			await select(s, 'analytics-raw');
			await press(s, 'r');
			for (let i = 0; i < 13; i++) await press(s, '\x7f');
			await press(s, 'x', '\r');
			await fitsEveryHeight('Rename to', ' renaming');
		}
	});

	test('the help overlay scrolls when the keys do not all fit: every key can be reached, and it opens at the top', async () => {
		const height = 14;
		const s = await mountScreen({height});
		await press(s, '?');
		expect(s.frame()).toContain('↑/↓ scroll');
		const seen: string[] = [];
		let previous = '';
		for (let i = 0; i < 30 && s.frame() !== previous; i++) {
			previous = s.frame();
			expect(rows(s)).toBeLessThan(height);
			seen.push(previous);
			await press(s, 'j');
		}
		const all = seen.join('\n');
		const list = commandsIn('normal');
		for (const c of list) expect(all).toContain(c.label.slice(0, 30));
		expect(s.frame()).not.toMatch(/more below/);
		await press(s, 'g');
		expect(s.frame()).toContain(list[0]!.label);
		await press(s, 'G', '\x1b');
		expect(s.frame()).toMatch(/\d+ of \d+/);
		await press(s, '?');
		expect(s.frame()).toContain(list[0]!.label);
		expect(s.frame()).not.toMatch(/more above/);
	});
});
