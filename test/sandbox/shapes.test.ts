// The destination object and the seeds look like the real API's (spec §4).
import {describe, expect, it} from 'vitest';
import {checkParameters, DESTINATION_TYPES, isDestinationType, REDACTED, secretKeys} from '../../src/catalogue/providers.js';
import {slug} from '../../src/sandbox/ids.js';
import {API, body, call, KEYS, rawRequest, sandbox} from './helpers.js';

const NANO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;

async function everything(sb: Awaited<ReturnType<typeof sandbox>>, as: 'user' | 'admin' | 'other' = 'user') {
	const active = await call(sb, 'GET', API, {as});
	const archived = await call(sb, 'GET', `${API}?archived=true`, {as});
	return [...active.json.destinations, ...archived.json.destinations];
}

describe('destination objects', () => {
	it('have the real shape: id, pl:ref, _links, nanosecond timestamps, default, permissions, ownership', async () => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', API, {body: body('google_cloud_storage', 'shape-bucket', 'Demo Destination')});
		expect(res.status).toBe(201);
		const d = res.json;
		expect(Object.keys(d)).toEqual([
			'_links',
			'archived',
			'created',
			'default',
			'id',
			'name',
			'ownership',
			'parameters',
			'permissions',
			'pl:ref',
			'type',
			'updated',
		]);
		expect(d.id).toMatch(/^demo-destination-[0-9A-Za-z]{21}$/);
		expect(d['pl:ref']).toBe(`pl:destinations/${d.id}`);
		expect(d._links._self).toBe(`${sb.origin}/destinations/v1/${d.id}`);
		expect(d.created).toMatch(NANO_TIMESTAMP);
		expect(d.updated).toMatch(NANO_TIMESTAMP);
		expect(d.updated > d.created).toBe(true);
		expect(d.archived).toBeNull();
		expect(d.default).toBe(false);
		expect(d.permissions).toEqual({can_write: true});
		expect(d.ownership.is_owner).toBe(true);
		expect(Number.isInteger(d.ownership.owner_id)).toBe(true);
		expect(d.parameters).toEqual({bucket: 'shape-bucket', credentials: REDACTED});
		expect(res.headers.get('content-type')).toBe('application/json');
	});

	it('carry real nanoseconds: timestamps of quick successive creates all differ', async () => {
		const sb = await sandbox({seed: 'empty'});
		const stamps = new Set<string>();
		for (let i = 0; i < 5; i++) {
			const d = (await call(sb, 'POST', API, {body: body('amazon_s3', `nano-${i}-bucket`)})).json;
			stamps.add(d.created).add(d.updated);
			expect(Math.abs(Date.parse(d.created) - Date.now())).toBeLessThan(60_000);
		}
		expect(stamps.size).toBe(10);
	});

	it('build _links from the Host the caller used', async () => {
		const sb = await sandbox();
		const res = await rawRequest(sb, {
			method: 'GET',
			path: API,
			headers: {Host: 'api.example.test:8443', Authorization: `api-key ${KEYS.user}`},
		});
		const json = JSON.parse(res.text);
		expect(json._links._self).toBe('http://api.example.test:8443/destinations/v1');
		expect(json.destinations[0]._links._self).toMatch(/^http:\/\/api\.example\.test:8443\/destinations\/v1\/[a-z0-9-]+-[0-9A-Za-z]{21}$/);
		const filtered = await call(sb, 'GET', `${API}?is_owner=true`);
		expect(filtered.json._links._self).toBe(`${sb.origin}/destinations/v1?is_owner=true`);
	});

	it('compute permissions and ownership for the caller', async () => {
		const sb = await sandbox();
		const mine = (await call(sb, 'POST', API, {body: body('amazon_s3', 'perm-bucket'), as: 'user'})).json;
		const asOther = (await call(sb, 'GET', `${API}/${mine.id}`, {as: 'other'})).json;
		const asAdmin = (await call(sb, 'GET', `${API}/${mine.id}`, {as: 'admin'})).json;
		expect([mine.ownership.is_owner, mine.permissions.can_write]).toEqual([true, true]);
		expect([asOther.ownership.is_owner, asOther.permissions.can_write]).toEqual([false, false]);
		expect([asAdmin.ownership.is_owner, asAdmin.permissions.can_write]).toEqual([false, true]);
		expect(asOther.ownership.owner_id).toBe(mine.ownership.owner_id);
	});

	it('answer unknown ids with 404 {"code":404,"message":"Not found"}', async () => {
		const sb = await sandbox();
		for (const id of ['no-such-destination-AAAAAAAAAAAAAAAAAAAAA', 'nothing', 'x%20y', 'x/y']) {
			const res = await call(sb, 'GET', `${API}/${id}`);
			expect(res.status, id).toBe(404);
			expect(res.json).toEqual({code: 404, message: 'Not found'});
		}
	});

	it('serve a small description at /destinations/v1/spec', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', `${API}/spec`);
		expect(res.status).toBe(200);
		expect(res.json.paths['/default']).toBeDefined();
	});

	it('refuse methods the API does not have with 405', async () => {
		const sb = await sandbox();
		const first = (await call(sb, 'GET', API)).json.destinations[0];
		const res = await call(sb, 'DELETE', `${API}/${first.id}`);
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, PATCH');
		expect((await call(sb, 'GET', `${API}/${first.id}`)).status).toBe(200);
	});
});

describe('seeds', () => {
	it('demo: a realistic org over all five types, owners, two archived, one default', async () => {
		const sb = await sandbox();
		const all = await everything(sb);
		expect(all.length).toBeGreaterThanOrEqual(10);
		expect(new Set(all.map((d) => d.type))).toEqual(new Set(DESTINATION_TYPES));
		expect(all.filter((d) => d.archived !== null)).toHaveLength(2);
		expect(all.filter((d) => d.default)).toHaveLength(1);
		expect(all.some((d) => d.ownership.is_owner)).toBe(true);
		expect(all.some((d) => !d.permissions.can_write)).toBe(true);
		const admin = await everything(sb, 'admin');
		expect(admin.filter((d) => d.ownership.is_owner).length).toBeGreaterThanOrEqual(1);
		expect(admin.every((d) => d.permissions.can_write)).toBe(true);
		for (const d of all) {
			expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9A-Za-z]{21}$/);
			expect(d.created).toMatch(NANO_TIMESTAMP);
			expect(isDestinationType(d.type)).toBe(true);
			for (const key of secretKeys(d.type)) expect(d.parameters[key]).toBe(REDACTED);
			// Secrets are redacted, so check the rest against the catalogue.
			const plain = Object.fromEntries(Object.entries(d.parameters).filter(([k]) => !secretKeys(d.type).includes(k)));
			expect(checkParameters(d.type, plain, {requireAll: false})).toEqual([]);
		}
		// One destination was renamed after creation: its id keeps the old slug, its ref follows the name.
		const renamed = all.filter((d) => !d.id.startsWith(`${slug(d.name)}-`));
		expect(renamed.length).toBeGreaterThanOrEqual(1);
		for (const d of all) expect(d['pl:ref']).toMatch(new RegExp(`^pl:destinations/${slug(d.name)}-`));
	});

	it('demo: ids and timestamps are the same on every start', async () => {
		const a = await everything(await sandbox());
		const b = await everything(await sandbox());
		expect(a.map((d) => [d.id, d.created, d.updated, d.archived])).toEqual(b.map((d) => [d.id, d.created, d.updated, d.archived]));
	});

	it('empty: no destinations, no default', async () => {
		const sb = await sandbox({seed: 'empty'});
		expect(await everything(sb)).toEqual([]);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
	});
});
