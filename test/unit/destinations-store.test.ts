// The shared cache's start-up: a list that arrived before the screen is used as it is, and one
// still on its way is awaited; either way the screen's first load sends no second request.
import {afterEach, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {startSandbox, type RunningSandbox} from '../../src/sandbox/server.js';
import {DestinationsStore} from '../../hooks/destinations-store.js';
import {requestLog} from '../harness/sandbox-hooks.js';

let sb: RunningSandbox | undefined;
afterEach(async () => {
	await sb?.close();
});

async function setUp() {
	sb = await startSandbox({seed: 'demo', rateLimit: false});
	const client = createClient({apiKey: 'PLAK-sandbox-user', baseUrl: sb.origin, requestsPerSecond: Infinity});
	return {client, sb};
}

it('uses a start-up list that has already arrived, newest first, and sends nothing more', async () => {
	const {client, sb} = await setUp();
	const promise = client.list({});
	const value = await promise;
	const store = new DestinationsStore(client, {promise, value});
	expect(store.getSnapshot().active).toBe('loaded');
	await store.loadActive();
	const created = store.getSnapshot().destinations.map((d) => d.created);
	expect(created).toEqual([...created].sort().reverse());
	expect(store.getSnapshot().destinations).toHaveLength(value.length);
	expect((await requestLog(sb)).length).toBe(1);
	// Later loads (R) do ask the server again.
	await store.loadActive();
	expect((await requestLog(sb)).length).toBe(2);
});

it('awaits a start-up list still on its way instead of asking twice', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	expect(store.getSnapshot().active).toBe('idle');
	await store.loadActive();
	expect(store.getSnapshot().active).toBe('loaded');
	expect(store.getSnapshot().destinations.length).toBeGreaterThan(0);
	expect((await requestLog(sb)).length).toBe(1);
});
