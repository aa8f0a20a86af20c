// The shared cache's start-up: a list that arrived before the screen is used as it is, and one
// still on its way is awaited; either way the screen's first load sends no second request.
import {afterEach, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {startSandbox, type RunningSandbox} from '../../src/sandbox/server.js';
import {DestinationsStore} from '../../src/store/destinations-store.js';
import {clearRequestLog, injectFault, requestLog} from '../harness/sandbox-hooks.js';
import {describeError} from '../../src/view/messages.js';

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

it('each answer is one update of the snapshot, its rows and the count in flight together (one frame, not two)', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	const seen: {active: string; pending: number; rows: number}[] = [];
	store.subscribe(() => {
		const s = store.getSnapshot();
		seen.push({active: s.active, pending: s.pending, rows: s.destinations.length});
	});
	await store.loadActive();
	const rows = store.getSnapshot().destinations.length;
	expect(rows).toBeGreaterThan(0);
	expect(seen).toEqual([
		{active: 'loading', pending: 0, rows: 0},
		{active: 'loading', pending: 1, rows: 0},
		{active: 'loaded', pending: 0, rows},
	]);
	seen.length = 0;
	const mine = store.getSnapshot().destinations.find((d) => d.permissions.can_write && !d.default)!;
	await store.rename(mine.id, 'renamed in one update');
	expect(seen).toEqual([
		{active: 'loaded', pending: 1, rows},
		{active: 'loaded', pending: 0, rows},
	]);
	expect(store.find(mine.id)?.name).toBe('renamed in one update');
	// A failure is one update too: the error with the count.
	seen.length = 0;
	await injectFault(sb, {path: '/destinations/v1', methods: ['GET'], status: 404, count: 1});
	await store.loadActive();
	expect(seen.map((s) => [s.active, s.pending])).toEqual([
		['loading', 0],
		['loading', 1],
		['error', 0],
	]);
});

it('counts what delivers to destinations before archiving: one request each, then from memory; the details look-up is reused', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	await store.loadActive();
	const id = (name: string) => store.getSnapshot().destinations.find((d) => d.name === name)!.id;
	const [fieldOps, saoPaulo, analytics, ashburn] = [
		'Field ops imagery',
		'São Paulo agronomy',
		'analytics-raw',
		'Oracle Ashburn scenes',
	].map(id);
	await clearRequestLog(sb);

	const counts = await store.usageCounts([fieldOps!, saoPaulo!, analytics!]);
	// The default's own subscription and the one given pl:destinations/default both deliver there.
	expect(counts.get(fieldOps!)).toEqual({subscriptions: 2});
	expect(counts.get(saoPaulo!)).toEqual({subscriptions: 1});
	expect(counts.get(analytics!)).toEqual({subscriptions: 0});
	const first = await requestLog(sb);
	expect(first.map((r) => r.path)).toEqual(Array(3).fill('/subscriptions/v1'));

	await store.usageCounts([fieldOps!, saoPaulo!, analytics!]);
	expect(await requestLog(sb)).toHaveLength(3);

	// Once the details looked up orders and subscriptions, those count (orders still in progress too).
	await store.loadUsage(store.find(ashburn!)!['pl:ref']);
	await clearRequestLog(sb);
	expect((await store.usageCounts([ashburn!])).get(ashburn!)).toEqual({subscriptions: 0, orders: 1});
	expect(await requestLog(sb)).toHaveLength(0);
});

it('a failed look-up is a count holding its error, never a throw; R forgets what was counted', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	await store.loadActive();
	const analytics = store.getSnapshot().destinations.find((d) => d.name === 'analytics-raw')!.id;
	await injectFault(sb, {path: '/subscriptions/v1', status: 500, count: 1});
	const failed = (await store.usageCounts([analytics])).get(analytics);
	expect(failed && 'error' in failed ? describeError(failed.error) : failed).toMatch(/server/i);
	expect(await store.usageCounts([analytics])).toEqual(new Map([[analytics, {subscriptions: 0}]]));
	await store.refresh();
	await clearRequestLog(sb);
	await store.usageCounts([analytics]);
	expect((await requestLog(sb)).map((r) => r.path)).toEqual(['/subscriptions/v1']);
});

it('the read view (what a --read-only screen gets) can load and read, and has no way to change anything', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client);
	const reads = store.reads;
	expect(store.reads).toBe(reads);
	await reads.loadActive();
	expect(reads.getSnapshot()).toBe(store.getSnapshot());
	expect(reads.getSnapshot().active).toBe('loaded');
	for (const change of ['toggleArchive', 'undoArchive', 'rename', 'toggleDefault', 'create', 'rotate'])
		expect(change in reads, change).toBe(false);
	// A plain object: no class behind it to reach the changes through.
	expect(Object.getPrototypeOf(reads)).toBe(Object.prototype);
	expect((await requestLog(sb)).map((r) => r.method)).toEqual(['GET']);
});

it('a batch: each step is one PATCH not remembered on its own; the batch is remembered whole, and taken back whole', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	await store.loadActive();
	const mine = store
		.getSnapshot()
		.destinations.filter((d) => d.permissions.can_write && !d.default)
		.slice(0, 2);
	await clearRequestLog(sb);
	for (const d of mine) expect((await store.setArchived(d.id, true)).archived).not.toBeNull();
	expect((await requestLog(sb)).map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 200', 'PATCH 200']);
	expect(store.getSnapshot().undo).toEqual([]);
	const batch = mine.map((d) => ({id: d.id, archived: true}));
	store.rememberBatch(batch);
	store.rememberBatch([]);
	expect(store.getSnapshot().undo).toEqual([batch]);
	// u for one destination leaves a batch alone (the screen undoes it step by step).
	expect(await store.undoArchive()).toBeUndefined();
	expect(store.takeUndo()).toEqual(batch);
	expect(store.getSnapshot().undo).toEqual([]);
	expect((await requestLog(sb)).length).toBe(2);
});

it('the default comes back after an undo unless another has become it since', async () => {
	const {client, sb} = await setUp();
	const store = new DestinationsStore(client, {promise: client.list({})});
	await store.loadActive();
	const fieldOps = store.getSnapshot().destinations.find((d) => d.name === 'Field ops imagery')!;
	expect(fieldOps.default).toBe(true);
	await store.setArchived(fieldOps.id, true);
	expect(await client.getDefault()).toBeNull();
	await store.setArchived(fieldOps.id, false);
	await clearRequestLog(sb);
	expect(await store.restoreDefault(fieldOps.id)).toEqual({kind: 'restored'});
	expect((await client.getDefault())?.id).toBe(fieldOps.id);
	// Already the default: nothing to send.
	expect(await store.restoreDefault(fieldOps.id)).toEqual({kind: 'restored'});
	expect((await requestLog(sb)).map((r) => r.method)).toEqual(['PUT', 'GET']);
	const other = store.getSnapshot().destinations.find((d) => d.permissions.can_write && d.archived === null && !d.default)!;
	await store.toggleDefault(other.id);
	expect(await store.restoreDefault(fieldOps.id)).toMatchObject({kind: 'taken', by: {id: other.id}});
});
