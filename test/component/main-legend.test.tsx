// Main screen footer in --read-only: the changes are not offered, yet their keys still explain
// themselves, and the ? overlay lists them with the reason.
import {describe, expect, test} from 'vitest';
import {clearRequests, mountScreen, press, sent} from './main-helpers.js';

const legend = (frame: string) =>
	frame
		.split('\n')
		.filter((l) => l.trim())
		.at(-1) ?? '';

describe('legend', () => {
	test('read-only: no archive, rename, default or new in the footer; pressing a still says why', async () => {
		const s = await mountScreen({readOnly: true});
		expect(legend(s.frame())).toMatch(/\? help {2}q quit$/);
		expect(legend(s.frame())).not.toMatch(/a archive|r rename|d default|n new/);
		expect(legend(s.frame())).toContain('y copy ref');
		await clearRequests(s.sb);
		await press(s, 'a');
		expect(s.frame()).toContain('read-only (--read-only)');
		await press(s, '?');
		expect(s.frame()).toMatch(/archive or unarchive: the marked rows/);
		expect(await sent(s.sb)).toEqual([]);
	});

	test('a normal session offers the changes', async () => {
		const s = await mountScreen();
		expect(legend(s.frame())).toContain('a archive');
	});
});
