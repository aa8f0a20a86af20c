// What a list row shows, built in one place from the server's destination: every string is
// sanitised here, so nothing the server sent reaches the terminal raw.
import {isDestinationType, locationOf, provider} from '../catalogue/providers.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {pad} from './text.js';
import {relativeTime} from './time.js';

export interface Row {
	id: string;
	name: string;
	type: string;
	location: string;
	owner: string;
	flags: string;
	updated: string;
}

export function typeLabel(type: string, long = false): string {
	if (!isDestinationType(type)) return sanitize(type);
	const spec = provider(type);
	return long ? spec.label : spec.short;
}

export function toRow(d: Destination, now = Date.now()): Row {
	return {
		id: d.id,
		name: sanitize(d.name),
		type: typeLabel(d.type),
		location: sanitize(locationOf(d.type, d.parameters)),
		owner: d.ownership.is_owner ? 'me' : 'other',
		flags: d.archived ? 'archived' : d.default ? '★ default' : '',
		updated: relativeTime(d.updated, now),
	};
}

export interface Columns {
	name: number;
	type: number;
	location: number;
	owner: number;
	flags: number;
	updated: number;
}

const FIXED = {type: 13, owner: 5, flags: 9, updated: 8};

/**
 * The two cells before a row's name: the cursor (›) and the mark (✓), glyphs so that both read
 * without colour. An unmarked row reads "› name", as it always has.
 */
export const GUTTER = 2;
export const gutter = (selected: boolean, marked: boolean): string => `${selected ? '›' : ' '}${marked ? '✓' : ' '}`;
const GAPS = 5;

/** Column widths for a list `width` cells wide: name and bucket share what the others leave. */
export function columnsFor(width: number): Columns {
	const flexible = Math.max(8, width - GUTTER - GAPS - FIXED.type - FIXED.owner - FIXED.flags - FIXED.updated);
	const name = Math.ceil(flexible * 0.55);
	return {...FIXED, name, location: flexible - name};
}

/** The name cell and the rest of the row, each exactly its columns' width in terminal cells
 * (a CJK name of 10 characters takes 20), so every row's TYPE column starts at the same cell. */
export function rowCells(r: Row, c: Columns): {name: string; rest: string} {
	return {name: pad(r.name, c.name), rest: ` ${[pad(r.type, c.type), pad(r.location, c.location), pad(r.owner, c.owner), pad(r.flags, c.flags), pad(r.updated, c.updated)].join(' ')}`};
}

export function formatRow(r: Row, c: Columns): string {
	const {name, rest} = rowCells(r, c);
	return name + rest;
}

export function headerRow(c: Columns): string {
	return formatRow({id: '', name: 'NAME', type: 'TYPE', location: 'BUCKET', owner: 'OWNER', flags: '', updated: 'UPDATED'}, c);
}
