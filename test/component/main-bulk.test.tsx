// Main screen, changing the marked rows at once, against a real sandbox over HTTP: one question,
// one PATCH per destination, each result shown; Esc stops before the next request; one u undoes
// the batch. Request counts are read from the sandbox's own log.
import {describe, expect, test} from 'vitest';
import {clearRequests, clientFor, fault, mountScreen, press, requests, settle, waitFrame, type Screen} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
const flat = (s: Screen) => plain(s.frame()).replace(/\n/g, ' ').replace(/ {2,}/g, ' ');
const header = (s: Screen) => plain(s.frame()).split('\n')[0] ?? '';
const log = async (s: Screen) =>
	(await requests(s.sb)).map((r) => `${r.method} ${r.path.replace(/\/[^/]+-[A-Za-z0-9]{21}$/, '/:id')} ${r.status}`);

/** Sorted by name, "mine" only, the first `n` rows not the default marked (Space skips it with j). */
async function markMine(s: Screen, names: readonly string[]): Promise<void> {
	await press(s, 's', '2', 'g');
	for (let i = 0; i < 12; i++) {
		const line =
			plain(s.frame())
				.split('\n')
				.find((l) => l.startsWith('›')) ?? '';
		if (names.some((n) => line.slice(2).startsWith(n))) await press(s, ' ');
		else await press(s, 'j');
		if (header(s).includes(`✓ ${names.length} marked`)) return;
	}
	throw new Error(`could not mark ${names.join(', ')}`);
}

const THREE = ['analytics-raw', 'Legacy exports', 'MinIO on-prem lab'];

describe('a on marked rows', () => {
	test('one question after one look-up each; y sends one PATCH each and shows each result; one u undoes all with one PATCH each', async () => {
		const s = await mountScreen();
		await markMine(s, THREE);
		await clearRequests(s.sb);
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		expect(flat(s)).toContain('Archive the 3 marked destinations? [y/N]');
		await settle(s);
		expect(await log(s)).toEqual(['GET /subscriptions/v1 200', 'GET /subscriptions/v1 200', 'GET /subscriptions/v1 200']);
		await clearRequests(s.sb);

		await press(s, 'y');
		await waitFrame(s, 'Archived 3 destinations. Press u to undo all 3.');
		await settle(s);
		expect(await log(s)).toEqual(['PATCH /destinations/v1/:id 200', 'PATCH /destinations/v1/:id 200', 'PATCH /destinations/v1/:id 200']);
		for (const name of THREE) expect(plain(s.frame())).toMatch(new RegExp(`✓ ${name}\\s+archived`));
		// Marks are gone with the rows they were on; the server has them archived.
		expect(header(s)).not.toContain('marked');
		const archived = await clientFor(s.sb).list({archived: true});
		for (const name of THREE) expect(archived.map((d) => d.name)).toContain(name);

		await clearRequests(s.sb);
		await press(s, 'u');
		await waitFrame(s, 'Undone: 3 of 3 changes.');
		await settle(s);
		expect(await log(s)).toEqual(['PATCH /destinations/v1/:id 200', 'PATCH /destinations/v1/:id 200', 'PATCH /destinations/v1/:id 200']);
		const active = (await clientFor(s.sb).list({})).map((d) => d.name);
		for (const name of THREE) expect(active).toContain(name);
		// Esc puts the results away: the detail pane is back.
		await press(s, KEYS.esc);
		expect(plain(s.frame())).not.toMatch(/✓ analytics-raw\s+undone/);
		expect(plain(s.frame())).toMatch(/pl:ref\s+pl:destinations\//);
	});

	test("the question names the default; the rows of someone else are skipped with the reason, never sent; a refusal shows the server's reason", async () => {
		const s = await mountScreen();
		// Field ops imagery (the default, mine), Azure archive (EU) (someone else's), analytics-raw (mine).
		await press(s, 's', 'g');
		for (let i = 0; i < 12 && !header(s).includes('✓ 3 marked'); i++) {
			const line =
				plain(s.frame())
					.split('\n')
					.find((l) => l.startsWith('›')) ?? '';
			await press(s, ['Field ops imagery', 'Azure archive (EU)', 'analytics-raw'].some((n) => line.slice(2).startsWith(n)) ? ' ' : 'j');
		}
		await clearRequests(s.sb);
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		const question = flat(s);
		expect(question).toContain("Field ops imagery is the organisation's default: archiving it leaves your organisation with no default.");
		expect(question).toContain('2 active subscriptions deliver to it.');
		expect(question).toContain('1 marked row is skipped (owned by someone else');
		expect(question).toContain('Archive the other 2? [y/N]');
		await settle(s);
		await clearRequests(s.sb);
		// The first PATCH is refused by the server.
		await fault(s.sb, {count: 1, methods: ['PATCH'], status: 403});
		await press(s, 'y');
		await waitFrame(s, /Archived 1 of 2 destinations; 1 refused and 1 skipped\./);
		await settle(s);
		expect(await log(s)).toEqual(['PATCH /destinations/v1/:id 403', 'PATCH /destinations/v1/:id 200']);
		expect(plain(s.frame())).toMatch(/✗ analytics-raw\s+refused: Only the owner/);
		expect(plain(s.frame())).toMatch(/– Azure archive \(EU\)\s+skipped: owned by someone else/);
		expect(plain(s.frame())).toMatch(/✓ Field ops imagery\s+archived/);
	});

	test('Esc stops before the next request: the one in flight is answered, the rest are not sent and stay marked', async () => {
		const s = await mountScreen();
		await markMine(s, THREE);
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		await settle(s);
		await clearRequests(s.sb);
		await fault(s.sb, {count: 1, methods: ['PATCH'], latency_ms: 600});
		await press(s, 'y');
		await waitFrame(s, 'Esc stops before the next');
		await press(s, KEYS.esc);
		await waitFrame(s, 'Stopped: archived 1 of 3 destinations; 2 not sent (still marked).');
		await settle(s);
		expect(await log(s)).toEqual(['PATCH /destinations/v1/:id 200']);
		expect(header(s)).toContain('✓ 2 marked');
		expect(plain(s.frame()).match(/^· \S.*\snot sent\s*$/gm)).toHaveLength(2);
	});
});
