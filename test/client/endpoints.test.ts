// Every endpoint of the client against the real sandbox: what comes back, and (from the sandbox's
// request log) what was asked for.
import {describe, expect, it} from 'vitest';
import {REDACTED} from '../../src/catalogue/providers.js';
import {apiError, clearLog, clientFor, requests, s3Body, sandbox} from './helpers.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;

describe('list', () => {
	it('lists the active destinations with a bare GET /destinations/v1', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const list = await client.list();
		expect(list).toHaveLength(11);
		expect(list.every((d) => d.archived === null)).toBe(true);
		const [logged] = await requests(sb);
		expect(logged).toMatchObject({method: 'GET', path: '/destinations/v1', query: {}, status: 200, user: 'user'});
	});

	it('sends only the filters given, in the official order, booleans lower-case', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const list = await client.list({sort_by: 'name', is_owner: true, archived: true});
		expect(list.map((d) => d.name)).toEqual(['Crop monitoring 2025']);
		await client.list({is_default: false, can_write: false, is_owner: false, archived: false});
		const [first, second] = await requests(sb);
		expect(Object.entries(first!.query)).toEqual([
			['archived', 'true'],
			['is_owner', 'true'],
			['sort_by', 'name'],
		]);
		expect(Object.entries(second!.query)).toEqual([
			['archived', 'false'],
			['is_owner', 'false'],
			['can_write', 'false'],
			['is_default', 'false'],
		]);
	});

	it('sorts as asked, the space in "name DESC" arriving intact', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const names = (await client.list({sort_by: 'name DESC'})).map((d) => d.name);
		expect(names).toEqual([...names].sort().reverse());
		expect((await requests(sb))[0]!.query).toEqual({sort_by: 'name DESC'});
	});

	it('filters default and writable destinations for the caller', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		expect((await client.list({is_default: true})).map((d) => d.name)).toEqual(['Field ops imagery']);
		const writable = await client.list({can_write: true});
		expect(writable.length).toBeGreaterThan(0);
		expect(writable.every((d) => d.permissions.can_write)).toBe(true);
	});

	it('answers an empty organisation with an empty list', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		expect(await client.list()).toEqual([]);
	});
});

describe('get', () => {
	it('gets one destination by id, timestamps kept as nanosecond strings, secrets redacted', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const listed = (await client.list()).find((d) => d.name === 'Field ops imagery')!;
		const got = await client.get(listed.id);
		expect(got).toEqual(listed);
		expect(got.created).toMatch(TIMESTAMP);
		expect(got.updated).toMatch(TIMESTAMP);
		expect(got.parameters.aws_secret_access_key).toBe(REDACTED);
		expect(got.default).toBe(true);
		expect(got['pl:ref']).toBe(`pl:destinations/${got.id}`);
	});

	it('percent-encodes the id: a pl:ref reaches the item path as one segment', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const listed = (await client.list())[0]!;
		const got = await client.get(listed['pl:ref']);
		expect(got.id).toBe(listed.id);
		const logged = (await requests(sb)).at(-1)!;
		expect(logged.path).toBe(`/destinations/v1/pl%3Adestinations%2F${listed.id}`);
	});

	it('sends an id holding a slash as one segment, never as a different path', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		await apiError(client.get('x/y'), 'not_found');
		const [logged] = await requests(sb);
		expect(logged).toMatchObject({method: 'GET', path: '/destinations/v1/x%2Fy', status: 404});
	});

	it('refuses an empty id or a dot segment without asking the server', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		await apiError(client.get(''), 'bad_request');
		await apiError(client.get('..'), 'bad_request');
		await apiError(client.archive('.'), 'bad_request');
		expect(await requests(sb)).toEqual([]);
	});
});

describe('create', () => {
	it('creates with a POST answered 201, the name defaulting to the bucket', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-test-bucket'));
		expect(created).toMatchObject({
			name: 'client-test-bucket',
			type: 'amazon_s3',
			archived: null,
			permissions: {can_write: true},
			ownership: {is_owner: true},
		});
		expect(created.parameters).toMatchObject({bucket: 'client-test-bucket', aws_secret_access_key: REDACTED});
		expect(await requests(sb)).toMatchObject([{method: 'POST', path: '/destinations/v1', status: 201}]);
		expect((await client.list()).map((d) => d.id)).toEqual([created.id]);
	});

	it('keeps a Unicode name as sent', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-unicode-bucket', {name: 'café ☃ deliveries'}));
		expect(created.name).toBe('café ☃ deliveries');
	});
});

