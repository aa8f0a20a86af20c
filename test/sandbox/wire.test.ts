// The official `planet destinations` CLI (3.6) must work unchanged: these requests copy what it
// puts on the wire (spec §11, §15), header for header.
import {describe, expect, it} from 'vitest';
import {API, BODIES, call, KEYS, rawRequest, sandbox} from './helpers.js';

const CLI_HEADERS = {
	Host: 'api.planet.com',
	Accept: '*/*',
	'Accept-Encoding': 'gzip, deflate',
	Connection: 'keep-alive',
	'User-Agent': 'planet-client-python/3.6.0',
	'X-Planet-App': 'python-cli',
	Authorization: `api-key ${KEYS.user}`,
};

type Sb = Awaited<ReturnType<typeof sandbox>>;
const cli = async (sb: Sb, method: string, path: string, body?: unknown) => {
	const text = body === undefined ? undefined : JSON.stringify(body);
	const headers: Record<string, string> = {...CLI_HEADERS};
	if (text !== undefined) {
		headers['Content-Type'] = 'application/json';
		headers['Content-Length'] = String(Buffer.byteLength(text));
	}
	const res = await rawRequest(sb, {method, path, headers, body: text});
	return {...res, json: res.text ? JSON.parse(res.text) : undefined};
};

describe('official CLI wire compatibility', () => {
	it("list with lower-case booleans in the CLI's order, no trailing slash", async () => {
		const sb = await sandbox();
		const res = await cli(sb, 'GET', `${API}?archived=false&is_owner=true&can_write=true&is_default=false`);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/json');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.json.destinations.length).toBeGreaterThan(0);
		expect(res.json._links._self).toMatch(/^http:\/\/api\.planet\.com\/destinations\/v1\?archived=false/);
	});

	it('create with compact UTF-8 JSON in the order type, parameters, name', async () => {
		const sb = await sandbox({seed: 'empty'});
		const res = await cli(sb, 'POST', API, {type: 'amazon_s3', parameters: BODIES.amazon_s3.parameters, name: 'café ☃'});
		expect(res.status).toBe(201);
		expect(res.json.name).toBe('café ☃');
	});

	it("archive, unarchive, rename and update s3 with the CLI's bodies", async () => {
		const sb = await sandbox({seed: 'empty'});
		const id = (await cli(sb, 'POST', API, BODIES.amazon_s3)).json.id;
		expect((await cli(sb, 'PATCH', `${API}/${id}`, {archive: true})).json.archived).not.toBeNull();
		expect((await cli(sb, 'PATCH', `${API}/${id}`, {archive: false})).json.archived).toBeNull();
		expect((await cli(sb, 'PATCH', `${API}/${id}`, {name: 'renamed by cli'})).json.name).toBe('renamed by cli');
		const rotated = await cli(sb, 'PATCH', `${API}/${id}`, {
			parameters: {aws_access_key_id: 'CLIKEY000001', aws_secret_access_key: 'cli-secret-value', explicit_sse: true},
		});
		expect(rotated.status).toBe(200);
		expect(rotated.json.parameters.explicit_sse).toBe(true);
	});

	it('default set, get and unset (204, empty body, which the CLI prints as null)', async () => {
		const sb = await sandbox({seed: 'empty'});
		const id = (await cli(sb, 'POST', API, BODIES.google_cloud_storage)).json.id;
		expect((await cli(sb, 'PUT', `${API}/default`, {destination_id: id})).status).toBe(200);
		expect((await cli(sb, 'GET', `${API}/default`)).json.id).toBe(id);
		const unset = await cli(sb, 'DELETE', `${API}/default`);
		expect(unset.status).toBe(204);
		expect(unset.text).toBe('');
	});

	it('ids pasted unescaped: a space arrives as %20, a slash splits the path; both are plain 404s', async () => {
		const sb = await sandbox();
		for (const path of [`${API}/my%20destination`, `${API}/x/y`]) {
			const res = await cli(sb, 'GET', path);
			expect(res.status, path).toBe(404);
			expect(res.json).toEqual({code: 404, message: 'Not found'});
		}
	});

	it('no key at all: the CLI still sends the request, and gets a readable 401', async () => {
		const sb = await sandbox();
		const {Authorization: _dropped, ...headers} = CLI_HEADERS;
		const res = await rawRequest(sb, {method: 'GET', path: API, headers});
		expect(res.status).toBe(401);
		expect(JSON.parse(res.text).message).toMatch(/API key/);
	});

	it('accepts a body sent with a charset, and with no Content-Type at all', async () => {
		const sb = await sandbox({seed: 'empty'});
		expect(
			(await call(sb, 'POST', API, {body: BODIES.amazon_s3, headers: {'Content-Type': 'application/json; charset=utf-8'}})).status,
		).toBe(201);
		const raw = await rawRequest(sb, {
			method: 'POST',
			path: API,
			headers: {Authorization: `api-key ${KEYS.user}`},
			body: JSON.stringify(BODIES.oracle_cloud_storage),
		});
		expect(raw.status).toBe(201);
	});
});
