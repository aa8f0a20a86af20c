// Ctrl-L repaints a screen that something else scribbled over.
import {expect, it} from 'vitest';
import {destuiOn, sandbox} from '../harness/e2e.js';

it('Ctrl-L wipes stray output and draws the whole screen again', async () => {
	const s = destuiOn(await sandbox());
	await s.waitFor('Field ops imagery');
	s.scribble('\x1b[2J\x1b[5;1HSTRAY OUTPUT FROM ANOTHER PROGRAM');
	const scribbled = await s.waitFor('STRAY OUTPUT');
	expect(scribbled).not.toContain('Field ops imagery');
	await s.press('\x0c');
	const screen = await s.waitFor((x) => x.includes('Field ops imagery') && x.includes('Screen redrawn'));
	expect(screen).not.toContain('STRAY OUTPUT');
	expect(screen).toMatch(/11 of 11/);
});
