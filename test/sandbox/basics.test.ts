import {describe, expect, it} from 'vitest';
import {API, body, call, sandbox} from './helpers.js';

describe('sandbox basics', () => {
	it('lists the demo seed and creates, gets and patches a destination', async () => {
		const sb = await sandbox();
		expect(sb.apiBase).toBe(`${sb.origin}/destinations/v1`);
		expect(sb.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const list = await call(sb, 'GET', API);
		expect(list.status).toBe(200);
		expect(list.json.destinations.length).toBeGreaterThan(5);
		const created = await call(sb, 'POST', API, {body: body('amazon_s3', 'smoke-bucket', 'Smoke test')});
		expect(created.status).toBe(201);
		const got = await call(sb, 'GET', `${API}/${created.json.id}`);
		expect(got.json.name).toBe('Smoke test');
		const patched = await call(sb, 'PATCH', `${API}/${created.json.id}`, {body: {archive: true}});
		expect(patched.status).toBe(200);
		expect(patched.json.archived).not.toBeNull();
	});

	it('starts empty with the empty seed', async () => {
		const sb = await sandbox({seed: 'empty'});
		const list = await call(sb, 'GET', `${API}/`);
		expect(list.json.destinations).toEqual([]);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
	});
});
