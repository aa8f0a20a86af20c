// /_sandbox/requests, /_sandbox/reset, /_sandbox/populate.
import {describe, expect, it} from 'vitest';
import type {StateChange} from '../../src/sandbox/server.js';
import type {SandboxState} from '../../src/sandbox/types.js';
import {API, BODIES, body, call, KEYS, sandbox, SECRET_VALUES} from './helpers.js';

type Sb = Awaited<ReturnType<typeof sandbox>>;
const requests = async (sb: Sb) => (await call(sb, 'GET', '/_sandbox/requests', {as: null})).json.requests;

describe('request log', () => {
	it('records seq, method, path, query, status, user, time and connection, in order', async () => {
		const sb = await sandbox();
		await call(sb, 'GET', `${API}?archived=true&sort_by=name`, {as: 'user'});
		await call(sb, 'GET', `${API}/default`, {as: 'admin'});
		await call(sb, 'GET', API, {as: null});
		await call(sb, 'GET', `${API}/nothing-here`, {as: 'other'});
		const log = await requests(sb);
		expect(log.map((r: Record<string, unknown>) => Object.keys(r).sort())).toEqual(
			Array(4).fill(['connection', 'method', 'path', 'query', 'seq', 'status', 'time', 'user']),
		);
		expect(log.map((r: {seq: number}) => r.seq)).toEqual([1, 2, 3, 4]);
		expect(log[0]).toMatchObject({method: 'GET', path: API, query: {archived: 'true', sort_by: 'name'}, status: 200, user: 'user'});
		expect(log[1]).toMatchObject({path: `${API}/default`, user: 'admin', status: 200});
		expect(log[2]).toMatchObject({status: 401, user: null});
		expect(log[3]).toMatchObject({status: 404, user: 'other'});
		expect(log[0].time).toMatch(/^\d{4}-\d\d-\d\dT.*\.\d{9}Z$/);
	});

	it('never holds bodies, secrets or keys, and never logs the hooks', async () => {
		const sb = await sandbox({seed: 'empty'});
		for (const b of Object.values(BODIES)) await call(sb, 'POST', API, {body: {...b, name: `Logged ${b.type}`}});
		const created = (await call(sb, 'GET', API)).json.destinations[0];
		await call(sb, 'PATCH', `${API}/${created.id}`, {body: {name: 'Log rename'}});
		await call(sb, 'GET', `${API}?api_key=${KEYS.admin}`);
		await call(sb, 'POST', '/_sandbox/faults', {body: {status: 500, path: '/nowhere'}, as: null});
		const log = await requests(sb);
		const text = JSON.stringify(log);
		for (const secret of [...SECRET_VALUES, ...Object.values(KEYS), 'Logged', 'Log rename']) expect(text).not.toContain(secret);
		expect(log.every((r: {path: string}) => !r.path.startsWith('/_sandbox'))).toBe(true);
		expect(log.map((r: {method: string}) => r.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'POST', 'GET', 'PATCH', 'GET']);
	});

	it('is cleared by DELETE /_sandbox/requests', async () => {
		const sb = await sandbox();
		await call(sb, 'GET', API);
		expect((await call(sb, 'DELETE', '/_sandbox/requests', {as: null})).status).toBe(204);
		expect(await requests(sb)).toEqual([]);
		await call(sb, 'GET', API);
		expect((await requests(sb)).map((r: {seq: number}) => r.seq)).toEqual([2]);
	});
});

