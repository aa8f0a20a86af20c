// What the `destui` command sends before it loads the app (src/early-start.ts), for every kind of
// credential the planet CLI's order can find, against the sandbox and its auth server, each with
// a private HOME: the list at once with a key, after the token request an OAuth session needs,
// nothing when a sign-in must come first or the app starts another way.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {SANDBOX_M2M_CLIENT_ID, SANDBOX_M2M_CLIENT_SECRET} from '../../src/sandbox/oauth-clients.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {startEarly} from '../../src/early-start.js';
import {sandbox, USER_KEY} from '../harness/fixtures.js';
import {requestLog} from '../harness/sandbox-hooks.js';
import {privateHome, type Home} from './helpers.js';

const NO_CREDENTIALS = {PL_API_KEY: undefined, PL_AUTH_PROFILE: undefined, PL_AUTH_CLIENT_ID: undefined, PL_AUTH_CLIENT_SECRET: undefined};

/** The command's early start in a terminal, with `env` and `home`; what it sent, once settled. */
async function early(sb: RunningSandbox, home: Home, args: string[] = [], env: Record<string, string | undefined> = {}) {
	const started = startEarly(['--base-url', sb.origin, ...args], {
		env: {...NO_CREDENTIALS, ...env},
		home: home.path,
		stdinTTY: true,
		stdoutTTY: true,
	});
	const request = await started?.list;
	const answer = await request?.take();
	started?.agents.http.destroy();
	const log = (await requestLog(sb)).map(
		(r) => `${r.method} ${r.path}${r.grant_type ? ` ${r.grant_type}` : ''} ${r.status} ${r.user ?? '-'}`,
	);
	return {plan: started?.plan.kind, sent: request !== undefined, status: answer?.status, log, renewal: await started?.renewal};
}

const tokenFor = async (sb: RunningSandbox, issuedSecondsAgo = 0): Promise<Record<string, unknown>> =>
	(await (
		await fetch(`${sb.origin}/_sandbox/oauth/tokens`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({expires_in: 3600, issued_seconds_ago: issuedSecondsAgo}),
		})
	).json()) as Record<string, unknown>;

function deviceProfile(home: Home, sb: RunningSandbox, token?: Record<string, unknown>): void {
	home.planetJson({PL_AUTH_PROFILE: 'dev'});
	home.profileFile('dev', {
		client_type: 'oidc_device_code',
		auth_server: `${sb.origin}/`,
		client_id: 'destui-sandbox',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
	});
	if (token) home.profileFile('dev', token, 'token.json');
}

const LIST = 'GET /destinations/v1 200 user';

describe('every kind of credential sends the start-up list before the app loads', () => {
	it('an API key, from the flag, the environment or ~/.planet.json', async () => {
		for (const [args, env, file] of [
			[['--api-key', USER_KEY], {}, undefined],
			[[], {PL_API_KEY: USER_KEY}, undefined],
			[[], {}, {PL_API_KEY: USER_KEY}],
			[[], {}, {key: USER_KEY}],
		] as const) {
			const sb = await sandbox();
			const home = privateHome();
			if (file) home.planetJson(file);
			expect(await early(sb, home, [...args], env)).toMatchObject({plan: 'api', sent: true, status: 200, log: [LIST]});
		}
	});

	it('a profile holding a key (static_apikey)', async () => {
		const sb = await sandbox();
		const home = privateHome();
		home.profileFile('keyed', {client_type: 'static_apikey', api_key: USER_KEY, bearer_token_prefix: 'api-key'});
		expect(await early(sb, home, ['--profile', 'keyed'])).toMatchObject({sent: true, log: [LIST]});
	});

	it('an OAuth session with a fresh token: the list only, no token request', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb, await tokenFor(sb));
		const run = await early(sb, home);
		expect(run).toMatchObject({sent: true, log: [LIST]});
		expect(run.renewal).toMatchObject({requests: 0, usable: {ok: true}});
	});

	it('an OAuth session past 75% of its token: refreshed first (saved), then the list with the new token', async () => {
		const sb = await sandbox();
		const home = privateHome();
		const aged = await tokenFor(sb, 3000);
		deviceProfile(home, sb, aged);
		const run = await early(sb, home);
		expect(run.log).toEqual(['GET /.well-known/openid-configuration 200 -', 'POST /oauth/token refresh_token 200 user', LIST]);
		expect(run.renewal).toMatchObject({requests: 1, usable: {ok: true}});
		const saved = JSON.parse(readFileSync(home.file('.planet', 'dev', 'token.json'), 'utf8')) as Record<string, unknown>;
		expect(saved.access_token).not.toBe(aged.access_token);
	});

	it('client credentials with no token yet: logged in, then the list', async () => {
		const sb = await sandbox();
		const home = privateHome();
		home.profileFile('robot', {
			client_type: 'oidc_client_credentials_secret',
			auth_server: `${sb.origin}/`,
			client_id: SANDBOX_M2M_CLIENT_ID,
			client_secret: SANDBOX_M2M_CLIENT_SECRET,
			audiences: ['https://api.planet.com/'],
			scopes: [],
		});
		const run = await early(sb, home, ['--profile', 'robot']);
		expect(run.log.slice(-2)).toEqual(['POST /oauth/token client_credentials 200 user', LIST]);
	});
});

describe('where it cannot, nothing is sent and the app starts as before', () => {
	it('a session to sign in to first: no request, and the app is told why', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb);
		const run = await early(sb, home);
		expect(run).toMatchObject({plan: 'api', sent: false, log: []});
		expect(run.renewal).toMatchObject({requests: 0, usable: {ok: false, need: {kind: 'missing'}}});
	});

	it('--sign-in, --demo, a bad flag, --help, no terminal: no request', async () => {
		const sb = await sandbox();
		const home = privateHome();
		deviceProfile(home, sb, await tokenFor(sb));
		for (const [args, plan] of [
			[['--sign-in'], 'api'],
			[['--demo'], 'demo'],
			[['--no-such-flag'], 'usage'],
			[['--help'], 'help'],
		] as const) {
			expect(await early(sb, home, [...args])).toMatchObject({plan, sent: false});
		}
		const notATerminal = startEarly(['--base-url', sb.origin, '--api-key', USER_KEY], {
			env: NO_CREDENTIALS,
			home: home.path,
			stdinTTY: false,
			stdoutTTY: true,
		});
		expect(notATerminal?.plan.kind).toBe('no-terminal');
		expect(notATerminal?.list).toBeUndefined();
		expect(await requestLog(sb)).toEqual([]);
	});
});
