// Keys that arrive together (fast typing, key repeat, a slow link): Ink hands them over in one
// read, and each must act on the state the previous one left, never on a stale selection.
import {act} from 'react';
import {expect, test} from 'vitest';
import {clearRequests, clientFor, counts, mountScreen, selectedLine, sent, settle, waitFrame, type Screen} from './main-helpers.js';

/** Writes several keys in one chunk, as a terminal read would deliver them. */
async function chunk(s: Screen, text: string): Promise<void> {
	await act(async () => {
		s.r.stdin.write(text);
	});
}

test('"jja" in one read moves twice, then archives the row the cursor is on', async () => {
	const s = await mountScreen();
	await clearRequests(s.sb);
	expect(selectedLine(s.frame())).toContain('Forestry (OCI Frankfurt)');
	await chunk(s, 'jj');
	expect(selectedLine(s.frame())).toContain('Org-wide deliveries');
	await chunk(s, 'kka');
	// Forestry is not the user's: the refusal names it, and nothing was sent.
	expect(selectedLine(s.frame())).toContain('Forestry (OCI Frankfurt)');
	expect(s.frame()).toContain("Can't do that: owned by someone else");
	await chunk(s, 'ja');
	await waitFrame(s, '✓ Archived Legacy exports.');
	await settle(s);
	const legacy = (await clientFor(s.sb).list({archived: true})).find((d) => d.name === 'Legacy exports');
	expect(legacy).toBeDefined();
	expect((await sent(s.sb)).filter((r) => r.startsWith('PATCH'))).toEqual([`PATCH /destinations/v1/${legacy!.id}`]);
});

test('filters pressed together all count: "234" then "0"', async () => {
	const s = await mountScreen();
	await chunk(s, '2344');
	expect(s.frame()).toContain('[2 mine:yes]  [3 writable:yes]  [4 default:no]');
	await chunk(s, '0');
	expect(s.frame()).toContain('[2 mine:any]  [3 writable:any]  [4 default:any]');
	expect(counts(s.frame())).toEqual({shown: 11, total: 11});
});

test('"/leg" in one read opens the search with "leg" typed; more text lands after it', async () => {
	const s = await mountScreen();
	await chunk(s, '/leg');
	expect(s.frame()).toContain('[/ leg]');
	expect(counts(s.frame()).shown).toBe(1);
	await chunk(s, 'acy');
	expect(s.frame()).toContain('[/ legacy]');
	await chunk(s, '\r');
	expect(s.frame()).not.toContain('Enter keep');
	expect(selectedLine(s.frame())).toContain('Legacy exports');
});

test('"r" then " 2\\r" in one read renames with the typed text', async () => {
	const s = await mountScreen();
	await chunk(s, 'G');
	await chunk(s, 'r 2\r');
	await waitFrame(s, '✓ Renamed to Field ops imagery 2.');
	expect((await clientFor(s.sb).list({})).some((d) => d.name === 'Field ops imagery 2')).toBe(true);
});

test('"n\\r" in one read opens the wizard and takes the highlighted provider: no key is lost as a screen opens', async () => {
	const s = await mountScreen();
	await chunk(s, 'n\r');
	await waitFrame(s, 'step 2 of');
	expect(s.frame()).toContain('Amazon S3 · step 2 of');
	// Text typed together with the key that moves to the next field lands in the next field.
	await chunk(s, 'bucket-one');
	await waitFrame(s, 'bucket-one');
	// Leaving returns the keys to the main screen, typed ahead or not.
	await chunk(s, '\x1b');
	await waitFrame(s, /leave|Leave|discard/);
});

test('"c\\x1b" in one read opens the rotation form and closes it again', async () => {
	const s = await mountScreen();
	await chunk(s, 'G');
	expect(selectedLine(s.frame())).toContain('Field ops imagery');
	await chunk(s, 'c\x1b');
	await waitFrame(s, (f) => !f.includes('Rotate credentials') && f.includes('11 of 11'));
	// The keys are the main screen's again.
	await chunk(s, 'g');
	expect(selectedLine(s.frame())).toContain('Forestry (OCI Frankfurt)');
});
