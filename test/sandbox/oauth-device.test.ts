// The device-code sign-in (RFC 8628) on the sandbox's auth server: the authorization request,
// every answer a poll can get, the hook and the page that answer a sign-in.
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {call, sandbox} from './helpers.js';
import {apiWith, callerOwnerId, DEVICE_GRANT, expectOAuthError, jwtPayload, M2M, postForm, PUBLIC_CLIENT, token} from './oauth-helpers.js';

const PLANET_USER_CLIENT = '49lHVBYlXCdfIYqE1B9zeXt0iFHSXees';
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

async function startSignIn(sb: RunningSandbox, params: Record<string, string> = {}) {
	const res = await postForm(sb, '/oauth/device/code', {
		client_id: PUBLIC_CLIENT,
		scope: 'planet offline_access',
		audience: 'https://api.planet.com/',
		...params,
	});
	expect(res.status, res.text).toBe(200);
	return res.json as {
		device_code: string;
		user_code: string;
		verification_uri: string;
		verification_uri_complete: string;
		expires_in: number;
		interval: number;
	};
}

const poll = (sb: RunningSandbox, deviceCode: string, clientId = PUBLIC_CLIENT) =>
	token(sb, {grant_type: DEVICE_GRANT, device_code: deviceCode, client_id: clientId});

const answer = (sb: RunningSandbox, body: Record<string, unknown>) => call(sb, 'POST', '/_sandbox/oauth/device', {as: null, body});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('device authorization', () => {
	it('answers a device code, a human-friendly user code, where to enter it, expiry and interval', async () => {
		const sb = await sandbox();
		const res = await postForm(sb, '/oauth/device/code', {
			client_id: PUBLIC_CLIENT,
			scope: 'planet offline_access',
			audience: 'https://api.planet.com/',
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(Object.keys(res.json).sort()).toEqual([
			'device_code',
			'expires_in',
			'interval',
			'user_code',
			'verification_uri',
			'verification_uri_complete',
		]);
		expect(res.json.user_code).toMatch(USER_CODE);
		expect(res.json.device_code.length).toBeGreaterThanOrEqual(40);
		expect(res.json.verification_uri).toBe(`${sb.origin}/activate`);
		expect(res.json.verification_uri_complete).toBe(`${sb.origin}/activate?user_code=${res.json.user_code}`);
		expect(res.json).toMatchObject({expires_in: 900, interval: 5});
		expect((await startSignIn(sb)).user_code).not.toBe(res.json.user_code);
	});

	it.each([
		['an unknown client', {client_id: 'stranger'}, 401, 'invalid_client'],
		['no client', {client_id: ''}, 401, 'invalid_client'],
		['the client-credentials client', {client_id: M2M.id, client_secret: M2M.secret}, 400, 'unauthorized_client'],
		['another audience', {audience: 'https://example.com/'}, 400, 'invalid_request'],
	])('refuses %s', async (_label, params, status, error) => {
		const sb = await sandbox();
		expectOAuthError(await postForm(sb, '/oauth/device/code', {client_id: PUBLIC_CLIENT, ...params}), status, error);
	});

	it("accepts the built-in planet-user profile's client, so --auth-server can aim it here", async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const signIn = await startSignIn(sb, {client_id: PLANET_USER_CLIENT});
		await answer(sb, {user_code: signIn.user_code, user: 'user', action: 'approve'});
		const res = await poll(sb, signIn.device_code, PLANET_USER_CLIENT);
		expect(res.status).toBe(200);
		expect(jwtPayload(res.json.access_token).azp).toBe(PLANET_USER_CLIENT);
	});
});

describe('polling', () => {
	it('pending, slow_down when faster than the interval (which then grows), tokens once approved, then the code is spent', async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const signIn = await startSignIn(sb);
		expect(signIn.interval).toBe(1);
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'authorization_pending');
		const fast = await poll(sb, signIn.device_code);
		expectOAuthError(fast, 400, 'slow_down');
		expect(fast.json.error_description).toContain('6 seconds');

		const approved = await answer(sb, {user_code: signIn.user_code, user: 'other', action: 'approve'});
		expect(approved.status).toBe(200);
		expect(approved.json).toMatchObject({user_code: signIn.user_code, status: 'approved', user: 'other'});
		const res = await poll(sb, signIn.device_code);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.json).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'planet offline_access',
			refresh_token: expect.any(String),
		});
		expect(jwtPayload(res.json.access_token)).toMatchObject({sub: 'sandbox|other', aud: 'https://api.planet.com/', azp: PUBLIC_CLIENT});
		expect(await callerOwnerId(sb, res.json.access_token)).toBe(730003);
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'invalid_grant');
	});

	it('a poll that waits the interval is pending, not slow_down', async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const signIn = await startSignIn(sb);
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'authorization_pending');
		await sleep(1000);
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'authorization_pending');
	});

	it('access_denied once the user denies', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb);
		expect((await answer(sb, {user_code: signIn.user_code, action: 'deny'})).json.status).toBe('denied');
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'access_denied');
	});

	it('expired_token once the code has expired', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb);
		expect((await answer(sb, {user_code: signIn.user_code, action: 'expire'})).json.status).toBe('expired');
		expectOAuthError(await poll(sb, signIn.device_code), 400, 'expired_token');
		expect((await answer(sb, {user_code: signIn.user_code, action: 'approve'})).status).toBe(409);
	});

	it('invalid_grant for an unknown code, or a code polled by another client', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb);
		expectOAuthError(await poll(sb, 'no-such-device-code'), 400, 'invalid_grant');
		expectOAuthError(await poll(sb, signIn.device_code, PLANET_USER_CLIENT), 400, 'invalid_grant');
		expectOAuthError(await token(sb, {grant_type: DEVICE_GRANT, client_id: PUBLIC_CLIENT}), 400, 'invalid_request');
	});

	it('no refresh token without offline_access', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb, {scope: 'planet'});
		await answer(sb, {user_code: signIn.user_code, action: 'approve'});
		const res = await poll(sb, signIn.device_code);
		expect(res.status).toBe(200);
		expect(res.json.scope).toBe('planet');
		expect(res.json).not.toHaveProperty('refresh_token');
	});
});

