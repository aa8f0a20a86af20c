// The shared cache's start-up: the list request sent before the screen existed is awaited, so the
// screen's first load sends no second request.
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

it('awaits a start-up list still on its way instead of asking twice', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, client.list({}));
	expect(store.getSnapshot().active).toBe('idle');
	await store.loadActive();
	expect(store.getSnapshot().active).toBe('loaded');
	expect(store.getSnapshot().destinations.length).toBeGreaterThan(0);
	expect((await requestLog(sb)).length).toBe(1);
});
