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

	private replaceAll(list: readonly Destination[]): void {
		this.set({destinations: [...list].sort(byCreatedDesc)});
	}

	private upsert(d: Destination): void {
		const others = this.snapshot.destinations.filter((x) => x.id !== d.id);
		// One default per organisation: the server's answer may have moved it.
		const fixed = d.default ? others.map((x) => (x.default ? {...x, default: false} : x)) : others;
		this.replaceAll([...fixed, d]);
	}

	/** Runs one request, counted in `pending` and cancellable with cancelAll(). */
	private async track<T>(run: (options: CallOptions) => Promise<T>): Promise<T> {
		const controller = new AbortController();
		this.inFlight.add(controller);
		this.set({pending: this.snapshot.pending + 1});
		try {
			return await run({signal: controller.signal});
		} catch (err) {
			throw toApiError(err);
		} finally {
			this.inFlight.delete(controller);
			this.set({pending: this.snapshot.pending - 1, waiting: this.snapshot.pending - 1 > 0 ? this.snapshot.waiting : undefined});
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
		try {
			const early = this.firstList;
			this.firstList = undefined;
			const list = await this.track((o) => {
				if (!early) return this.api.list({}, o);
				// Sent before the screen existed: Esc (cancelAll) stops it through its own controller.
				o.signal?.addEventListener('abort', () => early.abort?.(), {once: true});
				return early.promise;
			});
			const archived = this.snapshot.destinations.filter((d) => d.archived !== null);
			this.replaceAll([...archived.filter((a) => !list.some((d) => d.id === a.id)), ...list]);
			this.set({active: 'loaded'});
		} catch (err) {
			this.set({active: 'error', loadError: toApiError(err)});
		}
	}

	/** Fetched once, the first time a filter shows archived destinations. */
	async loadArchived(): Promise<void> {
		if (this.snapshot.archived === 'loading' || this.snapshot.archived === 'loaded') return;
		this.set({archived: 'loading'});
		try {
			const list = await this.track((o) => this.api.list({archived: true}, o));
			const ids = new Set(list.map((d) => d.id));
			this.replaceAll([...this.snapshot.destinations.filter((d) => !ids.has(d.id) && d.archived === null), ...list]);
			this.set({archived: 'loaded'});
		} catch (err) {
			this.set({archived: 'error', loadError: toApiError(err)});
		}
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
		try {
			const answer = await this.track(send);
			if (answer) this.upsert(answer);
			return answer;
		} catch (err) {
			// Only the rows this change touched go back; anything else that changed meanwhile stays.
			const touched = new Map(before.map((d) => [d.id, d]));
			this.set({destinations: this.snapshot.destinations.map((d) => (mine.has(d.id) ? (touched.get(d.id) ?? d) : d))});
			throw err;
		}
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
		const answer = await this.track((o) => this.api.rename(id, name, o));
		this.upsert(answer);
		return answer;
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
		const answer = await this.track((o) => this.api.create(body, {signal: options?.signal ?? o.signal}));
		this.upsert(answer);
		return answer;
	}

	async rotate(id: string, parameters: Record<string, string | boolean>, options?: CallOptions): Promise<Destination> {
		const answer = await this.track((o) => this.api.rotate(id, parameters, {signal: options?.signal ?? o.signal}));
		this.upsert(answer);
		return answer;
	}

	/** For the wizard's "did my lost create go through?" check: one list request, no guessing. */
	/** The active destinations as the server has them now (one request), kept in the cache too. */
	async listActive(): Promise<readonly Destination[]> {
		const active = await this.track((o) => this.api.list({}, o));
		for (const d of active) this.upsert(d);
		return active;
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
