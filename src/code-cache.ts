// Runs the bundled app from V8's code cache. Compiling the ~860 KB bundle is the largest single
// cost of start-up (measured: ~75 ms of ~300 on a 2-core machine), and Node 20 keeps no compile
// cache of its own (Node 22's module.enableCompileCache does the same job). The cache lives in the
// user's cache folder, one file per bundle build and Node version; anything wrong with it only
// costs the compile it would have saved, never the start.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import vm from 'node:vm';

/** Where the cache for this bundle build (`buildId`) and this Node lives, or undefined without a home. */
export function codeCachePath(buildId: string, env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
	const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : home ? join(home, '.cache') : undefined;
	if (!base) return undefined;
	return join(base, 'destui', `${buildId}-v8-${process.versions.v8}-${process.arch}.v8`);
}

export type CacheUse = 'none' | 'used' | 'rejected';

export interface LoadedApp {
	/** Whether the compile came from the cache; 'rejected' when a cache file was there but unusable. */
	cache: CacheUse;
	/** Writes the cache from what has been compiled so far; false if it could not be written. */
	save(): boolean;
	/** Runs the app's top level as a CommonJS module. */
	run(): void;
}

// A digest of the cached bytes goes first: V8 checks a code cache's version and flags but, in a
// release build, not its contents, and a damaged cache crashes the process (seen: a fatal
// "unreachable code" in the deserializer).
const DIGEST = 32;
const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();

function readCache(file: string | undefined): Buffer | undefined {
	if (!file) return undefined;
	let stored: Buffer;
	try {
		stored = readFileSync(file);
	} catch {
		return undefined;
	}
	const data = stored.subarray(DIGEST);
	return stored.length > DIGEST && digest(data).equals(stored.subarray(0, DIGEST)) ? data : Buffer.alloc(0);
}

/** Compiles `appFile` (a CommonJS bundle), from `cacheFile` when it holds a valid cache of it. */
export function loadApp(appFile: string, cacheFile: string | undefined): LoadedApp {
	const source = readFileSync(appFile, 'utf8');
	const cached = readCache(cacheFile);
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
		filename: appFile,
		cachedData: cached?.length ? cached : undefined,
	});
	const cache: CacheUse = cached === undefined ? 'none' : !cached.length || script.cachedDataRejected ? 'rejected' : 'used';
	return {
		cache,
		save: () => (cacheFile ? writeCache(cacheFile, script.createCachedData()) : false),
		run() {
			const module = {exports: {}};
			const main = script.runInThisContext() as (...args: unknown[]) => void;
			main.call(module.exports, module.exports, createRequire(appFile), module, appFile, dirname(appFile));
		},
	};
}

function writeCache(file: string, data: Buffer): boolean {
	const dir = dirname(file);
	const temp = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		writeFileSync(temp, Buffer.concat([digest(data), data]), {mode: 0o600});
		renameSync(temp, file);
	} catch {
		try {
			rmSync(temp, {force: true});
		} catch {
			// There was nowhere to write it.
		}
		return false;
	}
	// Caches of other builds and Node versions are dead weight once this one is written.
	const name = file.slice(dir.length + 1);
	try {
		for (const other of readdirSync(dir)) if (other !== name && other.endsWith('.v8')) rmSync(join(dir, other), {force: true});
	} catch {
		// Tidying is best effort.
	}
	return true;
}
