// The main screen's state: the mode (each carrying its own data), the list's filters, search and
// selection, the message on the status line, and the requests the hook must send. Pure: the
// reducer (main-reducer.ts) and the key routing (main-keys.ts) build on the helpers here.
import type {CreateBody, Destination} from '../schemas.js';
import type {KeyEvent} from '../keys/read.js';
import type {FileAccess} from '../wizard/gcs-source.js';
import type {RotationState} from '../wizard/rotation-state.js';
import type {UndoBatch} from '../store/destinations-store.js';
import type {Batch, BatchItem, BatchPlan} from './batch.js';
import type {WizardState} from '../wizard/wizard-state.js';
import {applyFilters, INITIAL_FILTERS, type Filters} from './filters.js';
import {emptyLine, type LineState} from './line-editor.js';
import {INITIAL_SORT, sortDestinations, type Sort} from './sort.js';

export type ToastTone = 'ok' | 'info' | 'error';
export interface Toast {
	tone: ToastTone;
	text: string;
	/** Tells one message from the next, so an expiry never removes a newer one. */
	id: number;
}

/** A question on the status line, and what it would change. */
export type Question =
	/** `replaces`: the current default's name, which setting this one replaces. */
	| {kind: 'default'; id: string; unset: boolean; name: string; replaces?: string}
	/** `warning`: why archiving these deserves a question (src/view/usage.ts words it). */
	| {kind: 'archive'; destinations: readonly Destination[]; warning: string}
	/** The marked rows: always asked, naming the default and those in use (`warning`). */
	| {kind: 'batch'; plan: BatchPlan; warning?: string};

export type MainMode =
	| {kind: 'normal'}
	| {kind: 'search'}
	| {kind: 'rename'; id: string; line: LineState; error: string | undefined; sending: boolean}
	/** `askedIn`: the read whose keys opened the question; none of them answers it. */
	| {kind: 'confirm'; question: Question; askedIn: number}
	/** Before archiving: what delivers to these is being looked up; keys typed meanwhile wait.
	 * `plan`: they are the marked rows, and the question comes whatever the look-up finds. */
	| {kind: 'checking'; destinations: readonly Destination[]; plan?: BatchPlan}
	| {kind: 'help'; top: number}
	| {kind: 'detail'; id: string; top: number}
	| {kind: 'create'; wizard: WizardState}
	/** `refused`: why this destination's credentials cannot be rotated here (no form then). */
	| {kind: 'rotate'; destination: Destination; rotation: RotationState | undefined; refused?: string};

export type ModeKind = MainMode['kind'];

/** `askedIn` of a question that came up on its own (an answer arrived), not from a key: every key read after it may answer. */
export const NO_READ = -1;

/** What the hook must do: send a change (each costs one request), or act on the terminal. */
export type MainRequest =
	| {kind: 'archive'; destination: Destination}
	/** Counts what delivers to these before archiving them (none, or one request each). */
	| {kind: 'check-archive'; destinations: readonly Destination[]}
	| {kind: 'undo'}
	/** One request of the batch in state.batch; Esc aborts it only while it is not yet sent. */
	| {kind: 'batch-step'; item: BatchItem}
	| {kind: 'batch-stop'}
	/** A batch's undo starts: its changes leave the undo list (what is not undone goes back). */
	| {kind: 'take-undo'}
	| {kind: 'remember-batch'; batch: UndoBatch}
	/** After undoing a batch that had archived the default: make it the default again. */
	| {kind: 'restore-default'; id: string; name: string}
	| {kind: 'rename'; id: string; name: string}
	| {kind: 'default'; id: string; unset: boolean; name: string}
	| {kind: 'refresh'}
	| {kind: 'create'; body: CreateBody; checkFirst: boolean}
	| {kind: 'rotate'; id: string; parameters: Record<string, string | boolean>}
	/** Esc while the form's request is in flight. */
	| {kind: 'abort-form'}
	/** Esc while the screen's requests are in flight: all of them. */
	| {kind: 'cancel'}
	| {kind: 'copy'; text: string}
	| {kind: 'redraw'}
	| {kind: 'quit'};

export interface MainState {
	mode: MainMode;
	filters: Filters;
	/** The search line: kept when the prompt closes, so the list stays narrowed. */
	search: LineState;
	selectedId: string | undefined;
	/** The list's order (s, S). */
	sort: Sort;
	/** The ids of the marked rows (Space, V): kept while filters or a search hide them. */
	marks: ReadonlySet<string>;
	/** A change to many destinations: running, or finished and its results shown until Esc. */
	batch?: Batch;
	/** Where the selection was: when its row goes, the cursor stays here, on a neighbour. */
	lastIndex: number;
	toast: Toast | undefined;
	/** The id of the latest message. */
	toastSeq: number;
	/** Keys typed while the screen waits (for the first list, for the look-up before an archive),
	 * applied in order once it is over; dropped when a question comes up instead. */
	early: readonly KeyEvent[];
	/** What the hook must do, in order; it takes them after every action. */
	requests: readonly MainRequest[];
}

/** What the screen knows outside its own state when a key arrives: read fresh for every key. */
export interface MainContext {
	destinations: readonly Destination[];
	/** The first list is not in yet: keys wait for it. */
	loading: boolean;
	/** Requests in flight. */
	pending: number;
	canUndo: boolean;
	/** What `u` would undo: one destination's change, or a batch. */
	undoTop?: UndoBatch;
	readOnly: boolean;
	/** The terminal is too small to show the list: only quitting works. */
	tooSmall: boolean;
	/** Rows the list shows: one page. */
	listRows: number;
	/** Rows a scrolling view (details, help) shows, and how far it can scroll. */
	viewRows: number;
	maxTop: number;
	files: FileAccess;
}

