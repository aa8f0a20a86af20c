// Which failures are retried, how long the client waits, and that POST and PATCH are never
// repeated when they may have taken effect. The sandbox's request log is the witness.
import {describe, expect, it} from 'vitest';
import {createClient, type ClientEvent} from '../../src/api/client.js';
import {apiError, clientFor, fault, json, localServer, requests, s3Body, sandbox} from './helpers.js';

const retries = (events: ClientEvent[]) => events.filter((e) => e.type === 'retry');

describe('429', () => {
	it('honours Retry-After on a GET, then succeeds', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, status: 429});
		const {client, events} = clientFor(sb);
		const started = performance.now();
		const list = await client.list();
		expect(list.length).toBeGreaterThan(0);
		// The sandbox's injected 429 says Retry-After: 1.
		expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
		expect(retries(events)).toEqual([{type: 'retry', method: 'GET', path: '/destinations/v1', status: 429, attempt: 2, waitMs: 1000}]);
		expect((await requests(sb)).map((r) => r.status)).toEqual([429, 200]);
	});

	it('retries a POST after a 429 too: the request was not processed', async () => {
		const sb = await sandbox({seed: 'empty'});
		await fault(sb, {count: 1, status: 429, methods: ['POST']});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-after-429'));
		expect(created.name).toBe('client-after-429');
		expect((await requests(sb)).map((r) => [r.method, r.status])).toEqual([
			['POST', 429],
			['POST', 201],
		]);
		expect(await client.list()).toHaveLength(1);
	});

	it('caps a long Retry-After, and treats 0 or a missing one as a 1 s backoff', async () => {
		const answers = [{'retry-after': '120'}, {'retry-after': '0'}, {}] as Record<string, string>[];
		const server = await localServer((_req, res) => {
			const headers = answers.shift();
			if (headers) json(res, 429, {code: 429, message: 'Too many requests'}, headers);
			else json(res, 200, {destinations: []});
		});
		const events: ClientEvent[] = [];
		const client = createClient({
			apiKey: 'PLAK-fake',
			baseUrl: server.origin,
			maxRetryAfterSeconds: 1,
			requestsPerSecond: Infinity,
			onEvent: (e) => events.push(e),
		});
		expect(await client.list()).toEqual([]);
		expect(retries(events).map((e) => e.waitMs)).toEqual([1000, 1000, 1000]);
	});

	it('reads Retry-After given as an HTTP date', async () => {
		let first = true;
		const server = await localServer((_req, res) => {
			if (!first) return json(res, 200, {destinations: []});
			first = false;
			json(res, 429, {code: 429, message: 'Too many requests'}, {'retry-after': new Date(Date.now() + 60_000).toUTCString()});
		});
		const events: ClientEvent[] = [];
		const client = createClient({
			apiKey: 'PLAK-fake',
			baseUrl: server.origin,
			maxRetryAfterSeconds: 2,
			requestsPerSecond: Infinity,
			onEvent: (e) => events.push(e),
		});
		await client.list();
		// A minute away, capped at 2 s.
		expect(retries(events).map((e) => e.waitMs)).toEqual([2000]);
	});

	it('gives up after `retries` attempts, carrying the last Retry-After', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 3, status: 429});
		const {client} = clientFor(sb, {retries: 1});
		const error = await apiError(client.list(), 'rate_limited');
		expect(error.retryAfter).toBe(1);
		expect((await requests(sb)).map((r) => r.status)).toEqual([429, 429]);
	});
});

