// POST /destinations/v1: validation through the catalogue, names, quota, verification.
import {describe, expect, it} from 'vitest';
import {DESTINATION_TYPES, ORG_DESTINATION_LIMIT, REDACTED, secretKeys} from '../../src/catalogue/providers.js';
import {API, BODIES, body, call, sandbox, SECRET_VALUES} from './helpers.js';

describe('create', () => {
	it.each(DESTINATION_TYPES)('creates a %s destination (201, secrets redacted)', async (type) => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', API, {body: {...BODIES[type], name: `New ${type}`}});
		expect(res.status).toBe(201);
		expect(res.json.type).toBe(type);
		expect(res.json.name).toBe(`New ${type}`);
		for (const key of secretKeys(type)) expect(res.json.parameters[key]).toBe(REDACTED);
		for (const secret of SECRET_VALUES) expect(res.text).not.toContain(secret);
		const listed = await call(sb, 'GET', API);
		expect(listed.json.destinations.map((d: {id: string}) => d.id)).toEqual([res.json.id]);
	});

	it('defaults the name to the bucket, or to the container on Azure', async () => {
		const sb = await sandbox({seed: 'empty'});
		const s3 = await call(sb, 'POST', API, {body: body('amazon_s3', 'named-after-bucket')});
		expect(s3.json.name).toBe('named-after-bucket');
		expect(s3.json.id).toMatch(/^named-after-bucket-[0-9A-Za-z]{21}$/);
		const azure = await call(sb, 'POST', API, {body: body('azure_blob_storage', 'named-after-container')});
		expect(azure.json.name).toBe('named-after-container');
	});

	it('refuses a duplicate name with 409 naming it, explicit or defaulted', async () => {
		const sb = await sandbox({seed: 'empty'});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'first-bucket', 'Shared name')})).status).toBe(201);
		const explicit = await call(sb, 'POST', API, {body: body('google_cloud_storage', 'second-bucket', 'Shared name')});
		expect(explicit.status).toBe(409);
		expect(explicit.json).toMatchObject({code: 409});
		expect(explicit.json.message).toContain('"Shared name"');
		// A defaulted name clashes too: the bucket name is already a destination's name.
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'dup-bucket')})).status).toBe(201);
		const defaulted = await call(sb, 'POST', API, {body: body('s3_compatible', 'dup-bucket')});
		expect(defaulted.status).toBe(409);
		expect(defaulted.json.message).toContain('"dup-bucket"');
		expect((await call(sb, 'GET', API)).json.destinations).toHaveLength(2);
	});

	it('refuses a clash with an archived destination name too', async () => {
		const sb = await sandbox({seed: 'empty'});
		const first = (await call(sb, 'POST', API, {body: body('amazon_s3', 'old-bucket', 'Retired')})).json;
		await call(sb, 'PATCH', `${API}/${first.id}`, {body: {archive: true}});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'new-bucket', 'Retired')})).status).toBe(409);
	});

	it('accepts names of 3 and 63 characters, refuses 2 and 64 with 400', async () => {
		const sb = await sandbox({seed: 'empty'});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'len-3', 'abc')})).status).toBe(201);
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'len-63', 'x'.repeat(63))})).status).toBe(201);
		for (const name of ['ab', 'y'.repeat(64), '   ', 42]) {
			const res = await call(sb, 'POST', API, {body: body('amazon_s3', 'len-bad', name as string)});
			expect(res.status, String(name)).toBe(400);
			expect(res.json.message).toMatch(/name/i);
		}
		// A defaulted name must fit too: an Oracle bucket may be shorter than 3 characters.
		const short = await call(sb, 'POST', API, {body: body('oracle_cloud_storage', 'ab')});
		expect(short.status).toBe(400);
		expect(short.json.message).toContain('name');
	});

	it('keeps unicode names, and slugs them into the id', async () => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', API, {body: body('amazon_s3', 'unicode-bucket', 'café ☃ déliveries')});
		expect(res.json.name).toBe('café ☃ déliveries');
		expect(res.json.id).toMatch(/^cafe-deliveries-[0-9A-Za-z]{21}$/);
	});

	it.each([
		[
			'a missing parameter',
			{type: 'amazon_s3', parameters: {bucket: 'b-bucket', aws_region: 'us-west-2', aws_access_key_id: 'TESTKEY01'}},
			'aws_secret_access_key',
		],
		['an unknown parameter', {...BODIES.amazon_s3, parameters: {...BODIES.amazon_s3.parameters, colour: 'blue'}}, 'colour'],
		['an invalid parameter', {...BODIES.amazon_s3, parameters: {...BODIES.amazon_s3.parameters, bucket: 'sthree-not-valid'}}, 'bucket'],
		['an invalid region', {...BODIES.amazon_s3, parameters: {...BODIES.amazon_s3.parameters, aws_region: 'mars 1'}}, 'aws_region'],
		['a boolean that is not one', {...BODIES.amazon_s3, parameters: {...BODIES.amazon_s3.parameters, explicit_sse: 'yes'}}, 'explicit_sse'],
		['a bad GCS key', {...BODIES.google_cloud_storage, parameters: {bucket: 'gcs-bucket', credentials: 'bm90IGEga2V5'}}, 'credentials'],
		[
			'an ftp endpoint',
			{...BODIES.s3_compatible, parameters: {...BODIES.s3_compatible.parameters, endpoint: 'ftp://objects.example.com'}},
			'endpoint',
		],
		[
			'a SAS token without a signature',
			{...BODIES.azure_blob_storage, parameters: {...BODIES.azure_blob_storage.parameters, sas_token: 'sv=2024-11-04'}},
			'sas_token',
		],
		['an unknown type', {type: 'dropbox', parameters: {}}, 'type'],
		['no type', {parameters: {bucket: 'x-bucket'}}, 'type'],
		['no parameters', {type: 'amazon_s3'}, 'parameters'],
		['parameters that are not an object', {type: 'amazon_s3', parameters: 'bucket=x'}, 'parameters'],
		['an unknown top-level field', {...BODIES.amazon_s3, colour: 'blue'}, 'colour'],
	])('refuses %s with 400 naming the field', async (_label, payload, field) => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', API, {body: payload});
		expect(res.status).toBe(400);
		expect(res.json.code).toBe(400);
		expect(res.json.message).toContain(field);
		for (const secret of SECRET_VALUES) expect(res.text).not.toContain(secret);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
	});

	it.each(['__proto__', 'constructor', 'toString'])('names a top-level or parameter key %j like any unknown field', async (key) => {
		const sb = await sandbox({seed: 'empty'});
		const good = JSON.stringify(BODIES.amazon_s3);
		for (const raw of [`{"${key}": {"x": 1}, ${good.slice(1)}`, good.replace('"parameters":{', `"parameters":{"${key}":"x",`)]) {
			const res = await call(sb, 'POST', API, {raw});
			expect(res.status, raw).toBe(400);
			expect(res.json.message).toContain(key);
			expect(res.json.message).not.toMatch(/\[object Object\]|native code/);
		}
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
	});

	it.each([
		['invalid JSON', '{"type": "amazon_s3",'],
		['a JSON array', '[1, 2]'],
		['an empty body', ''],
	])('refuses %s with 400', async (_label, raw) => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', API, {raw, headers: {'Content-Type': 'application/json'}});
		expect(res.status).toBe(400);
		expect(res.json.code).toBe(400);
	});

	it(`allows ${ORG_DESTINATION_LIMIT} active destinations and refuses the next with 403; archived ones do not count`, async () => {
		const sb = await sandbox({seed: 'empty'});
		for (let i = 0; i < ORG_DESTINATION_LIMIT; i += 10) {
			const batch = Array.from({length: 10}, (_, j) => call(sb, 'POST', API, {body: body('amazon_s3', `quota-${i + j}-bucket`)}));
			for (const res of await Promise.all(batch)) expect(res.status).toBe(201);
		}
		const refused = await call(sb, 'POST', API, {body: body('amazon_s3', 'quota-extra-bucket')});
		expect(refused.status).toBe(403);
		expect(refused.json).toMatchObject({code: 403});
		expect(refused.json.message).toContain(String(ORG_DESTINATION_LIMIT));
		expect((await call(sb, 'GET', API)).json.destinations).toHaveLength(ORG_DESTINATION_LIMIT);
		// Archiving one frees a place...
		const victim = (await call(sb, 'GET', API)).json.destinations[0];
		await call(sb, 'PATCH', `${API}/${victim.id}`, {body: {archive: true}});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'quota-extra-bucket')})).status).toBe(201);
		// ...and unarchiving it while the org is full is refused.
		const unarchive = await call(sb, 'PATCH', `${API}/${victim.id}`, {body: {archive: false}});
		expect(unarchive.status).toBe(403);
		expect((await call(sb, 'GET', `${API}/${victim.id}`)).json.archived).not.toBeNull();
	});

	it('fails verification for a noaccess- bucket or container with 400, creating nothing', async () => {
		const sb = await sandbox({seed: 'empty'});
		for (const [type, location] of [
			['amazon_s3', 'noaccess-s3'],
			['azure_blob_storage', 'noaccess-container'],
			['google_cloud_storage', 'noaccess-gcs'],
		] as const) {
			const res = await call(sb, 'POST', API, {body: body(type, location)});
			expect(res.status, type).toBe(400);
			expect(res.json.message).toContain('planetverify.txt');
			expect(res.json.message).toMatch(/could not write and delete/);
			expect(res.json.message).toContain(location);
		}
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
		expect((await call(sb, 'GET', `${API}?archived=true`)).json.destinations).toEqual([]);
	});
});