export const initialMain: MainState = {
	mode: {kind: 'normal'},
	filters: INITIAL_FILTERS,
	search: emptyLine,
	selectedId: undefined,
	sort: INITIAL_SORT,
	marks: new Set(),
	lastIndex: 0,
	toast: undefined,
	toastSeq: 0,
	early: [],
	requests: [],
};

// The list is sorted once per change of the list and order (each order kept until the list
// changes, so going back to one, or turning it over, costs nothing), and filtered once per change
// of those, the filters or the search, however many keys and frames ask for it. A filter or a
// search never sorts again (filtering keeps the order).
let sorted: {all: readonly Destination[]; orders: Map<string, readonly Destination[]>} | undefined;
let memo: {list: readonly Destination[]; filters: Filters; query: string; visible: Destination[]} | undefined;

const orderKey = (sort: Sort) => `${sort.column} ${sort.descending}`;

/** Every loaded destination, in the chosen order. */
export function sortedOf(s: Pick<MainState, 'sort'>, all: readonly Destination[]): readonly Destination[] {
	if (sorted?.all !== all) sorted = {all, orders: new Map()};
	let list = sorted.orders.get(orderKey(s.sort));
	if (!list) {
		// The same column the other way is this order turned over, ties included.
		const other = sorted.orders.get(orderKey({...s.sort, descending: !s.sort.descending}));
		list = other ? [...other].reverse() : sortDestinations(all, s.sort);
		sorted.orders.set(orderKey(s.sort), list);
	}
	return list;
}

/** The rows shown: the loaded destinations in the chosen order, through the filters and the search. */
export function visibleOf(s: Pick<MainState, 'filters' | 'search' | 'sort'>, all: readonly Destination[]): Destination[] {
	const list = sortedOf(s, all);
	const query = s.search.value;
	if (memo && memo.list === list && memo.filters === s.filters && memo.query === query) return memo.visible;
	memo = {list, filters: s.filters, query, visible: applyFilters(list, s.filters, query)};
	return memo.visible;
}

let marked: {list: readonly Destination[]; marks: ReadonlySet<string>; marked: Destination[]} | undefined;

/** The marked destinations still loaded, in the list's order (a mark whose row went counts no more). */
export function markedOf(s: Pick<MainState, 'marks' | 'sort'>, all: readonly Destination[]): Destination[] {
	if (s.marks.size === 0) return [];
	const list = sortedOf(s, all);
	if (marked && marked.list === list && marked.marks === s.marks) return marked.marked;
	marked = {list, marks: s.marks, marked: list.filter((d) => s.marks.has(d.id))};
	return marked.marked;
}

let counted: {list: readonly Destination[]; visible: readonly Destination[]; count: {count: number; hidden: number}} | undefined;

/** How many rows are marked, and how many of them the filters or the search hide (for the header). */
export function markCount(
	s: Pick<MainState, 'marks' | 'sort'>,
	all: readonly Destination[],
	visible: readonly Destination[],
): {count: number; hidden: number} {
	const list = markedOf(s, all);
	if (list.length === 0) return {count: 0, hidden: 0};
	// Once per change of the marks or of the rows shown, not once per frame.
	if (counted?.list === list && counted.visible === visible) return counted.count;
	const shown = new Set(visible.map((d) => d.id));
	counted = {list, visible, count: {count: list.length, hidden: list.filter((d) => !shown.has(d.id)).length}};
	return counted.count;
}

/** The cursor's row: the selected destination, or, when it is hidden or gone, its neighbour. */
export function selection(s: MainState, visible: readonly Destination[]): {cursor: number; selected: Destination | undefined} {
	let cursor = s.selectedId ? visible.findIndex((d) => d.id === s.selectedId) : -1;
	if (cursor === -1) cursor = Math.min(s.lastIndex, Math.max(0, visible.length - 1));
	return {cursor, selected: visible[cursor]};
}

/**
 * The row the cursor fell on (its destination hidden by a search, a filter, an archive) becomes
 * the selection, so clearing the search keeps what the user saw.
 */
export function settle(s: MainState, visible: readonly Destination[]): MainState {
	const {cursor, selected} = selection(s, visible);
	// Nothing shown (a search that matches nothing): the selection waits to be shown again.
	if (!selected || (selected.id === s.selectedId && cursor === s.lastIndex)) return s;
	return {...s, selectedId: selected.id, lastIndex: cursor};
}

export function moveTo(s: MainState, visible: readonly Destination[], index: number): MainState {
	const i = Math.max(0, Math.min(visible.length - 1, index));
	return {...s, lastIndex: Math.max(0, i), selectedId: visible[i]?.id};
}

export function show(s: MainState, tone: ToastTone, text: string): MainState {
	const id = s.toastSeq + 1;
	return {...s, toast: {tone, text, id}, toastSeq: id};
}

export const send = (s: MainState, ...requests: MainRequest[]): MainState => ({...s, requests: [...s.requests, ...requests]});

/** The requests to perform now, and the state without them. */
export function takeRequests(s: MainState): [MainState, readonly MainRequest[]] {
	return s.requests.length ? [{...s, requests: []}, s.requests] : [s, []];
}
