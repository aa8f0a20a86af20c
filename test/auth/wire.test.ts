// The exact requests destui sends to a sign-in server (spec §4, §5; PA token_api_client.py):
// captured by a small local server, since the sandbox accepts several spellings of each.
import {describe, expect, it} from 'vitest';
import {OAuthError} from '../../src/auth/oauth-http.js';
import {clientCredentialsGrant, deviceAuthorization, deviceTokenPoll, refreshGrant} from '../../src/auth/oidc.js';
import type {OidcClient} from '../../src/auth/profiles.js';
import {json, localServer, type Captured} from '../client/helpers.js';

const TOKEN = {access_token: 'fake-access', token_type: 'Bearer', expires_in: 3600, refresh_token: 'fake-refresh-2'};

async function server(answer: (req: Captured) => {status: number; body: unknown} = () => ({status: 200, body: TOKEN})) {
	const s = await localServer((req, res) => {
		const a = answer(req);
		json(res, a.status, a.body);
	});
	const client = (extra: Partial<OidcClient> = {}): OidcClient => ({
		clientType: 'oidc_device_code',
		clientId: 'test-client',
		authServer: `${s.origin}/`,
		tokenEndpoint: `${s.origin}/oauth/token`,
		deviceAuthorizationEndpoint: `${s.origin}/oauth/device/code`,
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
		...extra,
	});
	return {...s, client};
}

describe('what destui sends to the sign-in server', () => {
	it('refresh, public client: grant_type, refresh_token, client_id in the body; no scope, no audience', async () => {
		const s = await server();
		await refreshGrant(s.client(), 'fake-refresh-1');
		const [req] = s.received;
		expect(req!.method).toBe('POST');
		expect(req!.url).toBe('/oauth/token');
		expect(req!.body).toBe('grant_type=refresh_token&refresh_token=fake-refresh-1&client_id=test-client');
		expect(req!.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(req!.headers.accept).toBe('application/json');
		expect(req!.headers.authorization).toBeUndefined();
		// planet-auth names itself here (planet-auth-library-2.3.0); destui names itself, as on every request.
		expect(req!.headers['x-planet-app']).toBe('destui');
	});

	it('refresh, *_secret client: HTTP Basic client_id:client_secret, no client_id in the body', async () => {
		const s = await server();
		await refreshGrant(s.client({clientType: 'oidc_device_code_secret', clientSecret: 'fake-client-secret'}), 'fake-refresh-1');
		expect(s.received[0]!.body).toBe('grant_type=refresh_token&refresh_token=fake-refresh-1');
		expect(s.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from('test-client:fake-client-secret').toString('base64')}`);
	});

	it('client credentials: the secret in the body with the audience; no scope when none is configured', async () => {
		const s = await server(() => ({status: 200, body: {access_token: 'a', expires_in: 300, token_type: 'Bearer'}}));
		await clientCredentialsGrant(
			s.client({clientType: 'oidc_client_credentials_secret', clientId: 'm2m', clientSecret: 'fake-m2m-secret', scopes: []}),
		);
		expect(s.received[0]!.body).toBe(
			'grant_type=client_credentials&audience=https%3A%2F%2Fapi.planet.com%2F&client_id=m2m&client_secret=fake-m2m-secret',
		);
		expect(s.received[0]!.headers.authorization).toBeUndefined();
	});

	it('device authorization: scope and audience space-joined, then client_id; the poll sends the device-code grant', async () => {
		const s = await server((req) =>
			req.url === '/oauth/device/code'
				? {
						status: 200,
						body: {device_code: 'fake-device-code', user_code: 'BCDF-GHJK', verification_uri: 'http://x/activate', expires_in: 900},
					}
				: {status: 400, body: {error: 'authorization_pending', error_description: 'not yet'}},
		);
		const code = await deviceAuthorization(s.client());
		expect(code).toEqual({
			deviceCode: 'fake-device-code',
			userCode: 'BCDF-GHJK',
			verificationUri: 'http://x/activate',
			verificationUriComplete: undefined,
			expiresIn: 900,
			interval: 5,
		});
		expect(s.received[0]!.body).toBe('scope=planet+offline_access&audience=https%3A%2F%2Fapi.planet.com%2F&client_id=test-client');
		const pending = await deviceTokenPoll(s.client(), code.deviceCode).catch((e: unknown) => e);
		expect(pending).toBeInstanceOf(OAuthError);
		expect(pending).toMatchObject({kind: 'refused', code: 'authorization_pending'});
		expect(s.received[1]!.body).toBe(
			'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=fake-device-code&client_id=test-client',
		);
	});
});

describe('answers read as planet-auth reads them', () => {
	const failure = async (answer: (req: Captured) => {status: number; body: unknown}, secret = 'fake-refresh-1') => {
		const s = await server(answer);
		return (await refreshGrant(s.client(), secret).catch((e: unknown) => e)) as OAuthError;
	};

	it('an error in the JSON is a refusal whatever the status, its words kept, secrets scrubbed', async () => {
		const e = await failure(() => ({
			status: 200,
			body: {error: 'invalid_grant', error_description: 'refresh token fake-refresh-1 is revoked'},
		}));
		expect(e).toMatchObject({kind: 'refused', code: 'invalid_grant'});
		expect(e.message).toMatch(/^127\.0\.0\.1:\d+\/oauth\/token answered invalid_grant: refresh token <REDACTED> is revoked$/);
	});

	it('no expires_in, a non-JSON answer, an empty one, a plain 500: each a failure with a plain reason', async () => {
		expect((await failure(() => ({status: 200, body: {access_token: 'a'}}))).message).toMatch(/answered without expires_in$/);
		expect((await failure(() => ({status: 500, body: {}}))).message).toMatch(/answered HTTP 500$/);
		const s = await localServer((_req, res) => {
			res.writeHead(200, {'content-type': 'text/html'});
			res.end('<html>portal</html>');
		});
		const html = await refreshGrant(
			{clientType: 'oidc_device_code', clientId: 'c', authServer: s.origin, tokenEndpoint: `${s.origin}/t`, audiences: [], scopes: []},
			'r',
		).catch((e: unknown) => e as OAuthError);
		expect(html).toMatchObject({kind: 'malformed'});
		expect((html as OAuthError).message).toMatch(/did not answer with JSON$/);
	});
});
