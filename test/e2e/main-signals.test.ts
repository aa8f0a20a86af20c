// Ctrl-C and signals at every moment of start-up. destui takes the terminal (raw mode) before it
// loads the app, so from the first byte it draws a Ctrl-C is a key, and a quit: exit 0 wherever it
// lands (the placeholder, the sandbox starting, the loading frame, the list). A signal is a signal:
// SIGINT (kill -INT), SIGTERM and SIGHUP exit 128 + its number. Either way the alternate screen is
// left, and the terminal is back in the mode it was in (checked with stty after destui ends).
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {destui, destuiOn, injectFault, sandbox, USER_KEY} from '../harness/e2e.js';
import {BUNDLE, KEYS, sleep, type TerminalSession} from '../harness/terminal.js';
import {privateHome} from '../auth/helpers.js';

/** The last bytes: leave the alternate screen (and show the cursor), nothing drawn after. */
const restored = (out: string) => /\x1b\[\?1049l(\x1b\[\?25h)*$/.test(out);

/** Waits (polling the raw output, not the parsed screen) for the start-up placeholder. */
async function placeholder(s: TerminalSession, text: string): Promise<void> {
	for (let i = 0; i < 2000 && !s.output().includes(text); i++) await sleep(1);
	expect(s.output()).toContain(text);
}

/** destui run by a shell, and the file where the shell writes what it saw once destui ended. */
interface Shell {
	s: TerminalSession;
	report: string;
}

/**
 * destui in a shell that records, once destui has ended, its exit code and the terminal's modes
 * (`stty -a`): what the user's shell gets back. They go to a file, not the terminal: node-pty drops
 * what is still unread 200 ms after the shell exits, which a loaded machine can take to read it.
 */
function inShell(args: string[], env: Record<string, string | undefined> = {}): Shell {
	const report = privateHome().file('shell-report');
	const s = destui(args, {
		env: {...env, DESTUI_TEST_REPORT: report},
		command: [
			'sh',
			'-c',
			`"${process.execPath}" "${BUNDLE}" "$@"; echo "exit=$?" > "$DESTUI_TEST_REPORT"; stty -a >> "$DESTUI_TEST_REPORT"`,
			'sh',
		],
	});
	return {s, report};
}

/**
 * Ctrl-C, then what the shell saw: destui exited 0, its last bytes left the alternate screen, and
 * the terminal is back in cooked mode with echo.
 */
async function ctrlCQuits({s, report}: Shell): Promise<void> {
	await s.press(KEYS.ctrlC);
	await s.exited;
	const seen = readFileSync(report, 'utf8');
	expect(/exit=(\d+)/.exec(seen)?.[1]).toBe('0');
	expect(restored(s.output())).toBe(true);
	const modes = seen.split(/\s+/);
	expect(['icanon', 'echo', 'isig'].filter((m) => modes.includes(m))).toEqual(['icanon', 'echo', 'isig']);
}

describe('Ctrl-C at every moment of start-up is a quit: exit 0, terminal restored', () => {
	it('at the placeholder, before the app has loaded (the list answered 2 s late)', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 2000});
		const shell = inShell(['--base-url', sb.origin, '--api-key', USER_KEY]);
		await placeholder(shell.s, 'loading…');
		await ctrlCQuits(shell);
	});

	it('on the loading frame, while the list is on its way', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 2000});
		const shell = inShell(['--base-url', sb.origin, '--api-key', USER_KEY]);
		await shell.s.waitFor('Loading destinations…');
		await ctrlCQuits(shell);
	});

	it('the moment the list shows', async () => {
		const shell = inShell(['--base-url', (await sandbox()).origin, '--api-key', USER_KEY]);
		await shell.s.waitFor('11 of 11');
		await ctrlCQuits(shell);
	});

	it('while the sandbox chosen on the sign-in screen starts (no screen reads keys then)', async () => {
		const home = privateHome().path;
		// The sandbox starts in a few milliseconds, often within the frame that follows d, so its
		// placeholder may never be drawn: here its server takes 1.5 s to listen, as on a slow machine
		// (a preload in destui's process; destui's own code is as shipped).
		const slowListen = join(home, 'slow-listen.cjs');
		writeFileSync(
			slowListen,
			`const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) { setTimeout(() => listen.apply(this, args), 1500); return this; };
`,
		);
		const noCredentials = {
			HOME: home,
			PL_API_KEY: undefined,
			PL_AUTH_PROFILE: undefined,
			PL_AUTH_CLIENT_ID: undefined,
			NODE_OPTIONS: `--require ${slowListen}`,
		};
		const shell = inShell(['--base-url', (await sandbox()).origin], noCredentials);
		await shell.s.waitFor('sign in now');
		// The sign-in screen takes no key typed the moment it appeared.
		await sleep(450);
		await shell.s.press('d');
		await placeholder(shell.s, 'Starting the local sandbox');
		await ctrlCQuits(shell);
	});

	it('while the --demo sandbox starts', async () => {
		const shell = inShell(['--demo']);
		await placeholder(shell.s, 'starting…');
		await ctrlCQuits(shell);
	});
});

describe('signals during start-up and after: 128 + the signal, terminal restored', () => {
	it('SIGTERM while the --demo sandbox starts', async () => {
		const s = destui(['--demo']);
		await placeholder(s, 'starting…');
		s.kill('SIGTERM');
		expect((await s.exited).code).toBe(143);
		expect(restored(s.output())).toBe(true);
	});

	it('SIGINT (kill -INT, not a Ctrl-C) at the placeholder and on the loading frame', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 2, methods: ['GET'], path: '/destinations/v1', latency_ms: 2000});
		const early = destuiOn(sb);
		await placeholder(early, 'loading…');
		early.kill('SIGINT');
		expect((await early.exited).code).toBe(130);
		expect(restored(early.output())).toBe(true);
		const loading = destuiOn(sb);
		await loading.waitFor('Loading destinations…');
		loading.kill('SIGINT');
		expect((await loading.exited).code).toBe(130);
		expect(restored(loading.output())).toBe(true);
	});

	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const)
		it(`${signal} once the list is up: unmounts, restores the terminal and exits ${code}`, async () => {
			const s = destuiOn(await sandbox());
			await s.waitFor('11 of 11');
			s.kill(signal);
			expect((await s.exited).code).toBe(code);
			expect(restored(s.output())).toBe(true);
		});
});
