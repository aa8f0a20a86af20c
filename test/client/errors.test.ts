// Every class of failure becomes an ApiError with the right kind, the status, the server's own
// words and a plain-language explanation; none of them crashes or hangs.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {apiError, clientFor, closedPort, fault, json, KEYS, localServer, requests, s3Body, sandbox} from './helpers.js';

describe('error statuses from the sandbox', () => {
	it('400: an invalid create, with the server message', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const error = await apiError(
			client.create({...s3Body('client-bad-bucket'), parameters: {bucket: 'client-bad-bucket', aws_region: 'us-west-2'}}),
			'bad_request',
		);
		expect(error.status).toBe(400);
		expect(error.serverMessage).toMatch(/aws_access_key_id|Access key/i);
		expect(error.explanation).toBe('The server refused the request as invalid.');
		expect(error.message).toContain(error.serverMessage);
		expect(error.transient).toBe(false);
	});

	it('401: a key the server does not know', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb, {apiKey: 'PLAK-not-a-sandbox-key'});
		const error = await apiError(client.list(), 'auth');
		expect(error.status).toBe(401);
		expect(error.explanation).toMatch(/API key was rejected/);
		expect(error.serverMessage).toMatch(/Unauthorized/);
	});

	it("403: changing a colleague's destination", async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const theirs = (await client.list({is_owner: false, can_write: false}))[0]!;
		const error = await apiError(client.rename(theirs.id, 'Not mine to rename'), 'forbidden');
		expect(error.status).toBe(403);
		expect(error.explanation).toMatch(/owner .* or an organisation admin/);
	});

	it('403 on the default: worded for the default', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb, {apiKey: KEYS.other});
		const error = await apiError(client.unsetDefault(), 'forbidden');
		expect(error.explanation).toMatch(/admin or the destination's owner can change the default/);
	});

	it('404: an unknown id', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const error = await apiError(client.get('no-such-destination-000000000000000000000'), 'not_found');
		expect(error).toMatchObject({status: 404, serverMessage: 'Not found'});
	});

	it('409: a name already taken, on create and on rename', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const error = await apiError(client.create(s3Body('client-clash-bucket', {name: 'Field ops imagery'})), 'conflict');
		expect(error.status).toBe(409);
		expect(error.explanation).toMatch(/name is already taken/);
		expect(error.serverMessage).toContain('Field ops imagery');
		const mine = (await client.list()).find((d) => d.name === 'analytics-raw')!;
		await apiError(client.rename(mine.id, 'Field ops imagery'), 'conflict');
	});

	it('429: the real rate limit, when the client-side limiter is switched off and retries are not allowed', async () => {
		const sb = await sandbox({rateLimit: true});
		const {client} = clientFor(sb, {requestsPerSecond: Infinity, retries: 0});
		const outcomes = await Promise.allSettled(Array.from({length: 6}, () => client.list()));
		const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
		expect(refused.length).toBeGreaterThan(0);
		for (const error of refused) {
			expect(error).toMatchObject({kind: 'rate_limited', status: 429});
			expect(error.retryAfter).toBeGreaterThanOrEqual(1);
			expect(error.transient).toBe(true);
		}
	});

	it('429 injected, retries not allowed: rate_limited with Retry-After', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, status: 429});
		const {client} = clientFor(sb, {retries: 0});
		const error = await apiError(client.list(), 'rate_limited');
		expect(error).toMatchObject({status: 429, retryAfter: 1, serverMessage: 'Too many requests'});
	});

	it('500: a server error, not retried even for a GET', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 2, status: 500});
		const {client} = clientFor(sb);
		const error = await apiError(client.list(), 'server');
		expect(error).toMatchObject({status: 500, serverMessage: 'Internal Server Error'});
		expect(error.explanation).toMatch(/problem on its side/);
		expect(await requests(sb)).toHaveLength(1);
	});

	it('503 after the retries are spent: a server error', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 5, status: 503});
		const {client} = clientFor(sb, {retries: 1});
		const error = await apiError(client.getDefault(), 'server');
		expect(error.status).toBe(503);
		expect((await requests(sb)).map((r) => r.status)).toEqual([503, 503]);
	});
});

