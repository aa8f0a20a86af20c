// Main screen, sorting: s picks the column, S turns the order over; the column header says which
// and which way; the selection stays on its destination; filters keep the order; no request.
import {describe, expect, test} from 'vitest';
import {clearRequests, mountScreen, press, selectedLine, sent, type Screen} from './main-helpers.js';
import {rowName, rowNames as namesOnScreen} from '../harness/rows.js';

const plain = (frame: string) => frame.replace(/\x1b\[[0-9;]*m/g, '');
const lines = (s: Screen) => plain(s.frame()).split('\n');
const columnHeader = (s: Screen) => lines(s).find((l) => /^\s+NAME/.test(l)) ?? '';
/** The names of the rows shown, top to bottom (the demo seed fits at 100x30). */
const rowNames = (s: Screen) => namesOnScreen(plain(s.frame()));
const selectedName = (s: Screen) => rowName(selectedLine(plain(s.frame())));

// The demo organisation's active destinations by name, as people read them: case ignored
// (analytics-raw before Azure), accents too (São before Sentinel).
const BY_NAME = [
	'analytics-raw',
	'Azure archive (EU)',
	'Field ops imagery',
	'Forestry (OCI Frankfurt)',
	'Legacy exports',
	'MinIO on-prem lab',
	'Oracle Ashburn scenes',
	'Org-wide deliveries',
	'São Paulo agronomy',
	'Sentinel comparison',
	'Wasabi cold storage (EU)',
];

describe('sorting', () => {
	test('opens newest first, says so in the header; s sorts by name, S reverses; the selection stays put; no request', async () => {
		const s = await mountScreen();
		await clearRequests(s.sb);
		expect(columnHeader(s)).toMatch(/OWNER\s+CREATED ↓\s*$/);
		const opened = rowNames(s);
		expect(opened).toHaveLength(11);
		// Select a row in the middle, then sort: it stays selected wherever it goes.
		await press(s, 'j', 'j', 'j');
		const chosen = selectedName(s);
		await press(s, 's');
		expect(columnHeader(s)).toMatch(/^\s+NAME ↑\s+TYPE\s+BUCKET\s+OWNER\s+UPDATED\s*$/);
		expect(rowNames(s)).toEqual(BY_NAME);
		expect(selectedName(s)).toBe(chosen);
		expect(plain(s.frame())).toContain('Sorted by name, A to Z.');
		await press(s, 'S');
		expect(columnHeader(s)).toMatch(/^\s+NAME ↓/);
		expect(rowNames(s)).toEqual([...BY_NAME].reverse());
		expect(selectedName(s)).toBe(chosen);
		// Round the columns and back to creation, newest first: the order it opened in.
		await press(s, 's', 's', 's', 's');
		expect(columnHeader(s)).toMatch(/CREATED ↓\s*$/);
		expect(rowNames(s)).toEqual(opened);
		expect(selectedName(s)).toBe(chosen);
		expect(await sent(s.sb)).toEqual([]);
	});

	test('filters and the search narrow the sorted list and keep its order', async () => {
		const s = await mountScreen();
		await clearRequests(s.sb);
		await press(s, 's', '2');
		const mine = rowNames(s);
		expect(mine.length).toBeLessThan(11);
		expect(mine).toEqual(BY_NAME.filter((n) => mine.includes(n)));
		await press(s, 'S');
		expect(rowNames(s)).toEqual([...mine].reverse());
		await press(s, '0', '/', 'a', 'n');
		expect(rowNames(s)).toEqual([...BY_NAME].reverse().filter((n) => n.toLowerCase().includes('an')));
		expect(await sent(s.sb)).toEqual([]);
	});
});
