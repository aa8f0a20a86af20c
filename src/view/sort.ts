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

// Collating is what sorting costs (some 100 ms for 10,000 names, against 5 for numbers), and
// archiving a row changes the list but no name: each text's rank in collation order is kept, and
// worked out again only when a text not ranked yet turns up.
let ranked = new Map<string, number>();
function ranksFor(texts: readonly string[]): Map<string, number> {
	if (texts.every((t) => ranked.has(t))) return ranked;
	const unique = [...new Set(texts)].sort(compareText);
	ranked = new Map();
	let rank = 0;
	unique.forEach((t, i) => {
		// Texts that collate alike (Ärger, ärger) share a rank: the next key decides between them.
		if (i > 0 && compareText(unique[i - 1]!, t) !== 0) rank++;
		ranked.set(t, rank);
	});
	return ranked;
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

/** What a row's text column shows, to collate: names and types as drawn; owners mine first, then each owner's together. */
function textOf(d: Destination, column: 'name' | 'type' | 'owner'): string {
	if (column === 'name') return sanitize(d.name);
	if (column === 'type') return typeLabel(d.type);
	return `${d.ownership.is_owner ? 0 : 1} ${d.ownership.owner_id}`;
}

const plain = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Compare = (a: Destination, b: Destination) => number;

/** By the column, then (text columns) the name, then the id: a total order, so ties never jump about. */
function comparer(list: readonly Destination[], column: Exclude<SortColumn, 'created'>): Compare {
	if (column === 'updated') {
		const keys = new Map(list.map((d) => [d, timeKey(d.updated)]));
		return (a, b) => plain(keys.get(a)!, keys.get(b)!) || plain(a.id, b.id);
	}
	const names = list.map((d) => sanitize(d.name));
	const texts = column === 'name' ? names : list.map((d) => textOf(d, column));
	const rank = ranksFor(column === 'name' ? names : [...texts, ...names]);
	const keys = new Map(list.map((d, i) => [d, [rank.get(texts[i]!)!, rank.get(names[i]!)!] as const]));
	return (a, b) => {
		const [ta, na] = keys.get(a)!;
		const [tb, nb] = keys.get(b)!;
		return ta - tb || na - nb || plain(a.id, b.id);
	};
}

/**
 * A sorted copy; descending reverses the whole order, ties included, so S turns the list over
 * exactly. By creation it is the store's own order (newest first, as the API lists), so opening
 * destui sorts nothing.
 */
export function sortDestinations(list: readonly Destination[], s: Sort): readonly Destination[] {
	if (s.column === 'created') return s.descending ? list : [...list].reverse();
	const compare = comparer(list, s.column);
	return [...list].sort(s.descending ? (a, b) => compare(b, a) : compare);
}
