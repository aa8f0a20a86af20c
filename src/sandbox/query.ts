// The list endpoint's filters and ordering (spec §3.1). Booleans must be lower-case true or
// false; filters combine with AND; the default order is `created DESC`.
import {fail} from './errors.js';
import {canWrite} from './present.js';
import type {DestinationRecord} from './types.js';
import type {SandboxUser} from './users.js';

export const BOOLEAN_FILTERS = ['archived', 'is_owner', 'can_write', 'is_default'] as const;
type BooleanFilter = (typeof BOOLEAN_FILTERS)[number];

export const SORT_FIELDS = ['created', 'name', 'type', 'updated'] as const;
type SortField = (typeof SORT_FIELDS)[number];

export interface SortKey {
	field: SortField;
	descending: boolean;
}

export interface ListQuery {
	filters: Partial<Record<BooleanFilter, boolean>>;
	sort: SortKey[];
}

const DEFAULT_SORT: SortKey[] = [{field: 'created', descending: true}];

export function parseSortBy(text: string): SortKey[] {
	if (text.trim() === '') return DEFAULT_SORT;
	return text.split(',').map((part) => {
		const words = part.trim().split(/\s+/);
		const [field, direction, extra] = words;
		if (!field || !(SORT_FIELDS as readonly string[]).includes(field)) {
			fail(400, `Invalid sort_by: "${part.trim()}" is not one of ${SORT_FIELDS.join(', ')} (optionally followed by ASC or DESC)`);
		}
		if (extra !== undefined || (direction !== undefined && !/^(ASC|DESC)$/i.test(direction))) {
			fail(400, `Invalid sort_by: "${part.trim()}" must be a field optionally followed by ASC or DESC`);
		}
		return {field: field as SortField, descending: direction?.toUpperCase() === 'DESC'};
	});
}

export function parseListQuery(query: URLSearchParams): ListQuery {
	const filters: ListQuery['filters'] = {};
	for (const name of BOOLEAN_FILTERS) {
		const value = query.get(name);
		if (value === null) continue;
		if (value !== 'true' && value !== 'false') fail(400, `Invalid ${name}: must be true or false`);
		filters[name] = value === 'true';
	}
	const sortBy = query.get('sort_by');
	return {filters, sort: sortBy === null ? DEFAULT_SORT : parseSortBy(sortBy)};
}

/** Filters (absent `archived` means active only) and sorts; the id breaks ties for a stable order. */
export function applyListQuery(
	records: readonly DestinationRecord[],
	q: ListQuery,
	caller: SandboxUser,
	defaultId: string | null,
): DestinationRecord[] {
	const {archived = false, is_owner, can_write, is_default} = q.filters;
	const kept = records.filter(
		(d) =>
			(d.archived !== null) === archived &&
			(is_owner === undefined || (d.ownerId === caller.id) === is_owner) &&
			(can_write === undefined || canWrite(d, caller) === can_write) &&
			(is_default === undefined || (d.id === defaultId) === is_default),
	);
	return kept.sort((a, b) => {
		for (const {field, descending} of q.sort) {
			const x = a[field];
			const y = b[field];
			if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
		}
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}
