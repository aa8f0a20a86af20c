// The one in-memory cache of destinations every screen shares. Start-up costs one list request,
// the first look at archived destinations one more, and each change exactly one request whose
// answer updates the cache: the list is never fetched again behind the user's back.
import {ApiError} from '../api/errors.js';
import type {CallOptions, CreateBody, Destination, DestinationsApi, Order, Subscription} from '../api/types.js';
import type {EarlyList} from '../connect.js';
import {activeSubscriptions, ordersInProgress, type UsageCount} from '../view/usage.js';

export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

export interface StoreSnapshot {
	/** Every destination loaded so far, newest first. */
	destinations: readonly Destination[];
	active: LoadState;
	archived: LoadState;
	loadError?: ApiError;
	/** Requests in flight (the spinner shows while this is above 0). */
	pending: number;
	/** What the client is waiting for, e.g. "rate limited: retrying in 2 s". */
	waiting?: string;
	/** Archive changes that `u` can undo, the most recent last: one destination, or a batch (one `u` undoes it all). */
	undo: readonly UndoBatch[];
}

/** One archive toggle: `archived` is the state it left; `wasDefault`: archiving it unset the default. */
export interface UndoEntry {
	id: string;
	archived: boolean;
	wasDefault?: boolean;
}
export type UndoBatch = readonly UndoEntry[];

/** How many changes `u` can go back through. */
const UNDO_DEPTH = 20;

export interface Usage {
	state: LoadState;
	orders: Order[];
	subscriptions: Subscription[];
	error?: ApiError;
}

/**
 * What `u` did: the archive toggle reversed, and, when the archive had unset the default, whether
 * the default is back (`taken`: another destination became the default since, and stays so).
 */
export interface UndoOutcome {
	destination: Destination;
	default?: DefaultRestored;
}

/** The default after undoing the archive that had unset it: back, kept by another, or not back. */
export type DefaultRestored = {kind: 'restored'} | {kind: 'taken'; by: Destination} | {kind: 'failed'; error: unknown};

/** The first list is not in yet: the screen says it is loading, and keys wait for it. */
export const loadingFirstList = (snap: StoreSnapshot): boolean =>
	(snap.active === 'idle' || snap.active === 'loading') && snap.destinations.length === 0;

/** What any screen may do with the cache: read it, load it, cancel what is in flight. */
export interface DestinationsReads {
	subscribe(listener: () => void): () => void;
	getSnapshot(): StoreSnapshot;
	loadActive(): Promise<void>;
	loadArchived(): Promise<void>;
	refresh(): Promise<void>;
	cancelAll(): number;
	usageOf(ref: string): Usage | undefined;
	loadUsage(ref: string): Promise<void>;
	listActive(): Promise<readonly Destination[]>;
	usageCounts(ids: readonly string[]): Promise<Map<string, UsageCount>>;
}

/** The changes, each one request. A screen gets them only when destui may change anything: with
 * --read-only it has no way to send one, whatever its keys do. */
export interface DestinationsChanges {
	toggleArchive(id: string): Promise<Destination>;
	undoArchive(): Promise<UndoOutcome | undefined>;
	/** One step of a batch: archives or unarchives one destination, not remembered for undo. */
	setArchived(id: string, archive: boolean, options?: Pick<CallOptions, 'unsent'>): Promise<Destination>;
	/** The batch `u` undoes next, taken off the undo list (its undo runs step by step). */
	takeUndo(): UndoBatch | undefined;
	/** A finished batch (what it changed), for `u`. */
	rememberBatch(batch: UndoBatch): void;
	restoreDefault(id: string): Promise<DefaultRestored>;
	rename(id: string, name: string): Promise<Destination>;
	toggleDefault(id: string): Promise<Destination | undefined>;
	create(body: CreateBody, options?: CallOptions): Promise<Destination>;
	rotate(id: string, parameters: Record<string, string | boolean>, options?: CallOptions): Promise<Destination>;
}

const toApiError = (err: unknown): ApiError =>
	err instanceof ApiError ? err : new ApiError({kind: 'malformed', explanation: 'Something unexpected went wrong.'});

const byCreatedDesc = (a: Destination, b: Destination) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.id < b.id ? 1 : -1);

/** What an answer, or a failure, changes in the snapshot. */
interface Settle<T> {
	answered?(value: T): Partial<StoreSnapshot>;
	failed?(error: ApiError): Partial<StoreSnapshot>;
}