describe('5xx and broken connections', () => {
	it('retries an injected 502 on a GET, which then succeeds', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, status: 502, methods: ['GET']});
		const {client, events} = clientFor(sb);
		const def = await client.getDefault();
		expect(def?.name).toBe('Field ops imagery');
		expect((await requests(sb)).map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/destinations/v1/default', 502],
			['GET', '/destinations/v1/default', 200],
		]);
		const [retry] = retries(events);
		expect(retry).toMatchObject({status: 502, attempt: 2});
		// Exponential backoff with jitter: the first wait is 0.5 s plus up to half as much.
		expect(retry!.waitMs).toBeGreaterThanOrEqual(500);
		expect(retry!.waitMs).toBeLessThanOrEqual(750);
	});

	it('backs off longer each time', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 2, status: 504});
		const {client, events} = clientFor(sb);
		await client.list();
		const waits = retries(events).map((e) => e.waitMs!);
		expect(waits).toHaveLength(2);
		expect(waits[1]).toBeGreaterThanOrEqual(1000);
		expect(waits[1]).toBeGreaterThan(waits[0]!);
	});

	it('retries PUT and DELETE (idempotent) after a 503', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const target = (await client.list()).find((d) => d.name === 'analytics-raw')!;
		await fault(sb, {count: 1, status: 503, methods: ['PUT']});
		await fault(sb, {count: 1, status: 503, methods: ['DELETE']});
		expect((await client.setDefault(target.id)).default).toBe(true);
		await client.unsetDefault();
		expect((await requests(sb)).filter((r) => r.method !== 'GET').map((r) => [r.method, r.status])).toEqual([
			['PUT', 503],
			['PUT', 200],
			['DELETE', 503],
			['DELETE', 204],
		]);
	});

	it('does not retry a POST on 503', async () => {
		const sb = await sandbox({seed: 'empty'});
		await fault(sb, {count: 1, status: 503, methods: ['POST']});
		const {client, events} = clientFor(sb);
		const error = await apiError(client.create(s3Body('client-no-retry-post')), 'server');
		expect(error.status).toBe(503);
		expect(retries(events)).toEqual([]);
		expect((await requests(sb)).map((r) => [r.method, r.status])).toEqual([['POST', 503]]);
	});

	it('does not retry a PATCH whose connection was dropped: the sandbox sees exactly one PATCH', async () => {
		const sb = await sandbox();
		const {client, events} = clientFor(sb);
		const id = (await client.getDefault())!.id;
		await fault(sb, {count: 3, drop: true, methods: ['PATCH']});
		const error = await apiError(client.archive(id), 'network');
		expect(error.explanation).toMatch(/connection was dropped.*may or may not have been made/);
		expect(retries(events)).toEqual([]);
		expect((await requests(sb)).filter((r) => r.method === 'PATCH')).toMatchObject([{status: null, fault: 'drop'}]);
	});

	it('does not retry a POST whose connection was dropped after the server acted on it', async () => {
		const sb = await sandbox({seed: 'empty'});
		await fault(sb, {count: 1, drop: true, after: true, methods: ['POST']});
		const {client} = clientFor(sb);
		await apiError(client.create(s3Body('client-dropped-post')), 'network');
		// One destination, not two: retrying would have tried to create it again.
		expect((await client.list()).map((d) => d.name)).toEqual(['client-dropped-post']);
		expect((await requests(sb)).filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('retries a GET whose connection was dropped, and one cut off mid-body', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, drop: true});
		await fault(sb, {count: 1, truncate: true});
		const {client, events} = clientFor(sb);
		expect((await client.list()).length).toBeGreaterThan(0);
		expect(retries(events)).toHaveLength(2);
		expect((await requests(sb)).map((r) => r.fault ?? 'none')).toEqual(['drop', 'truncate', 'none']);
	});

	it('sends retried attempts through the rate limiter too', async () => {
		const sb = await sandbox();
		const {client, events} = clientFor(sb);
		await fault(sb, {count: 1, status: 502, methods: ['GET'], path: '/destinations/v1/default'});
		// Three starts fill the window; the retried fourth attempt must queue behind them.
		await Promise.all([client.getDefault(), client.list(), client.list()]);
		expect(events.map((e) => e.type)).toContain('waiting');
		const waiting = events.find((e) => e.type === 'waiting')!;
		expect(waiting).toMatchObject({method: 'GET', path: '/destinations/v1/default', attempt: 2});
	});
});
