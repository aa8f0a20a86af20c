// Every outcome the screens report, in one wording each: the main screen's messages and the
// forms' failure texts are all written here, so the same event never reads two ways.
import type {ClientEvent} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import type {Batch, BatchKind, BatchPlan, BatchResult} from './batch.js';
import type {Sort, SortColumn} from './sort.js';
import type {CopyOutcome} from './clipboard.js';
import {relativeTime} from './time.js';
import {keyFor} from './commands.js';
import {activeChips, FILTERS, INITIAL_FILTERS, type Filters} from './filters.js';

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

// The keys a message names are the key map's (commands.ts), so no message can name a key that does something else.
const LOAD_CANCELLED = (): string => `Stopped loading the list. Press ${keyFor('refresh')} to load it.`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A batch's verb: to ask with, while it runs, once done, and its outcome for one row. */
const BATCH_VERBS: Record<BatchKind, {ask: string; doing: string; did: string; each: string}> = {
	archive: {ask: 'Archive', doing: 'Archiving', did: 'Archived', each: 'archived'},
	unarchive: {ask: 'Unarchive', doing: 'Unarchiving', did: 'Unarchived', each: 'unarchived'},
	undo: {ask: 'Undo', doing: 'Undoing', did: 'Undid', each: 'undone'},
};

