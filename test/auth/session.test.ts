// OAuth sessions against the sandbox's auth server over real HTTP, with a private HOME per test
// (issue 9 checks): a fresh token costs no token request, an aged one exactly one refresh with
// the file rewritten 0600, a file renewed by another process is used as it is, invalid_grant
// leaves the file alone and asks for a sign-in, a missing file, client credentials without a
// token file, a pre-2.3.0 file, and a 401 mid-session renewed and resent once.
import {readFileSync, statSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {ApiError} from '../../src/api/errors.js';
import {findCredentials} from '../../src/auth/find.js';
import {credentialsFor} from '../../src/auth/provider.js';
import type {OAuthSession} from '../../src/auth/session.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {clearLog, requests, sandbox, type Logged} from '../client/helpers.js';
import {privateHome, type Home} from './helpers.js';

const M2M = {id: 'sandbox-m2m-client', secret: 'sandbox-m2m-secret'};

async function hookTokens(sb: RunningSandbox, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
	const res = await fetch(`${sb.origin}/_sandbox/oauth/tokens`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(body),
	});
	expect(res.status).toBe(200);
	return (await res.json()) as Record<string, unknown>;
}

/** A custom device-code profile `dev` on the sandbox, named in ~/.planet.json as `planet auth login` leaves it. */
function deviceProfile(home: Home, sb: RunningSandbox, extra: Record<string, unknown> = {}): void {
	home.planetJson({PL_AUTH_PROFILE: 'dev'});
	home.profileFile('dev', {
		client_type: 'oidc_device_code',
		auth_server: `${sb.origin}/`,
		client_id: 'destui-sandbox',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
		...extra,
	});
}

const tokenFile = (home: Home, profile = 'dev') => home.file('.planet', profile, 'token.json');

/** A session from the real search, a client on it, and the sandbox's log of what it did. */
function connect(home: Home, sb: RunningSandbox, clock?: () => number) {
	const result = findCredentials({env: {}, home: home.path});
	if (result.kind !== 'found') throw new Error(result.message);
	const credentials = credentialsFor(result.found, {home: home.path, clock});
	const client = createClient({credentials: credentials.provider, baseUrl: sb.origin, requestsPerSecond: Infinity});
	return {client, session: credentials.session as OAuthSession, label: credentials.label};
}

const oauthRequests = (log: Logged[]) =>
	log
		.filter((r) => r.path.startsWith('/oauth/') || r.path.startsWith('/.well-known/'))
		.map((r) => `${r.method} ${r.path}${r.grant_type ? ` ${r.grant_type}` : ''} ${r.status}`);
const apiRequests = (log: Logged[]) =>
	log.filter((r) => r.path.startsWith('/destinations/')).map((r) => `${r.method} ${r.path} ${r.status}`);

const now = () => Math.floor(Date.now() / 1000);

