// `destui sandbox` as users run it: the built bundle, a real process, real signals.
import {spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseSandboxArgs} from '../../src/sandbox/cli.js';
import {body, KEYS} from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist/destui.cjs');

interface Run {
	child: ChildProcess;
	stdout: () => string;
	stderr: () => string;
	exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

const children: ChildProcess[] = [];
afterEach(() => {
	for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(args: string[]): Run {
	const child = spawn(process.execPath, [bundle, 'sandbox', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	children.push(child);
	let out = '';
	let err = '';
	child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
	child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
		child.on('close', (code, signal) => resolve({code, signal})),
	);
	return {child, stdout: () => out, stderr: () => err, exited};
}

async function listening(r: Run): Promise<string> {
	for (let i = 0; i < 200; i++) {
		const m = /^sandbox listening on (http:\/\/\S+)\n/.exec(r.stdout());
		if (m) return m[1]!;
		if (r.child.exitCode !== null) throw new Error(`exited early: ${r.stderr()}`);
		await new Promise((res) => setTimeout(res, 25));
	}
	throw new Error(`no listening line; stdout: ${r.stdout()} stderr: ${r.stderr()}`);
}

const auth = {Authorization: `api-key ${KEYS.user}`};

beforeAll(() => {
	if (!existsSync(bundle)) throw new Error('dist/destui.cjs is missing: run `npm run build` first (npm test does)');
});

describe('destui sandbox (standalone)', () => {
	it('prints exactly one line with the chosen free port, serves, and exits 0 on SIGTERM', async () => {
		const r = run(['--port', '0']);
		const apiBase = await listening(r);
		expect(apiBase).toMatch(/^http:\/\/127\.0\.0\.1:(\d+)\/destinations\/v1$/);
		expect(Number(/:(\d+)\//.exec(apiBase)![1])).toBeGreaterThan(0);
		const res = await fetch(apiBase, {headers: auth});
		expect(res.status).toBe(200);
		expect((await res.json()).destinations.length).toBeGreaterThan(0);
		r.child.kill('SIGTERM');
		expect(await r.exited).toEqual({code: 0, signal: null});
		expect(r.stdout().split('\n')).toEqual([`sandbox listening on ${apiBase}`, '']);
		expect(r.stderr()).toBe('');
	});

	it('exits 0 on SIGINT, even with a keep-alive connection open', async () => {
		const r = run(['--seed', 'empty', '--rate-limit', 'off']);
		const apiBase = await listening(r);
		const replies = await Promise.all(Array.from({length: 6}, () => fetch(apiBase, {headers: auth}).then((x) => x.json())));
		expect(replies.every((x) => Array.isArray(x.destinations) && x.destinations.length === 0)).toBe(true);
		r.child.kill('SIGINT');
		expect(await r.exited).toEqual({code: 0, signal: null});
	});

	it('rate-limits by default', async () => {
		const r = run([]);
		const apiBase = await listening(r);
		const statuses = await Promise.all(Array.from({length: 5}, () => fetch(apiBase, {headers: auth}).then((x) => x.status)));
		expect(statuses).toContain(429);
		r.child.kill('SIGTERM');
		await r.exited;
	});

	it('keeps its state in --state FILE across restarts, and prints no secret', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'destui-sandbox-cli-'));
		try {
			const file = join(dir, 'state.json');
			const first = run(['--state', file, '--seed', 'empty', '--rate-limit', 'off']);
			const base1 = await listening(first);
			const created = await fetch(base1, {
				method: 'POST',
				headers: {...auth, 'Content-Type': 'application/json'},
				body: JSON.stringify(body('amazon_s3', 'cli-kept-bucket')),
			});
			expect(created.status).toBe(201);
			first.child.kill('SIGTERM');
			expect((await first.exited).code).toBe(0);
			expect(first.stdout() + first.stderr()).not.toContain('test-secret-s3-value');
			const second = run(['--state', file, '--rate-limit', 'off']);
			const base2 = await listening(second);
			const names = (await (await fetch(base2, {headers: auth})).json()).destinations.map((d: {name: string}) => d.name);
			expect(names).toEqual(['cli-kept-bucket']);
			second.child.kill('SIGTERM');
			expect((await second.exited).code).toBe(0);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it.each([
		[['--bogus']],
		[['--port', 'eighty']],
		[['--port', '70000']],
		[['--seed', 'huge']],
		[['--rate-limit', 'maybe']],
		[['--token-lifetime', '0']],
		[['--token-lifetime', '1.5']],
		[['--token-lifetime', '31536001']],
		[['stray-positional']],
		[['--port']],
	])('refuses %j with usage on stderr and exit 2', async (args) => {
		const r = run(args);
		expect(await r.exited).toEqual({code: 2, signal: null});
		expect(r.stderr()).toContain('Usage: destui sandbox');
		expect(r.stdout()).toBe('');
	});

	it('--token-lifetime sets the lifetime of the OAuth tokens it issues', async () => {
		const r = run(['--token-lifetime', '120']);
		const apiBase = await listening(r);
		const origin = new URL(apiBase).origin;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: 'sandbox-m2m-client',
			client_secret: 'sandbox-m2m-secret',
		});
		const answer = await (await fetch(`${origin}/oauth/token`, {method: 'POST', body: form})).json();
		expect(answer.expires_in).toBe(120);
		expect((await fetch(apiBase, {headers: {Authorization: `Bearer ${answer.access_token}`}})).status).toBe(200);
		r.child.kill('SIGTERM');
		expect((await r.exited).code).toBe(0);
	});

	it('warns on stderr when it tightens a state file readable by others, and still prints one line', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'destui-cli-mode-'));
		try {
			const file = join(dir, 'state.json');
			writeFileSync(file, JSON.stringify({version: 1, seed: 'empty', destinations: [], defaultId: null, orders: [], subscriptions: []}), {
				mode: 0o644,
			});
			chmodSync(file, 0o644);
			const r = run(['--state', file]);
			const apiBase = await listening(r);
			expect(r.stdout()).toBe(`sandbox listening on ${apiBase}\n`);
			expect(r.stderr()).toMatch(/^destui sandbox: warning: the state file .*state\.json had mode 0644/);
			expect(statSync(file).mode & 0o777).toBe(0o600);
			r.child.kill('SIGTERM');
			expect((await r.exited).code).toBe(0);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('--help prints usage and exits 0', async () => {
		const r = run(['--help']);
		expect(await r.exited).toEqual({code: 0, signal: null});
		expect(r.stdout()).toContain('--rate-limit on|off');
		expect(r.stdout()).toContain('--state FILE');
		expect(r.stdout()).toContain('--token-lifetime SECONDS');
	});

	it('exits 1 with a plain message when the port is taken', async () => {
		const blocker = createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		try {
			const port = (blocker.address() as {port: number}).port;
			const r = run(['--port', String(port)]);
			expect(await r.exited).toEqual({code: 1, signal: null});
			expect(r.stderr()).toMatch(/could not start/);
			expect(r.stderr()).not.toMatch(/\n\s+at /);
		} finally {
			blocker.close();
		}
	});
});

describe('parseSandboxArgs', () => {
	it('reads every flag', () => {
		expect(
			parseSandboxArgs([
				'--host',
				'0.0.0.0',
				'--port',
				'8080',
				'--seed',
				'empty',
				'--state',
				's.json',
				'--rate-limit',
				'off',
				'--token-lifetime',
				'90',
			]),
		).toEqual({
			host: '0.0.0.0',
			port: 8080,
			seed: 'empty',
			stateFile: 's.json',
			rateLimit: false,
			tokenLifetimeSeconds: 90,
			help: false,
		});
		expect(parseSandboxArgs([])).toEqual({
			host: '127.0.0.1',
			port: 0,
			seed: 'demo',
			stateFile: undefined,
			rateLimit: true,
			tokenLifetimeSeconds: 3600,
			help: false,
		});
	});
});