/** "2 refused, 1 failed and 3 not sent": what did not happen, or ''. */
function shortfall(b: Batch): string {
	const by = (o: BatchResult['outcome']) => b.results.filter((r) => r.outcome === o).length;
	const parts = [
		by('refused') ? `${by('refused')} refused` : '',
		by('failed') ? `${by('failed')} failed` : '',
		by('stopped') ? `${by('stopped')} not sent` : '',
		b.skipped.length ? `${b.skipped.length} skipped` : '',
	].filter(Boolean);
	return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** "1 marked row is skipped (owned by someone else)": the skipped ones, by reason. */
function skippedNote(skipped: readonly BatchResult[]): string {
	const reasons = [...new Set(skipped.map((r) => r.reason))];
	return `${plural(skipped.length, 'marked row is', 'marked rows are')} skipped (${reasons.join('; ')}).`;
}

export const batchMessages = {
	question: (plan: BatchPlan, warning?: string) => {
		const n = plan.items.length;
		const what = plan.kind === 'undo' ? '' : plan.skipped.length ? ` the other ${n}` : ` the ${plural(n, 'marked destination')}`;
		return [warning, plan.skipped.length ? skippedNote(plan.skipped) : '', `${BATCH_VERBS[plan.kind].ask}${what}? `]
			.filter(Boolean)
			.join(' ');
	},
	nothingToDo: (plan: BatchPlan) =>
		`none of the marked rows can be ${BATCH_VERBS[plan.kind].each}: ${[...new Set(plan.skipped.map((r) => r.reason))].join('; ')}`,
	notSent: (plan: BatchPlan) =>
		`Nothing sent: the ${plural(plan.items.length, 'marked destination is', 'marked destinations are')} as ${plan.items.length === 1 ? 'it was' : 'they were'}.`,
	/** "Archiving ████░░░░ 2/5 · Esc stops": how far it is, with the bar drawn by the caller. */
	progress: (b: Batch, bar: string) =>
		`${BATCH_VERBS[b.kind].doing} ${bar} ${b.results.length}/${b.items.length}${b.stopping ? ' · stopping: the request in flight gets its answer first' : ` · ${keyFor('escape')} stops before the next`}`,
	/** The results' title once it is over: "Archived ██████░░ 2/3 · Esc closes". */
	finished: (b: Batch, bar: string) =>
		`${BATCH_VERBS[b.kind].did} ${bar} ${b.results.filter((r) => r.outcome === 'done').length}/${b.items.length} · ${keyFor('escape')} closes`,
	summary: (b: Batch) => {
		const done = b.results.filter((r) => r.outcome === 'done').length;
		const total = b.items.length;
		const missed = shortfall(b);
		const lead = b.results.some((r) => r.outcome === 'stopped') ? 'Stopped: ' : '';
		if (b.kind === 'undo')
			return `${lead}Undone: ${done} of ${total} ${total === 1 ? 'change' : 'changes'}${missed ? `; ${missed} (${keyFor('undo')} tries ${done === total ? 'them' : 'the rest'} again)` : ''}.`;
		const verb = BATCH_VERBS[b.kind].did.toLowerCase();
		const head = missed
			? `${lead}${lead ? verb : BATCH_VERBS[b.kind].did} ${done} of ${plural(total, 'destination')}; ${missed}${b.results.some((r) => r.outcome === 'failed' || r.outcome === 'stopped') ? ' (still marked)' : ''}.`
			: `${BATCH_VERBS[b.kind].did} ${plural(done, 'destination')}.`;
		return done > 0 ? `${head} Press ${keyFor('undo')} to undo ${done === 1 ? 'it' : `all ${done}`}.` : head;
	},
	/** One row of the results: "archived", "refused: …", "not sent". */
	result: (kind: BatchKind, r: BatchResult) => {
		switch (r.outcome) {
			case 'done':
				return BATCH_VERBS[kind].each;
			case 'refused':
				return `refused: ${r.reason}`;
			case 'failed':
				return `failed: ${r.reason}`;
			case 'skipped':
				return `skipped: ${r.reason}`;
			case 'stopped':
				return 'not sent';
		}
	},
};

export const messages = {
	refused: (reason: string) => `Can't do that: ${reason}.`,
	archived: (d: Pick<Destination, 'name' | 'default'>, archived: boolean) =>
		archived && d.default
			? `Archived ${name(d)}: your organisation has no default now (${keyFor('undo')} undoes both).`
			: `${archived ? 'Archived' : 'Unarchived'} ${name(d)}. Press ${keyFor('undo')} to undo.`,
	checking: (ds: readonly Pick<Destination, 'name'>[]) =>
		`Looking up what delivers to ${ds.length === 1 ? name(ds[0]!) : `${ds.length} destinations`} before archiving…`,
	archiveQuestion: (warning: string, count: number) => `${warning} ${count === 1 ? 'Archive it anyway?' : `Archive all ${count} anyway?`} `,
	notArchived: (ds: readonly Pick<Destination, 'name'>[]) =>
		ds.length === 1 ? `Not archived: ${name(ds[0]!)} is as it was.` : `Not archived: the ${ds.length} destinations are as they were.`,
	archiveFailed: (d: Pick<Destination, 'name'>, archiving: boolean, error: unknown) =>
		`${archiving ? 'Archiving' : 'Unarchiving'} ${name(d)} failed, so it is back as it was. ${describeError(error)}`,
	undone: (d: Destination) => `Undone: ${name(d)} is ${d.archived ? 'archived' : 'active'} again.`,
	undoneDefault: (d: Destination) => `Undone: ${name(d)} is active and your organisation's default again.`,
	undoneDefaultTaken: (d: Destination, by: Pick<Destination, 'name'>) =>
		`Undone: ${name(d)} is active again; ${name(by)}, made default since, stays the default.`,
	undoneDefaultFailed: (d: Destination, error: unknown) =>
		`Undone: ${name(d)} is active again, but not the default: ${describeError(error)} Press ${keyFor('default')} on it to try again.`,
	defaultBack: (d: Pick<Destination, 'name'>) => `${name(d)} is your organisation's default again.`,
	defaultTaken: (d: Pick<Destination, 'name'>, by: Pick<Destination, 'name'>) =>
		`${name(d)} is active again; ${name(by)}, made default since, stays the default.`,
	defaultNotBack: (d: Pick<Destination, 'name'>, error: unknown) =>
		`${name(d)} is active again, but not the default: ${describeError(error)} Press ${keyFor('default')} on it to try again.`,
	undoFailed: (error: unknown) => `Undo failed, nothing changed. ${describeError(error)}`,
	renamed: (d: Destination) => `Renamed to ${name(d)}. New ref: ${sanitize(d['pl:ref'])} (${keyFor('copy')} copies it)`,
	renameFailed: (error: unknown) => `Rename failed: ${describeError(error)}`,
	defaultQuestion: (d: Pick<Destination, 'name'>, unset: boolean, replaces?: string) =>
		unset
			? `Stop ${name(d)} being the organisation default? Your organisation will have none. `
			: replaces !== undefined
				? `Make ${name(d)} the organisation default, replacing ${sanitize(replaces)}? `
				: `Make ${name(d)} the organisation default? It has none now. `,
	defaultSet: (d: Pick<Destination, 'name'>, unset: boolean) =>
		unset
			? `${name(d)} is no longer the default; your organisation has none now.`
			: `${name(d)} is now your organisation's default (pl:destinations/default).`,
	defaultFailed: (error: unknown) => `Changing the default failed, so it is back as it was. ${describeError(error)}`,
	defaultUnchanged: 'Default unchanged.',
	markedShown: (n: number, marked: boolean) =>
		`${marked ? 'Marked' : 'Unmarked'} ${n === 1 ? 'the row' : `all ${n} rows`} shown.${marked ? ` ${keyFor('escape')} clears the marks.` : ''}`,
	sorted: (s: Sort) => `Sorted by ${s.column}, ${SORT_WAYS[s.column][s.descending ? 1 : 0]}.`,
	/** What a copy did (none given: a test's own copier). */
	copied: (ref: string, how?: CopyOutcome | void) => {
		if (!how) return `Copied ${ref}.`;
		if (how.way === 'tmux') return `Copied ${ref} (tmux buffer and clipboard).`;
		if (how.through === 'tmux-passthrough')
			return `Sent ${ref} through tmux's passthrough (tmux load-buffer failed: ${sanitize(how.why ?? 'unknown')}).`;
		return `Copied ${ref} (${how.through === 'screen' ? 'OSC 52 through screen' : 'sent to the terminal as OSC 52'}).`;
	},
	copyFailed: (error: unknown) =>
		`Could not copy: ${error instanceof Error ? sanitize(error.message) : 'something unexpected went wrong'}.`,
	reloading: 'Reloading from the server…',
	reloaded: (count: number) => `Reloaded: ${count} destinations.`,
	created: (d: Destination) => `Created ${name(d)}: ${sanitize(d['pl:ref'])} (${keyFor('copy')} copies it)`,
	rotated: (d: Destination) => `Credentials of ${name(d)} rotated · updated ${relativeTime(d.updated)}.`,
	cancelled: (n: number) => `Cancelled ${n === 1 ? 'the request' : `${n} requests`} in flight.`,
	redrawn: 'Screen redrawn.',
	loadFailed: (error: unknown) =>
		error instanceof ApiError && error.kind === 'cancelled'
			? LOAD_CANCELLED()
			: `Could not load destinations. ${describeError(error)} Press ${keyFor('refresh')} to retry.`,
	get loadCancelled(): string {
		return LOAD_CANCELLED();
	},
	/** The list before anything was loaded (the start-up load failed or was stopped). */
	get nothingLoaded(): string {
		return `Nothing loaded yet: press ${keyFor('refresh')} to retry.`;
	},
	/** Why the list shows no row, and how to see something again. */
	emptyList: (total: number, f: Filters, query: string): string => {
		if (total === 0) return `No destinations yet: press ${keyFor('new')} to create one.`;
		const parts = activeChips(f, query);
		const filtered = FILTERS.some((spec) => f[spec.id] !== INITIAL_FILTERS[spec.id]);
		const ways = [
			query ? `${keyFor('escape')} clears the search` : '',
			filtered ? `${keyFor('reset-filters')} resets the filters` : `${keyFor('filters')} change the filters`,
		].filter(Boolean);
		return `No destination matches ${parts.join(', ')}. ${ways.join('; ')}.`;
	},
	usageFailed: (error: unknown) => `Could not list what delivers here. ${describeError(error)}`,
};

/** What the client is waiting for (a request slot, a retry's back-off), for the status line. */
export function describeEvent(e: ClientEvent): string | undefined {
	const seconds = e.waitMs !== undefined ? Math.max(1, Math.round(e.waitMs / 1000)) : undefined;
	if (e.type === 'waiting' && e.waitMs && e.waitMs > 300) return `waiting ${seconds} s for a request slot (the API allows 3 per second)`;
	if (e.type === 'retry') {
		const why =
			e.status === 429 ? 'rate limited by the server (429)' : e.status ? `the server answered ${e.status}` : 'the connection failed';
		return `${why}: trying again in ${seconds} s`;
	}
	return undefined;
}
