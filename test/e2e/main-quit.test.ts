// Quitting while a request is still out: the screen goes and the shell comes back at once, not
// when the server finally answers (or a retry's back-off ends).
import {describe, expect, it} from 'vitest';
import {destuiOn, injectFault, requestLog, sandbox} from '../harness/e2e.js';
import {KEYS, sleep, type TerminalSession} from '../harness/terminal.js';

const HELD_MS = 60_000;
/** The last bytes: leave the alternate screen (and show the cursor), nothing drawn after. */
const restored = (out: string) => /\x1b\[\?1049l(\x1b\[\?25h)*$/.test(out);

/** Waits for the process to end, or says it is still running after `ms`. */
const endsWithin = (s: TerminalSession, ms: number) => Promise.race([s.exited, sleep(ms).then(() => 'still running' as const)]);

describe('quitting with a request in flight', () => {
	it('q during a start-up list the server holds: exits 0 at once, terminal restored, the answer never came', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: HELD_MS});
		const s = destuiOn(sb);
		await s.waitFor('Loading destinations…');
		await s.press('q');
		expect(await endsWithin(s, 10_000)).toEqual({code: 0, signal: 0});
		expect(restored(s.output())).toBe(true);
		// Still held by the sandbox: the exit did not wait for it.
		expect((await requestLog(sb)).filter((r) => r.method === 'GET' && r.status === 200)).toEqual([]);
	});

	it('Ctrl-C during an archive the server holds: exits at once', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		await injectFault(sb, {count: 1, methods: ['PATCH'], latency_ms: HELD_MS});
		// The demo user owns analytics-raw, and nothing delivers there: archived without a question.
		await s.press('/');
		await s.type('analytics-raw');
		await s.press(KEYS.enter);
		await s.waitFor((sc) => sc.includes('› analytics-raw') && !sc.includes('Enter keep'));
		await s.press('a');
		await s.waitFor('Working');
		await s.press(KEYS.ctrlC);
		expect(await endsWithin(s, 10_000)).toEqual({code: 0, signal: 0});
		expect(restored(s.output())).toBe(true);
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH')).toEqual([]);
	});
});
