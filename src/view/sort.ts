// The list's order, in memory: `s` picks the column, `S` reverses it. Sorting never costs a
// request (the cache holds every loaded destination), and filters and the search keep the order.
import type {Destination} from '../schemas.js';
import {sanitize} from '../sanitize.js';
import {typeLabel} from './rows.js';

export type SortColumn = 'name' | 'type' | 'owner' | 'updated' | 'created';
/** The order `s` goes through them. */
export const SORT_COLUMNS: readonly SortColumn[] = ['name', 'type', 'owner', 'updated', 'created'];

export interface Sort {
	column: SortColumn;
	descending: boolean;
}

/** The API's own order, and destui's when it opens: the newest first. */
export const INITIAL_SORT: Sort = {column: 'created', descending: true};

/** Each column's first direction: text A to Z, times the newest first. */
const FIRST_DESCENDING: Record<SortColumn, boolean> = {name: false, type: false, owner: false, updated: true, created: true};

export function nextSort(s: Sort): Sort {
	const column = SORT_COLUMNS[(SORT_COLUMNS.indexOf(s.column) + 1) % SORT_COLUMNS.length]!;
	return {column, descending: FIRST_DESCENDING[column]};
}

export const reverseSort = (s: Sort): Sort => ({...s, descending: !s.descending});

/**
 * The collation locale the terminal asks for: LC_ALL, then LC_COLLATE, then LANG (POSIX's order),
 * "de_DE.UTF-8" read as de-DE; C, POSIX or anything ICU does not know leave ICU's default.
 */
export function collationLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const raw = env.LC_ALL || env.LC_COLLATE || env.LANG;
	if (!raw) return undefined;
	const tag = raw.split(/[.@]/)[0]!.replace(/_/g, '-');
	if (tag === '' || tag === 'C' || tag === 'POSIX') return undefined;
	try {
		return Intl.Collator.supportedLocalesOf([tag])[0];
	} catch {
		return undefined;
	}
}

// Built the first time text is compared, not at start-up.
let collator: Intl.Collator | undefined;
/** Case and accents ignored (é = E), numbers by value (dest 2 before dest 10). */
function compareText(a: string, b: string): number {
	collator ??= new Intl.Collator(collationLocale(), {sensitivity: 'base', numeric: true});
	return collator.compare(a, b);
}

/**
 * Warms the collator up while nothing else is happening: ICU loads its collation data at the
 * first comparison (tens of milliseconds), which would otherwise land on the first `s`.
 */
export function warmCollation(): void {
	compareText('a', 'b');
}

// Collating is what sorting costs (some 100 ms for 10,000 names, against a few for numbers), and
// archiving a row changes the list but no name: each text's rank in collation order is kept, and
// worked out again only when a text not ranked yet turns up. Names, types and owners are ranked
// apart, so sorting by one never throws away the ranks of another.
type TextColumn = 'name' | 'type' | 'owner';
const ranked: Record<TextColumn, Map<string, number>> = {name: new Map(), type: new Map(), owner: new Map()};
function ranksFor(column: TextColumn, texts: readonly string[]): Map<string, number> {
	if (texts.every((t) => ranked[column].has(t))) return ranked[column];
	const unique = [...new Set(texts)].sort(compareText);
	const map = new Map<string, number>();
	let rank = 0;
	unique.forEach((t, i) => {
		// Texts that collate alike (Ärger, ärger) share a rank: the next key decides between them.
		if (i > 0 && compareText(unique[i - 1]!, t) !== 0) rank++;
		map.set(t, rank);
	});
	ranked[column] = map;
	return map;
}

/**
 * A timestamp as a string that sorts as the time does: UTC to the second, then the fraction to the
 * nanosecond (the API sends up to nine digits; Date keeps three). Unreadable ones sort as oldest.
 */
export function timeKey(t: string): string {
	const ms = Date.parse(t);
	if (Number.isNaN(ms)) return '';
	const fraction = /T[\d:]+\.(\d+)/.exec(t)?.[1] ?? '';
	return `${new Date(ms).toISOString().slice(0, 19)}.${fraction.padEnd(9, '0').slice(0, 9)}`;
}

// A destination's texts, worked out once: the store replaces a destination's object when it
// changes, so an object's texts never go stale.
interface Texts {
	name: string;
	type: string;
	owner: string;
	updated: string;
}
const textsOf = new WeakMap<Destination, Texts>();
function texts(d: Destination): Texts {
	let t = textsOf.get(d);
	if (!t) {
		// Names and types as drawn; owners mine first, then each owner's together.
		t = {
			name: sanitize(d.name),
			type: typeLabel(d.type),
			owner: `${d.ownership.is_owner ? 0 : 1} ${d.ownership.owner_id}`,
			updated: timeKey(d.updated),
		};
		textsOf.set(d, t);
	}
	return t;
}

const plain = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
	d: Destination;
	/** The column's rank (text columns) or time key, then (text columns) the name's rank. */
	first: number | string;
	then: number;
}

/** By the column, then (text columns) the name, then the id: a total order, so ties never jump about. */
function compareKeyed(a: Keyed, b: Keyed): number {
	const first = typeof a.first === 'number' ? a.first - (b.first as number) : plain(a.first, b.first as string);
	return first || a.then - b.then || plain(a.d.id, b.d.id);
}

function keyed(list: readonly Destination[], column: Exclude<SortColumn, 'created'>): Keyed[] {
	const all = list.map(texts);
	if (column === 'updated') return list.map((d, i) => ({d, first: all[i]!.updated, then: 0}));
	const names = ranksFor(
		'name',
		all.map((t) => t.name),
	);
	const firsts =
		column === 'name'
			? names
			: ranksFor(
					column,
					all.map((t) => t[column]),
				);
	return list.map((d, i) => ({d, first: firsts.get(all[i]![column])!, then: names.get(all[i]!.name)!}));
}

/**
 * A sorted copy; descending reverses the whole order, ties included, so S turns the list over
 * exactly. By creation it is the store's own order (newest first, as the API lists), so opening
 * destui sorts nothing.
 */
export function sortDestinations(list: readonly Destination[], s: Sort): readonly Destination[] {
	if (s.column === 'created') return s.descending ? list : [...list].reverse();
	const keys = keyed(list, s.column);
	keys.sort(s.descending ? (a, b) => compareKeyed(b, a) : compareKeyed);
	return keys.map((k) => k.d);
}
