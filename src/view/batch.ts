// A change to many destinations at once (archive or unarchive the marked rows, or undo such a
// batch), as data: what will be sent and what is skipped, then one request at a time, each result
// as it comes. Pure: the main screen's reducer keeps the batch in its state and asks the hook to
// send each step; the client's rate limiter paces them (3 per second), and Esc stops the batch
// before the next request is sent.
import {ApiError, type ApiErrorKind} from '../api/errors.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import type {UndoBatch, UndoEntry} from '../store/destinations-store.js';
import {NOT_YOURS} from './commands.js';
import {describeError} from './messages.js';

export type BatchKind = 'archive' | 'unarchive' | 'undo';

/** One destination to change: `archive` is what its request asks for. */
export interface BatchItem {
	id: string;
	name: string;
	archive: boolean;
	/** Archiving it unsets the organisation's default (and undoing that makes it the default again). */
	wasDefault?: boolean;
}

/** done; refused: the server said no (the reason is its); failed: no answer, or a broken one; skipped: never sent; stopped: not sent, Esc came first. */
export type Outcome = 'done' | 'refused' | 'failed' | 'skipped' | 'stopped';

export interface BatchResult {
	id: string;
	name: string;
	outcome: Outcome;
	reason?: string;
}

export interface BatchPlan {
	kind: BatchKind;
	/** What will be sent, one request each, in the list's order. */
	items: readonly BatchItem[];
	/** What will not be, and why. */
	skipped: readonly BatchResult[];
}

export interface Batch extends BatchPlan {
	/** An answer for each item sent so far, in order. */
	results: readonly BatchResult[];
	/** The item in flight (or the next to send): results.length until the batch ends. */
	next: number;
	/** Esc: nothing more is sent; the request in flight, if any, still gets its answer. */
	stopping: boolean;
	finished: boolean;
}

export const ALREADY_ARCHIVED = 'already archived';
export const ALREADY_ACTIVE = 'already active';
export const GONE = 'no longer listed (R reloads)';

/**
 * What `a` does to the marked rows: archive them when any of those that may be changed is active
 * (the archived ones are skipped), else unarchive them. Rows the user may not change are skipped
 * with the reason, never sent.
 */
export function planBatch(marked: readonly Destination[]): BatchPlan {
	const archive = marked.some((d) => d.permissions.can_write && d.archived === null) || marked.every((d) => d.archived === null);
	const items: BatchItem[] = [];
	const skipped: BatchResult[] = [];
	for (const d of marked) {
		const name = sanitize(d.name);
		if (!d.permissions.can_write) skipped.push({id: d.id, name, outcome: 'skipped', reason: NOT_YOURS});
		else if ((d.archived !== null) === archive)
			skipped.push({id: d.id, name, outcome: 'skipped', reason: archive ? ALREADY_ARCHIVED : ALREADY_ACTIVE});
		else items.push({id: d.id, name, archive, ...(archive && d.default ? {wasDefault: true} : {})});
	}
	return {kind: archive ? 'archive' : 'unarchive', items, skipped};
}

/** Undoing a batch: each change reversed, the latest first. */
export function planUndo(batch: UndoBatch, all: readonly Destination[]): BatchPlan {
	const items: BatchItem[] = [];
	const skipped: BatchResult[] = [];
	for (const entry of [...batch].reverse()) {
		const d = all.find((x) => x.id === entry.id);
		if (!d) skipped.push({id: entry.id, name: entry.id, outcome: 'skipped', reason: GONE});
		else items.push({id: d.id, name: sanitize(d.name), archive: !entry.archived, ...(entry.wasDefault ? {wasDefault: true} : {})});
	}
	return {kind: 'undo', items, skipped};
}

export const startBatch = (plan: BatchPlan): Batch => ({...plan, results: [], next: 0, stopping: false, finished: plan.items.length === 0});

/** The request to send now, if any. */
export const nextItem = (b: Batch): BatchItem | undefined => (b.finished || b.stopping ? undefined : b.items[b.next]);

export const running = (b: Batch | undefined): b is Batch => b !== undefined && !b.finished;

