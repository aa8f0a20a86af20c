// The planet CLI's credential files (~/.planet.json, ~/.planet/<profile>/*.json), read safely and
// written so that planet-auth reads them back byte for byte as it would have written them.
import {chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {dirname, join} from 'node:path';

/** A credential file is a few hundred bytes; anything huge is not one. */
const MAX_FILE_BYTES = 1 << 20;

export type JsonFile = {kind: 'object'; value: Record<string, unknown>} | {kind: 'missing'} | {kind: 'unusable'; why: string};

/** A JSON object from `path`, or why not. Never throws, never quotes the content. */
export function readJsonObject(path: string): JsonFile {
	try {
		const stat = statSync(path, {throwIfNoEntry: false});
		if (!stat) return {kind: 'missing'};
		// A FIFO or device would block or never end: only plain files are read.
		if (!stat.isFile()) return {kind: 'unusable', why: 'is not a regular file'};
		if (stat.size > MAX_FILE_BYTES) return {kind: 'unusable', why: 'is too large to be a credentials file'};
		const text = readFileSync(path, 'utf8');
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return {kind: 'unusable', why: text.trim() === '' ? 'is empty' : 'is not valid JSON'};
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {kind: 'unusable', why: 'does not hold a JSON object'};
		return {kind: 'object', value: value as Record<string, unknown>};
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		return {kind: 'unusable', why: code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)' : 'could not be read'};
	}
}

/**
 * What Python's `json.dumps(data, indent=2, sort_keys=True)` writes (planet-auth's format):
 * keys sorted at every level, two-space indent, non-ASCII escaped, no trailing newline. Top-level
 * nulls are left out, as planet-auth leaves out None.
 */
export function planetJson(data: Record<string, unknown>): string {
	const top = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined));
	const sorted = (v: unknown): unknown => {
		if (Array.isArray(v)) return v.map(sorted);
		if (typeof v === 'object' && v !== null) {
			return Object.fromEntries(
				Object.keys(v)
					.sort(byCodePoint)
					.map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
			);
		}
		return v;
	};
	return JSON.stringify(sorted(top), null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Python sorts str keys by code point; JavaScript's default sort compares UTF-16 units, which
// differs only above the BMP. Close enough would not be byte-exact.
const byCodePoint = (a: string, b: string): number => {
	const x = [...a].map((c) => c.codePointAt(0)!);
	const y = [...b].map((c) => c.codePointAt(0)!);
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
	return x.length - y.length;
};

/** Creates the folders of `dir` that are missing with mode 0700 (folders that exist keep theirs). */
export function makePrivateDirs(dir: string): void {
	mkdirSync(dir, {recursive: true, mode: 0o700});
}

/**
 * Writes `data` to `path` atomically: a temporary file in the same folder, mode 0600 from its
 * creation, flushed, then renamed over the old one. A reader (planet, another destui) sees the
 * old file or the new one, never half of one. Throws on failure, leaving the old file as it was.
 */
export function writeJsonAtomic(path: string, data: Record<string, unknown>): void {
	const dir = dirname(path);
	makePrivateDirs(dir);
	// Unique enough with 'wx' (which never opens an existing file); node:crypto stays off the start-up path.
	const temp = join(dir, `.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
	const fd = openSync(temp, 'wx', 0o600);
	try {
		try {
			// The mode given to open is masked by the umask; 0600 is what planet-auth sets.
			chmodSync(temp, 0o600);
			writeSync(fd, planetJson(data));
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, path);
	} catch (err) {
		try {
			unlinkSync(temp);
		} catch {
			// Already gone.
		}
		throw err;
	}
}
