// Signals that arrive before the screen is up (the sandbox still starting, the terminal not yet
// in raw mode so Ctrl-C is a SIGINT): destui still leaves the alternate screen it entered.
import {describe, expect, it} from 'vitest';
import {destui, destuiOn, sandbox} from '../harness/e2e.js';
import {KEYS, sleep, type TerminalSession} from '../harness/terminal.js';

/** The last bytes: leave the alternate screen (and show the cursor), nothing drawn after. */
const restored = (out: string) => /\x1b\[\?1049l(\x1b\[\?25h)*$/.test(out);

/** Waits (polling the raw output, not the parsed screen) for the start-up placeholder. */
async function placeholder(s: TerminalSession, text: string): Promise<void> {
	for (let i = 0; i < 2000 && !s.output().includes(text); i++) await sleep(1);
	expect(s.output()).toContain(text);
}

describe('signals during start-up', () => {
	it('SIGTERM while the --demo sandbox starts: the terminal is restored', async () => {
		const s = destui(['--demo']);
		await placeholder(s, 'starting…');
		s.kill('SIGTERM');
		const exit = await s.exited;
		expect(exit.code).toBe(143);
		expect(restored(s.output())).toBe(true);
	});

	it('Ctrl-C (a SIGINT before raw mode) while the --demo sandbox starts: the terminal is restored', async () => {
		const s = destui(['--demo']);
		await placeholder(s, 'starting…');
		await s.press(KEYS.ctrlC);
		const exit = await s.exited;
		expect(exit.code).toBe(130);
		expect(restored(s.output())).toBe(true);
	});

	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)
		it(`${signal} once the list is up: unmounts, restores the terminal and exits ${code} (128 + the signal)`, async () => {
			const s = destuiOn(await sandbox());
			await s.waitFor('11 of 11');
			s.kill(signal);
			expect((await s.exited).code).toBe(code);
			expect(restored(s.output())).toBe(true);
		});
});
