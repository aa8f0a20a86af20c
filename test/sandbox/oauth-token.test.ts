// The sandbox as an OAuth server (discovery, client credentials, rotating refresh tokens) and the
// API accepting the access tokens it issued, over real HTTP as planet-auth sends its requests.
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/server.js';
import {API, call, sandbox} from './helpers.js';
import {apiWith, basicAuth, callerOwnerId, expectOAuthError, hookTokens, jwtPayload, M2M, PUBLIC_CLIENT, token} from './oauth-helpers.js';

const OWNER_ID = {admin: 730001, user: 730002, other: 730003};
const AUDIENCE = 'https://api.planet.com/';
const clientCredentials = {grant_type: 'client_credentials', audience: AUDIENCE, client_id: M2M.id, client_secret: M2M.secret};

describe('discovery', () => {
	it('names the sandbox as issuer and its token and device endpoints, which work as named', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', '/.well-known/openid-configuration', {as: null});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.json).toMatchObject({
			issuer: sb.origin,
			token_endpoint: `${sb.origin}/oauth/token`,
			device_authorization_endpoint: `${sb.origin}/oauth/device/code`,
			grant_types_supported: ['refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
			scopes_supported: ['planet', 'offline_access'],
		});
		const viaDiscovery = await fetch(res.json.token_endpoint, {method: 'POST', body: new URLSearchParams(clientCredentials)});
		expect(viaDiscovery.status).toBe(200);
	});

	it('answers 405 to anything but GET, and needs no key', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'POST', '/.well-known/openid-configuration', {as: null});
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET');
	});
});

describe('client credentials', () => {
	it('issues a JWT for the user the client acts as, without a refresh token, never cached', async () => {
		const sb = await sandbox();
		const res = await token(sb, clientCredentials);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(Object.keys(res.json).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
		expect(res.json).toMatchObject({token_type: 'Bearer', expires_in: 3600, scope: 'planet'});
		const claims = jwtPayload(res.json.access_token);
		expect(claims).toMatchObject({iss: sb.origin, aud: AUDIENCE, sub: 'sandbox|user', azp: M2M.id});
		expect(claims.exp).toBe((claims.iat as number) + 3600);
		expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(5);
		expect(await callerOwnerId(sb, res.json.access_token)).toBe(OWNER_ID.user);
	});

	it('takes the id and secret from HTTP Basic too, and audience is optional', async () => {
		const sb = await sandbox();
		const res = await token(sb, {grant_type: 'client_credentials'}, {Authorization: basicAuth(M2M.id, M2M.secret)});
		expect(res.status).toBe(200);
		expect((await apiWith(sb, res.json.access_token)).status).toBe(200);
	});

	it.each([
		['a wrong secret', {...clientCredentials, client_secret: 'not-the-secret'}, undefined, 401, 'invalid_client'],
		['no secret', {grant_type: 'client_credentials', client_id: M2M.id}, undefined, 401, 'invalid_client'],
		['a wrong Basic secret', {grant_type: 'client_credentials'}, basicAuth(M2M.id, 'nope'), 401, 'invalid_client'],
		['an unknown client', {...clientCredentials, client_id: 'who-is-this'}, undefined, 401, 'invalid_client'],
		['no client at all', {grant_type: 'client_credentials'}, undefined, 401, 'invalid_client'],
		['Basic and a body secret at once', clientCredentials, basicAuth(M2M.id, M2M.secret), 400, 'invalid_request'],
		['another audience', {...clientCredentials, audience: 'https://example.com/'}, undefined, 400, 'invalid_request'],
		['a public client', {grant_type: 'client_credentials', client_id: PUBLIC_CLIENT}, undefined, 400, 'unauthorized_client'],
	])('refuses %s', async (_label, params, authorization, status, error) => {
		const sb = await sandbox();
		const res = await token(sb, params, authorization ? {Authorization: authorization} : {});
		expectOAuthError(res, status, error);
		expect(res.text).not.toContain(M2M.secret);
	});
});

describe('the token endpoint refuses malformed requests', () => {
	it.each([
		['an unsupported grant', {grant_type: 'password', username: 'u', password: 'p', client_id: PUBLIC_CLIENT}, 'unsupported_grant_type'],
		['no grant_type', {client_id: PUBLIC_CLIENT}, 'invalid_request'],
		[
			'a repeated parameter',
			[
				['grant_type', 'client_credentials'],
				['grant_type', 'client_credentials'],
				['client_id', M2M.id],
				['client_secret', M2M.secret],
			],
			'invalid_request',
		],
		['a refresh without refresh_token', {grant_type: 'refresh_token', client_id: PUBLIC_CLIENT}, 'invalid_request'],
	] as const)('%s', async (_label, params, error) => {
		const sb = await sandbox();
		expectOAuthError(await token(sb, params as Record<string, string>), 400, error);
	});

	it('a JSON body (the form is required)', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'POST', '/oauth/token', {as: null, body: clientCredentials});
		expectOAuthError(res, 400, 'invalid_request');
	});

	it('GET', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', '/oauth/token', {as: null});
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('POST');
		expect(res.json.error).toBe('invalid_request');
	});
});

