// A client-side rate limiter: at most `limit` requests sent in any `windowMs` (a sliding window
// over the moments they went on the wire). Planet allows 3 requests per second per user on every
// endpoint (spec §7), counted as they arrive, and answers 429 beyond; queueing a burst here is
// cheaper and calmer than collecting 429s. Callers queue in order (FIFO) and can leave the queue
// through an AbortSignal.
//
// A slot counts from when its request is on the wire (Slot.sent), not from when it was granted:
// what comes between (a new connection's TCP and TLS handshakes, a busy CPU) can take longer for
// one request than another, and counted from the grant, a burst's first requests, on new
// connections, reached the server up to ~300 ms after the grant while the next ones, on kept
// connections, came at once: four in one second at the server (seen under load, loopback alone).
// Until it is sent a slot counts as starting now, so it never expires before its request leaves.

export interface LimiterClock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export interface LimiterOptions {
	/** Starts allowed per window. */
	limit: number;
	windowMs: number;
	/** Monotonic by default (performance.now), so a wall-clock jump cannot release a burst. */
	clock?: LimiterClock;
}

export interface AcquireOptions {
	signal?: AbortSignal;
	/** Called once, when the caller has to queue, with the expected wait in milliseconds. */
	onWait?: (waitMs: number) => void;
}

/** A granted place in the window. */
export interface Slot {
	/** The request is on the wire (or will never be): its time in the window starts now. Once. */
	sent(): void;
}

export interface Limiter {
	/** Resolves when the caller may send its request; the slot must be marked sent (it holds its place until then). */
	acquire(options?: AcquireOptions): Promise<Slot>;
	/** Callers waiting for a slot. */
	readonly queued: number;
}

/** Rejection of a queued acquire whose signal fired. */
export class LimiterAbortedError extends Error {
	override readonly name = 'LimiterAbortedError';
	constructor() {
		super('Left the rate-limit queue: cancelled');
	}
}

const realClock: LimiterClock = {
	now: () => performance.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Waiter {
	resolve(slot: Slot): void;
	reject(err: Error): void;
	detach(): void;
}

export function createLimiter(options: LimiterOptions): Limiter {
	const {limit, windowMs} = options;
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limiter limit must be a whole number of at least 1');
	if (!(windowMs > 0)) throw new RangeError('limiter window must be positive');
	const clock = options.clock ?? realClock;
	// The slots inside the window: sent at `at`, or (at undefined) granted and not sent yet.
	const slots: {at?: number}[] = [];
	const queue: Waiter[] = [];
	let timer: unknown;

	const prune = (t: number): void => {
		for (let i = slots.length - 1; i >= 0; i--) if (slots[i]!.at !== undefined && slots[i]!.at! + windowMs <= t) slots.splice(i, 1);
	};

	// The first sent slot to leave the window; slots not sent yet never do until they are.
	const oldestSent = (): number | undefined => {
		let oldest: number | undefined;
		for (const s of slots) if (s.at !== undefined && (oldest === undefined || s.at < oldest)) oldest = s.at;
		return oldest;
	};

	const grant = (): Slot => {
		const entry: {at?: number} = {};
		slots.push(entry);
		return {
			sent() {
				if (entry.at !== undefined) return;
				entry.at = clock.now();
				// Whoever waits can now be given a time (the window may even have room).
				if (queue.length > 0) pump();
			},
		};
	};

	const pump = (): void => {
		if (timer !== undefined) {
			clock.clearTimeout(timer);
			timer = undefined;
		}
		const t = clock.now();
		prune(t);
		while (queue.length > 0 && slots.length < limit) {
			const waiter = queue.shift()!;
			waiter.detach();
			waiter.resolve(grant());
		}
		const oldest = oldestSent();
		if (queue.length > 0 && oldest !== undefined) timer = clock.setTimeout(pump, Math.max(0, oldest + windowMs - t));
	};

	// The wait the caller at queue position `position` can expect, if nobody ahead cancels (and
	// every granted request is sent at once).
	const expectedWait = (position: number, t: number): number => {
		const times = slots.map((s) => s.at ?? t).sort((a, b) => a - b);
		let at = t;
		for (let i = 0; i <= position; i++) {
			at = times.length < limit ? t : Math.max(t, times[times.length - limit]! + windowMs);
			times.push(at);
		}
		return Math.max(0, Math.ceil(at - t));
	};

	return {
		get queued() {
			return queue.length;
		},
		acquire({signal, onWait} = {}) {
			if (signal?.aborted) return Promise.reject(new LimiterAbortedError());
			const t = clock.now();
			prune(t);
			if (queue.length === 0 && slots.length < limit) return Promise.resolve(grant());
			return new Promise<Slot>((resolve, reject) => {
				const onAbort = (): void => {
					const index = queue.indexOf(waiter);
					if (index !== -1) queue.splice(index, 1);
					waiter.detach();
					reject(new LimiterAbortedError());
					// The head may have changed; re-arm the timer for whoever is first now.
					pump();
				};
				const waiter: Waiter = {resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort)};
				signal?.addEventListener('abort', onAbort, {once: true});
				onWait?.(expectedWait(queue.length, t));
				queue.push(waiter);
				if (timer === undefined) pump();
			});
		},
	};
}
