// The screen tells the truth at once (issue 11 items 5-6), in a real terminal against a sandbox:
// a failed R shows its error as soon as the answer is in, and Esc during the start-up load
// really stops it, offering R.
import {describe, expect, it} from 'vitest';
import {destuiOn, injectFault, sandbox} from '../harness/e2e.js';
import {KEYS, sleep} from '../harness/terminal.js';

/** What the old screen did: "Reloading from the server…" stayed 4 s (its message time) over the error. */
const MESSAGE_MS = 4000;

const flat = (screen: string) => screen.replace(/\n/g, ' ');

describe('R that fails', () => {
	it.each([
		[500, /✗ Could not load destinations\. .*The server said: Internal Server Error\. Press R to retry\./],
		[401, /✗ Could not load destinations\. .*\. Press R to retry\./],
	])('%i: the error replaces "Reloading" as soon as the answer is in; the list stays', async (status, error) => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', status});
		const pressed = Date.now();
		await s.press('R');
		// Well before the old message would have expired.
		const screen = flat(await s.waitFor((sc) => error.test(flat(sc)), MESSAGE_MS / 2));
		expect(Date.now() - pressed).toBeLessThan(MESSAGE_MS);
		expect(screen).not.toContain('Reloading');
		expect(screen).toContain('11 of 11');
		// R again: the fault is spent, the list reloads.
		await s.press('R');
		await s.waitFor('Reloaded: 11 destinations.');
	});
});

describe('Esc during the start-up load', () => {
	it('stops it for real: the answer is never shown; R loads the list', async () => {
		const sb = await sandbox();
		// The sandbox holds the start-up list 1.5 s.
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 1500});
		const s = destuiOn(sb);
		await s.waitFor('Loading destinations…');
		await s.press(KEYS.esc);
		await s.waitFor('Stopped loading the list. Press R to load it.');
		await s.waitFor('Nothing loaded yet: press R to retry.');
		// Past the time the held answer would have arrived: still nothing loaded.
		await sleep(1800);
		const after = await s.screen();
		expect(after).toContain('0 of 0');
		expect(after).toContain('Nothing loaded yet');
		await s.press('R');
		await s.waitFor('11 of 11');
	});
});
