// Signing in as Planet users do, in a real terminal against the sandbox's auth server, each test
// with a private HOME: an expired session renewed at start-up; no credentials at all, then a
// device-code sign-in (the code read off the screen, approved through the sandbox's hook) that
// leaves the files as `planet auth login` would; and a session lost while the wizard is open,
// signed in again without losing what was typed.
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ARMING_MS} from '../../src/auth/sign-in-state.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {destui, requestLog, sandbox} from '../harness/e2e.js';
import {readScreenQr} from '../harness/qr.js';
import {KEYS, sleep, type TerminalSession} from '../harness/terminal.js';
import {privateHome as home} from '../auth/helpers.js';

/** A fresh HOME folder, removed after the test. */
const privateHome = (): string => home().path;

/** The environment of someone with no Planet credentials set (the test machine's are never seen). */
const env = (home: string) => ({
	HOME: home,
	USERPROFILE: home,
	PL_API_KEY: undefined,
	PL_AUTH_PROFILE: undefined,
	PL_AUTH_CLIENT_ID: undefined,
	PL_AUTH_CLIENT_SECRET: undefined,
});

async function post(sb: RunningSandbox, path: string, body: unknown): Promise<Record<string, unknown>> {
	const res = await fetch(`${sb.origin}${path}`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(body),
	});
	expect(res.status, await res.clone().text()).toBeLessThan(300);
	return (await res.json()) as Record<string, unknown>;
}

function writeJson(path: string, data: unknown): void {
	mkdirSync(join(path, '..'), {recursive: true});
	writeFileSync(path, JSON.stringify(data), {mode: 0o600});
}

/** A custom device-code profile on the sandbox, named in ~/.planet.json, with this token file. */
function devProfile(home: string, sb: RunningSandbox, token: unknown): void {
	writeJson(join(home, '.planet.json'), {PL_AUTH_PROFILE: 'dev'});
	writeJson(join(home, '.planet', 'dev', 'auth_client.json'), {
		client_type: 'oidc_device_code',
		auth_server: `${sb.origin}/`,
		client_id: 'destui-sandbox',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
	});
	writeJson(join(home, '.planet', 'dev', 'token.json'), token);
}

const oauthLog = async (sb: RunningSandbox) =>
	(await requestLog(sb)).filter((r) => r.path.startsWith('/oauth/')).map((r) => `${r.method} ${r.path} ${r.grant_type ?? ''}`.trim());

/** The user code on the screen, and the screen. */
async function codeOnScreen(s: TerminalSession): Promise<{code: string; screen: string}> {
	const screen = await s.waitFor(/Code: +([B-Z] ){4}- ([B-Z] ){3}[B-Z]/);
	return {code: /Code: +((?:[B-Z] ){4}- (?:[B-Z] ){3}[B-Z])/.exec(screen)![1]!.replace(/ /g, ''), screen};
}

/** Reads the user code off the screen and approves it as the user would in a browser. */
async function approveOnScreen(s: TerminalSession, sb: RunningSandbox): Promise<string> {
	const {code, screen} = await codeOnScreen(s);
	expect(screen).toContain(`${sb.origin}/activate?user_code=${code}`);
	expect(screen).toMatch(/Expires in 1[45]:\d\d/);
	await post(sb, '/_sandbox/oauth/device', {user_code: code, user: 'user', action: 'approve'});
	return code;
}

/** Every token of a token answer or file: none may ever reach the terminal. */
const tokensOf = (...answers: Record<string, unknown>[]): string[] =>
	answers.flatMap((a) => [a.access_token, a.refresh_token]).filter((t): t is string => typeof t === 'string' && t.length > 0);

/** The JWT's own iat (epoch seconds), as destui reads it. */
const issuedAt = (accessToken: unknown): number =>
	(JSON.parse(Buffer.from(String(accessToken).split('.')[1]!, 'base64url').toString('utf8')) as {iat: number}).iat;

