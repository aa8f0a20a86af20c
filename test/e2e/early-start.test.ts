// The start-up list request leaves before the app is loaded (issue 16): the `destui` command
// finds the credentials (refreshing an aged OAuth token first) and sends the list itself; the app
// takes the answer over, failures included, and later requests reuse the connection. Ordering and
// counts only: how fast is the benchmark's business.
import {copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {certificateUnavailable, selfSignedCertificate} from '../../src/sandbox/tls.js';
import {destui, destuiOn, injectFault, requestLog, sandbox, USER_KEY, type LoggedRequest} from '../harness/e2e.js';
import {privateHome} from '../auth/helpers.js';
import {BUNDLE, sleep, type TerminalSession} from '../harness/terminal.js';

const temps: string[] = [];
afterEach(() => {
	for (const t of temps.splice(0)) rmSync(t, {recursive: true, force: true});
});

/** The log time (RFC 3339, nanoseconds) in epoch milliseconds, fractions kept. */
const epochMs = (time: string): number => {
	const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(time)!;
	return Date.parse(`${m[1]}Z`) + Number(`0.${m[2] ?? '0'}`) * 1000;
};

const lists = (log: LoggedRequest[]) => log.filter((r) => r.method === 'GET' && r.path === '/destinations/v1');

/** Polls the sandbox's log until `ready` holds (the requests in question have been answered). */
async function logWhen(sb: RunningSandbox, ready: (log: LoggedRequest[]) => boolean, timeoutMs = 10_000): Promise<LoggedRequest[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const log = await requestLog(sb);
		if (ready(log) || Date.now() > deadline) return log;
		await sleep(25);
	}
}

/**
 * The `destui` command with a stand-in for the app bundle that sends nothing and draws nothing:
 * it writes down what the command handed it, then idles. What reaches the sandbox was sent by the
 * command alone, before any app code ran.
 */
function withStandInApp(
	args: string[],
	env: Record<string, string | undefined> = {},
): {session: TerminalSession; handedOver: () => Promise<Record<string, unknown>>} {
	const dir = mkdtempSync(join(tmpdir(), 'destui-stand-in-'));
	temps.push(dir);
	copyFileSync(BUNDLE, join(dir, 'destui.cjs'));
	const out = join(dir, 'handed-over.json');
	writeFileSync(
		join(dir, 'destui-app.cjs'),
		`const early = globalThis[Symbol.for('destui.early-start')];
require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({plan: early && early.plan.kind, list: !!(early && early.list), renewal: !!(early && early.renewal)}));
setInterval(() => {}, 1000);
`,
	);
	const session = destui(args, {env, command: [process.execPath, join(dir, 'destui.cjs')]});
	// The command may load the app while its request is still in flight or after it has been answered:
	// the log holding the request says nothing about whether the app has run yet, so wait for its file.
	const handedOver = async (): Promise<Record<string, unknown>> => {
		const deadline = Date.now() + 10_000;
		while (!existsSync(out) && Date.now() < deadline) await sleep(25);
		return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
	};
	return {session, handedOver};
}

/** Someone with no Planet credentials set but these (the test machine's are never seen). */
const envFor = (home: string) => ({
	HOME: home,
	USERPROFILE: home,
	PL_API_KEY: undefined,
	PL_AUTH_PROFILE: undefined,
	PL_AUTH_CLIENT_ID: undefined,
	PL_AUTH_CLIENT_SECRET: undefined,
});

/**
 * A device-code profile on the sandbox, named in ~/.planet.json, with a token issued this long ago
 * (by default past 75% of its life, so due for a refresh).
 */
async function agedProfile(
	sb: RunningSandbox,
	issuedSecondsAgo = 3000,
): Promise<{home: string; tokenFile: string; token: Record<string, unknown>}> {
	const home = privateHome();
	const res = await fetch(`${sb.origin}/_sandbox/oauth/tokens`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({expires_in: 3600, issued_seconds_ago: issuedSecondsAgo}),
	});
	const token = (await res.json()) as Record<string, unknown>;
	home.planetJson({PL_AUTH_PROFILE: 'dev'});
	home.profileFile('dev', {
		client_type: 'oidc_device_code',
		auth_server: `${sb.origin}/`,
		client_id: 'destui-sandbox',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
	});
	const tokenFile = home.profileFile('dev', token, 'token.json');
	return {home: home.path, tokenFile, token};
}

