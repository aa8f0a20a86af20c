// Keeps the sandbox's state across restarts (--state FILE). The file holds secrets, so it is
// created with mode 0600, and every write is atomic: a temporary file in the same directory is
// written and fsynced, then renamed over the old one, so a crash never leaves half a file.
import {randomBytes} from 'node:crypto';
import {chmodSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {SEED_NAMES} from './seed.js';
import type {SandboxState} from './types.js';

const tempName = (file: string, pid: number, tag: string): string => `.${basename(file)}.${pid}.${tag}.tmp`;

function isRunning(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM: it runs, as someone else.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes temporary files a killed sandbox left beside the state file (`kill -9` between creating
 * and renaming one). Only files of our own naming whose writer is no longer running: a live
 * sandbox's write in progress is left alone. Returns the names removed.
 */
export function removeStaleTemporaryFiles(file: string): string[] {
	const prefix = `.${basename(file)}.`;
	let names: string[];
	try {
		names = readdirSync(dirname(file));
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const m = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length)) : null;
		if (!m || isRunning(Number(m[1]))) continue;
		try {
			rmSync(join(dirname(file), name));
			removed.push(name);
		} catch {
			/* gone already, or not ours to remove: the next start tries again */
		}
	}
	return removed;
}

/**
 * A state file others can read (say 0644, from a copy or an older tool) is set back to 0600: it
 * holds every secret sent to the sandbox. Returns a warning for the user, if any.
 */
export function tightenMode(file: string): string | undefined {
	if (process.platform === 'win32') return undefined;
	let mode: number;
	try {
		mode = statSync(file).mode & 0o777;
	} catch {
		return undefined;
	}
	if ((mode & 0o077) === 0) return undefined;
	const was = mode.toString(8).padStart(4, '0');
	try {
		chmodSync(file, 0o600);
	} catch (err) {
		return `the state file ${file} holds secrets but has mode ${was}, and could not be set to 0600: ${(err as Error).message}`;
	}
	return `the state file ${file} had mode ${was} (readable by others); set it to 0600, as it holds secrets`;
}

export function loadState(file: string): SandboxState | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new Error(`cannot read the state file ${file}: ${(err as Error).message}`, {cause: err});
	}
	let state: unknown;
	try {
		state = JSON.parse(text);
	} catch {
		throw new Error(`the state file ${file} is not valid JSON; move it away to start afresh`);
	}
	const s = state as Partial<SandboxState> | null;
	if (
		!s ||
		s.version !== 1 ||
		!Array.isArray(s.destinations) ||
		!Array.isArray(s.orders) ||
		!Array.isArray(s.subscriptions) ||
		!(SEED_NAMES as readonly unknown[]).includes(s.seed) ||
		(s.defaultId !== null && typeof s.defaultId !== 'string')
	) {
		throw new Error(`the state file ${file} is not a destui sandbox state (version 1); move it away to start afresh`);
	}
	return s as SandboxState;
}

export function saveState(file: string, state: SandboxState): void {
	const dir = dirname(file);
	const temp = join(dir, tempName(file, process.pid, randomBytes(6).toString('hex')));
	const data = `${JSON.stringify(state, null, 2)}\n`;
	try {
		const fd = openSync(temp, 'wx', 0o600);
		try {
			writeSync(fd, data);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, file);
	} catch (err) {
		rmSync(temp, {force: true});
		throw err;
	}
	// Make the rename itself durable; some file systems cannot fsync a directory, which is fine.
	try {
		const dfd = openSync(dir, 'r');
		try {
			fsyncSync(dfd);
		} finally {
			closeSync(dfd);
		}
	} catch {
		/* best effort */
	}
}
