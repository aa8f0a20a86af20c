// Shared by the end-to-end tests: a sandbox in the test process and the built destui pointed at
// it in a real terminal, both closed after each test (the hooks register in the importing file).
import {existsSync} from 'node:fs';
import {afterEach, beforeAll} from 'vitest';
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/server.js';
import {BUNDLE, launch, type LaunchOptions, type TerminalSession} from './terminal.js';

export const USER_KEY = 'PLAK-sandbox-user';

const cleanups: Array<() => Promise<unknown> | void> = [];

beforeAll(() => {
	if (!existsSync(BUNDLE)) throw new Error('dist/destui.js is missing: run `npm run build` first (npm test does)');
});

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

/** The built destui with these arguments, in a real terminal, closed after the test. */
export function destui(args: string[], options: LaunchOptions = {}): TerminalSession {
	const session = launch(args, {cols: 100, rows: 30, ...options});
	deferCleanup(() => session.close());
	return session;
}

/** The built destui on `sb` as the demo user (or `apiKey`). */
export function destuiOn(sb: RunningSandbox, options: LaunchOptions = {}, apiKey = USER_KEY): TerminalSession {
	return destui(['--base-url', sb.origin, '--api-key', apiKey], options);
}

export {injectFault, requestLog, type LoggedRequest} from './sandbox-hooks.js';