describe('an OAuth session over real HTTP', () => {
	it('a fresh token: the list is fetched with it, and no token request is made', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb), 'token.json');
		const before = readFileSync(tokenFile(home), 'utf8');
		await clearLog(sb);
		const {client, label} = connect(home, sb);
		expect(label).toBe('profile dev');
		expect((await client.list()).length).toBeGreaterThan(0);
		const log = await requests(sb);
		expect(oauthRequests(log)).toEqual([]);
		expect(apiRequests(log)).toEqual(['GET /destinations/v1 200']);
		expect(log.at(-1)?.user).toBe('user');
		expect(readFileSync(tokenFile(home), 'utf8')).toBe(before);
	});

	it('an aged token (past 75%): exactly one refresh, the file rewritten 0600 in planet-auth format with the new refresh token', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		const old = await hookTokens(sb, {expires_in: 3600, issued_seconds_ago: 2800});
		home.profileFile('dev', old, 'token.json');
		await clearLog(sb);
		const {client, session} = connect(home, sb);
		await Promise.all([client.list(), client.list({archived: true})]);
		const log = await requests(sb);
		expect(oauthRequests(log)).toEqual(['GET /.well-known/openid-configuration 200', 'POST /oauth/token refresh_token 200']);
		expect(session.renewals).toBe(1);
		const text = readFileSync(tokenFile(home), 'utf8');
		const saved = JSON.parse(text) as Record<string, unknown>;
		expect(saved.refresh_token).not.toBe(old.refresh_token);
		expect(saved.access_token).not.toBe(old.access_token);
		expect(Object.keys(saved)).toEqual([...Object.keys(saved)].sort());
		expect(text).toMatch(/^\{\n {2}"_exp": \d+,\n {2}"_iat": \d+,\n {2}"access_token": /);
		expect(text.endsWith('}')).toBe(true);
		expect(saved._exp as number).toBeGreaterThan(now() + 3000);
		expect(statSync(tokenFile(home)).mode & 0o777).toBe(0o600);
		// The one used is spent (the sandbox rotates): only the saved one works from now on.
		await clearLog(sb);
		await client.list();
		expect(oauthRequests(await requests(sb))).toEqual([]);
	});

	it('hours later, the next request refreshes first: not only at start-up', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb, {expires_in: 7200}), 'token.json');
		let offset = 0;
		const {client} = connect(home, sb, () => now() + offset);
		await client.list();
		await clearLog(sb);
		offset = 5500;
		await client.list();
		expect(oauthRequests(await requests(sb))).toEqual(['GET /.well-known/openid-configuration 200', 'POST /oauth/token refresh_token 200']);
	});

	it('a file another process renewed meanwhile is read and used: no token request', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb, {expires_in: 3600}), 'token.json');
		let offset = 0;
		const {client} = connect(home, sb, () => now() + offset);
		await client.list();
		// The planet CLI refreshed: a token good for two hours is on disk. Ours is past 75% by the clock.
		const renewed = await hookTokens(sb, {expires_in: 7200});
		writeFileSync(tokenFile(home), JSON.stringify(renewed));
		offset = 3000;
		await clearLog(sb);
		await client.list();
		const log = await requests(sb);
		expect(oauthRequests(log)).toEqual([]);
		expect(apiRequests(log)).toEqual(['GET /destinations/v1 200']);
		expect(JSON.parse(readFileSync(tokenFile(home), 'utf8'))).toEqual(renewed);
	});

	it('invalid_grant: the file is left as it was, and requests wait for a sign-in saying why; giving up fails them', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile(
			'dev',
			{...(await hookTokens(sb, {expires_in: 60, issued_seconds_ago: 120})), refresh_token: 'revoked-refresh-token'},
			'token.json',
		);
		const before = readFileSync(tokenFile(home), 'utf8');
		await clearLog(sb);
		const {client, session} = connect(home, sb);
		const listed = client.list();
		await until(() => session.getNeed() !== undefined);
		expect(session.getNeed()).toMatchObject({kind: 'refused', canSignIn: true});
		expect(session.getNeed()?.sentence).toMatch(
			/^The session of profile dev has ended: the sign-in server refused to renew it \(127\.0\.0\.1:\d+\/oauth\/token answered invalid_grant/,
		);
		expect(session.getNeed()?.sentence).not.toContain('revoked-refresh-token');
		expect(readFileSync(tokenFile(home), 'utf8')).toBe(before);
		session.giveUp();
		const error = await listed.then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).kind).toBe('auth');
		expect((error as ApiError).message).toMatch(/^Not signed in: The session of profile dev has ended/);
		// Nothing reached the API without credentials.
		expect(apiRequests(await requests(sb))).toEqual([]);
	});

	it('no token file: a sign-in is asked for at once, and nothing is sent anywhere', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		await clearLog(sb);
		const {client, session} = connect(home, sb);
		const listed = client.list().catch((e: unknown) => e);
		await until(() => session.getNeed() !== undefined);
		expect(session.getNeed()).toEqual({
			kind: 'missing',
			sentence: 'You are not signed in: profile dev has no session yet (~/.planet/dev/token.json).',
			canSignIn: true,
		});
		session.giveUp();
		await listed;
		expect(await requests(sb)).toEqual([]);
	});

	it('the sign-in server unreachable with the token expired: a sign-in is asked for, saying so', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb, {token_endpoint: 'http://127.0.0.1:9/oauth/token'});
		home.profileFile('dev', await hookTokens(sb, {expires_in: 60, issued_seconds_ago: 120}), 'token.json');
		const {client, session} = connect(home, sb);
		const listed = client.list().catch((e: unknown) => e);
		await until(() => session.getNeed() !== undefined);
		expect(session.getNeed()).toMatchObject({
			kind: 'unreachable',
			sentence: 'The session of profile dev needs renewing, but could not reach 127.0.0.1:9/oauth/token (connection refused).',
		});
		session.giveUp();
		await listed;
	});

	it('client credentials with the sign-in server out of reach: the hint is about the network, not the secret', async () => {
		const sb = await sandbox();
		const home = privateHome();
		home.profileFile('robot', {
			client_type: 'oidc_client_credentials_secret',
			auth_server: `${sb.origin}/`,
			token_endpoint: 'http://127.0.0.1:9/oauth/token',
			client_id: M2M.id,
			client_secret: M2M.secret,
		});
		home.planetJson({PL_AUTH_PROFILE: 'robot'});
		const {client, session} = connect(home, sb);
		const listed = client.list().catch((e: unknown) => e);
		await until(() => session.getNeed() !== undefined);
		expect(session.getNeed()).toEqual({
			kind: 'unreachable',
			sentence: 'The client credentials of profile robot could not be used: could not reach 127.0.0.1:9/oauth/token (connection refused).',
			canSignIn: false,
			hint: 'check the network connection, then press r',
		});
		session.giveUp();
		await listed;
	});

	it('a refresh that fails while the token is still valid goes on with it (as planet-auth)', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb, {token_endpoint: 'http://127.0.0.1:9/oauth/token'});
		home.profileFile('dev', await hookTokens(sb, {expires_in: 3600, issued_seconds_ago: 3000}), 'token.json');
		await clearLog(sb);
		const {client, session} = connect(home, sb);
		await client.list();
		expect(session.getNeed()).toBeUndefined();
		expect(apiRequests(await requests(sb))).toEqual(['GET /destinations/v1 200']);
	});

	it('a 401 mid-session: one refresh, one resend of the change, made once', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb), 'token.json');
		const {client, session} = connect(home, sb);
		const [mine] = await client.list({is_owner: true});
		// The server stops taking the token (revoked, say) before the rename reaches it.
		await fetch(`${sb.origin}/_sandbox/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({path: '/destinations/v1/', methods: ['PATCH'], status: 401}),
		});
		await clearLog(sb);
		const renamed = await client.rename(mine!.id, `${mine!.name} 2`);
		expect(renamed.name).toBe(`${mine!.name} 2`);
		const log = await requests(sb);
		expect(apiRequests(log).map((l) => l.replace(mine!.id, 'ID'))).toEqual([
			'PATCH /destinations/v1/ID 401',
			'PATCH /destinations/v1/ID 200',
		]);
		expect(oauthRequests(log)).toEqual(['GET /.well-known/openid-configuration 200', 'POST /oauth/token refresh_token 200']);
		expect(session.renewals).toBe(1);
	});

	it('a token the server has expired though our clock says fresh: 401, renewed, resent', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb, {expires_in: 600, issued_seconds_ago: 700}), 'token.json');
		const {client} = connect(home, sb, () => now() - 3600);
		await clearLog(sb);
		await client.list();
		expect(apiRequests(await requests(sb))).toEqual(['GET /destinations/v1 401', 'GET /destinations/v1 200']);
	});

	it('an access token that cannot go in a header (a hand-edited file) asks for a sign-in naming the file', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		const fresh = await hookTokens(sb);
		home.profileFile('dev', {...fresh, access_token: `${fresh.access_token as string}\r\nX`}, 'token.json');
		const {client, session} = connect(home, sb);
		const listed = client.list().catch((e: unknown) => e);
		await until(() => session.getNeed() !== undefined);
		expect(session.getNeed()?.sentence).toMatch(
			/^The access token in ~\/\.planet\/dev\/token\.json has a line break inside \(at character \d+\), so it cannot be sent: it should be one line\.$/,
		);
		session.giveUp();
		await listed;
	});

	it('a 401 that stands after the one renewal is an auth error naming the profile', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		home.profileFile('dev', await hookTokens(sb), 'token.json');
		const {client} = connect(home, sb);
		await fetch(`${sb.origin}/_sandbox/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({path: '/destinations/v1', status: 401, count: 2}),
		});
		const error = await client.list().then(
			() => undefined,
			(e: unknown) => e as ApiError,
		);
		expect(error?.kind).toBe('auth');
		expect(error?.explanation).toBe('Planet refused the session of profile dev even after renewing it.');
	});

	it('client credentials with no token file: one client_credentials request, the token saved under planet-m2m-<id>', async () => {
		const sb = await sandbox();
		const home = privateHome();
		home.planetJson({PL_AUTH_PROFILE: 'planet-m2m-sandbox-m2m-client'});
		home.profileFile('planet-m2m-sandbox-m2m-client', {
			client_type: 'oidc_client_credentials_secret',
			auth_server: `${sb.origin}/`,
			client_id: M2M.id,
			client_secret: M2M.secret,
			audiences: ['https://api.planet.com/'],
			scopes: [],
		});
		await clearLog(sb);
		const {client, session} = connect(home, sb);
		await client.list();
		const log = await requests(sb);
		expect(oauthRequests(log)).toEqual(['GET /.well-known/openid-configuration 200', 'POST /oauth/token client_credentials 200']);
		expect(log.at(-1)?.user).toBe('user');
		const saved = JSON.parse(readFileSync(tokenFile(home, 'planet-m2m-sandbox-m2m-client'), 'utf8')) as Record<string, unknown>;
		expect(saved).toHaveProperty('access_token');
		expect(saved).not.toHaveProperty('refresh_token');
		expect(statSync(tokenFile(home, 'planet-m2m-sandbox-m2m-client')).mode & 0o777).toBe(0o600);
		expect(session.getNeed()).toBeUndefined();
		// The next run uses the token it cached: no token request at all.
		await clearLog(sb);
		await connect(home, sb).client.list();
		const again = await requests(sb);
		expect(oauthRequests(again)).toEqual([]);
		expect(apiRequests(again)).toEqual(['GET /destinations/v1 200']);
	});

	it('a pre-2.3.0 token file (no _iat, no _exp) is read from the JWT; once refreshed it has them', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		const fresh = await hookTokens(sb);
		home.profileFile('dev', fresh, 'token.json');
		expect(fresh).not.toHaveProperty('_iat');
		await clearLog(sb);
		await connect(home, sb).client.list();
		expect(oauthRequests(await requests(sb))).toEqual([]);
		home.profileFile('dev', await hookTokens(sb, {issued_seconds_ago: 3000}), 'token.json');
		await connect(home, sb).client.list();
		const saved = JSON.parse(readFileSync(tokenFile(home), 'utf8')) as Record<string, unknown>;
		expect(typeof saved._iat).toBe('number');
		expect(saved._exp).toBe((saved._iat as number) + 3600);
	});

	it('an answer without a refresh token keeps the old one in the file', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		const old = await hookTokens(sb, {issued_seconds_ago: 3000});
		home.profileFile('dev', old, 'token.json');
		await fetch(`${sb.origin}/_sandbox/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({path: '/oauth/token', omit_fields: ['refresh_token']}),
		});
		await connect(home, sb).client.list();
		const saved = JSON.parse(readFileSync(tokenFile(home), 'utf8')) as Record<string, unknown>;
		expect(saved.access_token).not.toBe(old.access_token);
		expect(saved.refresh_token).toBe(old.refresh_token);
	});
});

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
}
