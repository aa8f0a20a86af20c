// One soak run: destui as shipped (dist/destui.cjs) in a real pseudo-terminal, against a sandbox
// (in a process of its own, rate limit on) that spoils a share of the requests, driven by keys
// drawn from the screens' own key maps, with the invariants of issue 15 checked as it goes
// (nothing typed lost, no unasked exit) and at the end (judge.ts, ending.ts). The README's "Soak"
// section says what is checked and how exactly.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {StateChange} from '../../src/sandbox/server.js';
import type {LoggedRequest} from '../harness/sandbox-hooks.js';
import {sleep, type TerminalSession} from '../harness/terminal.js';
import {chooseAction, FORM_LABELS, type Action} from './actions.js';
import {drain, finalTruth, quit, type Driver} from './ending.js';
import {FaultFeed} from './faults.js';
import {filesUnder, judge, userRequests, type Written} from './judge.js';
import {exitIn, plantNames, START_SIZE, startDestui} from './launch.js';
import {busiestSecond, changesOf, epochMs, type Permit} from './ledger.js';
import {childOf, MemorySampler} from './memory.js';
import {permitsFor} from './permits.js';
import {stepRng} from './prng.js';
import {frameFigures, memoryFailures, type SoakFigures, type SoakReport} from './report.js';
import {startSandboxChild, type SandboxChild} from './sandbox-child.js';
import {keyModeOf, readScreen, type ScreenModel} from './screen-model.js';
import {TypedMemory} from './typed-memory.js';
import {secretsIn, type Typed} from './values.js';
import {PASTE, type SoakKey} from './vocabulary.js';

export type {SoakReport};

export interface SoakOptions {
	seed: number;
	/** Keys to press (a paste counts as one, a burst as its keys). */
	keys: number;
	/** Progress lines (the command prints them; the test stays quiet). */
	progress?: (line: string) => void;
}

const STREAM_KEYS = 1;
const STREAM_FAULTS = 2;
const STREAM_SETUP = 3;
/** Output quiet this long after a key: its frame is drawn. */
const QUIET_MS = 30;
const FIRST_OUTPUT_MS = 150;
const SETTLE_MAX_MS = 1200;
const STUCK_MS = 20_000;
const trace = (line: string) => process.env.SOAK_TRACE && console.log(line);

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const soak = new Soak(options);
	try {
		return await soak.run();
	} finally {
		await soak.dispose();
	}
}

class Soak {
	private readonly seed: number;
	private readonly failures: string[] = [];
	/** Every write and resize: when (epoch ms), what, on which screen. */
	private readonly sent: Written[] = [];
	private readonly permits: Permit[] = [];
	private readonly createPresses: number[] = [];
	private readonly changes: StateChange[] = [];
	private readonly log = new Map<number, LoggedRequest>();
	private readonly secrets = new Set<string>();
	private readonly frames: {ms: number; key: string}[] = [];
	private readonly memory = new MemorySampler();
	private readonly typed = new TypedMemory();
	private keys = 0;
	private writes = 0;
	private cols = START_SIZE.cols;
	private home = '';
	private sb?: SandboxChild;
	private faults?: FaultFeed;
	private namesNow: string[] = [];
	private s?: TerminalSession;
	private recording = false;
	private lastOutputAt = 0;
	private pendingFrame?: {time: number; key: string};
	private exitCode?: number;
	private started = 0;

	constructor(private readonly options: SoakOptions) {
		this.seed = options.seed >>> 0;
	}

	private fail(what: string): void {
		if (this.failures.length < 40) this.failures.push(what);
	}

	async run(): Promise<SoakReport> {
		this.started = performance.now();
		await this.setUp();
		let step = 0;
		let unreadSince: number | undefined;
		while (this.keys < this.options.keys && this.exitCode === undefined && this.failures.length === 0) {
			const model = await this.look();
			for (const lost of this.typed.check(model, this.cols)) this.fail(lost);
			const action = chooseAction(stepRng(this.seed, STREAM_KEYS, step++), model, {names: this.namesNow, seed: this.seed});
			// A screen the soak cannot read (no screen it knows, nothing drawn) this long: stuck.
			if (model.kind === 'unknown' || model.kind === 'sign-in' || model.kind === 'starting') unreadSince ??= performance.now();
			else unreadSince = undefined;
			if (unreadSince !== undefined && performance.now() - unreadSince > STUCK_MS) {
				this.fail(`stuck for ${STUCK_MS / 1000} s on a screen the soak cannot read (${model.kind}):\n${await this.s!.screen()}`);
				break;
			}
			await this.act(action, model);
			if (step % 25 === 0) {
				await this.pollLog();
				this.namesNow = (await this.sb!.state()).destinations.map((d) => d.name);
				await this.faults!.topUp();
				this.options.progress?.(`  ${this.keys} keys, ${this.log.size} requests, ${this.memory.lastMiB.toFixed(1)} MiB`);
			}
		}
		if (this.exitCode !== undefined) this.fail(`destui exited (status ${this.exitCode}) without being asked to`);
		if (this.failures.length === 0) await this.finish();
		else this.s!.kill();
		this.memory.stop();
		if (process.env.SOAK_RSS) writeFileSync(process.env.SOAK_RSS, this.memory.csv());
		await this.pollLog();
		for (const failure of judge({
			output: this.s!.output(),
			log: [...this.log.values()].sort((a, b) => a.seq - b.seq),
			files: filesUnder(this.home),
			secrets: this.secrets,
			createPresses: this.createPresses,
			changes: this.changes,
			permits: this.permits,
			written: this.sent,
			finalState: await this.sb!.state(),
		}))
			this.fail(failure);
		const figures = this.figures();
		for (const failure of memoryFailures(figures)) this.fail(failure);
		return {
			seed: this.seed,
			ok: this.failures.length === 0,
			failures: this.failures,
			figures,
			lastKeys: this.sent.slice(-50).map((k) => `${k.label} (on ${k.mode})`),
		};
	}

