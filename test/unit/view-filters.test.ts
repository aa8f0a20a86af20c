import {describe, expect, test} from 'vitest';
import {activeChips, applyFilters, emptyReason, FILTERS, INITIAL_FILTERS, matchesQuery, needsArchived, nextTri, type Filters} from '../../src/view/filters.js';
import {dest} from './view-fixtures.js';

const all = [
	dest({id: 'a', name: 'Mine active'}),
	dest({id: 'b', name: 'Mine archived', archived: '2025-08-01T00:00:00Z'}),
	dest({id: 'c', name: 'Theirs', owner: false, write: false}),
	dest({id: 'd', name: 'Theirs but admin-writable', owner: false, write: true}),
	dest({id: 'e', name: 'The DEFAULT one', default: true}),
];
const ids = (f: Partial<Filters>, q = '') => applyFilters(all, {archived: 'any', owner: 'any', write: 'any', default: 'any', ...f}, q).map((d) => d.id);

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
		expect(emptyReason(0, INITIAL_FILTERS, '')).toBe('No destinations yet: press n to create one.');
		expect(emptyReason(4, {...INITIAL_FILTERS, default: 'yes'}, '')).toBe('No destination matches 1 archived: no, 4 default: yes. 0 resets the filters.');
		expect(emptyReason(4, INITIAL_FILTERS, 'zz')).toBe('No destination matches 1 archived: no, / "zz". Esc clears the search; 1-4 change the filters.');
		expect(emptyReason(4, {...INITIAL_FILTERS, owner: 'no'}, 'zz')).toContain('Esc clears the search; 0 resets the filters.');
	});
});