describe('patch', () => {
	it('archives, unarchives, renames and rotates', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-patch-bucket'));

		const archived = await client.archive(created.id);
		expect(archived.archived).toMatch(TIMESTAMP);
		expect(await client.list()).toEqual([]);
		expect((await client.list({archived: true})).map((d) => d.id)).toEqual([created.id]);

		const unarchived = await client.unarchive(created.id);
		expect(unarchived.archived).toBeNull();

		const renamed = await client.rename(created.id, 'Renamed by the client');
		expect(renamed.id).toBe(created.id);
		expect(renamed.name).toBe('Renamed by the client');
		expect(renamed['pl:ref']).not.toBe(created['pl:ref']);

		const rotated = await client.rotate(created.id, {aws_access_key_id: 'TESTKEYID0002', aws_secret_access_key: 'fake-rotated-secret'});
		expect(rotated.parameters).toMatchObject({aws_access_key_id: 'TESTKEYID0002', aws_secret_access_key: REDACTED});
		expect(rotated.updated > renamed.updated).toBe(true);

		const log = (await requests(sb)).filter((r) => r.method === 'PATCH');
		expect(log.map((r) => [r.path, r.status])).toEqual(Array.from({length: 4}, () => [`/destinations/v1/${created.id}`, 200]));
	});

	it('sends several changes in one PATCH', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-combo-bucket'));
		const changed = await client.patch(created.id, {name: 'Combined change', archive: true});
		expect(changed).toMatchObject({name: 'Combined change', id: created.id});
		expect(changed.archived).toMatch(TIMESTAMP);
	});
});

describe('default destination', () => {
	it('gets, unsets (204), finds none (null), and sets the default', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const current = await client.getDefault();
		expect(current).toMatchObject({name: 'Field ops imagery', default: true});

		await expect(client.unsetDefault()).resolves.toBeUndefined();
		expect(await client.getDefault()).toBeNull();

		const target = (await client.list()).find((d) => d.name === 'analytics-raw')!;
		const set = await client.setDefault(target.id);
		expect(set).toMatchObject({id: target.id, default: true});
		expect((await client.getDefault())?.id).toBe(target.id);

		const log = await requests(sb);
		expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/destinations/v1/default', 200],
			['DELETE', '/destinations/v1/default', 204],
			['GET', '/destinations/v1/default', 404],
			['GET', '/destinations/v1', 200],
			['PUT', '/destinations/v1/default', 200],
			['GET', '/destinations/v1/default', 200],
		]);
	});

	it('reports unsetting a default that is not set as not found', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const error = await apiError(client.unsetDefault(), 'not_found');
		expect(error.explanation).toBe('No default destination is set.');
	});
});

describe('orders and subscriptions using a destination', () => {
	it("lists the first page of orders for a pl:ref, with the SDK's query", async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const target = (await client.getDefault())!;
		await clearLog(sb);
		const orders = await client.ordersUsing(target['pl:ref']);
		expect(orders.length).toBeGreaterThan(0);
		expect(orders.every((o) => typeof o.id === 'string' && typeof o.state === 'string')).toBe(true);
		const [logged] = await requests(sb);
		expect(logged).toMatchObject({method: 'GET', path: '/compute/ops/orders/v2', status: 200});
		expect(Object.entries(logged!.query)).toEqual([
			['source_type', 'all'],
			['destination_ref', target['pl:ref']],
		]);
	});

	it('lists the first page of subscriptions for a pl:ref, page size 500', async () => {
		const sb = await sandbox();
		const {client} = clientFor(sb);
		const target = (await client.getDefault())!;
		await clearLog(sb);
		const subscriptions = await client.subscriptionsUsing(target['pl:ref']);
		expect(subscriptions.length).toBeGreaterThan(0);
		expect(subscriptions.every((s) => typeof s.id === 'string' && typeof s.status === 'string')).toBe(true);
		const [logged] = await requests(sb);
		expect(logged).toMatchObject({method: 'GET', path: '/subscriptions/v1', status: 200});
		expect(Object.entries(logged!.query)).toEqual([
			['destination_ref', target['pl:ref']],
			['page_size', '500'],
		]);
	});

	it('finds nothing delivering to an unused destination', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const created = await client.create(s3Body('client-unused-bucket'));
		expect(await client.ordersUsing(created['pl:ref'])).toEqual([]);
		expect(await client.subscriptionsUsing(created['pl:ref'])).toEqual([]);
	});
});

describe('events', () => {
	it('reports each request and its response', async () => {
		const sb = await sandbox();
		const {client, events} = clientFor(sb);
		await client.get('missing-destination-000000000000000000000').catch(() => undefined);
		await client.list({archived: true});
		expect(events).toEqual([
			{type: 'request', method: 'GET', path: '/destinations/v1/missing-destination-000000000000000000000', attempt: 1},
			{type: 'response', method: 'GET', path: '/destinations/v1/missing-destination-000000000000000000000', status: 404, attempt: 1},
			{type: 'request', method: 'GET', path: '/destinations/v1?archived=true', attempt: 1},
			{type: 'response', method: 'GET', path: '/destinations/v1?archived=true', status: 200, attempt: 1},
		]);
	});
});
