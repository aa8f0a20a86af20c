// Runs the built destui in a real pseudo-terminal and reads the screen the way a person would:
// node-pty gives it a real tty (raw mode, resize signals), @xterm/headless interprets the bytes,
// with Unicode 11 widths as today's terminals draw them (an emoji takes two cells).
import {spawn, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';
import {fileURLToPath} from 'node:url';
import {KEYS} from './keys.js';

const {Terminal} = xterm;

export const BUNDLE = fileURLToPath(new URL('../../dist/destui.cjs', import.meta.url));
/** Where destui under test keeps its code cache: inside the checkout, never the user's own. */
export const TEST_CACHE_HOME = fileURLToPath(new URL('../../node_modules/.cache/destui-tests', import.meta.url));

// Re-exported so an end-to-end test gets launch() and the keys it presses from one import.
export {KEYS};

export interface LaunchOptions {
	cols?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
	cwd?: string;
	/** The command to run instead of `node <the checkout's bundle>` (e.g. `npx destui`). */
	command?: string[];
}

export interface Exit {
	code: number;
	signal?: number;
}

export class TerminalSession {
	readonly exited: Promise<Exit>;
	private raw = '';
	private exitInfo: Exit | undefined;
	/** When the program first wrote anything (epoch milliseconds), for ordering against other events. */
	firstOutputAt?: number;
	private listeners: Array<(data: string) => void> = [];

	constructor(
		private readonly pty: IPty,
		private readonly term: InstanceType<typeof Terminal>,
	) {
		pty.onData((data) => {
			this.firstOutputAt ??= performance.timeOrigin + performance.now();
			this.raw += data;
			term.write(data);
			for (const listener of this.listeners) listener(data);
		});
		this.exited = new Promise((resolve) => {
			pty.onExit(({exitCode, signal}) => {
				this.exitInfo = {code: exitCode, signal};
				resolve(this.exitInfo);
			});
		});
	}

	/** The process started in the terminal (node, or the command given). */
	get pid(): number {
		return this.pty.pid;
	}

	/** The emulated terminal itself, for reading cells (widths, wrapped rows) the helpers here do not. */
	get terminal(): InstanceType<typeof Terminal> {
		return this.term;
	}

	/** Calls `listener` with every chunk the program writes, as it arrives. */
	onOutput(listener: (data: string) => void): void {
		this.listeners.push(listener);
	}

	/** Every byte the program wrote, escape sequences included. */
	output(): string {
		return this.raw;
	}

	get hasExited(): boolean {
		return this.exitInfo !== undefined;
	}

	/** The visible screen, one line per row, trailing spaces trimmed. */
	async screen(): Promise<string> {
		await new Promise<void>((resolve) => this.term.write('', resolve));
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return lines.join('\n');
	}

	/**
	 * The visible screen cell by cell, one string per row with exactly one character per cell:
	 * printable ASCII as drawn, any other character as "#", the second cell of a wide character
	 * as "\0". So `row.indexOf(' S3 ')` is the cell where that text starts.
	 */
	async cells(): Promise<string[]> {
		await new Promise<void>((resolve) => this.term.write('', resolve));
		const buffer = this.term.buffer.active;
		const rows: string[] = [];
		for (let y = 0; y < this.term.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			let row = '';
			for (let x = 0; x < this.term.cols; x++) {
				const cell = line?.getCell(x);
				const chars = cell?.getChars() ?? '';
				row += cell?.getWidth() === 0 ? '\0' : chars === '' ? ' ' : /^[\x20-\x7e]$/.test(chars) ? chars : '#';
			}
			rows.push(row);
		}
		return rows;
	}

	/** Polls the screen until it matches; fails with the last screen so a broken test explains itself. */
	async waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		const matches = (s: string) =>
			typeof expected === 'string' ? s.includes(expected) : expected instanceof RegExp ? expected.test(s) : expected(s);
		const deadline = Date.now() + timeoutMs;
		let last = '';
		while (Date.now() < deadline) {
			last = await this.screen();
			if (matches(last)) return last;
			if (this.hasExited) break;
			await sleep(25);
		}
		throw new Error(
			`screen never showed ${String(expected)}${this.hasExited ? ` (process exited ${this.exitInfo?.code})` : ''}; last screen:\n${last}`,
		);
	}

	/** Sends keys one write at a time: several keys in one chunk can be read as one. */
	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			this.pty.write(key);
			// A lone Esc is held back by Ink's parser until the next chunk or tick.
			await sleep(key === KEYS.esc ? 60 : 15);
		}
	}

	async type(text: string): Promise<void> {
		for (const ch of text) await this.press(ch);
	}

	/** Writes bytes as they are, in one write: keys typed together, a paste. */
	write(bytes: string): void {
		this.pty.write(bytes);
	}

	/** Writes to the emulated screen only, as another program printing over destui would. */
	scribble(text: string): void {
		this.term.write(text);
	}

	resize(cols: number, rows: number): void {
		this.pty.resize(cols, rows);
		this.term.resize(cols, rows);
	}

	kill(signal = 'SIGTERM'): void {
		if (!this.hasExited) this.pty.kill(signal);
	}

	/** Kills the process if it is still running and waits for it to end. */
	async close(): Promise<Exit> {
		this.kill();
		const exit = await Promise.race([this.exited, sleep(3000).then(() => undefined)]);
		if (!exit) this.kill('SIGKILL');
		this.term.dispose();
		return exit ?? (await this.exited);
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts `node dist/destui.cjs ...args` in a pty (run `npm run build` first; npm test does). */
export function launch(args: string[], options: LaunchOptions = {}): TerminalSession {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 30;
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries({...process.env, ...options.env})) if (v !== undefined) env[k] = v;
	// Ink draws nothing until exit when CI is set, and CI runs with CI=true.
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	env.TERM = options.env?.TERM ?? 'xterm-256color';
	env.XDG_CACHE_HOME = options.env?.XDG_CACHE_HOME ?? TEST_CACHE_HOME;
	const term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	term.loadAddon(new unicode11.Unicode11Addon());
	term.unicode.activeVersion = '11';
	const [file, ...before] = options.command ?? [process.execPath, BUNDLE];
	const pty = spawn(file!, [...before, ...args], {name: env.TERM, cols, rows, cwd: options.cwd ?? process.cwd(), env});
	return new TerminalSession(pty, term);
}