describe('the start-up request leaves first', () => {
	it('is sent by the command itself: a stand-in app that sends nothing still gets the list asked for', async () => {
		const sb = await sandbox();
		const {handedOver} = withStandInApp(['--base-url', sb.origin, '--api-key', USER_KEY]);
		const log = await logWhen(sb, (l) => lists(l).length > 0);
		expect(log.map((r) => `${r.method} ${r.path} ${r.user} ${r.status}`)).toEqual(['GET /destinations/v1 user 200']);
		expect(await handedOver()).toEqual({plan: 'api', list: true, renewal: false});
	});

	it('reaches the sandbox before the app has drawn anything, and is sent once', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		const list = lists(await requestLog(sb));
		expect(list).toHaveLength(1);
		expect(s.firstOutputAt).toBeDefined();
		expect(epochMs(list[0]!.time)).toBeLessThan(s.firstOutputAt!);
	});

	it('an OAuth token due for a refresh: the command refreshes it and sends the list; the app refreshes no more', async () => {
		const sb = await sandbox();
		const before = await agedProfile(sb);
		const {handedOver} = withStandInApp(['--base-url', sb.origin], envFor(before.home));
		const early = await logWhen(sb, (l) => lists(l).length > 0);
		expect(early.map((r) => `${r.method} ${r.path} ${r.grant_type ?? ''}`.trim())).toEqual([
			'GET /.well-known/openid-configuration',
			'POST /oauth/token refresh_token',
			'GET /destinations/v1',
		]);
		expect(lists(early)[0]).toMatchObject({user: 'user', status: 200});
		expect(await handedOver()).toEqual({plan: 'api', list: true, renewal: true});
		// The refreshed token was saved at once, as planet-auth would.
		expect(JSON.parse(readFileSync(before.tokenFile, 'utf8')).access_token).not.toBe(before.token.access_token);

		// The real app, with a profile as aged: one refresh in all, by the command, and one list.
		const sb2 = await sandbox();
		const aged = await agedProfile(sb2);
		const s = destui(['--base-url', sb2.origin], {env: envFor(aged.home)});
		const screen = await s.waitFor('11 of 11');
		expect(screen.split('\n')[0]).toMatch(/profile dev/);
		// Time for a second refresh or list to show up, if the app sent one (none must).
		await sleep(300);
		const log = await requestLog(sb2);
		expect(log.filter((r) => r.path === '/oauth/token').map((r) => r.grant_type)).toEqual(['refresh_token']);
		expect(lists(log)).toHaveLength(1);
	});

	it('no session to use (a sign-in is needed): nothing is sent, and the app asks for the sign-in as before', async () => {
		const sb = await sandbox();
		const home = privateHome();
		home.planetJson({PL_AUTH_PROFILE: 'dev'});
		home.profileFile('dev', {
			client_type: 'oidc_device_code',
			auth_server: `${sb.origin}/`,
			client_id: 'destui-sandbox',
			audiences: ['https://api.planet.com/'],
			scopes: ['planet', 'offline_access'],
		});
		const s = destui(['--base-url', sb.origin], {env: envFor(home.path)});
		await s.waitFor('You are not signed in: profile dev has no session yet');
		expect(await requestLog(sb)).toEqual([]);
	});
});

