// The built destui as people start and leave it: q and Ctrl-C restore the terminal, no tty and
// bad flags fail in one line, --demo, and no credentials at all.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ARMING_MS} from '../../src/auth/sign-in-state.js';
import {destui, destuiOn, sandbox} from '../harness/e2e.js';
import {BUNDLE, KEYS, sleep, TEST_CACHE_HOME, type TerminalSession} from '../harness/terminal.js';

const temps: string[] = [];

afterEach(() => {
	for (const t of temps.splice(0)) rmSync(t, {recursive: true, force: true});
});

async function start(cols = 100, rows = 30): Promise<TerminalSession> {
	const session = destuiOn(await sandbox(), {cols, rows});
	await session.waitFor('11 of 11');
	return session;
}

/** Runs the bundle with plain pipes (no terminal at all). */
function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [BUNDLE, ...args], {
			stdio: ['pipe', 'pipe', 'pipe'],
			env: {...process.env, CI: undefined, XDG_CACHE_HOME: TEST_CACHE_HOME, ...env},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('close', (code) => resolve({code, stdout, stderr}));
		child.stdin.end();
	});
}

const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

describe('leaving', () => {
	it('q exits 0, and the last bytes leave the alternate screen and show the cursor', async () => {
		const s = await start();
		expect(s.output()).toContain('\x1b[?1049h');
		await s.press('q');
		expect((await s.exited).code).toBe(0);
		const out = s.output();
		const tail = out.slice(Math.max(out.lastIndexOf(LEAVE_ALT), out.lastIndexOf(SHOW_CURSOR)) - 40);
		expect(tail).toContain(LEAVE_ALT);
		expect(tail).toContain(SHOW_CURSOR);
		// Nothing is drawn after the terminal was given back.
		expect(out.slice(out.lastIndexOf(LEAVE_ALT) + LEAVE_ALT.length)).not.toMatch(/[A-Za-z]{3}/);
		expect(out.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(out.lastIndexOf('11 of 11'));
	});

	it('Ctrl-C exits 0 the same way', async () => {
		const s = await start();
		await s.press(KEYS.ctrlC);
		expect((await s.exited).code).toBe(0);
		const out = s.output();
		expect(out.lastIndexOf(LEAVE_ALT)).toBeGreaterThan(out.lastIndexOf('11 of 11'));
		expect(out.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(out.lastIndexOf('11 of 11'));
	});
});

describe('starting', () => {
	it('stdin that is not a terminal: exit 1 with one line on stderr, no stack trace', async () => {
		const r = await run(['--api-key', 'PLAK-sandbox-user', '--base-url', 'http://127.0.0.1:9']);
		expect(r.code).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^destui: needs an interactive terminal/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(r.stderr).not.toContain('Raw mode');
		expect(r.stdout).toBe('');
	});

	it('an unknown flag exits 2 with the usage; --help exits 0 with it', async () => {
		const bad = await run(['--frobnicate']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/^destui: .*--frobnicate/);
		expect(bad.stderr).toContain('Usage: destui [options]');
		expect(bad.stderr).not.toMatch(/\n\s+at /);
		const help = await run(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage: destui [options]');
		expect(help.stdout).toContain('--read-only');
		expect(help.stderr).toBe('');
	});

	it('--help ends with where destui looks for credentials and what it found on this machine', async () => {
		const home = mkdtempSync(join(tmpdir(), 'destui-home-'));
		temps.push(home);
		const help = await run(['--help'], {
			HOME: home,
			PL_API_KEY: 'PLAK-fake-help-key',
			PL_AUTH_PROFILE: undefined,
			PL_AUTH_CLIENT_ID: undefined,
		});
		expect(help.code).toBe(0);
		expect(help.stdout).toContain("Credentials (the planet CLI's order; the first one found is used):");
		expect(help.stdout).toMatch(/--profile \/ PL_AUTH_PROFILE +not set/);
		expect(help.stdout).toMatch(/PL_API_KEY +an API key/);
		expect(help.stdout).toContain('→ destui uses API key from PL_API_KEY.');
		expect(help.stdout).not.toContain('PLAK-fake-help-key');
		const none = await run(['--help'], {HOME: home, PL_API_KEY: undefined, PL_AUTH_PROFILE: undefined, PL_AUTH_CLIENT_ID: undefined});
		expect(none.stdout).toContain(
			'→ destui uses profile planet-user (no session yet in ~/.planet/planet-user/token.json: destui offers to sign in).',
		);
		// ~/.planet.json naming a profile that cannot be used: skipped with the reason, the search goes on.
		writeFileSync(join(home, '.planet.json'), JSON.stringify({PL_AUTH_PROFILE: 'gone', PL_API_KEY: 'PLAK-fake-file-key'}));
		const skipped = await run(['--help'], {HOME: home, PL_API_KEY: undefined, PL_AUTH_PROFILE: undefined, PL_AUTH_CLIENT_ID: undefined});
		expect(skipped.stdout).toMatch(
			/~\/\.planet\.json PL_AUTH_PROFILE +gone: cannot be used, skipped\n.*~\/\.planet\.json PL_API_KEY +an API key\n/,
		);
		expect(skipped.stdout).toContain('→ destui uses API key from ~/.planet.json.');
		expect(skipped.stdout).toContain(
			'! ~/.planet.json names a profile destui cannot use, so it was skipped: profile gone does not exist (no ~/.planet/gone/auth_client.json).',
		);
		// The same name in PL_AUTH_PROFILE: destui would stop, and says so.
		const stops = await run(['--help'], {HOME: home, PL_API_KEY: undefined, PL_AUTH_PROFILE: 'gone', PL_AUTH_CLIENT_ID: undefined});
		expect(stops.code).toBe(0);
		expect(stops.stdout).toContain(
			'→ destui stops: PL_AUTH_PROFILE names a profile destui cannot use: profile gone does not exist (no ~/.planet/gone/auth_client.json).',
		);
		expect(stops.stdout).not.toContain('PLAK-fake-file-key');
	});

	it('--demo runs on the sandbox and says so', async () => {
		const s = destui(['--demo']);
		const screen = await s.waitFor('11 of 11');
		expect(screen.split('\n')[0]).toContain('SANDBOX');
		expect(screen).toContain('Field ops imagery');
		await s.press('q');
		expect((await s.exited).code).toBe(0);
	});

	it('no credentials anywhere: the sign-in screen says so, shows where destui looked, and d starts the sandbox', async () => {
		const home = mkdtempSync(join(tmpdir(), 'destui-home-'));
		temps.push(home);
		const s = destui([], {env: {HOME: home, PL_API_KEY: undefined, USERPROFILE: home}});
		const screen = await s.waitFor('You are not signed in: profile planet-user has no session yet');
		expect(screen.split('\n')[0]).toMatch(/^destui api\.planet\.com +profile planet-user/);
		// The start-up line ("destui api.planet.com loading…") is gone: nothing is loading.
		expect(screen).not.toContain('loading…');
		expect(screen).toMatch(/~\/\.planet\.json +no such file/);
		expect(screen).toMatch(/s\/Enter +sign in now/);
		// q and d count once the screen can have been read.
		await sleep(ARMING_MS);
		await s.press('d');
		const sandboxScreen = await s.waitFor('11 of 11');
		expect(sandboxScreen).toContain('SANDBOX');
		await s.press('q');
		expect((await s.exited).code).toBe(0);
	});

	it('no credentials, and q: exit 1 saying why and what to do', async () => {
		const home = mkdtempSync(join(tmpdir(), 'destui-home-'));
		temps.push(home);
		const s = destui([], {env: {HOME: home, PL_API_KEY: undefined, USERPROFILE: home}});
		await s.waitFor('sign in now');
		await sleep(ARMING_MS);
		await s.press('q');
		expect((await s.exited).code).toBe(1);
		expect(s.output()).toContain(
			'destui: You are not signed in: profile planet-user has no session yet (~/.planet/planet-user/token.json). Run destui again to sign in;',
		);
		expect(s.output()).toContain('`destui --demo` runs on the sandbox');
	});
});