describe('refresh tokens', () => {
	it('rotate: the answer carries a new one, and the old one is refused from then on', async () => {
		const sb = await sandbox();
		const first = await hookTokens(sb, {user: 'other'});
		const res = await token(sb, {grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: PUBLIC_CLIENT});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({token_type: 'Bearer', expires_in: 3600, scope: 'planet offline_access'});
		expect(res.json.refresh_token).toEqual(expect.any(String));
		expect(res.json.refresh_token).not.toBe(first.refresh_token);
		expect(res.json.access_token).not.toBe(first.access_token);
		expect(jwtPayload(res.json.access_token).sub).toBe('sandbox|other');
		expect(await callerOwnerId(sb, res.json.access_token)).toBe(OWNER_ID.other);

		const again = await token(sb, {grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: PUBLIC_CLIENT});
		expectOAuthError(again, 400, 'invalid_grant');
		const next = await token(sb, {grant_type: 'refresh_token', refresh_token: res.json.refresh_token, client_id: PUBLIC_CLIENT});
		expect(next.status).toBe(200);
	});

	it('belong to the client they were issued to', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb);
		const res = await token(sb, {grant_type: 'refresh_token', refresh_token, client_id: '49lHVBYlXCdfIYqE1B9zeXt0iFHSXees'});
		expectOAuthError(res, 400, 'invalid_grant');
		// Refused without being used up.
		expect((await token(sb, {grant_type: 'refresh_token', refresh_token, client_id: PUBLIC_CLIENT})).status).toBe(200);
	});

	it('of a confidential client need its secret, in Basic or the body', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb, {client_id: M2M.id});
		expectOAuthError(await token(sb, {grant_type: 'refresh_token', refresh_token, client_id: M2M.id}), 401, 'invalid_client');
		const res = await token(sb, {grant_type: 'refresh_token', refresh_token}, {Authorization: basicAuth(M2M.id, M2M.secret)});
		expect(res.status).toBe(200);
		expect(jwtPayload(res.json.access_token).azp).toBe(M2M.id);
	});

	it('may narrow the scope of one access token, never widen it', async () => {
		const sb = await sandbox();
		const {refresh_token} = await hookTokens(sb, {scope: 'planet offline_access'});
		const narrow = await token(sb, {grant_type: 'refresh_token', refresh_token, client_id: PUBLIC_CLIENT, scope: 'planet'});
		expect(narrow.json.scope).toBe('planet');
		const back = await token(sb, {grant_type: 'refresh_token', refresh_token: narrow.json.refresh_token, client_id: PUBLIC_CLIENT});
		expect(back.json.scope).toBe('planet offline_access');

		const {refresh_token: narrowOnly} = await hookTokens(sb, {scope: 'planet'});
		expectOAuthError(
			await token(sb, {grant_type: 'refresh_token', refresh_token: narrowOnly, client_id: PUBLIC_CLIENT, scope: 'planet offline_access'}),
			400,
			'invalid_scope',
		);
	});

	it('that the sandbox never issued are refused', async () => {
		const sb = await sandbox();
		expectOAuthError(
			await token(sb, {grant_type: 'refresh_token', refresh_token: 'made-up', client_id: PUBLIC_CLIENT}),
			400,
			'invalid_grant',
		);
	});
});

