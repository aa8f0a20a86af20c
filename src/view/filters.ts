// The list's filters, applied in memory: the cache holds every loaded destination, so toggling
// a filter or typing a search never costs a request.
import type {Destination} from '../schemas.js';
import {matchesFolded} from './fold.js';

export type Tri = 'any' | 'yes' | 'no';
export const nextTri = (t: Tri): Tri => (t === 'any' ? 'yes' : t === 'yes' ? 'no' : 'any');

export const FILTERS = [
	{id: 'archived', key: '1', label: 'archived', chip: 'archived', test: (d: Destination) => d.archived !== null},
	{id: 'owner', key: '2', label: 'owned by me', chip: 'mine', test: (d: Destination) => d.ownership.is_owner},
	{id: 'write', key: '3', label: 'can write', chip: 'writable', test: (d: Destination) => d.permissions.can_write},
	{id: 'default', key: '4', label: 'default', chip: 'default', test: (d: Destination) => d.default},
] as const;
export type FilterId = (typeof FILTERS)[number]['id'];
export type Filters = Record<FilterId, Tri>;

/** Like the API's default list: active destinations only, everything else either way. */
export const INITIAL_FILTERS: Filters = {archived: 'no', owner: 'any', write: 'any', default: 'any'};

/** Archived destinations are only fetched once a filter would show them. */
export const needsArchived = (f: Filters): boolean => f.archived !== 'no';

const matchesTri = (t: Tri, value: boolean) => t === 'any' || (t === 'yes') === value;

export function matchesFilters(d: Destination, f: Filters): boolean {
	return FILTERS.every((spec) => matchesTri(f[spec.id], spec.test(d)));
}

/** Name match folding case and accents (`sao` finds "São Paulo"); the search box narrows, never reorders. */
export const matchesQuery = matchesFolded;

export function applyFilters(all: readonly Destination[], f: Filters, query: string): Destination[] {
	return all.filter((d) => matchesFilters(d, f) && matchesQuery(d.name, query));
}

/** The chips' text: only filters that narrow anything, e.g. "owned by me: yes". */
export function activeChips(f: Filters, query: string): string[] {
	const chips = FILTERS.filter((spec) => f[spec.id] !== 'any').map((spec) => `${spec.key} ${spec.label}: ${f[spec.id]}`);
	if (query) chips.push(`/ "${query}"`);
	return chips;
}
