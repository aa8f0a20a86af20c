// PATCH /destinations/v1/{id}: rename, archive, rotate; who may; what may change.
import {describe, expect, it} from 'vitest';
import {REDACTED} from '../../src/catalogue/providers.js';
import {API, BODIES, body, call, sandbox, type Who} from './helpers.js';

async function setup(owner: Who = 'user', type: keyof typeof BODIES = 'amazon_s3', name = 'Patch me') {
	const sb = await sandbox({seed: 'empty'});
	const d = (await call(sb, 'POST', API, {body: body(type, 'patch-bucket', name), as: owner})).json;
	return {sb, d};
}

describe('patch', () => {
	it('renames: id and _self stay, pl:ref follows the new name, old and new forms resolve', async () => {
		const {sb, d} = await setup();
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {body: {name: 'Renamed dest'}});
		expect(res.status).toBe(200);
		expect(res.json.id).toBe(d.id);
		expect(res.json._links._self).toBe(d._links._self);
		const suffix = d.id.slice(-21);
		expect(res.json['pl:ref']).toBe(`pl:destinations/renamed-dest-${suffix}`);
		expect(res.json.updated > d.updated).toBe(true);
		for (const form of [
			d.id,
			`renamed-dest-${suffix}`,
			encodeURIComponent(d['pl:ref']),
			encodeURIComponent(res.json['pl:ref']),
			res.json['pl:ref'],
		]) {
			const got = await call(sb, 'GET', `${API}/${form}`);
			expect(got.status, form).toBe(200);
			expect(got.json.name).toBe('Renamed dest');
		}
		// PATCH by the ref's id-form works too.
		expect((await call(sb, 'PATCH', `${API}/renamed-dest-${suffix}`, {body: {name: 'Third name'}})).json.name).toBe('Third name');
		// A made-up prefix with a wrong suffix does not.
		expect((await call(sb, 'GET', `${API}/renamed-dest-${'Z'.repeat(21)}`)).status).toBe(404);
	});

	it('archives (timestamp now) and unarchives (null); updated moves on every PATCH', async () => {
		const {sb, d} = await setup();
		const archived = (await call(sb, 'PATCH', `${API}/${d.id}`, {body: {archive: true}})).json;
		expect(archived.archived).toMatch(/^\d{4}-.*\.\d{9}Z$/);
		expect(archived.archived > d.updated).toBe(true);
		expect(archived.updated > d.updated).toBe(true);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
		const restored = (await call(sb, 'PATCH', `${API}/${d.id}`, {body: {archive: false}})).json;
		expect(restored.archived).toBeNull();
		expect(restored.updated > archived.updated).toBe(true);
		expect((await call(sb, 'GET', API)).json.destinations).toHaveLength(1);
	});

	it('refuses a member who is not the owner with 403, and changes nothing', async () => {
		const {sb, d} = await setup('user');
		for (const change of [
			{name: 'Hijacked'},
			{archive: true},
			{parameters: {aws_access_key_id: 'OTHERKEY01', aws_secret_access_key: 'other-secret-value'}},
		]) {
			const res = await call(sb, 'PATCH', `${API}/${d.id}`, {body: change, as: 'other'});
			expect(res.status).toBe(403);
			expect(res.json.code).toBe(403);
			expect(typeof res.json.message).toBe('string');
		}
		const after = (await call(sb, 'GET', `${API}/${d.id}`)).json;
		expect([after.name, after.archived, after.updated]).toEqual([d.name, null, d.updated]);
	});

	it("lets an org admin change a member's destination", async () => {
		const {sb, d} = await setup('other');
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {body: {name: 'Admin renamed', archive: true}, as: 'admin'});
		expect(res.status).toBe(200);
		expect(res.json.name).toBe('Admin renamed');
		expect(res.json.ownership.is_owner).toBe(false);
	});

	it('rotates credentials: 200, secret still redacted, updated moves', async () => {
		const {sb, d} = await setup();
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {
			body: {parameters: {aws_access_key_id: 'ROTATEDKEY01', aws_secret_access_key: 'rotated-secret-value', explicit_sse: true}},
		});
		expect(res.status).toBe(200);
		expect(res.json.parameters).toMatchObject({
			aws_access_key_id: 'ROTATEDKEY01',
			aws_secret_access_key: REDACTED,
			explicit_sse: true,
			bucket: 'patch-bucket',
		});
		expect(res.text).not.toContain('rotated-secret-value');
		expect(res.json.updated > d.updated).toBe(true);
		const got = await call(sb, 'GET', `${API}/${d.id}`);
		expect(got.text).not.toContain('rotated-secret-value');
		const listed = await call(sb, 'GET', API);
		expect(listed.text).not.toContain('rotated-secret-value');
	});

	it('strips the leading ? of a rotated SAS token and accepts it', async () => {
		const {sb, d} = await setup('user', 'azure_blob_storage');
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {
			body: {parameters: {sas_token: '?sv=2024-11-04&sp=rwdl&sig=rotated-fake-signature'}},
		});
		expect(res.status).toBe(200);
		expect(res.json.parameters.sas_token).toBe(REDACTED);
	});

	it('lets an option change alone, but not half a credential pair', async () => {
		const {sb, d} = await setup();
		expect((await call(sb, 'PATCH', `${API}/${d.id}`, {body: {parameters: {explicit_sse: true}}})).status).toBe(200);
		const half = await call(sb, 'PATCH', `${API}/${d.id}`, {body: {parameters: {aws_access_key_id: 'HALFKEY0001'}}});
		expect(half.status).toBe(400);
		expect(half.json.message).toContain('aws_secret_access_key');
	});

	it.each([
		['a non-rotatable parameter', {parameters: {bucket: 'another-bucket'}}, 'bucket'],
		['the region', {parameters: {aws_region: 'eu-west-1'}}, 'aws_region'],
		['an unknown parameter', {parameters: {colour: 'blue'}}, 'colour'],
		[
			'an invalid credential',
			{parameters: {aws_access_key_id: 'has space', aws_secret_access_key: 'valid-secret-value'}},
			'aws_access_key_id',
		],
		['the type', {type: 'google_cloud_storage'}, 'type'],
		['"archived" instead of "archive"', {archived: true}, 'archive'],
		['a non-boolean archive', {archive: 'yes'}, 'archive'],
		['a short name', {name: 'ab'}, 'name'],
		['an unknown field', {colour: 'blue'}, 'colour'],
		['nothing to change', {}, 'Nothing'],
	])('refuses %s with 400, changing nothing', async (_label, change, field) => {
		const {sb, d} = await setup();
		// A valid rename rides along: the whole PATCH must be refused, not half applied.
		const payload = 'name' in change || Object.keys(change).length === 0 ? change : {name: 'Should not apply', ...change};
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {body: payload});
		expect(res.status).toBe(400);
		expect(res.json.code).toBe(400);
		expect(res.json.message).toContain(field);
		const after = (await call(sb, 'GET', `${API}/${d.id}`)).json;
		expect(after).toEqual(d);
	});

	it.each(['__proto__', 'constructor', 'toString'])(
		'names a key %j like any unknown field, at the top level and in parameters',
		async (key) => {
			const {sb, d} = await setup();
			for (const raw of [`{"${key}": {"name": "x"}}`, `{"parameters": {"${key}": "x"}}`]) {
				const res = await call(sb, 'PATCH', `${API}/${d.id}`, {raw});
				expect(res.status, raw).toBe(400);
				expect(res.json.message).toContain(key);
				expect(res.json.message).not.toMatch(/\[object Object\]|native code/);
			}
			expect((await call(sb, 'GET', `${API}/${d.id}`)).json).toEqual(d);
		},
	);

	it('refuses bad JSON with 400', async () => {
		const {sb, d} = await setup();
		expect((await call(sb, 'PATCH', `${API}/${d.id}`, {raw: '{"name":'})).status).toBe(400);
	});

	it("refuses a rename onto another destination's name with 409; renaming to its own name is fine", async () => {
		const {sb, d} = await setup();
		await call(sb, 'POST', API, {body: body('amazon_s3', 'taken-bucket', 'Taken name')});
		const clash = await call(sb, 'PATCH', `${API}/${d.id}`, {body: {name: 'Taken name'}});
		expect(clash.status).toBe(409);
		expect(clash.json.message).toContain('"Taken name"');
		expect((await call(sb, 'PATCH', `${API}/${d.id}`, {body: {name: d.name}})).status).toBe(200);
		// After a rename the old name is free again.
		await call(sb, 'PATCH', `${API}/${d.id}`, {body: {name: 'Fresh name'}});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'other-bucket', d.name)})).status).toBe(201);
	});

	it('combines name, archive and parameters in one PATCH', async () => {
		const {sb, d} = await setup();
		const res = await call(sb, 'PATCH', `${API}/${d.id}`, {
			body: {
				name: 'All at once',
				archive: true,
				parameters: {aws_access_key_id: 'COMBOKEY01', aws_secret_access_key: 'combo-secret-value'},
			},
		});
		expect(res.status).toBe(200);
		expect(res.json.name).toBe('All at once');
		expect(res.json.archived).not.toBeNull();
		expect(res.json.parameters.aws_access_key_id).toBe('COMBOKEY01');
	});

	it('re-verifies on credential rotation: a noaccess- bucket fails with 400 and nothing changes', async () => {
		const sb = await sandbox();
		const legacy = (await call(sb, 'GET', API)).json.destinations.find((x: {parameters: {bucket?: string}}) =>
			x.parameters.bucket?.startsWith('noaccess-'),
		);
		expect(legacy).toBeDefined();
		const res = await call(sb, 'PATCH', `${API}/${legacy.id}`, {
			body: {parameters: {aws_access_key_id: 'NEWKEY00001', aws_secret_access_key: 'new-secret-value'}},
		});
		expect(res.status).toBe(400);
		expect(res.json.message).toContain('planetverify.txt');
		expect((await call(sb, 'GET', `${API}/${legacy.id}`)).json).toEqual(legacy);
		// Renaming it needs no verification.
		expect((await call(sb, 'PATCH', `${API}/${legacy.id}`, {body: {name: 'Legacy (revoked)'}})).status).toBe(200);
	});

	it('answers 404 for an unknown id', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'PATCH', `${API}/missing-AAAAAAAAAAAAAAAAAAAAA`, {body: {archive: true}});
		expect(res.status).toBe(404);
		expect(res.json).toEqual({code: 404, message: 'Not found'});
	});
});