describe('reset', () => {
	it('restores the seed: created rows go, changed rows come back, the default returns', async () => {
		const sb = await sandbox();
		const before = (await call(sb, 'GET', API)).json.destinations;
		await call(sb, 'POST', API, {body: body('amazon_s3', 'transient-bucket')});
		await call(sb, 'DELETE', `${API}/default`);
		await call(sb, 'PATCH', `${API}/${before[0].id}`, {body: {name: 'Changed'}, as: 'admin'});
		const res = await call(sb, 'POST', '/_sandbox/reset', {as: null});
		expect(res.status).toBe(200);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual(before);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(200);
	});

	it('can switch seed, and refuses an unknown one', async () => {
		const sb = await sandbox();
		expect((await call(sb, 'POST', '/_sandbox/reset', {body: {seed: 'empty'}, as: null})).status).toBe(200);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
		expect((await call(sb, 'POST', '/_sandbox/reset', {body: {seed: 'huge'}, as: null})).status).toBe(400);
		await call(sb, 'POST', '/_sandbox/reset', {body: {seed: 'demo'}, as: null});
		expect((await call(sb, 'GET', API)).json.destinations.length).toBeGreaterThan(0);
	});

	it('answers 404 for an unknown hook', async () => {
		const sb = await sandbox();
		expect((await call(sb, 'POST', '/_sandbox/explode', {as: null})).status).toBe(404);
	});
});

describe('populate', () => {
	it('adds 10,000 destinations past the quota, all listed and valid', async () => {
		const sb = await sandbox({seed: 'empty'});
		const res = await call(sb, 'POST', '/_sandbox/populate', {body: {count: 10_000, owner: 'user'}, as: null});
		expect(res.status).toBe(201);
		expect(res.json).toEqual({added: 10_000, total: 10_000});
		const rows = (await call(sb, 'GET', API)).json.destinations;
		expect(rows).toHaveLength(10_000);
		expect(new Set(rows.map((d: {name: string}) => d.name)).size).toBe(10_000);
		expect(new Set(rows.map((d: {type: string}) => d.type)).size).toBe(5);
		// The quota still applies to ordinary creates.
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'one-more-bucket')})).status).toBe(403);
	});

	it('assigns the owner and can add archived rows', async () => {
		const sb = await sandbox({seed: 'empty'});
		await call(sb, 'POST', '/_sandbox/populate', {body: {count: 3, owner: 'other'}, as: null});
		await call(sb, 'POST', '/_sandbox/populate', {body: {count: 2, archived: true}, as: null});
		const active = (await call(sb, 'GET', API, {as: 'user'})).json.destinations;
		expect(active).toHaveLength(3);
		expect(active.every((d: {permissions: {can_write: boolean}}) => !d.permissions.can_write)).toBe(true);
		expect((await call(sb, 'GET', `${API}?archived=true`)).json.destinations).toHaveLength(2);
	});

	it.each([
		['no count', {owner: 'user'}],
		['a zero count', {count: 0}],
		['an unknown owner', {count: 1, owner: 'mallory'}],
	])('refuses %s with 400', async (_label, spec) => {
		const sb = await sandbox({seed: 'empty'});
		expect((await call(sb, 'POST', '/_sandbox/populate', {body: spec, as: null})).status).toBe(400);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
	});
});

describe('onChange and state() (in-process tests)', () => {
	it('reports each request that changed the state, with the state before and after, and nothing for reads or refusals', async () => {
		const changes: StateChange[] = [];
		const sb = await sandbox({onChange: (c) => changes.push(c)});
		const first = sb.state().destinations.find((d) => d.ownerId === 730002 && d.archived === null)!;
		await call(sb, 'PATCH', `${API}/${first.id}`, {body: {name: 'Changed by the test'}});
		await call(sb, 'PATCH', `${API}/${first.id}`, {body: {name: ''}});
		await call(sb, 'POST', '/_sandbox/faults', {body: {status: 503, after: true}, as: null});
		await call(sb, 'PATCH', `${API}/${first.id}`, {body: {name: 'Spoiled answer, still changed'}});
		expect(changes.map((c) => [c.method, c.path, c.status])).toEqual([
			['PATCH', `${API}/${first.id}`, 200],
			['PATCH', `${API}/${first.id}`, 200],
		]);
		const named = (s: SandboxState) => s.destinations.find((d) => d.id === first.id)?.name;
		expect(named(changes[0]!.before)).toBe(first.name);
		expect(named(changes[0]!.after)).toBe('Changed by the test');
		expect(named(changes[1]!.after)).toBe('Spoiled answer, still changed');
		expect(named(sb.state())).toBe('Spoiled answer, still changed');
	});
});
