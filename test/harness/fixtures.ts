// What every kind of test sets up against the sandbox: a clean-up registry run after each test
// (the hook registers in the importing test file) and an in-process sandbox closed by it.
import {afterEach} from 'vitest';
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/server.js';

export const USER_KEY = 'PLAK-sandbox-user';
export const ADMIN_KEY = 'PLAK-sandbox-admin';

const cleanups: Array<() => Promise<unknown> | void> = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `cleanup` after the current test, after everything registered later. */
export function deferCleanup(cleanup: () => Promise<unknown> | void): void {
	cleanups.push(cleanup);
}

/** A sandbox for this test: the demo organisation, no rate limit unless asked for. */
export async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const sb = await startSandbox({seed: 'demo', rateLimit: false, ...options});
	deferCleanup(() => sb.close());
	return sb;
}
