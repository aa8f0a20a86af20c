// The client keeps to Planet's 3 requests per second, as the server counts them: arrival times
// in the sandbox's request log, with the sandbox's own limit switched on.
import {describe, expect, it} from 'vitest';
import {apiError, clearLog, clientFor, fault, nanos, requests, sandbox} from './helpers.js';

const SECOND = 1_000_000_000n;

/** The most requests that arrived within any one-second window. */
function busiestSecond(times: bigint[]): number {
	const sorted = [...times].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	let most = 0;
	for (let i = 0; i < sorted.length; i++) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1]! - sorted[i]! < SECOND) j++;
		most = Math.max(most, j - i + 1);
	}
	return most;
}

describe('client-side rate limit', () => {
	it('a burst of 10 never has more than 3 arriving in any second, and none is refused', async () => {
		const sb = await sandbox({rateLimit: true});
		const {client, events} = clientFor(sb);
		// Warm up the connection, then let its slot expire, so the burst starts from a clean window.
		await client.list();
		await new Promise((r) => setTimeout(r, 1200));
		await clearLog(sb);
		events.length = 0;

		const started = performance.now();
		const results = await Promise.all(Array.from({length: 10}, (_, i) => (i % 2 === 0 ? client.list() : client.getDefault())));
		const took = performance.now() - started;

		expect(results).toHaveLength(10);
		const log = await requests(sb);
		expect(log).toHaveLength(10);
		expect(log.every((r) => r.status === 200)).toBe(true);
		expect(busiestSecond(log.map((r) => nanos(r.time)))).toBe(3);
		// 10 starts at 3 per second need three full windows after the first three.
		expect(took).toBeGreaterThanOrEqual(3000);
		// The seven that queued said how long they expected to wait.
		const waits = events.filter((e) => e.type === 'waiting');
		expect(waits).toHaveLength(7);
		expect(waits.every((e) => e.waitMs! > 0)).toBe(true);
		expect(events.filter((e) => e.type === 'retry')).toEqual([]);
	});

	it('the limit is per client: a second client has its own window', async () => {
		const sb = await sandbox();
		const a = clientFor(sb);
		const b = clientFor(sb);
		await Promise.all([a.client.list(), a.client.list(), a.client.list(), b.client.list(), b.client.list(), b.client.list()]);
		expect(a.events.filter((e) => e.type === 'waiting')).toEqual([]);
		expect(b.events.filter((e) => e.type === 'waiting')).toEqual([]);
	});

	it('a lower requestsPerSecond spaces requests further apart', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb, {requestsPerSecond: 1});
		const started = performance.now();
		await Promise.all([client.list(), client.list(), client.list()]);
		expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
		expect(busiestSecond((await requests(sb)).map((r) => nanos(r.time)))).toBe(1);
	});
});

describe('stopping before a request is sent (CallOptions.unsent)', () => {
	it('a call waiting for a rate-limit slot leaves the queue unsent; one already sent runs to its answer', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb, {requestsPerSecond: 1});
		const [first, second] = (await client.list()).filter((d) => d.permissions.can_write);
		await clearLog(sb);
		// The window is taken by the list: this archive waits for a slot, and is stopped there.
		const stop = new AbortController();
		const waiting = client.archive(first!.id, {unsent: stop.signal});
		await new Promise((r) => setTimeout(r, 100));
		stop.abort();
		await apiError(waiting, 'cancelled');
		expect(await requests(sb)).toEqual([]);

		// On the wire (the server takes 400 ms to answer): stopping changes nothing, the answer comes.
		await new Promise((r) => setTimeout(r, 1200));
		await fault(sb, {count: 1, methods: ['PATCH'], latency_ms: 400});
		const late = new AbortController();
		const sent = client.archive(second!.id, {unsent: late.signal});
		await new Promise((r) => setTimeout(r, 150));
		late.abort();
		expect((await sent).archived).not.toBeNull();
		expect((await requests(sb)).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 200']);
	});
});
