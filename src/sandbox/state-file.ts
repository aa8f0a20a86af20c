// Keeps the sandbox's state across restarts (--state FILE). The file holds secrets, so it is
// created with mode 0600, and every write is atomic: a temporary file in the same directory is
// written and fsynced, then renamed over the old one, so a crash never leaves half a file.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import type {SandboxState} from './types.js';

export function loadState(file: string): SandboxState | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw new Error(`cannot read the state file ${file}: ${(err as Error).message}`);
	}
	let state: unknown;
	try {
		state = JSON.parse(text);
	} catch {
		throw new Error(`the state file ${file} is not valid JSON; move it away to start afresh`);
	}
	const s = state as Partial<SandboxState> | null;
	if (
		!s || s.version !== 1 || !Array.isArray(s.destinations) || !Array.isArray(s.orders) ||
		!Array.isArray(s.subscriptions) || (s.seed !== 'demo' && s.seed !== 'empty') || (s.defaultId !== null && typeof s.defaultId !== 'string')
	) {
		throw new Error(`the state file ${file} is not a destui sandbox state (version 1); move it away to start afresh`);
	}
	return s as SandboxState;
}

export function saveState(file: string, state: SandboxState): void {
	const dir = dirname(file);
	const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