	private async setUp(): Promise<void> {
		this.home = mkdtempSync(join(tmpdir(), 'destui-soak-'));
		this.sb = await startSandboxChild((c) => this.recording && void this.changes.push(c));
		this.faults = new FaultFeed(this.sb.origin, this.seed, STREAM_FAULTS, 0.08 + 0.27 * stepRng(this.seed, STREAM_SETUP, 0).next());
		await plantNames(this.sb);
		await fetch(`${this.sb.origin}/_sandbox/requests`, {method: 'DELETE'});
		await this.faults.topUp();
		// The planted names' changes came in before this answer: from here on, every change is destui's.
		this.namesNow = (await this.sb.state()).destinations.map((d) => d.name);
		this.recording = true;
		const s = startDestui(this.sb, this.home);
		this.s = s;
		let tail = '';
		s.onOutput((data) => {
			this.lastOutputAt = performance.now();
			if (this.pendingFrame) {
				this.frames.push({ms: this.lastOutputAt - this.pendingFrame.time, key: this.pendingFrame.key});
				this.pendingFrame = undefined;
			}
			// The wrapper's exit line, perhaps split across two chunks (and followed by stty's lines).
			if (this.exitCode === undefined) this.exitCode = exitIn(tail + data);
			tail = data.slice(-20);
		});
		await s.waitFor((sc) => sc.startsWith('destui') || /· step|Rotate/.test(sc), 20_000);
		const pid = childOf(s.pid);
		if (pid) this.memory.start(pid, () => this.keys);
	}

	private async pollLog(): Promise<void> {
		const res = await fetch(`${this.sb!.origin}/_sandbox/requests`);
		for (const r of ((await res.json()) as {requests: LoggedRequest[]}).requests) this.log.set(r.seq, r);
	}

	private async look(): Promise<ScreenModel> {
		return readScreen(await this.s!.screen(), FORM_LABELS);
	}

	private async act(action: Action, model: ScreenModel): Promise<void> {
		switch (action.kind) {
			case 'key':
				this.write([action.key], model);
				break;
			case 'burst':
				this.write(action.keys, model);
				break;
			case 'paste':
				this.write([{label: `paste ${JSON.stringify(action.text.slice(0, 24))}`, bytes: PASTE(action.text), command: 'paste'}], model);
				break;
			case 'fill':
				await this.fill(action, model);
				break;
			case 'resize':
				this.cols = action.cols;
				this.s!.resize(action.cols, action.rows);
				this.record(`resize ${action.cols}x${action.rows}`, model);
				break;
			case 'wait':
				await sleep(action.ms);
				return;
		}
		await this.settle();
	}

	/** Clears the line and types (or pastes) a value into the field, the rename or the search prompt. */
	private async fill(action: Extract<Action, {kind: 'fill'}>, model: ScreenModel): Promise<void> {
		const where = (m: ScreenModel) => `${m.kind}:${keyModeOf(m)}:${m.focused ?? ''}`;
		const at = where(model);
		const key = (label: string, bytes: string): SoakKey => ({label, bytes, command: 'fill'});
		const typed: Typed = action.typed;
		const steps: SoakKey[] = [key('End', '\x1b[F'), key('Ctrl-U', '\x15')];
		if (typed.paste) steps.push(key(`paste ${typed.secret ? '(secret)' : JSON.stringify(typed.value.slice(0, 24))}`, PASTE(typed.value)));
		else for (const ch of typed.value) steps.push(key(typed.secret ? '•' : ch === ' ' ? 'Space' : ch, ch));
		if (typed.secret) for (const secret of secretsIn(typed.value)) this.secrets.add(secret);
		this.typed.replacing(action.target, action.label);
		let current = model;
		for (const k of steps) {
			this.write([k], current, true);
			await sleep(8);
			current = await this.look();
			// The screen changed under the typing (an answer arrived, a question came up): stop.
			if (where(current) !== at) return;
		}
		this.typed.typed(action.target, action.label, current, typed.value, typed.secret);
		if (action.enter) {
			await this.settle();
			this.write([key('Enter', '\r')], await this.look());
		}
	}

