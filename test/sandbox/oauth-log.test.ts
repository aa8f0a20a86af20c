// The auth server in the request log (grant type, never a secret), its faults (for testing how
// clients survive odd token answers), and its place outside the API's rate limit.
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {API, call, sandbox} from './helpers.js';
import {apiWith, DEVICE_GRANT, expectOAuthError, hookTokens, M2M, postForm, PUBLIC_CLIENT, token} from './oauth-helpers.js';

const requests = async (sb: RunningSandbox) => (await call(sb, 'GET', '/_sandbox/requests', {as: null})).json.requests;
const inject = async (sb: RunningSandbox, fault: Record<string, unknown>) =>
	expect((await call(sb, 'POST', '/_sandbox/faults', {as: null, body: fault})).status).toBe(201);
const refresh = (sb: RunningSandbox, refreshToken: string) =>
	token(sb, {grant_type: 'refresh_token', refresh_token: refreshToken, client_id: PUBLIC_CLIENT});

describe('request log', () => {
	it('records token requests with grant type, client and user, and never a token, code or secret', async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const secrets: string[] = [M2M.secret];
		const fixture = await hookTokens(sb, {user: 'admin'});
		secrets.push(fixture.access_token, fixture.refresh_token);
		const refreshed = await refresh(sb, fixture.refresh_token);
		secrets.push(refreshed.json.access_token, refreshed.json.refresh_token);
		const m2m = await token(sb, {grant_type: 'client_credentials', client_id: M2M.id, client_secret: M2M.secret});
		secrets.push(m2m.json.access_token);
		await token(sb, {grant_type: 'client_credentials', client_id: M2M.id, client_secret: 'wrong-secret-value'});
		secrets.push('wrong-secret-value');
		const signIn = (await postForm(sb, '/oauth/device/code', {client_id: PUBLIC_CLIENT, scope: 'planet offline_access'})).json;
		secrets.push(signIn.device_code, signIn.user_code, signIn.user_code.replace('-', ''));
		await token(sb, {grant_type: DEVICE_GRANT, device_code: signIn.device_code, client_id: PUBLIC_CLIENT});
		await fetch(signIn.verification_uri_complete);
		await token(sb, {grant_type: 'magic-secret-grant', client_id: PUBLIC_CLIENT});
		await apiWith(sb, refreshed.json.access_token);

		const log = await requests(sb);
		const text = JSON.stringify(log);
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(text).not.toContain('magic-secret-grant');
		expect(
			log.map((r: {method: string; path: string; status: number; user: string | null; grant_type?: string; client_id?: string}) => [
				r.method,
				r.path,
				r.status,
				r.user,
				r.grant_type,
				r.client_id,
			]),
		).toEqual([
			['POST', '/oauth/token', 200, 'admin', 'refresh_token', PUBLIC_CLIENT],
			['POST', '/oauth/token', 200, 'user', 'client_credentials', M2M.id],
			['POST', '/oauth/token', 401, null, 'client_credentials', null],
			['POST', '/oauth/device/code', 200, null, undefined, PUBLIC_CLIENT],
			['POST', '/oauth/token', 400, null, DEVICE_GRANT, PUBLIC_CLIENT],
			['GET', '/activate', 200, null, undefined, undefined],
			['POST', '/oauth/token', 400, null, 'unsupported', null],
			['GET', API, 200, 'admin', undefined, undefined],
		]);
		expect(log[5].query).toEqual({user_code: '<REDACTED>'});
	});
});

describe('faults on the auth server', () => {
	it('omit_fields expires_in: the token is issued and works, its answer lacks the field', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb);
		await inject(sb, {path: '/oauth/token', omit_fields: ['expires_in']});
		const res = await refresh(sb, refresh_token);
		expect(res.status).toBe(200);
		expect(res.json).not.toHaveProperty('expires_in');
		expect((await apiWith(sb, res.json.access_token)).status).toBe(200);
		expect((await refresh(sb, res.json.refresh_token)).json.expires_in).toBe(3600);
		expect((await requests(sb)).map((r: {fault?: string}) => r.fault)).toEqual(['omit_fields', undefined, undefined]);
	});

	it('omit_fields refresh_token: a server that does not rotate, so the old refresh token still works', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb);
		await inject(sb, {path: '/oauth/token', omit_fields: ['refresh_token']});
		const res = await refresh(sb, refresh_token);
		expect(res.status).toBe(200);
		expect(res.json).not.toHaveProperty('refresh_token');
		expect((await refresh(sb, refresh_token)).status).toBe(200);
	});

	it('not_json: a 200 HTML page instead of the answer, and nothing is used up', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb);
		await inject(sb, {path: '/oauth/token', not_json: true});
		const res = await refresh(sb, refresh_token);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.json).toBeUndefined();
		expect((await refresh(sb, refresh_token)).status).toBe(200);
	});

	it('a status after the handler: the refresh token rotated, the answer was lost', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb);
		await inject(sb, {path: '/oauth/token', status: 503, after: true});
		expect((await refresh(sb, refresh_token)).status).toBe(503);
		expectOAuthError(await refresh(sb, refresh_token), 400, 'invalid_grant');
	});

	it('a fault without a path is for the API: token requests pass it by', async () => {
		const sb = await sandbox();
		await inject(sb, {status: 500});
		const {refresh_token} = await hookTokens(sb);
		const res = await refresh(sb, refresh_token);
		expect(res.status).toBe(200);
		expect((await apiWith(sb, res.json.access_token)).status).toBe(500);
	});
});

describe('rate limit', () => {
	it('does not count auth-server requests (another host at Planet), but counts token-authenticated API requests', async () => {
		const sb = await sandbox({rateLimit: true});
		let {refresh_token} = await hookTokens(sb);
		let access = '';
		for (let i = 0; i < 6; i++) {
			const res = await refresh(sb, refresh_token);
			expect(res.status).toBe(200);
			({refresh_token, access_token: access} = res.json);
		}
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await apiWith(sb, access)).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
	});
});
