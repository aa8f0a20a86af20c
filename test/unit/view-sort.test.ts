// The list's order: each column, both ways, collation as people read names, and ties that never
// jump about.
import {beforeAll, describe, expect, test} from 'vitest';
import {headerRow, columnsFor} from '../../src/view/rows.js';
import {
	collationLocale,
	INITIAL_SORT,
	nextSort,
	reverseSort,
	SORT_COLUMNS,
	sortDestinations,
	timeKey,
	type Sort,
} from '../../src/view/sort.js';
import {dest} from './view-fixtures.js';

// The collator follows the terminal's locale, built at the first comparison: English here, whatever
// the machine running the tests uses (Swedish would put Ä after Z).
const before = process.env.LC_ALL;
beforeAll(() => {
	process.env.LC_ALL = 'en_US.UTF-8';
	sortDestinations([dest({id: '1', name: 'a'}), dest({id: '2', name: 'b'})], {column: 'name', descending: false});
	if (before === undefined) delete process.env.LC_ALL;
	else process.env.LC_ALL = before;
});

const names = (list: readonly {name: string}[]) => list.map((d) => d.name);
const by = (column: Sort['column'], descending = false): Sort => ({column, descending});

describe('sorting', () => {
	test('names collate as people read them: case and accents ignored, numbers by value', () => {
		const list = ['dest 10', 'Zebra', 'émile', 'Eve', 'dest 2', 'apple', 'Ärger'].map((name, i) => dest({id: `id-${i}`, name}));
		expect(names(sortDestinations(list, by('name')))).toEqual(['apple', 'Ärger', 'dest 2', 'dest 10', 'émile', 'Eve', 'Zebra']);
		expect(names(sortDestinations(list, by('name', true)))).toEqual(['Zebra', 'Eve', 'émile', 'dest 10', 'dest 2', 'Ärger', 'apple']);
	});

	test('names that collate alike fall back to the id, so the order is total and S reverses it exactly', () => {
		const list = [dest({id: 'b', name: 'Same'}), dest({id: 'a', name: 'same'}), dest({id: 'c', name: 'SAME'})];
		const up = sortDestinations(list, by('name'));
		expect(up.map((d) => d.id)).toEqual(['a', 'b', 'c']);
		expect(sortDestinations(list, by('name', true)).map((d) => d.id)).toEqual(['c', 'b', 'a']);
		// The same whatever order the list came in.
		expect(sortDestinations([...list].reverse(), by('name')).map((d) => d.id)).toEqual(['a', 'b', 'c']);
	});

	test('type by its label, then name; owner: mine first, then each owner together, then name', () => {
		const list = [
			dest({id: '1', name: 'b', type: 'google_cloud_storage', owner: false, ownership: {is_owner: false, owner_id: 9}}),
			dest({id: '2', name: 'a', type: 'amazon_s3'}),
			dest({id: '3', name: 'c', type: 'amazon_s3', ownership: {is_owner: false, owner_id: 5}}),
			dest({id: '4', name: 'a', type: 'google_cloud_storage', ownership: {is_owner: false, owner_id: 9}}),
			dest({id: '5', name: 'z', type: 'azure_blob_storage'}),
		];
		// Labels: S3, GCS, Azure Blob.
		expect(sortDestinations(list, by('type')).map((d) => d.id)).toEqual(['5', '4', '1', '2', '3']);
		expect(sortDestinations(list, by('owner')).map((d) => d.id)).toEqual(['2', '5', '3', '4', '1']);
	});

	test('updated by the time to the nanosecond, whatever the offset; unreadable times are the oldest', () => {
		const list = [
			dest({id: 'a', name: 'a', updated: '2025-07-13T09:01:02.000000002Z'}),
			dest({id: 'b', name: 'b', updated: '2025-07-13T09:01:02.000000001Z'}),
			dest({id: 'c', name: 'c', updated: '2025-07-13T11:00:00+02:00'}),
			dest({id: 'd', name: 'd', updated: 'not a time'}),
			dest({id: 'e', name: 'e', updated: '2025-07-13T09:01:02.5Z'}),
		];
		expect(sortDestinations(list, by('updated', true)).map((d) => d.id)).toEqual(['e', 'a', 'b', 'c', 'd']);
		expect(timeKey('2025-07-13T11:00:00+02:00')).toBe('2025-07-13T09:00:00.000000000');
		expect(timeKey('2025-07-13T09:01:02.5Z')).toBe('2025-07-13T09:01:02.500000000');
		expect(timeKey('nope')).toBe('');
	});

	test('by creation it is the list as the store keeps it (newest first), or that turned over', () => {
		const list = [dest({id: 'x', name: 'x'}), dest({id: 'y', name: 'y'})];
		expect(sortDestinations(list, INITIAL_SORT)).toBe(list);
		expect(sortDestinations(list, reverseSort(INITIAL_SORT)).map((d) => d.id)).toEqual(['y', 'x']);
		expect(list.map((d) => d.id)).toEqual(['x', 'y']);
	});

	test('s goes name → type → owner → updated → created → name, each its natural way first; S reverses', () => {
		let s = INITIAL_SORT;
		const seen: string[] = [];
		for (let i = 0; i < SORT_COLUMNS.length; i++) {
			s = nextSort(s);
			seen.push(`${s.column}${s.descending ? '↓' : '↑'}`);
		}
		expect(seen).toEqual(['name↑', 'type↑', 'owner↑', 'updated↓', 'created↓']);
		expect(reverseSort(by('name'))).toEqual(by('name', true));
	});

	test('the column header shows the column and its way; sorting by creation shows creation times', () => {
		const c = columnsFor(100);
		expect(headerRow(c, by('name'))).toMatch(/^NAME ↑\s+TYPE\s+BUCKET\s+OWNER\s+UPDATED\s*$/);
		expect(headerRow(c, by('owner', true))).toMatch(/\sOWNER ↓\s+UPDATED\s*$/);
		expect(headerRow(c, by('updated', true))).toMatch(/\sUPDATED ↓\s*$/);
		expect(headerRow(c, INITIAL_SORT)).toMatch(/\sOWNER\s+CREATED ↓\s*$/);
		expect(headerRow(c)).toMatch(/\sOWNER\s+UPDATED\s*$/);
	});

	test('the collation locale comes from LC_ALL, then LC_COLLATE, then LANG', () => {
		expect(collationLocale({LANG: 'de_DE.UTF-8'})).toBe('de-DE');
		expect(collationLocale({LC_ALL: 'sv_SE.UTF-8', LANG: 'de_DE.UTF-8'})).toBe('sv-SE');
		expect(collationLocale({LC_COLLATE: 'fr_FR@euro', LANG: 'de_DE.UTF-8'})).toBe('fr-FR');
		expect(collationLocale({LANG: 'C.UTF-8'})).toBeUndefined();
		expect(collationLocale({LANG: 'POSIX'})).toBeUndefined();
		expect(collationLocale({})).toBeUndefined();
	});
});
