// Measuring primitives for the benchmark: a pty whose every output chunk is timed, so "the next
// frame after a key" and "the first frame showing the list" are read off real terminal output.
import {spawn as spawnPty, type IPty} from 'node-pty';
import xterm from '@xterm/headless';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {BUNDLE} from '../harness/terminal.js';

const {Terminal} = xterm;

export interface Stats {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function stats(samples: number[]): Stats {
	const sorted = [...samples].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return {median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length};
}

export class TimedTerminal {
	readonly pty: IPty;
	readonly startedAt: number;
	private readonly term: InstanceType<typeof Terminal>;
	private listeners: Array<(t: number) => void> = [];
	readonly exited: Promise<number>;

	constructor(args: string[], env: Record<string, string | undefined>, cols = 120, rows = 40) {
		this.term = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
		const childEnv: Record<string, string> = {};
		for (const [k, v] of Object.entries({...process.env, ...env})) if (v !== undefined && k !== 'CI') childEnv[k] = v;
		this.startedAt = performance.now();
		this.pty = spawnPty(process.execPath, [BUNDLE, ...args], {name: 'xterm-256color', cols, rows, env: childEnv});
		this.pty.onData((data) => {
			const t = performance.now();
			this.term.write(data, () => {
				const waiting = this.listeners;
				this.listeners = [];
				for (const l of waiting) l(t);
			});
		});
		this.exited = new Promise((resolve) => this.pty.onExit(({exitCode}) => resolve(exitCode)));
	}

	screen(): string {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < this.term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		return lines.join('\n');
	}

	/** Resolves with the arrival time of the output chunk after which the screen first matches. */
	until(match: (screen: string) => boolean, timeoutMs = 20_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`timed out; screen:\n${this.screen()}`)), timeoutMs);
			const check = (t: number) => {
				if (match(this.screen())) {
					clearTimeout(timer);
					resolve(t);
				} else this.listeners.push(check);
			};
			this.listeners.push(check);
			// The screen may already match.
			this.term.write('', () => {
				if (match(this.screen())) {
					clearTimeout(timer);
					this.listeners = this.listeners.filter((l) => l !== check);
					resolve(performance.now());
				}
			});
		});
	}

	/** Sends a key and resolves with the milliseconds until the screen shows its effect. */
	async keyToFrame(key: string, match: (screen: string) => boolean): Promise<number> {
		const sent = performance.now();
		const arrived = this.until(match, 10_000);
		this.pty.write(key);
		return (await arrived) - sent;
	}

	/** Sends a key and resolves with the milliseconds until the next output chunk (the next frame). */
	async keyToNextFrame(key: string): Promise<number> {
		const sent = performance.now();
		const arrived = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no frame after key ${JSON.stringify(key)}`)), 10_000);
			this.listeners.push((t) => {
				clearTimeout(timer);
				resolve(t);
			});
		});
		this.pty.write(key);
		return (await arrived) - sent;
	}

	/** Peak resident memory of the destui process so far, in MiB (Linux VmHWM). */
	peakRssMiB(): number {
		const status = readFileSync(`/proc/${this.pty.pid}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
		return kb / 1024;
	}

	async quit(): Promise<void> {
		this.pty.write('q');
		const timeout = new Promise<number>((r) => setTimeout(() => r(-1), 3000));
		if ((await Promise.race([this.exited, timeout])) === -1) this.pty.kill('SIGKILL');
		this.term.dispose();
	}
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
