// The base URL option: an origin or a /destinations/v1 URL (like the official CLI's -u), with
// or without a trailing slash, all reaching the same endpoints; nonsense refused clearly.
import {describe, expect, it} from 'vitest';
import {BaseUrlError, DEFAULT_BASE_URL, resolveBaseUrl} from '../../src/api/base-url.js';
import {createClient} from '../../src/api/client.js';
import {clientFor, json, KEYS, localServer, requests, sandbox} from './helpers.js';

describe('resolveBaseUrl', () => {
	it('defaults to https://api.planet.com', () => {
		expect(resolveBaseUrl()).toBe('https://api.planet.com');
		expect(DEFAULT_BASE_URL).toBe('https://api.planet.com');
	});

	it.each([
		['https://api.planet.com', 'https://api.planet.com'],
		['https://api.planet.com/', 'https://api.planet.com'],
		['https://api.planet.com/destinations/v1', 'https://api.planet.com'],
		['https://api.planet.com/destinations/v1/', 'https://api.planet.com'],
		['  http://127.0.0.1:8080/destinations/v1//  ', 'http://127.0.0.1:8080'],
		['HTTP://LOCALHOST:9000', 'http://localhost:9000'],
		['http://[::1]:9000/destinations/v1', 'http://[::1]:9000'],
		['https://proxy.example.com/planet/destinations/v1', 'https://proxy.example.com/planet'],
	])('%s → %s', (input, root) => {
		expect(resolveBaseUrl(input)).toBe(root);
	});

	it.each([
		['api.planet.com', /not a URL/],
		['ftp://api.planet.com', /https:\/\/ or http:\/\//],
		['https://PLAK-fake:x@api.planet.com', /user name or password/],
		['https://api.planet.com/destinations/v1?api_key=x', /query/],
		['https://api.planet.com/destinations', /must be an origin .* or end in \/destinations\/v1/],
		['https://api.planet.com/destinations/v2', /end in \/destinations\/v1/],
	])('refuses %s', (input, problem) => {
		expect(() => resolveBaseUrl(input)).toThrow(BaseUrlError);
		expect(() => resolveBaseUrl(input)).toThrow(problem);
	});

	it('refuses a bad base URL when the client is created, not at the first request', () => {
		expect(() => createClient({apiKey: 'PLAK-fake', baseUrl: 'nonsense'})).toThrow(BaseUrlError);
	});
});

describe('every form reaches the same endpoints', () => {
	it('origin, origin/, the API base and the API base/ all list the same destinations', async () => {
		const sb = await sandbox();
		const forms = [sb.origin, `${sb.origin}/`, sb.apiBase, `${sb.apiBase}/`];
		const lists = [];
		for (const baseUrl of forms)
			lists.push((await createClient({apiKey: KEYS.user, baseUrl, requestsPerSecond: Infinity}).list()).map((d) => d.id));
		expect(new Set(lists.map((l) => l.join()))).toHaveProperty('size', 1);
		expect((await requests(sb)).map((r) => r.path)).toEqual(Array.from({length: 4}, () => '/destinations/v1'));
	});

	it('orders and subscriptions are found beside the API base, not under it', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		await client.ordersUsing('pl:destinations/default');
		await client.subscriptionsUsing('pl:destinations/default');
		expect((await requests(sb)).map((r) => [r.path, r.status])).toEqual([
			['/compute/ops/orders/v2', 200],
			['/subscriptions/v1', 200],
		]);
	});

	it('keeps a path prefix in front of /destinations/v1 for every API', async () => {
		const server = await localServer((req, res) => {
			if (req.url.startsWith('/planet/compute/ops/orders/v2')) json(res, 200, {orders: []});
			else json(res, 200, {destinations: []});
		});
		const client = createClient({apiKey: 'PLAK-fake', baseUrl: `${server.origin}/planet/destinations/v1/`, requestsPerSecond: Infinity});
		await client.list();
		await client.ordersUsing('pl:destinations/x');
		expect(server.received.map((r) => r.url.split('?')[0])).toEqual(['/planet/destinations/v1', '/planet/compute/ops/orders/v2']);
	});
});