export class DestinationsStore implements DestinationsReads, DestinationsChanges {
	private snapshot: StoreSnapshot = {destinations: [], active: 'idle', archived: 'idle', pending: 0, undo: []};
	private readonly listeners = new Set<() => void>();
	private readonly inFlight = new Set<AbortController>();
	private readonly usage = new Map<string, Usage>();
	/** By pl:ref: the subscriptions looked up before an archive (the details' look-up holds orders too). */
	private readonly checked = new Map<string, Subscription[]>();
	/** The start-up list arrived before the screen: the first loadActive sends nothing. */
	private preloaded = false;

	private firstList?: EarlyList;

	/** `first`: the start-up list request, if it was sent before the screen existed. */
	constructor(
		private readonly api: DestinationsApi,
		first?: EarlyList,
	) {
		// Already answered: the first frame shows the list, and loadActive has nothing to do.
		if (first?.value) {
			this.snapshot = {...this.snapshot, destinations: [...first.value].sort(byCreatedDesc), active: 'loaded'};
			this.preloaded = true;
		} else this.firstList = first;
	}

	private readView?: DestinationsReads;

	/** The cache with its reads only (the object has no way to change anything). */
	get reads(): DestinationsReads {
		this.readView ??= {
			subscribe: this.subscribe,
			getSnapshot: this.getSnapshot,
			loadActive: () => this.loadActive(),
			loadArchived: () => this.loadArchived(),
			refresh: () => this.refresh(),
			cancelAll: () => this.cancelAll(),
			usageOf: (ref) => this.usageOf(ref),
			loadUsage: (ref) => this.loadUsage(ref),
			listActive: () => this.listActive(),
			usageCounts: (ids) => this.usageCounts(ids),
		};
		return this.readView;
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = (): StoreSnapshot => this.snapshot;

	private set(patch: Partial<StoreSnapshot>): void {
		this.snapshot = {...this.snapshot, ...patch};
		for (const l of this.listeners) l();
	}

	/** Shown by the status line while the client waits on a rate limit or a retry. */
	noteWaiting(text: string | undefined): void {
		if (text !== this.snapshot.waiting) this.set({waiting: text});
	}

	/** The rows with `answers` (the server's word on each) in place of what the cache had of them. */
	private withAnswers(answers: readonly Destination[]): {destinations: Destination[]} {
		const ids = new Set(answers.map((d) => d.id));
		const others = this.snapshot.destinations.filter((x) => !ids.has(x.id));
		// One default per organisation: the server's answer may have moved it.
		const fixed = answers.some((d) => d.default) ? others.map((x) => (x.default ? {...x, default: false} : x)) : others;
		return {destinations: [...fixed, ...answers].sort(byCreatedDesc)};
	}

	/**
	 * Runs one request, counted in `pending` and cancellable with cancelAll(). What its answer or
	 * failure changes (`settle`) goes into the same update as the count: one answer, one frame.
	 * (Two updates drew two frames, and Ink holds back a frame that follows another within its
	 * frame interval: when that was 16 ms, the start-up list showed ~20 ms after its answer.)
	 */
	private async track<T>(run: (options: CallOptions) => Promise<T>, settle: Settle<T> = {}): Promise<T> {
		const controller = new AbortController();
		this.inFlight.add(controller);
		this.set({pending: this.snapshot.pending + 1});
		let change: Partial<StoreSnapshot> | undefined;
		try {
			const value = await run({signal: controller.signal});
			change = settle.answered?.(value);
			return value;
		} catch (err) {
			const error = toApiError(err);
			change = settle.failed?.(error);
			throw error;
		} finally {
			this.inFlight.delete(controller);
			const pending = this.snapshot.pending - 1;
			this.set({...change, pending, waiting: pending > 0 ? this.snapshot.waiting : undefined});
		}
	}

	/** Esc while something is slow: every request in flight is abandoned (and rolled back). */
	cancelAll(): number {
		const n = this.inFlight.size;
		for (const c of this.inFlight) c.abort();
		return n;
	}

	/** The start-up list: active destinations only, as the API lists by default. */
	async loadActive(): Promise<void> {
		if (this.preloaded) {
			this.preloaded = false;
			return;
		}
		this.set({active: 'loading', loadError: undefined});
		const early = this.firstList;
		this.firstList = undefined;
		const run = (o: CallOptions): Promise<Destination[]> => {
			if (!early) return this.api.list({}, o);
			// Sent before the screen existed: Esc (cancelAll) stops it through its own controller.
			o.signal?.addEventListener('abort', () => early.abort?.(), {once: true});
			return early.promise;
		};
		await this.track(run, {
			answered: (list) => {
				// Archived ones already shown stay (this list holds active ones only).
				const ids = new Set(list.map((d) => d.id));
				const archived = this.snapshot.destinations.filter((d) => d.archived !== null && !ids.has(d.id));
				return {destinations: [...archived, ...list].sort(byCreatedDesc), active: 'loaded'};
			},
			failed: (loadError) => ({active: 'error', loadError}),
		}).catch(() => {});
	}

	/** Fetched once, the first time a filter shows archived destinations. */
	async loadArchived(): Promise<void> {
		if (this.snapshot.archived === 'loading' || this.snapshot.archived === 'loaded') return;
		this.set({archived: 'loading'});
		await this.track((o) => this.api.list({archived: true}, o), {
			answered: (list) => {
				const ids = new Set(list.map((d) => d.id));
				const active = this.snapshot.destinations.filter((d) => !ids.has(d.id) && d.archived === null);
				return {destinations: [...active, ...list].sort(byCreatedDesc), archived: 'loaded'};
			},
			failed: (loadError) => ({archived: 'error', loadError}),
		}).catch(() => {});
	}

	/** R: what the server has now (two requests only once archived ones have been shown). What
	 * delivers where is looked up again when next needed. */
	async refresh(): Promise<void> {
		const withArchived = this.snapshot.archived !== 'idle';
		this.usage.clear();
		this.checked.clear();
		if (withArchived) this.set({archived: 'idle'});
		await this.loadActive();
		if (withArchived) await this.loadArchived();
	}

	find(id: string): Destination | undefined {
		return this.snapshot.destinations.find((d) => d.id === id);
	}

	/** Applies `optimistic` at once, sends one request, and puts the old rows back if it fails. */
	private async optimistic(
		optimistic: (list: readonly Destination[]) => Destination[],
		send: (o: CallOptions) => Promise<Destination | void>,
	): Promise<Destination | void> {
		const before = this.snapshot.destinations;
		const after = optimistic(before);
		const mine = new Set(after.filter((d, i) => d !== before[i]).map((d) => d.id));
		this.set({destinations: after});
		return this.track(send, {
			answered: (answer) => (answer ? this.withAnswers([answer]) : {}),
			failed: () => {
				// Only the rows this change touched go back; anything else that changed meanwhile stays.
				const touched = new Map(before.map((d) => [d.id, d]));
				return {destinations: this.snapshot.destinations.map((d) => (mine.has(d.id) ? (touched.get(d.id) ?? d) : d))};
			},
		});
	}

	/** One archive or unarchive, optimistically (archiving the default unsets it, as the server does). */
	async setArchived(id: string, archive: boolean, options: Pick<CallOptions, 'unsent'> = {}): Promise<Destination> {
		if (!this.find(id)) throw new ApiError({kind: 'not_found'});
		const stamp = new Date().toISOString();
		return (await this.optimistic(
			(list) => list.map((d) => (d.id === id ? {...d, archived: archive ? stamp : null, default: archive ? false : d.default} : d)),
			(o) => (archive ? this.api.archive(id, {...o, ...options}) : this.api.unarchive(id, {...o, ...options})),
		)) as Destination;
	}

	/** a: archive or unarchive, optimistically; remembered for undo (with the default it unset). */
	async toggleArchive(id: string, remember = true): Promise<Destination> {
		const current = this.find(id);
		if (!current) throw new ApiError({kind: 'not_found'});
		const archive = current.archived === null;
		const answer = await this.setArchived(id, archive);
		if (remember) this.rememberBatch([{id, archived: archive, ...(archive && current.default ? {wasDefault: true} : {})}]);
		return answer;
	}

	rememberBatch(batch: UndoBatch): void {
		if (batch.length > 0) this.set({undo: [...this.snapshot.undo, batch].slice(-UNDO_DEPTH)});
	}

	takeUndo(): UndoBatch | undefined {
		const last = this.snapshot.undo.at(-1);
		if (last) this.set({undo: this.snapshot.undo.slice(0, -1)});
		return last;
	}

	/**
	 * u: reverses the most recent archive toggle of one destination (one request; a batch's undo
	 * runs step by step on the screen). Archiving the default had unset it: unarchiving then makes
	 * it the default again (a second request), unless another destination has become the default
	 * since, which is left as it is.
	 */
	async undoArchive(): Promise<UndoOutcome | undefined> {
		const batch = this.snapshot.undo.at(-1);
		if (batch?.length !== 1) return undefined;
		const last = batch[0]!;
		this.set({undo: this.snapshot.undo.slice(0, -1)});
		let destination: Destination;
		try {
			destination = await this.toggleArchive(last.id, false);
		} catch (err) {
			this.set({undo: [...this.snapshot.undo, batch]});
			throw err;
		}
		if (!last.wasDefault) return {destination};
		const restored = await this.restoreDefault(last.id);
		return {destination: restored.kind === 'restored' ? (this.find(last.id) ?? destination) : destination, default: restored};
	}

	/** Makes `id` the default again after an undo, unless another destination has become it since. */
	async restoreDefault(id: string): Promise<DefaultRestored> {
		const by = this.snapshot.destinations.find((d) => d.default && d.id !== id);
		if (by) return {kind: 'taken', by};
		// Already the default (toggling would unset it): nothing to send.
		if (this.find(id)?.default) return {kind: 'restored'};
		try {
			await this.toggleDefault(id);
			return {kind: 'restored'};
		} catch (error) {
			return {kind: 'failed', error};
		}
	}

	async rename(id: string, name: string): Promise<Destination> {
		return this.track((o) => this.api.rename(id, name, o), {answered: (d) => this.withAnswers([d])});
	}

	/** d: makes it the org default (or stops it being one), optimistically. */
	async toggleDefault(id: string): Promise<Destination | undefined> {
		const current = this.find(id);
		if (!current) throw new ApiError({kind: 'not_found'});
		if (current.default) {
			await this.optimistic(
				(list) => list.map((d) => (d.default ? {...d, default: false} : d)),
				(o) => this.api.unsetDefault(o),
			);
			return undefined;
		}
		return (await this.optimistic(
			(list) => list.map((d) => (d.id === id ? {...d, default: true} : d.default ? {...d, default: false} : d)),
			(o) => this.api.setDefault(id, o),
		)) as Destination;
	}

	async create(body: CreateBody, options?: CallOptions): Promise<Destination> {
		return this.track((o) => this.api.create(body, {signal: options?.signal ?? o.signal}), {answered: (d) => this.withAnswers([d])});
	}

	async rotate(id: string, parameters: Record<string, string | boolean>, options?: CallOptions): Promise<Destination> {
		return this.track((o) => this.api.rotate(id, parameters, {signal: options?.signal ?? o.signal}), {
			answered: (d) => this.withAnswers([d]),
		});
	}

	/** For the wizard's "did my lost create go through?" check: one list request, no guessing. */
	/** The active destinations as the server has them now (one request), kept in the cache too. */
	async listActive(): Promise<readonly Destination[]> {
		return this.track((o) => this.api.list({}, o), {answered: (active) => this.withAnswers(active)});
	}

	/** Which orders and subscriptions deliver here: fetched once per destination, on demand. */
	usageOf(ref: string): Usage | undefined {
		return this.usage.get(ref);
	}

	/**
	 * What delivers to each of these destinations, before archiving them: from the details' look-up
	 * when it was made (orders and subscriptions, no request), else one request per destination for
	 * its subscriptions (the deliveries that go on), kept for next time. Never throws: a failed
	 * look-up is a count with its error, so the question can say what is unknown.
	 */
	async usageCounts(ids: readonly string[]): Promise<Map<string, UsageCount>> {
		const counts = new Map<string, UsageCount>();
		await Promise.all(
			ids.map(async (id) => {
				const ref = this.find(id)?.['pl:ref'];
				if (!ref) return;
				const known = this.usage.get(ref);
				if (known?.state === 'loaded')
					return void counts.set(id, {subscriptions: activeSubscriptions(known.subscriptions), orders: ordersInProgress(known.orders)});
				try {
					let subscriptions = this.checked.get(ref);
					if (!subscriptions) {
						subscriptions = await this.track((o) => this.api.subscriptionsUsing(ref, o));
						this.checked.set(ref, subscriptions);
					}
					counts.set(id, {subscriptions: activeSubscriptions(subscriptions)});
				} catch (error) {
					counts.set(id, {error});
				}
			}),
		);
		return counts;
	}

	async loadUsage(ref: string): Promise<void> {
		const known = this.usage.get(ref);
		if (known && known.state !== 'error') return;
		this.usage.set(ref, {state: 'loading', orders: [], subscriptions: []});
		this.set({});
		try {
			const [orders, subscriptions] = await Promise.all([
				this.track((o) => this.api.ordersUsing(ref, o)),
				this.track((o) => this.api.subscriptionsUsing(ref, o)),
			]);
			this.usage.set(ref, {state: 'loaded', orders, subscriptions});
		} catch (err) {
			this.usage.set(ref, {state: 'error', orders: [], subscriptions: [], error: toApiError(err)});
		}
		this.set({});
	}
}
