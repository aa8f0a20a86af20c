// Every outcome the screens report, in one wording each: the main screen's messages and the
// forms' failure texts are all written here, so the same event never reads two ways.
import type {ClientEvent} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import type {Sort, SortColumn} from './sort.js';
import type {CopyOutcome} from './clipboard.js';

/** Ends `text` with a full stop unless it already ends a sentence. */
export const sentence = (text: string): string => (/[.!?…:)"']$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);

/** The user-facing words for any failure: the explanation, then the server's own reason. */
export function describeError(error: unknown): string {
	if (error instanceof ApiError) {
		const server = error.serverMessage ? sanitize(error.serverMessage) : '';
		const explanation = sanitize(error.explanation);
		// The server's reason is quoted as it came ("Internal Server Error"), and ends a sentence of ours.
		return server && !explanation.includes(server) ? `${explanation} The server said: ${sentence(server)}` : sentence(explanation);
	}
	return 'Something unexpected went wrong.';
}

const name = (d: Pick<Destination, 'name'>) => sanitize(d.name);

/** Each column's two ways, ascending then descending, in words. */
const SORT_WAYS: Record<SortColumn, readonly [string, string]> = {
	name: ['A to Z', 'Z to A'],
	type: ['A to Z', 'Z to A'],
	owner: ['yours first', 'yours last'],
	updated: ['oldest first', 'newest first'],
	created: ['oldest first', 'newest first'],
};

const LOAD_CANCELLED = 'Stopped loading the list. Press R to load it.';

export const messages = {
	refused: (reason: string) => `Can't do that: ${reason}.`,
	archived: (d: Pick<Destination, 'name' | 'default'>, archived: boolean) =>
		archived && d.default
			? `Archived ${name(d)}: your organisation has no default now (u undoes both).`
			: `${archived ? 'Archived' : 'Unarchived'} ${name(d)}. Press u to undo.`,
	checking: (ds: readonly Pick<Destination, 'name'>[]) => `Looking up what delivers to ${ds.length === 1 ? name(ds[0]!) : `${ds.length} destinations`} before archiving…`,
	archiveQuestion: (warning: string, count: number) => `${warning} ${count === 1 ? 'Archive it anyway?' : `Archive all ${count} anyway?`} `,
	notArchived: (ds: readonly Pick<Destination, 'name'>[]) => (ds.length === 1 ? `Not archived: ${name(ds[0]!)} is as it was.` : `Not archived: the ${ds.length} destinations are as they were.`),
	archiveFailed: (d: Pick<Destination, 'name'>, archiving: boolean, error: unknown) =>
		`${archiving ? 'Archiving' : 'Unarchiving'} ${name(d)} failed, so it is back as it was. ${describeError(error)}`,
	undone: (d: Destination) => `Undone: ${name(d)} is ${d.archived ? 'archived' : 'active'} again.`,
	undoneDefault: (d: Destination) => `Undone: ${name(d)} is active and your organisation's default again.`,
	undoneDefaultTaken: (d: Destination, by: Pick<Destination, 'name'>) => `Undone: ${name(d)} is active again; ${name(by)}, made default since, stays the default.`,
	undoneDefaultFailed: (d: Destination, error: unknown) =>
		`Undone: ${name(d)} is active again, but not the default: ${describeError(error)} Press d on it to try again.`,
	undoFailed: (error: unknown) => `Undo failed, nothing changed. ${describeError(error)}`,
	renamed: (d: Destination) => `Renamed to ${name(d)}. New ref: ${sanitize(d['pl:ref'])} (y copies it)`,
	renameFailed: (error: unknown) => `Rename failed: ${describeError(error)}`,
	defaultQuestion: (d: Pick<Destination, 'name'>, unset: boolean, replaces?: string) =>
		unset
			? `Stop ${name(d)} being the organisation default? Your organisation will have none. `
			: replaces !== undefined
				? `Make ${name(d)} the organisation default, replacing ${sanitize(replaces)}? `
				: `Make ${name(d)} the organisation default? It has none now. `,
	defaultSet: (d: Pick<Destination, 'name'>, unset: boolean) =>
		unset ? `${name(d)} is no longer the default; your organisation has none now.` : `${name(d)} is now your organisation's default (pl:destinations/default).`,
	defaultFailed: (error: unknown) => `Changing the default failed, so it is back as it was. ${describeError(error)}`,
	defaultUnchanged: 'Default unchanged.',
	markedShown: (n: number, marked: boolean) => `${marked ? 'Marked' : 'Unmarked'} ${n === 1 ? 'the row' : `all ${n} rows`} shown.${marked ? ' Esc clears the marks.' : ''}`,
	sorted: (s: Sort) => `Sorted by ${s.column}, ${SORT_WAYS[s.column][s.descending ? 1 : 0]}.`,
	/** What a copy did (none given: a test's own copier). */
	copied: (ref: string, how?: CopyOutcome | void) => {
		if (!how) return `Copied ${ref}.`;
		if (how.way === 'tmux') return `Copied ${ref} (tmux buffer and clipboard).`;
		if (how.through === 'tmux-passthrough') return `Sent ${ref} through tmux's passthrough (tmux load-buffer failed: ${sanitize(how.why ?? 'unknown')}).`;
		return `Copied ${ref} (${how.through === 'screen' ? 'OSC 52 through screen' : 'sent to the terminal as OSC 52'}).`;
	},
	copyFailed: (error: unknown) => `Could not copy: ${error instanceof Error ? sanitize(error.message) : 'something unexpected went wrong'}.`,
	reloading: 'Reloading from the server…',
	reloaded: (count: number) => `Reloaded: ${count} destinations.`,
	created: (d: Destination) => `Created ${name(d)}: ${sanitize(d['pl:ref'])} (y copies it)`,
	rotated: (d: Destination) => `Credentials of ${name(d)} rotated · updated ${sanitize(d.updated)}`,
	cancelled: (n: number) => `Cancelled ${n === 1 ? 'the request' : `${n} requests`} in flight.`,
	redrawn: 'Screen redrawn.',
	loadFailed: (error: unknown) =>
		error instanceof ApiError && error.kind === 'cancelled' ? LOAD_CANCELLED : `Could not load destinations. ${describeError(error)} Press R to retry.`,
	loadCancelled: LOAD_CANCELLED,
	usageFailed: (error: unknown) => `Could not list what delivers here. ${describeError(error)}`,
};

/** What the client is waiting for (a request slot, a retry's back-off), for the status line. */
export function describeEvent(e: ClientEvent): string | undefined {
	const seconds = e.waitMs !== undefined ? Math.max(1, Math.round(e.waitMs / 1000)) : undefined;
	if (e.type === 'waiting' && e.waitMs && e.waitMs > 300) return `waiting ${seconds} s for a request slot (the API allows 3 per second)`;
	if (e.type === 'retry') {
		const why = e.status === 429 ? 'rate limited by the server (429)' : e.status ? `the server answered ${e.status}` : 'the connection failed';
		return `${why}: trying again in ${seconds} s`;
	}
	return undefined;
}
