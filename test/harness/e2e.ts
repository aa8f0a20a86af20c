// Shared by the end-to-end tests: a sandbox in the test process and the built destui pointed at
// it in a real terminal, both closed after each test (the hooks register in the importing file).
import {existsSync} from 'node:fs';
import {beforeAll} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {deferCleanup, USER_KEY} from './fixtures.js';
import {BUNDLE, launch, type LaunchOptions, type TerminalSession} from './terminal.js';

export {deferCleanup, sandbox, USER_KEY} from './fixtures.js';

beforeAll(() => {
	if (!existsSync(BUNDLE)) throw new Error('dist/destui.cjs is missing: run `npm run build` first (npm test does)');
});

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
