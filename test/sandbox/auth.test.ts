// The three Authorization forms Planet accepts (spec §9.1), and 401 for anything else.
import {describe, expect, it} from 'vitest';
import {SANDBOX_ADMIN_KEY, SANDBOX_OTHER_KEY, SANDBOX_USER_KEY} from '../../src/sandbox/users.js';
import {API, call, sandbox} from './helpers.js';

const basic = (user: string, password = '') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('authentication', () => {
	it('exports the fixture keys', () => {
		expect([SANDBOX_ADMIN_KEY, SANDBOX_USER_KEY, SANDBOX_OTHER_KEY]).toEqual([
			'PLAK-sandbox-admin',
			'PLAK-sandbox-user',
			'PLAK-sandbox-other',
		]);
	});

	it.each([
		['api-key', `api-key ${SANDBOX_USER_KEY}`],
		['api-key, any case', `API-Key ${SANDBOX_USER_KEY}`],
		['Basic with the key as user name', basic(SANDBOX_USER_KEY)],
		['Basic with a password, which is ignored', basic(SANDBOX_USER_KEY, 'ignored')],
		['Bearer', `Bearer ${SANDBOX_USER_KEY}`],
	])('accepts %s', async (_label, authorization) => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', API, {as: null, headers: {Authorization: authorization}});
		expect(res.status).toBe(200);
		// The caller is the demo user: some rows are theirs.
		expect(res.json.destinations.some((d: {ownership: {is_owner: boolean}}) => d.ownership.is_owner)).toBe(true);
	});

	it.each([
		['no header', undefined],
		['an unknown key', 'api-key PLAK-not-a-sandbox-key'],
		['Basic with an unknown user', basic('PLAK-nobody')],
		['an unknown scheme', `Token ${SANDBOX_USER_KEY}`],
		['a scheme without a key', 'api-key'],
	])('answers 401 for %s', async (_label, authorization) => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', API, {as: null, headers: authorization ? {Authorization: authorization} : {}});
		expect(res.status).toBe(401);
		expect(res.json.code).toBe(401);
		expect(typeof res.json.message).toBe('string');
	});

	it('guards every endpoint, and changes nothing for an unknown caller', async () => {
		const sb = await sandbox();
		const before = (await call(sb, 'GET', API)).json.destinations.length;
		for (const [method, path] of [
			['POST', API],
			['GET', `${API}/default`],
			['DELETE', `${API}/default`],
			['GET', '/compute/ops/orders/v2'],
			['GET', '/subscriptions/v1'],
		] as const) {
			const res = await call(sb, method, path, {as: null, body: method === 'POST' ? {} : undefined});
			expect(res.status, `${method} ${path}`).toBe(401);
		}
		expect((await call(sb, 'GET', API)).json.destinations.length).toBe(before);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(200);
	});

	it('never echoes the key in an error', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', API, {as: null, headers: {Authorization: 'api-key PLAK-leaky-key-value'}});
		expect(res.text).not.toContain('PLAK-leaky-key-value');
	});
});