describe('failures without an answer', () => {
	it('network down: nothing listens on the port', async () => {
		const port = await closedPort();
		const {client, events} = clientFor({apiBase: `http://127.0.0.1:${port}/destinations/v1`}, {retries: 1});
		const error = await apiError(client.list(), 'network');
		expect(error.status).toBeUndefined();
		expect(error.explanation).toMatch(/Could not reach the Destinations API.*connection refused/);
		expect(error.transient).toBe(true);
		// A GET is retried once (retries: 1) before giving up.
		expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
	});

	it('network down for a POST: not retried, and it never reached the server, so no "may have been made"', async () => {
		const port = await closedPort();
		const {client, events} = clientFor({apiBase: `http://127.0.0.1:${port}`});
		const error = await apiError(client.create(s3Body('client-offline-bucket')), 'network');
		expect(error.explanation).not.toMatch(/may or may not/);
		expect(events.filter((e) => e.type === 'request')).toHaveLength(1);
	});

	it('host not found', async () => {
		const {client} = clientFor({apiBase: 'http://destui-test.invalid'}, {retries: 0});
		const error = await apiError(client.list(), 'network');
		expect(error.explanation).toMatch(/host not found|name lookup failed/);
	});

	it('timeout: the server answers later than timeoutMs', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 2, latency_ms: 5000});
		const {client, events} = clientFor(sb, {timeoutMs: 300});
		const error = await apiError(client.list(), 'timeout');
		expect(error.explanation).toMatch(/did not answer in time \(no answer within 0\.3 s\)/);
		expect(error.transient).toBe(true);
		// Not retried: the user already waited the whole timeout once. (The sandbox logs a
		// delayed request only when it answers, so its fault counter tells what arrived.)
		expect(events.filter((e) => e.type === 'request')).toHaveLength(1);
		const faults = (await (await fetch(`${sb.origin}/_sandbox/faults`)).json()) as {faults: {remaining: number}[]};
		expect(faults.faults.map((f) => f.remaining)).toEqual([1]);
	});

	it('a timed-out POST may have been processed, and the user is told so', async () => {
		const sb = await sandbox({seed: 'empty'});
		await fault(sb, {count: 1, latency_ms: 5000, after: true, methods: ['POST']});
		const {client} = clientFor(sb, {timeoutMs: 300});
		const error = await apiError(client.create(s3Body('client-slow-create')), 'timeout');
		expect(error.explanation).toMatch(/may or may not have been made/);
		expect((await client.list()).map((d) => d.name)).toEqual(['client-slow-create']);
	});
});

describe('malformed answers', () => {
	it('a destination missing its id, name and pl:ref', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const id = (await client.getDefault())!.id;
		await fault(sb, {count: 1, omit_fields: true});
		const error = await apiError(client.get(id), 'malformed');
		expect(error.status).toBe(200);
		expect(error.explanation).toBe('The server answered with something destui could not read (id missing, name missing, pl:ref missing).');
	});

	it('a list whose items lack a field: the first few problems, counted', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, omit_fields: ['created']});
		const {client} = clientFor(sb);
		const error = await apiError(client.list(), 'malformed');
		expect(error.explanation).toMatch(
			/destinations\[0\]\.created missing, destinations\[1\]\.created missing, destinations\[2\]\.created missing and 8 more/,
		);
	});

	it('an answer cut off mid-body, on a PATCH (never retried): the change was probably made', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const id = (await client.getDefault())!.id;
		await fault(sb, {count: 1, truncate: true, after: true, methods: ['PATCH']});
		const error = await apiError(client.rename(id, 'Renamed before the cut'), 'malformed');
		expect(error.explanation).toMatch(/cut off before it was complete.*probably made/);
		expect((await client.get(id)).name).toBe('Renamed before the cut');
		expect((await requests(sb)).filter((r) => r.method === 'PATCH')).toHaveLength(1);
	});

	it('an answer cut off on every attempt of a GET', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 2, truncate: true});
		const {client} = clientFor(sb, {retries: 1});
		const error = await apiError(client.list(), 'malformed');
		expect(error.explanation).toMatch(/cut off/);
		expect(await requests(sb)).toHaveLength(2);
	});

	it('a success that is not JSON, an empty one, and a list of the wrong shape', async () => {
		const server = await localServer((req, res) => {
			if (req.url.startsWith('/destinations/v1/html')) {
				res.writeHead(200, {'content-type': 'text/html'});
				res.end('<html><body>Welcome to the captive portal</body></html>');
			} else if (req.url.startsWith('/destinations/v1/empty')) {
				res.writeHead(200);
				res.end();
			} else json(res, 200, {destinations: {not: 'a list'}});
		});
		const client = createClient({apiKey: 'PLAK-fake', baseUrl: server.origin, requestsPerSecond: Infinity});
		expect((await apiError(client.get('html'), 'malformed')).explanation).toMatch(/\(the answer was not JSON\)/);
		expect((await apiError(client.get('empty'), 'malformed')).explanation).toMatch(/\(the answer was empty\)/);
		expect((await apiError(client.list(), 'malformed')).explanation).toMatch(/\(destinations should be array, not object\)/);
	});

	it('an error body that is not JSON: the raw text, on one line, cut to about 300 characters', async () => {
		const long = `Upstream\nfailure ${'x'.repeat(1000)}`;
		const server = await localServer((req, res) => {
			if (req.url.startsWith('/destinations/v1/html')) {
				res.writeHead(502, {'content-type': 'text/html'});
				res.end('<html><head><title>502</title><style>p{}</style></head><body><h1>Bad Gateway</h1></body></html>');
			} else {
				res.writeHead(400, {'content-type': 'text/plain'});
				res.end(long);
			}
		});
		const client = createClient({apiKey: 'PLAK-fake', baseUrl: server.origin, requestsPerSecond: Infinity, retries: 0});
		const error = await apiError(client.list(), 'bad_request');
		expect(error.serverMessage!.startsWith('Upstream failure xxx')).toBe(true);
		expect([...error.serverMessage!].length).toBe(300);
		expect(error.serverMessage!.endsWith('…')).toBe(true);
		const proxy = await apiError(client.get('html'), 'server');
		expect(proxy.serverMessage).toBe('502 Bad Gateway');
	});

	it('the error shapes of Orders and Subscriptions (spec §8.1)', async () => {
		const server = await localServer((req, res) => {
			if (req.url.startsWith('/compute')) json(res, 400, {general: [{message: 'Unknown destination_ref'}], field: {}});
			else json(res, 400, {error: {reason: 'Bad destination_ref', details: []}});
		});
		const client = createClient({apiKey: 'PLAK-fake', baseUrl: server.origin, requestsPerSecond: Infinity});
		expect((await apiError(client.ordersUsing('pl:destinations/x'), 'bad_request')).serverMessage).toBe('Unknown destination_ref');
		expect((await apiError(client.subscriptionsUsing('pl:destinations/x'), 'bad_request')).serverMessage).toBe('Bad destination_ref');
	});

	it('control characters in a server message never reach the caller', async () => {
		const server = await localServer((_req, res) => json(res, 404, {code: 404, message: 'Not \u001b[2Jfound\u0007'}));
		const client = createClient({apiKey: 'PLAK-fake', baseUrl: server.origin, requestsPerSecond: Infinity});
		expect((await apiError(client.get('x'), 'not_found')).serverMessage).toBe('Not [2Jfound');
	});
});