describe('access tokens on the API', () => {
	it('work on destinations, orders and subscriptions while valid', async () => {
		const sb = await sandbox();
		const {access_token} = await hookTokens(sb, {user: 'admin'});
		for (const path of [API, `${API}/default`, '/compute/ops/orders/v2', '/subscriptions/v1']) {
			expect((await apiWith(sb, access_token, path)).status, path).toBe(200);
		}
		expect(await callerOwnerId(sb, access_token)).toBe(OWNER_ID.admin);
		const created = await call(sb, 'POST', API, {
			as: null,
			headers: {Authorization: `Bearer ${access_token}`},
			body: {
				type: 'amazon_s3',
				name: 'Made with a token',
				parameters: {
					bucket: 'token-bucket',
					aws_region: 'us-west-2',
					aws_access_key_id: 'TOKENKEY01',
					aws_secret_access_key: 'token-secret',
				},
			},
		});
		expect(created.status).toBe(201);
		expect(created.json.ownership.owner_id).toBe(OWNER_ID.admin);
	});

	it('answer 401 once expired, saying so, with an RFC 6750 challenge', async () => {
		const sb = await sandbox();
		const expired = await hookTokens(sb, {expires_in: 60, issued_seconds_ago: 61});
		const claims = jwtPayload(expired.access_token);
		expect(claims.exp).toBeLessThanOrEqual(Date.now() / 1000);
		const res = await apiWith(sb, expired.access_token);
		expect(res.status).toBe(401);
		expect(res.json).toEqual({code: 401, message: 'Unauthorized: the access token has expired'});
		expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
		// Its refresh token still works: that is what it is for.
		const refreshed = await token(sb, {grant_type: 'refresh_token', refresh_token: expired.refresh_token, client_id: PUBLIC_CLIENT});
		expect((await apiWith(sb, refreshed.json.access_token)).status).toBe(200);
	});

	it('an aged token (issued_seconds_ago within its lifetime) still works', async () => {
		const sb = await sandbox();
		const aged = await hookTokens(sb, {expires_in: 100, issued_seconds_ago: 80});
		const claims = jwtPayload(aged.access_token);
		expect(claims.exp).toBe((claims.iat as number) + 100);
		expect((await apiWith(sb, aged.access_token)).status).toBe(200);
	});

	it('answer 401 for tokens the sandbox did not issue, and never echo them', async () => {
		const sb = await sandbox();
		const other = await startSandbox({rateLimit: false});
		let foreign: string;
		try {
			foreign = (await hookTokens(other)).access_token;
		} finally {
			await other.close();
		}
		for (const bad of [foreign, 'not-a-jwt', `${(await hookTokens(sb)).access_token}x`]) {
			const res = await apiWith(sb, bad);
			expect(res.status).toBe(401);
			expect(res.json.message).toBe('Unauthorized: the access token or API key is not valid');
			expect(res.text).not.toContain(bad);
		}
		// A token is only a token with the Bearer scheme.
		const {access_token} = await hookTokens(sb);
		expect((await call(sb, 'GET', API, {as: null, headers: {Authorization: `api-key ${access_token}`}})).status).toBe(401);
	});

	it('live as long as tokenLifetimeSeconds says', async () => {
		const sb = await sandbox({tokenLifetimeSeconds: 90});
		const res = await token(sb, clientCredentials);
		expect(res.json.expires_in).toBe(90);
		const claims = jwtPayload(res.json.access_token);
		expect((claims.exp as number) - (claims.iat as number)).toBe(90);
		expect((await hookTokens(sb)).expires_in).toBe(90);
		await expect(startSandbox({tokenLifetimeSeconds: 0})).rejects.toThrow(/tokenLifetimeSeconds/);
	});
});

describe('the tokens hook', () => {
	it('defaults to the demo user, the public client, the configured lifetime and a refresh token', async () => {
		const sb = await sandbox();
		const res = await hookTokens(sb);
		expect(Object.keys(res).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
		expect(res).toMatchObject({token_type: 'Bearer', expires_in: 3600, scope: 'planet offline_access'});
		expect(jwtPayload(res.access_token)).toMatchObject({sub: 'sandbox|user', azp: PUBLIC_CLIENT, iss: sb.origin});
	});

	it.each([
		[{user: 'mallory'}],
		[{expires_in: 0}],
		[{expires_in: 1.5}],
		[{issued_seconds_ago: -1}],
		[{client_id: 'stranger'}],
		[{scope: ['planet']}],
		[{lifetime: 60}],
	])('refuses %j', async (body) => {
		const sb = await sandbox();
		const res = await call(sb, 'POST', '/_sandbox/oauth/tokens', {as: null, body});
		expect(res.status).toBe(400);
		expect(res.json.message).toEqual(expect.any(String));
	});
});
