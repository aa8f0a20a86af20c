import {describe, expect, test} from 'vitest';
import {
	activeChips,
	applyFilters,
	FILTERS,
	INITIAL_FILTERS,
	matchesQuery,
	needsArchived,
	nextTri,
	type Filters,
} from '../../src/view/filters.js';
import {messages} from '../../src/view/messages.js';
import {findFolded} from '../../src/view/fold.js';
import {dest} from './view-fixtures.js';

const all = [
	dest({id: 'a', name: 'Mine active'}),
	dest({id: 'b', name: 'Mine archived', archived: '2025-08-01T00:00:00Z'}),
	dest({id: 'c', name: 'Theirs', owner: false, write: false}),
	dest({id: 'd', name: 'Theirs but admin-writable', owner: false, write: true}),
	dest({id: 'e', name: 'The DEFAULT one', default: true}),
];
const ids = (f: Partial<Filters>, q = '') =>
	applyFilters(all, {archived: 'any', owner: 'any', write: 'any', default: 'any', ...f}, q).map((d) => d.id);

describe('filters', () => {
	test('cycle any → yes → no → any', () => {
		expect(nextTri('any')).toBe('yes');
		expect(nextTri('yes')).toBe('no');
		expect(nextTri('no')).toBe('any');
	});

	test('start like the API: active only, the rest either way; archived ones are fetched only when shown', () => {
		expect(INITIAL_FILTERS).toEqual({archived: 'no', owner: 'any', write: 'any', default: 'any'});
		expect(needsArchived(INITIAL_FILTERS)).toBe(false);
		expect(needsArchived({...INITIAL_FILTERS, archived: 'any'})).toBe(true);
		expect(needsArchived({...INITIAL_FILTERS, archived: 'yes'})).toBe(true);
		expect(FILTERS.map((f) => f.key)).toEqual(['1', '2', '3', '4']);
	});

	test('each filter keeps the matching rows on yes and the others on no; they combine with AND', () => {
		expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(ids({archived: 'yes'})).toEqual(['b']);
		expect(ids({archived: 'no'})).toEqual(['a', 'c', 'd', 'e']);
		expect(ids({owner: 'yes'})).toEqual(['a', 'b', 'e']);
		expect(ids({owner: 'no'})).toEqual(['c', 'd']);
		expect(ids({write: 'no'})).toEqual(['c']);
		expect(ids({write: 'yes', owner: 'no'})).toEqual(['d']);
		expect(ids({default: 'yes'})).toEqual(['e']);
		expect(ids({default: 'yes', owner: 'no'})).toEqual([]);
		expect(ids({archived: 'no', owner: 'yes', default: 'no'})).toEqual(['a']);
	});

	test('search is a case-insensitive substring of the name that narrows without reordering', () => {
		expect(matchesQuery('The DEFAULT one', 'default')).toBe(true);
		expect(matchesQuery('São Paulo', 'SÃO')).toBe(true);
		expect(matchesQuery('abc', '')).toBe(true);
		expect(matchesQuery('abc', 'abd')).toBe(false);
		expect(ids({}, 'THEIRS')).toEqual(['c', 'd']);
		expect(ids({write: 'yes'}, 'theirs')).toEqual(['d']);
	});

	test('chips name only what narrows, and the empty message says how to get rows back', () => {
		expect(activeChips({archived: 'any', owner: 'any', write: 'any', default: 'any'}, '')).toEqual([]);
		expect(activeChips({...INITIAL_FILTERS, owner: 'yes'}, 'x')).toEqual(['1 archived: no', '2 owned by me: yes', '/ "x"']);
		expect(messages.emptyList(0, INITIAL_FILTERS, '')).toBe('No destinations yet: press n to create one.');
		expect(messages.emptyList(4, {...INITIAL_FILTERS, default: 'yes'}, '')).toBe(
			'No destination matches 1 archived: no, 4 default: yes. 0 resets the filters.',
		);
		expect(messages.emptyList(4, INITIAL_FILTERS, 'zz')).toBe(
			'No destination matches 1 archived: no, / "zz". Esc clears the search; 1-4 change the filters.',
		);
		expect(messages.emptyList(4, {...INITIAL_FILTERS, owner: 'no'}, 'zz')).toContain('Esc clears the search; 0 resets the filters.');
	});
});

describe('search folds case and accents', () => {
	const names = [
		'São Paulo agronomy',
		'Sa\u0303o Tome\u0301 coastline',
		'Zürich Wälder',
		'Straße der Daten',
		'ΟΔΟΣ δεδομένα',
		'Field\u200B ops',
		'Øresund',
		'北京农业影像',
	];
	const found = (q: string) => names.filter((n) => matchesQuery(n, q));

	test('finds names whatever their accents and case, and whatever is typed', () => {
		expect(found('sao')).toEqual(['São Paulo agronomy', 'Sa\u0303o Tome\u0301 coastline']);
		expect(found('SÃO')).toEqual(['São Paulo agronomy', 'Sa\u0303o Tome\u0301 coastline']);
		expect(found('zurich')).toEqual(['Zürich Wälder']);
		expect(found('walder')).toEqual(['Zürich Wälder']);
		expect(found('strasse')).toEqual(['Straße der Daten']);
		expect(found('οδος')).toEqual(['ΟΔΟΣ δεδομένα']);
		expect(found('δεδομενα')).toEqual(['ΟΔΟΣ δεδομένα']);
		expect(found('field ops')).toEqual(['Field\u200B ops']);
		expect(found('oresund')).toEqual(['Øresund']);
		expect(found('北京')).toEqual(['北京农业影像']);
		expect(found('tome coast')).toEqual(['Sa\u0303o Tome\u0301 coastline']);
		expect(found('xyz')).toEqual([]);
	});

	test('maps a match back onto the name as whole characters, accents included', () => {
		const cut = (text: string, q: string) => {
			const hit = findFolded(text, q);
			return hit && text.slice(hit.start, hit.end);
		};
		expect(cut('São Paulo agronomy', 'sao')).toBe('São');
		expect(cut('Sa\u0303o Tome\u0301 coastline', 'tome')).toBe('Tome\u0301');
		expect(cut('Sa\u0303o', 'sa')).toBe('Sa\u0303');
		expect(cut('Straße der Daten', 'strass')).toBe('Straß');
		expect(cut('Zürich Wälder', 'ZURICH')).toBe('Zürich');
		expect(cut('北京农业影像', '农业')).toBe('农业');
		expect(cut('Plain name', 'NAME')).toBe('name');
		expect(cut('Plain name', 'nope')).toBeUndefined();
	});
});