describe('signing in', () => {
	it('a custom profile whose token has expired opens the list after one refresh', async () => {
		const sb = await sandbox();
		const home = privateHome();
		const expired = await post(sb, '/_sandbox/oauth/tokens', {expires_in: 600, issued_seconds_ago: 900});
		devProfile(home, sb, expired);
		const s = destui(['--base-url', sb.origin], {env: env(home)});
		const screen = await s.waitFor('11 of 11');
		expect(screen.split('\n')[0]).toMatch(/destui 127\.0\.0\.1:\d+ +profile dev/);
		expect(await oauthLog(sb)).toEqual(['POST /oauth/token refresh_token']);
		expect((await requestLog(sb)).filter((r) => r.path.startsWith('/destinations/')).map((r) => `${r.method} ${r.status}`)).toEqual([
			'GET 200',
		]);
		const saved = JSON.parse(readFileSync(join(home, '.planet', 'dev', 'token.json'), 'utf8')) as Record<string, number>;
		expect(saved._exp).toBeGreaterThan(Date.now() / 1000 + 500);
		for (const secret of tokensOf(expired, saved)) expect(s.output()).not.toContain(secret);
	});

	it('a session ages while destui runs: the first request past 75% of its life refreshes it first', async () => {
		const sb = await sandbox();
		const home = privateHome();
		// Ten seconds of life, six gone: fresh at start-up, due for a refresh two seconds later.
		const token = await post(sb, '/_sandbox/oauth/tokens', {expires_in: 10, issued_seconds_ago: 6});
		devProfile(home, sb, token);
		const s = destui(['--base-url', sb.origin], {env: env(home)});
		await s.waitFor('11 of 11');
		expect(await oauthLog(sb)).toEqual([]);
		// planet-auth's rule, in whole seconds: due once now > int(iat + 3/4 of the lifetime).
		const due = (issuedAt(token.access_token) + Math.trunc((3 * 10) / 4) + 1) * 1000;
		await sleep(Math.max(0, due - Date.now()) + 150);
		await s.press('R');
		const log = await (async () => {
			for (let i = 0; i < 200; i++) {
				const l = await requestLog(sb);
				if (l.filter((r) => r.path === '/destinations/v1').length >= 2) return l;
				await sleep(25);
			}
			return requestLog(sb);
		})();
		expect(log.map((r) => `${r.method} ${r.path}${r.grant_type ? ` ${r.grant_type}` : ''} ${r.status}`)).toEqual([
			'GET /destinations/v1 200',
			'GET /.well-known/openid-configuration 200',
			'POST /oauth/token refresh_token 200',
			'GET /destinations/v1 200',
		]);
		const saved = JSON.parse(readFileSync(join(home, '.planet', 'dev', 'token.json'), 'utf8')) as Record<string, unknown>;
		expect(saved.refresh_token).not.toBe(token.refresh_token);
		expect(statSync(join(home, '.planet', 'dev', 'token.json')).mode & 0o777).toBe(0o600);
		for (const secret of tokensOf(token, saved)) expect(s.output()).not.toContain(secret);
	});

	it('no credentials at all: signs in with a device code, opens the list, and leaves the files as `planet auth login` would', async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const home = privateHome();
		const s = destui(['--base-url', sb.origin, '--auth-server', `${sb.origin}/`], {env: env(home)});
		await s.waitFor('You are not signed in: profile planet-user has no session yet');
		await s.press('s');
		// The QR code drawn in the terminal reads, with a decoder of its own, as the link to confirm the code at.
		const {code} = await codeOnScreen(s);
		// (It is drawn once its module has loaded, a moment after the code.)
		expect(readScreenQr(await s.waitFor((screen) => readScreenQr(screen) !== undefined))).toBe(`${sb.origin}/activate?user_code=${code}`);
		await approveOnScreen(s, sb);
		const screen = await s.waitFor('11 of 11');
		expect(screen.split('\n')[0]).toContain('profile planet-user');
		expect(await oauthLog(sb)).toEqual(
			expect.arrayContaining(['POST /oauth/device/code', 'POST /oauth/token urn:ietf:params:oauth:grant-type:device_code']),
		);
		const tokenPath = join(home, '.planet', 'planet-user', 'token.json');
		const text = readFileSync(tokenPath, 'utf8');
		const saved = JSON.parse(text) as Record<string, unknown>;
		expect(Object.keys(saved).sort()).toEqual(['_exp', '_iat', 'access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
		expect(text).toMatch(/^\{\n {2}"_exp": \d+,\n {2}"_iat": \d+,\n {2}"access_token": "[^"]+",\n {2}"expires_in": 3600,\n/);
		expect(statSync(tokenPath).mode & 0o777).toBe(0o600);
		expect(statSync(join(home, '.planet', 'planet-user')).mode & 0o777).toBe(0o700);
		expect(readFileSync(join(home, '.planet.json'), 'utf8')).toBe('{\n  "PL_AUTH_PROFILE": "planet-user"\n}');
		// The session is never drawn.
		expect(s.output()).not.toContain(saved.access_token as string);
		expect(s.output()).not.toContain(saved.refresh_token as string);
		await s.press('q');
		expect((await s.exited).code).toBe(0);

		// And the next start uses it without asking anything.
		const again = destui(['--base-url', sb.origin, '--auth-server', `${sb.origin}/`], {env: env(home)});
		await again.waitFor('11 of 11');
	});

	it('at 80×24, the usual size, the QR code is drawn beside the link and the code, and reads as the link', async () => {
		const sb = await sandbox();
		const s = destui(['--base-url', sb.origin, '--auth-server', `${sb.origin}/`], {env: env(privateHome()), cols: 80, rows: 24});
		await s.waitFor('sign in now');
		await s.press('s');
		const {code} = await codeOnScreen(s);
		const screen = await s.waitFor((shown) => readScreenQr(shown) !== undefined);
		expect(readScreenQr(screen)).toBe(`${sb.origin}/activate?user_code=${code}`);
		expect(screen).toContain('Esc cancels');
	});

	it('a denied sign-in says so and offers the choice again; Esc cancels a code; an expired code says so', async () => {
		const sb = await sandbox({deviceIntervalSeconds: 1});
		const home = privateHome();
		const s = destui(['--base-url', sb.origin, '--auth-server', `${sb.origin}/`], {env: env(home)});
		await s.waitFor('sign in now');
		await s.press('s');
		const code = (/Code: +((?:[B-Z] ){4}- (?:[B-Z] ){3}[B-Z])/.exec(await s.waitFor(/Code: +[B-Z]/))![1] ?? '').replace(/ /g, '');
		await post(sb, '/_sandbox/oauth/device', {user_code: code, action: 'deny'});
		await s.waitFor('The sign-in was denied.');
		await s.press('s');
		await s.waitFor(/Code: +[B-Z]/);
		await s.press(KEYS.esc);
		await s.waitFor('Sign-in cancelled.');
		// The code runs out before anyone confirms it: the next poll is answered expired_token.
		await s.press('s');
		const {code: late} = await codeOnScreen(s);
		await post(sb, '/_sandbox/oauth/device', {user_code: late, action: 'expire'});
		await s.waitFor('The code expired before it was confirmed: sign in again for a new one.');
		await s.waitFor('sign in now');
	});

	it('the session lost while the wizard is open: the wizard stays, sign-in happens, the create is sent after', async () => {
		const sb = await sandbox({seed: 'empty', deviceIntervalSeconds: 1});
		const home = privateHome();
		const token = await post(sb, '/_sandbox/oauth/tokens', {});
		devProfile(home, sb, token);
		const s = destui(['--base-url', sb.origin], {env: env(home)});
		await s.waitFor('No destinations yet');
		await s.press('n');
		await s.waitFor('New destination · step 1 of 5');
		await s.press(KEYS.enter);
		await s.waitFor('Amazon S3 · step 2 of 5');
		await s.type('signin-bucket');
		await s.press(KEYS.enter);
		await s.type('us-west-2');
		await s.press(KEYS.enter);
		await s.waitFor('Amazon S3 · step 3 of 5');
		await s.type('FAKESIGNINKEY01');
		await s.press(KEYS.enter);
		await s.type('fake-signin-secret-01');
		await s.press(KEYS.enter);
		await s.waitFor('Amazon S3 · step 4 of 5');
		await s.press(KEYS.enter);
		await s.type('Signed in later');
		await s.press(KEYS.enter);
		await s.waitFor('Review');
		// Meanwhile: the server stops taking this session (another client used the refresh token,
		// and the access token is refused).
		await fetch(`${sb.origin}/oauth/token`, {
			method: 'POST',
			headers: {'content-type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams({grant_type: 'refresh_token', refresh_token: token.refresh_token as string, client_id: 'destui-sandbox'}),
		});
		await post(sb, '/_sandbox/faults', {path: '/destinations/v1', methods: ['POST'], status: 401});
		await s.press(KEYS.enter);
		await s.waitFor('Planet no longer accepts the session of profile dev');
		await s.press('s');
		await approveOnScreen(s, sb);
		await s.waitFor('Created Signed in later');
		const creates = (await requestLog(sb)).filter((r) => r.method === 'POST' && r.path === '/destinations/v1').map((r) => r.status);
		expect(creates).toEqual([401, 201]);
		expect(s.output()).not.toContain('fake-signin-secret-01');
		const saved = JSON.parse(readFileSync(join(home, '.planet', 'dev', 'token.json'), 'utf8')) as Record<string, unknown>;
		for (const secret of tokensOf(token, saved)) expect(s.output()).not.toContain(secret);
	});
});

describe('credentials that cannot be used', () => {
	it('PL_AUTH_PROFILE naming a kind destui does not support: exit 1 with one sentence naming profile and kind, no stack', async () => {
		const dir = privateHome();
		writeJson(join(dir, '.planet', 'keyed', 'auth_client.json'), {
			client_type: 'oidc_client_credentials_pubkey',
			auth_server: 'https://x/',
			client_id: 'c',
			client_privkey_file: '/nowhere',
		});
		const s = destui([], {env: {...env(dir), PL_AUTH_PROFILE: 'keyed'}});
		expect((await s.exited).code).toBe(1);
		const out = s.output().trim();
		expect(out).toBe(
			'destui: PL_AUTH_PROFILE names a profile destui cannot use: profile keyed is of kind oidc_client_credentials_pubkey, which signs the client in with a private key: destui does not support it.',
		);
	});

	it('~/.planet.json naming a profile that cannot be used: skipped, and the sign-in screen says why beside where destui looked', async () => {
		const dir = privateHome();
		writeJson(join(dir, '.planet.json'), {PL_AUTH_PROFILE: 'gone'});
		const s = destui(['--auth-server', 'http://127.0.0.1:9/'], {env: env(dir)});
		const screen = await s.waitFor('You are not signed in: profile planet-user has no session yet');
		expect(screen).toMatch(/~\/\.planet\.json PL_AUTH_PROFILE +gone: cannot be used, skipped/);
		expect(screen.replace(/\s+/g, ' ')).toContain(
			'! ~/.planet.json names a profile destui cannot use, so it was skipped: profile gone does not exist (no ~/.planet/gone/auth_client.json).',
		);
		await sleep(ARMING_MS);
		await s.press('q');
		expect((await s.exited).code).toBe(1);
	});

	it('q and d typed ahead while destui starts do not answer the sign-in screen that comes up', async () => {
		const s = destui(['--auth-server', 'http://127.0.0.1:9/'], {env: env(privateHome())});
		// Typed at once, before destui has drawn anything (the terminal holds them until it reads).
		await s.press('d', 'q');
		await s.waitFor('sign in now');
		await sleep(ARMING_MS + 100);
		expect(await s.screen()).toContain('sign in now');
		expect(s.hasExited).toBe(false);
		await s.press('q');
		expect((await s.exited).code).toBe(1);
	});

	it('--demo --sign-in signs in to the in-process sandbox, in memory only', async () => {
		const dir = privateHome();
		const s = destui(['--demo', '--sign-in'], {env: env(dir)});
		const screen = await s.waitFor(/Code: +[B-Z]/);
		const origin = /(http:\/\/127\.0\.0\.1:\d+)\/activate/.exec(screen)![1]!;
		const code = /Code: +((?:[B-Z] ){4}- (?:[B-Z] ){3}[B-Z])/.exec(screen)![1]!.replace(/ /g, '');
		const res = await fetch(`${origin}/_sandbox/oauth/device`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({user_code: code, action: 'approve'}),
		});
		expect(res.status).toBe(200);
		const list = await s.waitFor('11 of 11');
		expect(list.split('\n')[0]).toContain('profile sandbox (in memory)');
		expect(() => statSync(join(dir, '.planet'))).toThrow();
		expect(() => statSync(join(dir, '.planet.json'))).toThrow();
	});
});
