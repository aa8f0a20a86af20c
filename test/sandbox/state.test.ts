// --state FILE: persistence across restarts, atomic writes, mode 0600.
import {spawn} from 'node:child_process';
import {chmodSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/server.js';
import {API, BODIES, body, call, sandbox, SECRET_VALUES} from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'destui-sandbox-state-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const mode = (file: string) => statSync(file).mode & 0o777;
const EMPTY_STATE = {version: 1, seed: 'empty', destinations: [], defaultId: null, orders: [], subscriptions: []};

describe('state file', () => {
	it('is created at start with mode 0600, from the seed', async () => {
		const file = join(tempDir(), 'state.json');
		await sandbox({stateFile: file, seed: 'demo'});
		expect(mode(file)).toBe(0o600);
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved.version).toBe(1);
		expect(saved.destinations.length).toBeGreaterThan(5);
	});

	it('keeps destinations, renames and the default across a restart; the file wins over --seed', async () => {
		const file = join(tempDir(), 'state.json');
		const first = await sandbox({stateFile: file, seed: 'empty'});
		const made = (await call(first, 'POST', API, {body: body('amazon_s3', 'kept-bucket', 'Kept')})).json;
		await call(first, 'PATCH', `${API}/${made.id}`, {body: {name: 'Kept and renamed'}});
		await call(first, 'PUT', `${API}/default`, {body: {destination_id: made.id}});
		const before = (await call(first, 'GET', `${API}/${made.id}`)).json;
		await first.close();

		const second = await sandbox({stateFile: file, seed: 'demo'});
		const list = (await call(second, 'GET', API)).json.destinations;
		expect(list.map((d: {id: string}) => d.id)).toEqual([made.id]);
		const after = (await call(second, 'GET', `${API}/${made.id}`)).json;
		expect({...after, _links: undefined}).toEqual({...before, _links: undefined});
		expect((await call(second, 'GET', `${API}/default`)).json.id).toBe(made.id);
	});

	it('stores secrets (normalised) in the file, never in answers', async () => {
		const file = join(tempDir(), 'state.json');
		const sb = await sandbox({stateFile: file, seed: 'empty'});
		const azure = BODIES.azure_blob_storage;
		const res = await call(sb, 'POST', API, {
			body: {...azure, parameters: {...azure.parameters, sas_token: `?${azure.parameters.sas_token}`}},
		});
		expect(res.status).toBe(201);
		await call(sb, 'POST', API, {body: BODIES.amazon_s3});
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		const stored = saved.destinations.find((d: {type: string}) => d.type === 'azure_blob_storage');
		expect(stored.parameters.sas_token).toBe(azure.parameters.sas_token);
		expect(readFileSync(file, 'utf8')).toContain('test-secret-s3-value');
		const listed = await call(sb, 'GET', API);
		for (const secret of SECRET_VALUES) expect(listed.text).not.toContain(secret);
	});

	it('writes atomically: each change replaces the file by rename, leaves no temp file, keeps 0600', async () => {
		const dir = tempDir();
		const file = join(dir, 'state.json');
		writeFileSync(file, JSON.stringify({version: 1, seed: 'empty', destinations: [], defaultId: null, orders: [], subscriptions: []}));
		chmodSync(file, 0o644);
		const sb = await sandbox({stateFile: file});
		// A hard link keeps the previous version's inode: an in-place write would change it too.
		const keep = tempDir();
		for (let i = 0; i < 5; i++) {
			const previous = join(keep, `generation-${i}`);
			linkSync(file, previous);
			const before = readFileSync(previous, 'utf8');
			expect((await call(sb, 'POST', API, {body: body('amazon_s3', `atomic-${i}-bucket`)})).status).toBe(201);
			expect(readFileSync(previous, 'utf8')).toBe(before);
			expect(readdirSync(dir)).toEqual(['state.json']);
			expect(JSON.parse(readFileSync(file, 'utf8')).destinations).toHaveLength(i + 1);
		}
		expect(mode(file)).toBe(0o600);
	});

	it('at start, removes the temporary files a killed sandbox left beside the file, and nothing else', async () => {
		const dir = tempDir();
		const file = join(dir, 'state.json');
		writeFileSync(file, JSON.stringify(EMPTY_STATE), {mode: 0o600});
		// A writer killed with SIGKILL between creating its temporary file and renaming it.
		const writer = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {stdio: 'ignore'});
		const dead = writer.pid!;
		writeFileSync(join(dir, `.state.json.${dead}.0123456789ab.tmp`), '');
		writeFileSync(join(dir, `.state.json.${dead}.ba9876543210.tmp`), '{"version": 1, "seed"');
		writer.kill('SIGKILL');
		await new Promise((resolve) => writer.once('exit', resolve));
		const kept = [
			`.state.json.${process.pid}.00000000aaaa.tmp`, // a live writer's: left alone
			`.other.json.${dead}.0123456789ab.tmp`, // another file's
			'.state.json.notes', // not of our naming
			'state.json',
		];
		for (const name of kept.slice(0, 3)) writeFileSync(join(dir, name), '');
		const sb = await sandbox({stateFile: file});
		expect(readdirSync(dir).sort()).toEqual([...kept].sort());
		expect(sb.warnings).toEqual([]);
		expect((await call(sb, 'POST', API, {body: body('amazon_s3', 'after-crash-bucket')})).status).toBe(201);
	});

	it('sets a state file others can read to 0600 at load, with a warning; a 0600 file gets none', async () => {
		const file = join(tempDir(), 'state.json');
		writeFileSync(file, JSON.stringify(EMPTY_STATE));
		chmodSync(file, 0o644);
		const first = await sandbox({stateFile: file});
		expect(mode(file)).toBe(0o600);
		expect(first.warnings).toHaveLength(1);
		expect(first.warnings[0]).toMatch(/state\.json had mode 0644 .*set it to 0600/);
		await first.close();
		expect((await sandbox({stateFile: file})).warnings).toEqual([]);
	});

	it('does not rewrite the file for reads', async () => {
		const file = join(tempDir(), 'state.json');
		const sb = await sandbox({stateFile: file});
		const link = join(tempDir(), 'same');
		linkSync(file, link);
		await call(sb, 'GET', API);
		await call(sb, 'GET', `${API}/default`);
		expect(statSync(file).ino).toBe(statSync(link).ino);
	});

	it('persists reset and populate', async () => {
		const file = join(tempDir(), 'state.json');
		const sb = await sandbox({stateFile: file, seed: 'demo'});
		await call(sb, 'POST', '/_sandbox/reset', {body: {seed: 'empty'}, as: null});
		expect(JSON.parse(readFileSync(file, 'utf8')).destinations).toEqual([]);
		await call(sb, 'POST', '/_sandbox/populate', {body: {count: 7}, as: null});
		expect(JSON.parse(readFileSync(file, 'utf8')).destinations).toHaveLength(7);
	});

	it.each([
		['not JSON', '{"version": 1,'],
		['not a sandbox state', '{"hello": "world"}'],
	])('refuses to start on a file that is %s, naming the file', async (_label, content) => {
		const file = join(tempDir(), 'broken.json');
		writeFileSync(file, content);
		await expect(startSandbox({stateFile: file, rateLimit: false})).rejects.toThrow(/broken\.json/);
		expect(readFileSync(file, 'utf8')).toBe(content);
	});

	it('refuses to start when the file cannot be written, naming it', async () => {
		const file = join(tempDir(), 'no-such-dir', 'state.json');
		await expect(startSandbox({stateFile: file, rateLimit: false})).rejects.toThrow(/cannot write the state file .*no-such-dir/);
	});
});
