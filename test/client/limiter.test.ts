// The sliding-window limiter on a hand-driven clock: what starts when, FIFO order, cancellation,
// slots counted from when their request is sent, and the expected-wait estimates the UI shows.
import {describe, expect, it} from 'vitest';
import {createLimiter, LimiterAbortedError, type LimiterClock} from '../../src/api/limiter.js';

/** A clock whose time only moves when the test says so; due timers run in time order. */
function manualClock() {
	let t = 0;
	let nextId = 1;
	const timers = new Map<number, {at: number; fn: () => void}>();
	const clock: LimiterClock = {
		now: () => t,
		setTimeout: (fn, ms) => {
			const id = nextId++;
			timers.set(id, {at: t + ms, fn});
			return id;
		},
		clearTimeout: (id) => void timers.delete(id as number),
	};
	const advance = async (ms: number): Promise<void> => {
		const end = t + ms;
		for (;;) {
			const due = [...timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) break;
			timers.delete(due[0]);
			t = Math.max(t, due[1].at);
			due[1].fn();
			await flush();
		}
		t = end;
		await flush();
	};
	return {clock, advance, pending: () => timers.size, now: () => t};
}

const flush = async (): Promise<void> => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Starts `n` acquires, each sent the moment it is let through, and records when that was. */
function burst(limiter: ReturnType<typeof createLimiter>, now: () => number, n: number, signals: (AbortSignal | undefined)[] = []) {
	const started: {i: number; at: number}[] = [];
	const outcomes = Array.from({length: n}, (_, i) =>
		limiter.acquire({signal: signals[i]}).then(
			(slot) => {
				slot.sent();
				started.push({i, at: now()});
				return 'started' as const;
			},
			(err: unknown) => (err instanceof LimiterAbortedError ? ('aborted' as const) : ('other' as const)),
		),
	);
	return {started, outcomes};
}

describe('limiter', () => {
	it('lets the first `limit` starts through at once and queues the rest', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 3, windowMs: 1000, clock: c.clock});
		const {started} = burst(limiter, c.now, 5);
		await flush();
		expect(started.map((s) => s.i)).toEqual([0, 1, 2]);
		expect(limiter.queued).toBe(2);
		await c.advance(999);
		expect(started).toHaveLength(3);
		await c.advance(1);
		expect(started.map((s) => s.i)).toEqual([0, 1, 2, 3, 4]);
		expect(started[3]!.at).toBe(1000);
		expect(limiter.queued).toBe(0);
	});

	it('never lets more than `limit` starts into any window of a long burst', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 3, windowMs: 1000, clock: c.clock});
		const {started, outcomes} = burst(limiter, c.now, 10);
		await flush();
		for (let i = 0; i < 40; i++) await c.advance(100);
		await Promise.all(outcomes);
		expect(started).toHaveLength(10);
		// FIFO: callers start in the order they asked.
		expect(started.map((s) => s.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const times = started.map((s) => s.at);
		for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(1000);
		// 10 starts at 3 per second need three full windows.
		expect(times[9]).toBe(3000);
	});

	it('slides: a start frees its slot exactly one window later, not at a fixed tick', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 2, windowMs: 1000, clock: c.clock});
		(await limiter.acquire()).sent();
		await c.advance(400);
		(await limiter.acquire()).sent();
		const {started} = burst(limiter, c.now, 2);
		await c.advance(600);
		expect(started.map((s) => s.at)).toEqual([1000]);
		await c.advance(400);
		expect(started.map((s) => s.at)).toEqual([1000, 1400]);
	});

	it('a slot holds its place until its request is sent (a slow connection), and leaves one window after that', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 1, windowMs: 1000, clock: c.clock});
		const slow = await limiter.acquire();
		const {started} = burst(limiter, c.now, 1);
		// Still connecting a window later: it has not used its second yet.
		await c.advance(1500);
		expect(started).toEqual([]);
		slow.sent();
		await c.advance(999);
		expect(started).toEqual([]);
		await c.advance(1);
		expect(started.map((s) => s.at)).toEqual([2500]);
		// Marking it sent again changes nothing.
		slow.sent();
		expect(limiter.queued).toBe(0);
	});

	it('a wait is estimated as if every granted request were sent at once', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 2, windowMs: 1000, clock: c.clock});
		(await limiter.acquire()).sent();
		await c.advance(300);
		const unsent = await limiter.acquire();
		const waits: number[] = [];
		void limiter.acquire({onWait: (ms) => waits.push(ms)});
		void limiter.acquire({onWait: (ms) => waits.push(ms)});
		expect(waits).toEqual([700, 1000]);
		unsent.sent();
	});

	it('removes a cancelled caller from the queue without using its slot', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 1, windowMs: 1000, clock: c.clock});
		const cancel = new AbortController();
		const {started, outcomes} = burst(limiter, c.now, 3, [undefined, cancel.signal, undefined]);
		await flush();
		expect(limiter.queued).toBe(2);
		cancel.abort();
		expect(await outcomes[1]).toBe('aborted');
		expect(limiter.queued).toBe(1);
		await c.advance(1000);
		expect(await outcomes[2]).toBe('started');
		expect(started.map((s) => [s.i, s.at])).toEqual([
			[0, 0],
			[2, 1000],
		]);
	});

	it('refuses at once when the signal has already fired', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 3, windowMs: 1000, clock: c.clock});
		await expect(limiter.acquire({signal: AbortSignal.abort()})).rejects.toBeInstanceOf(LimiterAbortedError);
		// Nothing was recorded: three starts still pass at once.
		const {started} = burst(limiter, c.now, 3);
		await flush();
		expect(started).toHaveLength(3);
	});

	it('tells a queued caller how long it should expect to wait', async () => {
		const c = manualClock();
		const limiter = createLimiter({limit: 3, windowMs: 1000, clock: c.clock});
		const waits: number[] = [];
		(await limiter.acquire({onWait: (ms) => waits.push(ms)})).sent();
		await c.advance(200);
		(await limiter.acquire({onWait: (ms) => waits.push(ms)})).sent();
		(await limiter.acquire({onWait: (ms) => waits.push(ms)})).sent();
		// Not queued so far: onWait is only for callers that wait.
		expect(waits).toEqual([]);
		for (let i = 0; i < 4; i++) void limiter.acquire({onWait: (ms) => waits.push(ms)}).then((slot) => slot.sent());
		// Slots free at 1000 (first start) and 1200 (the two at 200), then one window later.
		expect(waits).toEqual([800, 1000, 1000, 1800]);
		await c.advance(3000);
		expect(limiter.queued).toBe(0);
		expect(c.pending()).toBe(0);
	});

	it('rejects nonsense settings', () => {
		expect(() => createLimiter({limit: 0, windowMs: 1000})).toThrow(RangeError);
		expect(() => createLimiter({limit: 1.5, windowMs: 1000})).toThrow(RangeError);
		expect(() => createLimiter({limit: 3, windowMs: 0})).toThrow(RangeError);
	});
});
