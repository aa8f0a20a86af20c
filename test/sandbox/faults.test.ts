// POST /_sandbox/faults: status, latency, drop, truncate, omit_fields, before or after the handler.
import {describe, expect, it} from 'vitest';
import {API, body, call, KEYS, rawRequest, sandbox} from './helpers.js';

type Sb = Awaited<ReturnType<typeof sandbox>>;

async function inject(sb: Sb, fault: Record<string, unknown>) {
	const res = await call(sb, 'POST', '/_sandbox/faults', {body: fault, as: null});
	expect(res.status).toBe(201);
	return res.json;
}

const count = async (sb: Sb) => (await call(sb, 'GET', API)).json.destinations.length as number;

describe('faults', () => {
	it('status: answers that status with a JSON error body for the next N requests, then normally', async () => {
		const sb = await sandbox();
		await inject(sb, {count: 2, status: 503});
		for (let i = 0; i < 2; i++) {
			const res = await call(sb, 'GET', API);
			expect(res.status).toBe(503);
			expect(res.json).toMatchObject({code: 503});
			expect(typeof res.json.message).toBe('string');
		}
		expect((await call(sb, 'GET', API)).status).toBe(200);
	});

	it('status before the handler: a create is not applied', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {status: 500, methods: ['POST']});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'lost-bucket')})).status).toBe(500);
		expect(await count(sb)).toBe(0);
	});

	it('status after the handler: the create happens, the answer is an error', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {status: 502, methods: ['POST'], after: true});
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'ghost-bucket')})).status).toBe(502);
		expect(await count(sb)).toBe(1);
	});

	it('status 429 carries Retry-After: 1', async () => {
		const sb = await sandbox();
		await inject(sb, {status: 429});
		const res = await call(sb, 'GET', API);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('1');
		expect(res.json).toEqual({code: 429, message: 'Too many requests'});
	});

	it('latency_ms delays the answer, which is otherwise the real one', async () => {
		const sb = await sandbox();
		await inject(sb, {latency_ms: 250});
		const started = performance.now();
		const res = await call(sb, 'GET', API);
		expect(performance.now() - started).toBeGreaterThanOrEqual(240);
		expect(res.status).toBe(200);
		expect(res.json.destinations.length).toBeGreaterThan(0);
	});

	it('a long latency lets a client time out, and close() still ends at once', async () => {
		const sb = await sandbox();
		await inject(sb, {latency_ms: 60_000, count: 2});
		await expect(
			fetch(`${sb.apiBase}`, {headers: {Authorization: `api-key ${KEYS.user}`}, signal: AbortSignal.timeout(100)}),
		).rejects.toThrow();
		const pending = fetch(`${sb.apiBase}/default`, {headers: {Authorization: `api-key ${KEYS.user}`}}).catch((e: Error) => e);
		await new Promise((r) => setTimeout(r, 50));
		await sb.close();
		expect(await pending).toBeInstanceOf(Error);
	});

	it('drop: the connection closes without an answer; before the handler nothing changes', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {drop: true, methods: ['POST']});
		await expect(call(sb, 'POST', API, {body: body('amazon_s3', 'dropped-bucket')})).rejects.toThrow();
		expect(await count(sb)).toBe(0);
	});

	it('drop after: the create happens, its answer is lost', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {drop: true, methods: ['POST'], after: true});
		await expect(call(sb, 'POST', API, {body: body('amazon_s3', 'applied-bucket')})).rejects.toThrow();
		const rows = (await call(sb, 'GET', API)).json.destinations;
		expect(rows.map((d: {name: string}) => d.name)).toEqual(['applied-bucket']);
	});

	it('truncate: full Content-Length, half the body, then the connection closes', async () => {
		const sb = await sandbox();
		await inject(sb, {truncate: true, count: 2});
		const res = await fetch(sb.apiBase, {headers: {Authorization: `api-key ${KEYS.user}`}});
		expect(res.status).toBe(200);
		expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
		await expect(res.text()).rejects.toThrow();
		// Read at the socket level: exactly half the announced bytes arrive.
		const raw = await new Promise<{length: number; declared: number}>((resolve, reject) => {
			import('node:http').then(({get}) => {
				const req = get(sb.apiBase, {headers: {Authorization: `api-key ${KEYS.user}`}, agent: false}, (r) => {
					let length = 0;
					r.on('data', (c: Buffer) => (length += c.length));
					r.on('error', () => resolve({length, declared: Number(r.headers['content-length'])}));
					r.on('aborted', () => resolve({length, declared: Number(r.headers['content-length'])}));
					r.on('end', () => reject(new Error('the body ended normally')));
				});
				req.on('error', reject);
			}, reject);
		});
		expect(raw.length).toBe(Math.floor(raw.declared / 2));
	});

	it('truncate before the handler leaves the state unchanged', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {truncate: true, methods: ['POST']});
		const res = await fetch(sb.apiBase, {
			method: 'POST',
			headers: {Authorization: `api-key ${KEYS.user}`, 'Content-Type': 'application/json'},
			body: JSON.stringify(body('amazon_s3', 'half-bucket')),
		});
		await expect(res.text()).rejects.toThrow();
		expect(await count(sb)).toBe(0);
	});

	it('omit_fields: 200, but id, name and pl:ref are missing from destination objects (list and get)', async () => {
		const sb = await sandbox();
		const first = (await call(sb, 'GET', API)).json.destinations[0];
		await inject(sb, {omit_fields: true, count: 2});
		const listed = await call(sb, 'GET', API);
		expect(listed.status).toBe(200);
		for (const d of listed.json.destinations) {
			expect(d).not.toHaveProperty('id');
			expect(d).not.toHaveProperty('name');
			expect(d).not.toHaveProperty('pl:ref');
			expect(d).toHaveProperty('type');
		}
		const got = await call(sb, 'GET', `${API}/${first.id}`);
		expect(got.status).toBe(200);
		expect(got.json).not.toHaveProperty('id');
		expect(got.json.created).toBe(first.created);
	});

	it('omit_fields before a create changes nothing; after a create the row exists', async () => {
		const sb = await sandbox({seed: 'empty'});
		await inject(sb, {omit_fields: true, methods: ['POST']});
		const before = await call(sb, 'POST', API, {body: body('amazon_s3', 'phantom-bucket')});
		expect(before.status).toBe(200);
		expect(before.json).not.toHaveProperty('id');
		expect(before.json.type).toBe('amazon_s3');
		expect(await count(sb)).toBe(0);
		await inject(sb, {omit_fields: ['pl:ref'], methods: ['POST'], after: true});
		const after = await call(sb, 'POST', API, {body: body('amazon_s3', 'real-bucket')});
		expect(after.json).not.toHaveProperty('pl:ref');
		expect(after.json.id).toMatch(/^real-bucket-/);
		expect(await count(sb)).toBe(1);
	});

	it('matches methods and a path prefix only', async () => {
		const sb = await sandbox();
		await inject(sb, {status: 500, methods: ['get'], path: '/destinations/v1/default'});
		expect((await call(sb, 'GET', API)).status).toBe(200);
		expect((await call(sb, 'DELETE', `${API}/default`, {as: 'admin'})).status).toBe(204);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(500);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
	});

	it('lists, clears with DELETE, and is cleared by reset', async () => {
		const sb = await sandbox();
		await inject(sb, {status: 503, count: 5});
		const listed = await call(sb, 'GET', '/_sandbox/faults', {as: null});
		expect(listed.json.faults).toEqual([expect.objectContaining({status: 503, remaining: 5})]);
		expect((await call(sb, 'DELETE', '/_sandbox/faults', {as: null})).status).toBe(204);
		expect((await call(sb, 'GET', API)).status).toBe(200);
		await inject(sb, {status: 503, count: 5});
		expect((await call(sb, 'POST', '/_sandbox/reset', {as: null})).status).toBe(200);
		expect((await call(sb, 'GET', API)).status).toBe(200);
	});

	it('never faults the hooks themselves', async () => {
		const sb = await sandbox();
		await inject(sb, {drop: true, count: 3});
		expect((await call(sb, 'GET', '/_sandbox/requests', {as: null})).status).toBe(200);
		expect((await call(sb, 'GET', '/_sandbox/faults', {as: null})).json.faults[0].remaining).toBe(3);
	});

	it.each([
		['no effect', {count: 1}],
		['two exclusive effects', {status: 500, drop: true}],
		['a non-error status', {status: 200}],
		['a bad count', {count: 0, status: 500}],
		['a bad path', {path: 'destinations', status: 500}],
		['an unknown field', {status: 500, colour: 'red'}],
		['a non-boolean drop', {drop: 'yes'}],
	])('refuses a fault with %s (400)', async (_label, fault) => {
		const sb = await sandbox();
		const res = await call(sb, 'POST', '/_sandbox/faults', {body: fault, as: null});
		expect(res.status).toBe(400);
		expect((await call(sb, 'GET', '/_sandbox/faults', {as: null})).json.faults).toEqual([]);
	});

	it('logs faulted requests with their fault, and dropped ones with status null', async () => {
		const sb = await sandbox();
		await inject(sb, {status: 503});
		await call(sb, 'GET', API);
		await inject(sb, {drop: true});
		await call(sb, 'GET', API).catch(() => undefined);
		const log = (await call(sb, 'GET', '/_sandbox/requests', {as: null})).json.requests;
		expect(log.map((r: {status: number | null; fault?: string}) => [r.status, r.fault])).toEqual([
			[503, 'status 503'],
			[null, 'drop'],
		]);
		const raw = await rawRequest(sb, {method: 'GET', path: '/_sandbox/requests'});
		expect(raw.status).toBe(200);
	});
});