/** The server said no: the request was understood and refused, and sending it again would not help. */
const REFUSALS: readonly ApiErrorKind[] = ['bad_request', 'auth', 'forbidden', 'not_found', 'conflict'];

function outcomeOf(error: unknown): Pick<BatchResult, 'outcome' | 'reason'> {
	if (error instanceof ApiError && error.kind === 'cancelled') return {outcome: 'stopped'};
	const refused = error instanceof ApiError && REFUSALS.includes(error.kind);
	return {outcome: refused ? 'refused' : 'failed', reason: describeError(error)};
}

/** The answer to the item in flight (`error` undefined: done); the batch ends after the last, or once stopped. */
export function stepDone(b: Batch, error?: unknown): Batch {
	const item = b.items[b.next];
	if (!item || b.finished) return b;
	const result: BatchResult = {id: item.id, name: item.name, ...(error === undefined ? {outcome: 'done'} : outcomeOf(error))};
	const results = [...b.results, result];
	const stopped = b.stopping || result.outcome === 'stopped';
	if (!stopped && results.length < b.items.length) return {...b, results, next: results.length};
	// Stopped: what was not sent says so.
	const rest = b.items.slice(results.length).map((i): BatchResult => ({id: i.id, name: i.name, outcome: 'stopped'}));
	return {...b, results: [...results, ...rest], next: b.items.length, finished: true};
}

export const stopBatch = (b: Batch): Batch => (b.finished ? b : {...b, stopping: true});

export const count = (b: Pick<Batch, 'results' | 'skipped'>, outcome: Outcome): number =>
	(outcome === 'skipped' ? b.skipped : b.results).filter((r) => r.outcome === outcome).length;

/** What the batch changed, for `u`: each item done, and the state it left. */
export function undoEntries(b: Batch): UndoEntry[] {
	const done = new Set(b.results.filter((r) => r.outcome === 'done').map((r) => r.id));
	return b.items.filter((i) => done.has(i.id)).map((i) => ({id: i.id, archived: i.archive, ...(i.wasDefault ? {wasDefault: true} : {})}));
}

/** What an undo batch did not undo, as it was remembered, so `u` can try it again. */
export function notUndone(b: Batch): UndoEntry[] {
	const done = new Set(b.results.filter((r) => r.outcome === 'done').map((r) => r.id));
	return b.items
		.filter((i) => !done.has(i.id))
		.reverse()
		.map((i) => ({id: i.id, archived: !i.archive, ...(i.wasDefault ? {wasDefault: true} : {})}));
}

/** The rows worth another try (no answer, or not sent): they stay marked. */
export const retryable = (b: Batch): string[] =>
	b.results.filter((r) => r.outcome === 'failed' || r.outcome === 'stopped').map((r) => r.id);

/** "████░░░░░░": `width` cells, the share done filled. */
export function progressBar(done: number, total: number, width: number): string {
	const filled = total === 0 ? width : Math.round((done / total) * width);
	return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

/** One row of the batch's results, as the pane draws it: a glyph (the meaning without colour), the name, what happened. */
export interface BatchLine {
	glyph: string;
	name: string;
	text: string;
	tone: 'ok' | 'error' | 'pending' | 'plain';
}

/** Every row of the batch in order (what was sent, then what was skipped), and which one is in flight. */
export function batchLines(b: Batch, describe: (r: BatchResult) => string): {lines: BatchLine[]; current: number} {
	const lines = b.items.map((item, i): BatchLine => {
		const r = b.results[i];
		if (!r)
			return i === b.next && !b.finished
				? {glyph: '…', name: item.name, text: 'sending', tone: 'pending'}
				: {glyph: ' ', name: item.name, text: 'waiting', tone: 'plain'};
		if (r.outcome === 'done') return {glyph: '✓', name: r.name, text: describe(r), tone: 'ok'};
		if (r.outcome === 'refused' || r.outcome === 'failed') return {glyph: '✗', name: r.name, text: describe(r), tone: 'error'};
		return {glyph: '·', name: r.name, text: describe(r), tone: 'plain'};
	});
	for (const r of b.skipped) lines.push({glyph: '–', name: r.name, text: describe(r), tone: 'plain'});
	return {lines, current: Math.min(b.next, Math.max(0, lines.length - 1))};
}