describe('answering a sign-in', () => {
	it('the hook takes the code in any case and without the dash, lists sign-ins without device codes, and refuses a second answer', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb);
		const listed = await call(sb, 'GET', '/_sandbox/oauth/device', {as: null});
		expect(listed.json.sign_ins).toEqual([
			expect.objectContaining({
				user_code: signIn.user_code,
				client_id: PUBLIC_CLIENT,
				scope: 'planet offline_access',
				status: 'pending',
				user: null,
			}),
		]);
		expect(listed.text).not.toContain(signIn.device_code);
		const loose = signIn.user_code.replace('-', '').toLowerCase();
		expect((await answer(sb, {user_code: loose, user: 'admin', action: 'approve'})).status).toBe(200);
		const twice = await answer(sb, {user_code: signIn.user_code, action: 'deny'});
		expect(twice.status).toBe(409);
		expect(twice.json.message).toMatch(/already answered \(approved\)/);
	});

	it('the hook answers the only pending sign-in when no code is given, and says when that is ambiguous', async () => {
		const sb = await sandbox();
		expect((await answer(sb, {action: 'approve'})).status).toBe(404);
		const first = await startSignIn(sb);
		expect((await answer(sb, {action: 'approve'})).json.user_code).toBe(first.user_code);
		await startSignIn(sb);
		await startSignIn(sb);
		const ambiguous = await answer(sb, {action: 'approve'});
		expect(ambiguous.status).toBe(404);
		expect(ambiguous.json.message).toMatch(/give user_code/);
	});

	it.each([
		[{user_code: 'BBBB-BBBB', action: 'approve'}, 404],
		[{action: 'maybe'}, 400],
		[{action: 'approve', user: 'mallory'}, 400],
		[{action: 'approve', device_code: 'x'}, 400],
	])('the hook refuses %j', async (body, status) => {
		const sb = await sandbox();
		await startSignIn(sb);
		expect((await answer(sb, body)).status).toBe(status);
	});

	it('the verification page shows a form with the code, and approving there signs the chosen user in', async () => {
		const sb = await sandbox();
		const signIn = await startSignIn(sb);
		const page = await fetch(signIn.verification_uri_complete);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const html = await page.text();
		expect(html).toContain(`value="${signIn.user_code}"`);
		expect(html).toContain('<option value="other">');
		const escaped = await (await fetch(`${sb.origin}/activate?user_code=%22%3E%3Cscript%3E`)).text();
		expect(escaped).not.toContain('"><script>');

		const done = await postForm(sb, '/activate', {user_code: signIn.user_code, user: 'other', action: 'approve'});
		expect(done.status).toBe(200);
		expect(done.text).toContain('Signed in as other');
		const res = await poll(sb, signIn.device_code);
		expect(jwtPayload(res.json.access_token).sub).toBe('sandbox|other');
		expect((await apiWith(sb, res.json.access_token)).status).toBe(200);

		const again = await postForm(sb, '/activate', {user_code: signIn.user_code, user: 'user', action: 'deny'});
		expect(again.status).toBe(409);
		expect(again.text).toContain('already answered');
		expect((await postForm(sb, '/activate', {user_code: 'ZZZZ-ZZZZ', user: 'user', action: 'approve'})).status).toBe(404);
		expect((await postForm(sb, '/activate', {user_code: signIn.user_code, user: 'nobody', action: 'approve'})).status).toBe(400);
	});
});
