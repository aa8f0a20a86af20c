// A client-side rate limiter: at most `limit` request starts in any `windowMs` (a sliding window
// over start times). Planet allows 3 requests per second per user on every endpoint (spec §7)
// and answers 429 beyond; queueing a burst here is cheaper and calmer than collecting 429s.
// Callers queue in order (FIFO) and can leave the queue through an AbortSignal.

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

export interface Limiter {
	/** Resolves when the caller may start its request (the start is recorded then). */
	acquire(options?: AcquireOptions): Promise<void>;
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
	resolve(): void;
	reject(err: Error): void;
	detach(): void;
}

export function createLimiter(options: LimiterOptions): Limiter {
	const {limit, windowMs} = options;
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limiter limit must be a whole number of at least 1');
	if (!(windowMs > 0)) throw new RangeError('limiter window must be positive');
	const clock = options.clock ?? realClock;
	// Start times still inside the window, oldest first.
	const starts: number[] = [];
	const queue: Waiter[] = [];
	let timer: unknown;

	const prune = (t: number): void => {
		while (starts.length > 0 && starts[0]! + windowMs <= t) starts.shift();
	};

	const pump = (): void => {
		if (timer !== undefined) {
			clock.clearTimeout(timer);
			timer = undefined;
		}
		const t = clock.now();
		prune(t);
		while (queue.length > 0 && starts.length < limit) {
			const waiter = queue.shift()!;
			starts.push(t);
			waiter.detach();
			waiter.resolve();
		}
		if (queue.length > 0) timer = clock.setTimeout(pump, Math.max(0, starts[0]! + windowMs - t));
	};

	// The wait the caller at queue position `position` can expect, if nobody ahead cancels.
	const expectedWait = (position: number, t: number): number => {
		const times = [...starts];
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
			if (queue.length === 0 && starts.length < limit) {
				starts.push(t);
				return Promise.resolve();
			}
			return new Promise<void>((resolve, reject) => {
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