describe("its failures are the app's to report, as any request's", () => {
	it('a rejected key: the key is named, the list is not asked twice', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb, {}, 'PLAK-not-a-key');
		await s.waitFor('The API key from --api-key was rejected');
		expect(lists(await requestLog(sb)).map((r) => r.status)).toEqual([401]);
	});

	it('an OAuth token the API refuses (401): renewed once, the list sent once more, as any request', async () => {
		const sb = await sandbox();
		const {home} = await agedProfile(sb, 0);
		await injectFault(sb, {count: 1, status: 401, methods: ['GET'], path: '/destinations/v1'});
		const s = destui(['--base-url', sb.origin], {env: envFor(home)});
		await s.waitFor('11 of 11');
		const log = await logWhen(sb, (l) => lists(l).length >= 2);
		expect(log.map((r) => `${r.method} ${r.path}${r.grant_type ? ` ${r.grant_type}` : ''} ${r.status}`)).toEqual([
			'GET /destinations/v1 401',
			'GET /.well-known/openid-configuration 200',
			'POST /oauth/token refresh_token 200',
			'GET /destinations/v1 200',
		]);
	});

	it('a 503, then the list: retried after a back-off, on the same connection', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, status: 503, methods: ['GET'], path: '/destinations/v1'});
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		const list = lists(await requestLog(sb));
		expect(list.map((r) => r.status)).toEqual([503, 200]);
		expect(list[0]!.connection).toBe(list[1]!.connection);
	});

	it('a dropped connection, then the list: retried on a new connection', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, drop: true, methods: ['GET'], path: '/destinations/v1'});
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		const list = lists(await requestLog(sb));
		expect(list.map((r) => r.status)).toEqual([null, 200]);
		expect(list[0]!.connection).not.toBe(list[1]!.connection);
	});
});

/**
 * Start-up, then five changes (archive, undo, archive, undo, archive) on the first destination
 * the user owns; archiving looks up what delivers there first (a question if anything does).
 */
async function startAndChangeFive(s: TerminalSession): Promise<void> {
	await s.waitFor('11 of 11');
	await s.press('2');
	await s.waitFor('[2 mine:yes]');
	for (let change = 0; change < 5; change++) {
		if (change % 2) {
			await s.press('u');
			await s.waitFor(/Undone: /);
			continue;
		}
		await s.press('g', 'a');
		if (/\[y\/N\]/.test(await s.waitFor(/Archived .*Press u to undo|\[y\/N\]/))) {
			await s.press('y');
			await s.waitFor(/Archived .*Press u to undo/);
		}
	}
}

/** The list first, five changes, and (before them) the look-ups archiving makes. */
const startAndFive = (log: LoggedRequest[]) => log[0]?.path === '/destinations/v1' && log.filter((r) => r.method === 'PATCH').length === 5;

describe('connections are kept', () => {
	it('start-up and five changes go over one connection', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await startAndChangeFive(s);
		const log = await logWhen(sb, (l) => l.filter((r) => r.method === 'PATCH').length >= 5);
		expect(startAndFive(log)).toBe(true);
		expect(new Set(log.map((r) => r.connection)).size).toBe(1);
	});

	it.skipIf(certificateUnavailable() !== undefined)('over TLS too, the start-up request first', async () => {
		const certificate = selfSignedCertificate();
		const sb = await sandbox({tls: certificate});
		const dir = mkdtempSync(join(tmpdir(), 'destui-tls-'));
		temps.push(dir);
		writeFileSync(join(dir, 'ca.pem'), certificate.cert);
		const s = destui(['--base-url', sb.origin, '--api-key', USER_KEY], {env: {NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem')}});
		await startAndChangeFive(s);
		// The test process does not trust the certificate by default: asked over a client that does.
		let entries = await tlsLog(sb, certificate.cert);
		for (const deadline = Date.now() + 5000; !startAndFive(entries) && Date.now() < deadline; await sleep(25))
			entries = await tlsLog(sb, certificate.cert);
		expect(startAndFive(entries)).toBe(true);
		expect(new Set(entries.map((r) => r.connection)).size).toBe(1);
		expect(epochMs(entries[0]!.time)).toBeLessThan(s.firstOutputAt!);
	});
});

async function tlsLog(sb: RunningSandbox, ca: string): Promise<LoggedRequest[]> {
	const {request} = await import('node:https');
	const text = await new Promise<string>((resolve, reject) => {
		request(`${sb.origin}/_sandbox/requests`, {ca}, (res) => {
			let t = '';
			res.on('data', (c: Buffer) => (t += c));
			res.on('end', () => resolve(t));
		})
			.on('error', reject)
			.end();
	});
	return (JSON.parse(text) as {requests: LoggedRequest[]}).requests;
}