describe('cancellation', () => {
	it('aborting a slow request rejects promptly with cancelled', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, latency_ms: 20_000});
		const {client} = clientFor(sb);
		const controller = new AbortController();
		const pending = client.list({}, {signal: controller.signal});
		setTimeout(() => controller.abort(), 100);
		const error = await apiError(pending, 'cancelled');
		expect(error.explanation).toBe('Cancelled.');
		expect(error.transient).toBe(false);
	});

	it('aborting a PATCH already sent warns that the change may still happen', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const id = (await client.getDefault())!.id;
		await fault(sb, {count: 1, latency_ms: 20_000, after: true, methods: ['PATCH']});
		const controller = new AbortController();
		const pending = client.rename(id, 'Renamed while cancelled', {signal: controller.signal});
		setTimeout(() => controller.abort(), 100);
		const error = await apiError(pending, 'cancelled');
		expect(error.explanation).toBe('Cancelled. The change may or may not have been made: reload to check.');
	});

	it('an already-aborted signal sends nothing', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		await apiError(client.create(s3Body('client-never-bucket'), {signal: AbortSignal.abort()}), 'cancelled');
		expect(await requests(sb)).toEqual([]);
	});

	it('a request waiting for the rate limiter leaves the queue without being sent', async () => {
		const sb = await sandbox();
		const {client, events} = clientFor(sb);
		await Promise.all([client.list(), client.list(), client.list()]);
		const controller = new AbortController();
		const queued = client.get('queued-then-cancelled', {signal: controller.signal});
		// The fourth request in a second has to wait: it says so, then is cancelled while waiting.
		expect(events.filter((e) => e.type === 'waiting')).toHaveLength(1);
		controller.abort();
		await apiError(queued, 'cancelled');
		expect((await requests(sb)).map((r) => r.path)).toEqual(Array.from({length: 3}, () => '/destinations/v1'));
	});

	it('aborting during the wait before a retry stops there', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, status: 429});
		const {client, events} = clientFor(sb);
		const controller = new AbortController();
		const pending = client.list({}, {signal: controller.signal});
		while (!events.some((e) => e.type === 'retry')) await new Promise((r) => setTimeout(r, 10));
		controller.abort();
		await apiError(pending, 'cancelled');
		expect(await requests(sb)).toHaveLength(1);
	});
});
