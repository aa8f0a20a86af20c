// What the client puts on the wire, byte for byte: headers, raw query encoding, compact JSON
// bodies in the official CLI's key order. The sandbox's log shows decoded paths and no bodies or
// headers, so a small local server records the raw requests here.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {VERSION} from '../../src/version.js';
import {json, localServer, type Captured} from './helpers.js';

const destination = {
	_links: {_self: 'http://127.0.0.1/destinations/v1/wire-test-aaaaaaaaaaaaaaaaaaaaa'},
	archived: null,
	created: '2026-02-12T18:41:22.659959594Z',
	default: false,
	id: 'wire-test-aaaaaaaaaaaaaaaaaaaaa',
	name: 'wire test',
	ownership: {is_owner: true, owner_id: 1},
	parameters: {bucket: 'wire-bucket', credentials: '<REDACTED>'},
	permissions: {can_write: true},
	'pl:ref': 'pl:destinations/wire-test-aaaaaaaaaaaaaaaaaaaaa',
	type: 'google_cloud_storage',
	updated: '2026-02-12T18:41:22.659960762Z',
};

/** A server answering every request plausibly for its path, and the client pointed at it. */
async function capture() {
	const server = await localServer((req, res) => {
		const path = req.url.split('?')[0]!;
		if (req.method === 'DELETE') {
			res.writeHead(204);
			res.end();
		} else if (path === '/destinations/v1')
			json(
				res,
				req.method === 'POST' ? 201 : 200,
				req.method === 'POST' ? destination : {_links: {_self: 'x'}, destinations: [destination]},
			);
		else if (path === '/compute/ops/orders/v2') json(res, 200, {_links: {_self: 'x'}, orders: []});
		else if (path === '/subscriptions/v1') json(res, 200, {_links: {_self: 'x'}, subscriptions: []});
		else json(res, 200, destination);
	});
	const client = createClient({apiKey: 'PLAK-fake-wire-key', baseUrl: server.origin, requestsPerSecond: Infinity});
	const last = (): Captured => server.received.at(-1)!;
	return {client, last, received: server.received};
}

describe('headers', () => {
	it('authenticates with the api-key scheme and names itself', async () => {
		const {client, last} = await capture();
		await client.list();
		const {headers} = last();
		expect(headers.authorization).toBe('api-key PLAK-fake-wire-key');
		expect(headers['user-agent']).toBe(`destui/${VERSION}`);
		expect(headers['x-planet-app']).toBe('destui');
		expect(headers.accept).toBe('application/json');
	});

	it('sends Content-Type only with a body', async () => {
		const {client, received} = await capture();
		await client.get('abc');
		await client.archive('abc');
		await client.unsetDefault();
		expect(received.map((r) => [r.method, r.headers['content-type'], r.body])).toEqual([
			['GET', undefined, ''],
			['PATCH', 'application/json', '{"archive":true}'],
			['DELETE', undefined, ''],
		]);
	});
});

describe('query strings', () => {
	it('percent-encodes filter values (a space as %20, a comma as %2C) and leaves absent ones out', async () => {
		const {client, last} = await capture();
		await client.list({sort_by: 'name DESC,created', is_default: false, archived: true, can_write: true, is_owner: false});
		expect(last().url).toBe('/destinations/v1?archived=true&is_owner=false&can_write=true&is_default=false&sort_by=name%20DESC%2Ccreated');
		await client.list({});
		expect(last().url).toBe('/destinations/v1');
	});

	it('encodes the pl:ref for orders and subscriptions as the SDK does', async () => {
		const {client, received} = await capture();
		await client.ordersUsing('pl:destinations/my-dest-abc');
		await client.subscriptionsUsing('pl:destinations/my dest&x=1');
		expect(received.map((r) => r.url)).toEqual([
			'/compute/ops/orders/v2?source_type=all&destination_ref=pl%3Adestinations%2Fmy-dest-abc',
			'/subscriptions/v1?destination_ref=pl%3Adestinations%2Fmy%20dest%26x%3D1&page_size=500',
		]);
	});

	it('encodes ids in paths: spaces, slashes, query characters and non-ASCII', async () => {
		const {client, received} = await capture();
		await client.get('a b/c?d#é');
		await client.rename('x/y', 'New name');
		expect(received.map((r) => r.url)).toEqual(['/destinations/v1/a%20b%2Fc%3Fd%23%C3%A9', '/destinations/v1/x%2Fy']);
	});
});

describe('bodies', () => {
	it('creates with compact UTF-8 JSON in the order type, parameters, name', async () => {
		const {client, last} = await capture();
		// Given in another order on purpose: the wire order must not depend on the caller's.
		await client.create({name: 'café ☃', parameters: {bucket: 'wire-bucket', credentials: 'ZmFrZQ=='}, type: 'google_cloud_storage'});
		expect(last().method).toBe('POST');
		expect(last().url).toBe('/destinations/v1');
		expect(last().body).toBe(
			'{"type":"google_cloud_storage","parameters":{"bucket":"wire-bucket","credentials":"ZmFrZQ=="},"name":"café ☃"}',
		);
	});

	it('leaves an absent name out instead of sending null', async () => {
		const {client, last} = await capture();
		await client.create({type: 'google_cloud_storage', parameters: {bucket: 'wire-bucket', credentials: 'ZmFrZQ=='}});
		expect(last().body).toBe('{"type":"google_cloud_storage","parameters":{"bucket":"wire-bucket","credentials":"ZmFrZQ=="}}');
	});

	it('sends the PATCH bodies of the official CLI', async () => {
		const {client, received} = await capture();
		await client.archive('d1');
		await client.unarchive('d1');
		await client.rename('d1', 'New name');
		await client.rotate('d1', {aws_access_key_id: 'TESTKEYID0003', aws_secret_access_key: 'fake-rotated', explicit_sse: true});
		expect(received.map((r) => [r.method, r.url, r.body])).toEqual([
			['PATCH', '/destinations/v1/d1', '{"archive":true}'],
			['PATCH', '/destinations/v1/d1', '{"archive":false}'],
			['PATCH', '/destinations/v1/d1', '{"name":"New name"}'],
			[
				'PATCH',
				'/destinations/v1/d1',
				'{"parameters":{"aws_access_key_id":"TESTKEYID0003","aws_secret_access_key":"fake-rotated","explicit_sse":true}}',
			],
		]);
	});

	it('sets the default with PUT {"destination_id": id} and unsets it with a bare DELETE', async () => {
		const {client, received} = await capture();
		await client.setDefault('d1');
		await client.unsetDefault();
		expect(received.map((r) => [r.method, r.url, r.body])).toEqual([
			['PUT', '/destinations/v1/default', '{"destination_id":"d1"}'],
			['DELETE', '/destinations/v1/default', ''],
		]);
	});
});
