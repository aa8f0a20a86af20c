// Ctrl-L repaints a screen that something else scribbled over.
import {afterEach, expect, it} from 'vitest';
import {startSandbox, type RunningSandbox} from '../../src/sandbox/server.js';
import {launch, type TerminalSession} from '../harness/terminal.js';

let sb: RunningSandbox | undefined;
let s: TerminalSession | undefined;
afterEach(async () => {
	await s?.close();
	await sb?.close();
});

it('Ctrl-L wipes stray output and draws the whole screen again', async () => {
	sb = await startSandbox({seed: 'demo', rateLimit: false});
	s = launch(['--base-url', sb.origin, '--api-key', 'PLAK-sandbox-user'], {cols: 100, rows: 30});
	await s.waitFor('Field ops imagery');
	s.scribble('\x1b[2J\x1b[5;1HSTRAY OUTPUT FROM ANOTHER PROGRAM');
	const scribbled = await s.waitFor('STRAY OUTPUT');
	expect(scribbled).not.toContain('Field ops imagery');
	await s.press('\x0c');
	const screen = await s.waitFor((x) => x.includes('Field ops imagery') && x.includes('Screen redrawn'));
	expect(screen).not.toContain('STRAY OUTPUT');
	expect(screen).toMatch(/11 of 11/);
});