	/** One write to the terminal: the keys are read together. `filling`: the soak's own typing of a value. */
	private write(keys: readonly SoakKey[], model: ScreenModel, filling = false): void {
		const now = Date.now();
		this.s!.write(keys.map((k) => k.bytes).join(''));
		this.writes++;
		const label = keys.length > 1 ? `[${keys.map((k) => k.label).join(' ')}]` : keys[0]!.label;
		const mode = this.record(label, model);
		this.keys += keys.length;
		this.pendingFrame = {time: performance.now(), key: `${label} on ${mode}`};
		const {permits, createPress} = permitsFor(keys, model, now, this.writes);
		this.permits.push(...permits);
		if (createPress) this.createPresses.push(now);
		if (!filling) this.typed.pressed(keys, model);
	}

	private record(label: string, model: ScreenModel): string {
		const mode = `${model.kind}${model.kind === 'list' || model.form ? `/${keyModeOf(model)}` : ''}`;
		this.sent.push({time: Date.now(), label, mode});
		trace(`${new Date().toISOString()} ${this.keys} ${label} (on ${mode})`);
		return mode;
	}

	/** Waits for the frame the keys cause: output, then quiet. */
	private async settle(): Promise<void> {
		const t0 = performance.now();
		for (;;) {
			await sleep(10);
			const now = performance.now();
			if (this.exitCode !== undefined || now - t0 > SETTLE_MAX_MS) break;
			if (this.lastOutputAt > t0 ? now - this.lastOutputAt >= QUIET_MS : now - t0 >= FIRST_OUTPUT_MS) break;
		}
		this.pendingFrame = undefined;
	}

	/** Faults off, the list against the server's state, then the quit. */
	private async finish(): Promise<void> {
		const driver: Driver = {
			s: this.s!,
			look: () => this.look(),
			key: async (bytes, label = bytes) => {
				this.write([{label, bytes, command: 'final'}], await this.look(), true);
				await this.settle();
			},
			resize: async (cols, rows) => {
				this.cols = cols;
				this.s!.resize(cols, rows);
				await this.settle();
			},
			newestRequest: async () => {
				await this.pollLog();
				return Math.max(0, ...this.log.keys());
			},
		};
		await this.faults!.stop();
		await drain(driver);
		const wrong = await finalTruth(driver, () => this.sb!.state());
		for (const failure of wrong) this.fail(failure);
		if (wrong.length) {
			await this.pollLog();
			this.fail(`what changed, for the record: ${this.history()}`);
			return;
		}
		for (const failure of await quit(driver, stepRng(this.seed, STREAM_SETUP, 1).chance(0.5) ? 'q' : '\x03')) this.fail(failure);
	}

	/** The server's changes and the user's requests that ask for one, in order: to read a wrong list against. */
	private history(): string {
		const changes = this.changes.flatMap(changesOf).map((c) => ({time: c.time, text: `${c.kind} of ${JSON.stringify(c.name)}`}));
		const asks = userRequests([...this.log.values()])
			.filter((r) => r.method !== 'GET')
			.map((r) => ({time: epochMs(r.time), text: `${r.method} ${r.path} → ${r.status ?? 'dropped'}${r.fault ? ` (${r.fault})` : ''}`}));
		const keys = this.sent.filter((w) => ['a', 'u', 'R', 'y'].some((k) => w.label.split(/[[\] ]/).includes(k)));
		return [...changes, ...asks, ...keys.map((w) => ({time: w.time, text: `key ${w.label} on ${w.mode}`}))]
			.sort((a, b) => a.time - b.time)
			.map((e) => `${new Date(e.time).toISOString().slice(11, 23)} ${e.text}`)
			.join('; ');
	}

	private figures(): SoakFigures {
		const mine = userRequests([...this.log.values()]);
		return {
			keys: this.keys,
			writes: this.writes,
			durationMs: performance.now() - this.started,
			faultShare: this.faults?.share ?? 0,
			requests: mine.length,
			faulted: mine.filter((r) => r.fault && r.fault !== 'latency 0ms').length,
			changes: this.changes.length,
			creates: this.changes.flatMap(changesOf).filter((c) => c.kind === 'create').length,
			busiestSecond: busiestSecond(mine.map((r) => epochMs(r.time))).count,
			...frameFigures(this.frames),
			...this.memory.figures(this.keys),
		};
	}

	async dispose(): Promise<void> {
		this.memory.stop();
		if (this.s) await this.s.close();
		if (this.sb) await this.sb.close();
		if (this.home) rmSync(this.home, {recursive: true, force: true});
	}
}
