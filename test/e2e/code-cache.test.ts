// The `destui` command keeps V8's code cache of the bundle in the user's cache folder: written
// once the UI has been up, used from then on, and a damaged one is replaced without the user
// noticing anything.
import {execFile, spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {deferCleanup, destuiOn, sandbox} from '../harness/e2e.js';
import {BUNDLE, sleep} from '../harness/terminal.js';

const run = promisify(execFile);

function cacheHome(): string {
	const dir = mkdtempSync(join(tmpdir(), 'destui-cache-home-'));
	deferCleanup(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

const cacheFiles = (home: string) =>
	existsSync(join(home, 'destui')) ? readdirSync(join(home, 'destui')).map((f) => join(home, 'destui', f)) : [];

async function until<T>(probe: () => T | undefined, timeoutMs = 8000): Promise<T> {
	for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50)) {
		const found = probe();
		if (found !== undefined) return found;
	}
	throw new Error('timed out');
}

/** destui on a sandbox with this cache home, until the list is up for longer than the save delay. */
async function session(home: string): Promise<void> {
	const s = destuiOn(await sandbox(), {env: {XDG_CACHE_HOME: home}});
	await s.waitFor('11 of 11');
	await sleep(1500);
	await s.press('q');
	expect((await s.exited).code).toBe(0);
}

const valid = (file: string) => {
	const stored = readFileSync(file);
	return stored.length > 1000 && createHash('sha256').update(stored.subarray(32)).digest().equals(stored.subarray(0, 32));
};

describe('code cache', () => {
	it('is written once the UI is up, private to the user, then used as it is', async () => {
		const home = cacheHome();
		await session(home);
		const [file] = await until(() => (cacheFiles(home).length ? cacheFiles(home) : undefined));
		expect(cacheFiles(home)).toHaveLength(1);
		expect(valid(file!)).toBe(true);
		expect(statSync(file!).mode & 0o777).toBe(0o600);
		const written = statSync(file!).mtimeMs;

		// A cache that was used is not written again.
		await session(home);
		expect(cacheFiles(home)).toEqual([file]);
		expect(statSync(file!).mtimeMs).toBe(written);
	});

	it('a damaged cache changes nothing for the user and is replaced', async () => {
		const home = cacheHome();
		await session(home);
		const [file] = await until(() => (cacheFiles(home).length ? cacheFiles(home) : undefined));
		const damaged = readFileSync(file!);
		for (let i = 100; i < damaged.length; i += 11) damaged[i]! ^= 0xff;
		writeFileSync(file!, damaged);

		await session(home);
		await until(() => (valid(file!) ? true : undefined));
	});

	it('quick commands and the sandbox command leave no cache behind', async () => {
		const home = cacheHome();
		const env = {...process.env, XDG_CACHE_HOME: home};
		expect((await run(process.execPath, [BUNDLE, '--version'], {env})).stdout).toMatch(/^destui /);
		const sb = spawn(process.execPath, [BUNDLE, 'sandbox', '--port', '0'], {env, stdio: ['ignore', 'pipe', 'inherit']});
		deferCleanup(() => void sb.kill());
		let out = '';
		sb.stdout.on('data', (d: Buffer) => (out += d.toString()));
		await until(() => (out.includes('listening') ? true : undefined));
		await sleep(1500);
		expect(sb.exitCode).toBeNull();
		expect(cacheFiles(home)).toEqual([]);
	});
});
