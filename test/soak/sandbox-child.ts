// Starts the soak's sandbox in a child process (sandbox-process.ts, bundled on the spot by
// esbuild like test/harness/run-ts.mjs does) and speaks to it: its address, the changes it
// reports, and its whole state on request.
import {fork, type ChildProcess} from 'node:child_process';
import {mkdirSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import type {StateChange} from '../../src/sandbox/server.js';
import type {SandboxState} from '../../src/sandbox/types.js';
import type {ToChild, ToParent} from './sandbox-process.js';

export interface SandboxChild {
	origin: string;
	apiBase: string;
	state(): Promise<SandboxState>;
	close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./sandbox-process.ts', import.meta.url));
// In node_modules/.cache (git never sees it), so the bundle's imports resolve from the checkout's node_modules.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/soak/', import.meta.url));

export async function startSandboxChild(onChange: (change: StateChange) => void): Promise<SandboxChild> {
	mkdirSync(CACHE, {recursive: true});
	const outfile = `${CACHE}sandbox-process.${process.pid}.${Date.now()}.mjs`;
	await build({entryPoints: [ENTRY], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning'});
	const child: ChildProcess = fork(outfile, [], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
	const pending = new Map<number, (state: SandboxState) => void>();
	let nextId = 0;
	const ready = new Promise<{origin: string; apiBase: string}>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the soak's sandbox exited (${code}) before it was ready`)));
		child.on('message', (m: ToParent) => {
			if (m.type === 'ready') resolve(m);
			else if (m.type === 'change') onChange(m.change);
			else if (m.type === 'state') pending.get(m.id)?.(m.state as SandboxState);
		});
	});
	try {
		const {origin, apiBase} = await ready;
		// Loaded by now: nothing is left behind even if this process is killed.
		rmSync(outfile, {force: true});
		return {
			origin,
			apiBase,
			state: () =>
				new Promise((resolve) => {
					const id = nextId++;
					pending.set(id, (state) => {
						pending.delete(id);
						resolve(state);
					});
					child.send({type: 'state', id} satisfies ToChild);
				}),
			close: async () => {
				if (child.exitCode === null && child.connected) {
					const exited = new Promise((r) => child.once('exit', r));
					child.send({type: 'close'} satisfies ToChild);
					await exited;
				}
			},
		};
	} catch (err) {
		child.kill();
		rmSync(outfile, {force: true});
		throw err;
	}
}
