// What a list row shows, built in one place from the server's destination: every string is
// sanitised here, so nothing the server sent reaches the terminal raw.
import {isDestinationType, locationOf, provider} from '../catalogue/providers.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import type {Sort, SortColumn} from './sort.js';
import {pad} from './text.js';
import {relativeTime} from './time.js';

export interface Row {
	id: string;
	name: string;
	type: string;
	location: string;
	owner: string;
	flags: string;
	/** When it was last updated, or created when the list is sorted by creation. */
	time: string;
}

/** The time the last column shows: creation when the list is sorted by it, else the last update. */
export type TimeColumn = 'updated' | 'created';
export const timeColumnOf = (sort: Sort): TimeColumn => (sort.column === 'created' ? 'created' : 'updated');

export function typeLabel(type: string, long = false): string {
	if (!isDestinationType(type)) return sanitize(type);
	const spec = provider(type);
	return long ? spec.label : spec.short;
}

export function toRow(d: Destination, now = Date.now(), time: TimeColumn = 'updated'): Row {
	return {
		id: d.id,
		name: sanitize(d.name),
		type: typeLabel(d.type),
		location: sanitize(locationOf(d.type, d.parameters)),
		owner: d.ownership.is_owner ? 'me' : 'other',
		flags: d.archived ? 'archived' : d.default ? '★ default' : '',
		time: relativeTime(d[time], now),
	};
}

export interface Columns {
	name: number;
	type: number;
	location: number;
	owner: number;
	flags: number;
	time: number;
}

// Owner and time are wide enough for their header with the sort arrow ("OWNER ↑", "CREATED ↓").
const FIXED = {type: 13, owner: 7, flags: 9, time: 9};

/**
 * The two cells before a row's name: the cursor (›) and the mark (✓), glyphs so that both read
 * without colour. An unmarked row reads "› name", as it always has.
 */
export const GUTTER = 2;
export const gutter = (selected: boolean, marked: boolean): string => `${selected ? '›' : ' '}${marked ? '✓' : ' '}`;
const GAPS = 5;

/** The name comes first: the bucket column takes a share only once the name has this many cells. */
const NAME_FIRST = 20;
/** A bucket column narrower than this says nothing: it is left out (the detail pane shows the bucket). */
const MIN_LOCATION = 8;

/**
 * Column widths for a list `width` cells wide: name and bucket share what the others leave, the
 * name first. A narrow list (60 columns) gives the name everything and leaves the bucket out
 * (location 0), rather than cutting both to a few characters.
 */
export function columnsFor(width: number): Columns {
	const flexible = Math.max(8, width - GUTTER - GAPS - FIXED.type - FIXED.owner - FIXED.flags - FIXED.time);
	const name = flexible <= NAME_FIRST + MIN_LOCATION ? flexible : Math.max(NAME_FIRST, Math.ceil(flexible * 0.55));
	const location = flexible - name;
	// Without the bucket column, its gap is the name's too.
	return location < MIN_LOCATION ? {...FIXED, name: flexible + 1, location: 0} : {...FIXED, name, location};
}

/** The name cell and the rest of the row, each exactly its columns' width in terminal cells
 * (a CJK name of 10 characters takes 20), so every row's TYPE column starts at the same cell. */
export function rowCells(r: Row, c: Columns): {name: string; rest: string} {
	const cells = [
		pad(r.type, c.type),
		...(c.location > 0 ? [pad(r.location, c.location)] : []),
		pad(r.owner, c.owner),
		pad(r.flags, c.flags),
		pad(r.time, c.time),
	];
	return {name: pad(r.name, c.name), rest: ` ${cells.join(' ')}`};
}

export function formatRow(r: Row, c: Columns): string {
	const {name, rest} = rowCells(r, c);
	return name + rest;
}

/** Which way the list is sorted, as its column title shows it: ↑ ascending, ↓ descending. */
export const sortArrow = (s: Sort): string => (s.descending ? '↓' : '↑');

/** The column titles; the one the list is sorted by carries its arrow. */
export function headerRow(c: Columns, sort?: Sort): string {
	const title = (column: SortColumn, text: string) => (column === sort?.column ? `${text} ${sortArrow(sort)}` : text);
	const time = sort ? timeColumnOf(sort) : 'updated';
	return formatRow(
		{
			id: '',
			name: title('name', 'NAME'),
			type: title('type', 'TYPE'),
			location: 'BUCKET',
			owner: title('owner', 'OWNER'),
			flags: '',
			time: title(time, time.toUpperCase()),
		},
		c,
	);
}
