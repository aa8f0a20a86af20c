// The built destui in a real terminal against a sandbox in this process: what each key costs in
// requests, read from the sandbox's own request log.
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {destuiOn, requestLog, sandbox} from '../harness/e2e.js';
import {KEYS, sleep} from '../harness/terminal.js';

let sb: RunningSandbox | undefined;

async function log(): Promise<string[]> {
	const requests = await requestLog(sb!);
	return requests.map((r) => `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} ${r.status}`);
}

/** Polls the log until it has `n` entries (then a little longer, to catch any extra one). */
async function logOf(n: number): Promise<string[]> {
	const deadline = Date.now() + 5000;
	let entries = await log();
	while (entries.length < n && Date.now() < deadline) {
		await sleep(20);
		entries = await log();
	}
	await sleep(150);
	return log();
}

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('› ')) ?? '';

describe('request counts in a real terminal', () => {
	it('start-up 1 GET; archived 1 more; toggles, search and moves 0; archive a look-up and 1 PATCH; unarchive, undo, rename 1 PATCH each; default 1 PUT', async () => {
		sb = await sandbox();
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		expect(await logOf(1)).toEqual(['GET /destinations/v1 200']);

		await s.press('1');
		await s.waitFor('13 of 13');
		const afterArchived = ['GET /destinations/v1 200', 'GET /destinations/v1?archived=true 200'];
		expect(await logOf(2)).toEqual(afterArchived);

		// Filters, search and navigation: all from memory.
		await s.press('1');
		await s.waitFor('2 of 13');
		await s.press('1', '2', '3', '4', '4', '0');
		await s.waitFor(/11 of 13\s+\[1 archived:no\]\s+\[2 mine:any\]\s+\[3 writable:any\]\s+\[4 default:any\]/);
		await s.press('j', 'j', KEYS.down, 'k', KEYS.up, 'G', 'g', KEYS.pageDown, KEYS.pageUp, '/');
		await s.type('ANALYTICS');
		// Not "11 of 13", which is on screen before the search narrows anything.
		await s.waitFor(/(^|\s)1 of 13/m);
		await s.press(KEYS.esc);
		await s.waitFor('11 of 13');
		await s.press('/');
		await s.type('analytics');
		await s.press(KEYS.enter);
		await s.waitFor((sc) => selected(sc).includes('analytics-raw') && !sc.includes('Enter keep'));
		expect(await logOf(2)).toEqual(afterArchived);

		// Archive: one look-up of what delivers there (nothing does), then one PATCH; undo one PATCH.
		await s.press('a');
		await s.waitFor('Archived analytics-raw. Press u to undo.');
		expect((await logOf(4)).slice(2)).toEqual([
			expect.stringMatching(/^GET \/subscriptions\/v1\?destination_ref=pl%3Adestinations%2Fanalytics-raw-\w+&page_size=500 200$/),
			expect.stringMatching(/^PATCH \/destinations\/v1\/analytics-raw-\w+ 200$/),
		]);
		await s.press('u');
		await s.waitFor('Undone: analytics-raw is active again.');
		expect((await logOf(5)).slice(4)).toEqual([expect.stringMatching(/^PATCH \/destinations\/v1\/analytics-raw-\w+ 200$/)]);

		// Rename: one PATCH, and the new ref is shown.
		await s.press('r');
		await s.waitFor('Rename to: analytics-raw');
		await s.type(' 2');
		await s.press(KEYS.enter);
		await s.waitFor(/Renamed to analytics-raw 2\. New ref: pl:destinations\/analytics-raw-2-\w+/);
		expect((await logOf(6)).slice(5)).toEqual([expect.stringMatching(/^PATCH \/destinations\/v1\/analytics-raw-\w+ 200$/)]);

		// Default: asks, naming the default it replaces, then one PUT.
		await s.press('d');
		await s.waitFor('Make analytics-raw 2 the organisation default, replacing Field ops imagery? [y/N]');
		await s.press('y');
		await s.waitFor("analytics-raw 2 is now your organisation's default");
		expect((await logOf(7)).slice(6)).toEqual(['PUT /destinations/v1/default 200']);

		// Unarchive an archived one: one PATCH.
		await s.press(KEYS.esc, '1', '1');
		await s.waitFor('2 of 13');
		await s.press('/');
		await s.type('crop');
		await s.press(KEYS.enter);
		await s.waitFor((sc) => selected(sc).includes('Crop monitoring 2025'));
		await s.press('a');
		await s.waitFor('Unarchived Crop monitoring 2025.');
		const all = await logOf(8);
		expect(all.slice(7)).toEqual([expect.stringMatching(/^PATCH \/destinations\/v1\/crop-monitoring-2025-\w+ 200$/)]);
		expect(all).toHaveLength(8);

		await s.press('q');
		expect((await s.exited).code).toBe(0);
	});
});
