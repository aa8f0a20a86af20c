// The code cache may only ever make start-up faster: a missing, damaged or unwritable cache
// costs the compile it would have saved, never the start.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {codeCachePath, loadApp} from '../../src/code-cache.js';

let dir: string;
let appFile: string;
let cacheFile: string;
const ran = () => (globalThis as {codeCacheTestRuns?: string[]}).codeCacheTestRuns ?? [];

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'destui-code-cache-'));
	appFile = join(dir, 'app.cjs');
	cacheFile = join(dir, 'cache', 'destui', 'build-1.v8');
	// A CommonJS app that uses what a bundle uses: require, module, __dirname, and a lazily
	// compiled function.
	writeFileSync(
		appFile,
		`const path = require('node:path');
function later(name) { return name + ':' + path.basename(__dirname).length; }
(globalThis.codeCacheTestRuns ??= []).push(later(typeof module.exports));`,
	);
	delete (globalThis as {codeCacheTestRuns?: string[]}).codeCacheTestRuns;
});

afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe('codeCachePath', () => {
	it('uses $XDG_CACHE_HOME when it is absolute, ~/.cache otherwise, and nothing without a home', () => {
		const name = (p: string | undefined) => p?.slice(p.lastIndexOf('/') + 1);
		expect(codeCachePath('abc', {XDG_CACHE_HOME: '/var/cache/me'}, '/home/me')).toMatch(/^\/var\/cache\/me\/destui\/abc-v8-/);
		// The XDG spec says a relative path is to be ignored.
		expect(codeCachePath('abc', {XDG_CACHE_HOME: 'cache'}, '/home/me')).toMatch(/^\/home\/me\/\.cache\/destui\/abc-v8-/);
		expect(codeCachePath('abc', {}, '/home/me')).toMatch(/^\/home\/me\/\.cache\/destui\//);
		expect(codeCachePath('abc', {}, '')).toBeUndefined();
		// Another V8 would reject the cache: each V8 and architecture has its own file.
		expect(name(codeCachePath('abc', {}, '/h'))).toBe(`abc-v8-${process.versions.v8}-${process.arch}.v8`);
	});
});

describe('loadApp', () => {
	it('runs the app as a CommonJS module with no cache, then saves one that the next start uses', () => {
		const first = loadApp(appFile, cacheFile);
		expect(first.cache).toBe('none');
		first.run();
		expect(ran()).toEqual([`object:${dir.slice(dir.lastIndexOf('/') + 1).length}`]);
		expect(first.save()).toBe(true);
		expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
		expect(statSync(join(dir, 'cache', 'destui')).mode & 0o777).toBe(0o700);

		const second = loadApp(appFile, cacheFile);
		expect(second.cache).toBe('used');
		second.run();
		expect(ran()).toHaveLength(2);
		expect(ran()[1]).toBe(ran()[0]);
	});

	it('stores a digest of the cache and checks it before V8 sees the bytes', () => {
		const app = loadApp(appFile, cacheFile);
		app.run();
		app.save();
		const stored = readFileSync(cacheFile);
		expect(stored.subarray(0, 32)).toEqual(createHash('sha256').update(stored.subarray(32)).digest());
	});

	it('treats a damaged cache as rejected, runs the app anyway, and a save replaces it', () => {
		const app = loadApp(appFile, cacheFile);
		app.run();
		app.save();
		const good = readFileSync(cacheFile);
		// Flipped bytes past the header: V8 itself would crash on these (see src/code-cache.ts).
		const damaged = Buffer.from(good);
		for (let i = 40; i < damaged.length; i += 7) damaged[i]! ^= 0x5a;
		for (const bad of [damaged, good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from('not a cache')]) {
			writeFileSync(cacheFile, bad);
			const again = loadApp(appFile, cacheFile);
			expect(again.cache).toBe('rejected');
			again.run();
			expect(again.save()).toBe(true);
			expect(loadApp(appFile, cacheFile).cache).toBe('used');
		}
		expect(ran()).toHaveLength(5);
	});

	it('rejects a cache made for other source code', () => {
		const app = loadApp(appFile, cacheFile);
		app.run();
		app.save();
		writeFileSync(appFile, `(globalThis.codeCacheTestRuns ??= []).push('changed, and of another length');`);
		const changed = loadApp(appFile, cacheFile);
		expect(changed.cache).toBe('rejected');
		changed.run();
		expect(ran().at(-1)).toBe('changed, and of another length');
	});

	it('removes the caches of other builds when it saves', () => {
		const other = join(dir, 'cache', 'destui', 'build-0.v8');
		const unrelated = join(dir, 'cache', 'destui', 'notes.txt');
		const app = loadApp(appFile, cacheFile);
		app.save();
		writeFileSync(other, 'old');
		writeFileSync(unrelated, 'kept');
		app.save();
		expect(readdirSync(join(dir, 'cache', 'destui')).sort()).toEqual(['build-1.v8', 'notes.txt']);
	});

	it('starts without a cache where none can be kept, and a failed save neither throws nor leaves a file', () => {
		writeFileSync(join(dir, 'cache'), 'a file where the folder would go');
		const app = loadApp(appFile, cacheFile);
		expect(app.cache).toBe('none');
		app.run();
		expect(app.save()).toBe(false);
		expect(readdirSync(dir).sort()).toEqual(['app.cjs', 'cache']);

		const nowhere = loadApp(appFile, undefined);
		expect(nowhere.cache).toBe('none');
		expect(nowhere.save()).toBe(false);
		expect(existsSync(cacheFile)).toBe(false);
	});
});
