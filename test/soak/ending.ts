// The run's end: faults off, every form and question closed, one R, and then what the list shows
// must be what the server holds (names, archived, default), read off a terminal tall enough for
// all of it; then a quit (q or Ctrl-C), which must exit 0 and give the terminal back as it was.
import type {SandboxState} from '../../src/sandbox/types.js';
import {frameLayout} from '../../src/view/layout.js';
import {sleep, type TerminalSession} from '../harness/terminal.js';
import {destuiOutput, exitIn, sttyAround} from './launch.js';
import {modesLeft, sttySettings} from './output-checks.js';
import type {ScreenModel} from './screen-model.js';
import {norm} from './typed-memory.js';

export interface Driver {
	s: TerminalSession;
	look(): Promise<ScreenModel>;
	/** Writes one key (recorded as the run's keys are) and waits for its frame. */
	key(bytes: string, label?: string): Promise<void>;
	/** Resizes the terminal and waits for the frame. */
	resize(cols: number, rows: number): Promise<void>;
	/** The newest request the sandbox logged (its seq). */
	newestRequest(): Promise<number>;
}

/** Waits until no request has arrived for 2.5 s (held answers and retries over). */
export async function drain(d: Driver): Promise<void> {
	let last = -1;
	let quietSince = performance.now();
	const deadline = performance.now() + 30_000;
	while (performance.now() < deadline) {
		const newest = await d.newestRequest();
		if (newest !== last) {
			last = newest;
			quietSince = performance.now();
		} else if (performance.now() - quietSince > 2500) return;
		await sleep(250);
	}
}

/** Closes forms, prompts, questions and views, and clears marks and the search; false when it could not. */
async function backToList(d: Driver): Promise<boolean> {
	for (let i = 0; i < 40; i++) {
		const m = await d.look();
		if (m.kind === 'list' && m.list === 'normal' && m.marked === 0 && !(await d.s.screen()).split('\n')[1]?.includes('[/ ')) return true;
		// Leaving a form with something typed asks first: yes, leave.
		if (m.form === 'question') await d.key('y');
		else if (m.form === 'choice' || (m.kind === 'list' && m.list === 'confirm')) await d.key('n');
		else if (m.kind === 'starting') await sleep(300);
		else await d.key('\x1b', 'Escape');
		await sleep(60);
	}
	return false;
}

/** After the run, with faults off: the list after one R against the server's state. */
export async function finalTruth(d: Driver, state: () => Promise<SandboxState>): Promise<string[]> {
	const s = d.s;
	const total = (await state()).destinations.length;
	await d.resize(160, Math.max(40, total + 30));
	if (!(await backToList(d))) return [`could not get back to the list after the run; screen:\n${await s.screen()}`];
	// Every destination, archived or not.
	await d.key('0');
	for (let i = 0; i < 3 && !/\[1 archived:any\]/.test(await s.screen()); i++) await d.key('1');
	let reloaded = false;
	for (let i = 0; i < 5 && !reloaded; i++) {
		await d.key('R');
		try {
			await s.waitFor(`Reloaded: ${total} destinations.`, 15_000);
			reloaded = true;
		} catch {
			// A 429 wait or a failed answer: R again.
		}
	}
	if (!reloaded) return [`R with faults off never showed "Reloaded: ${total} destinations."; screen:\n${await s.screen()}`];
	return compareList(s, await state(), await s.screen());
}

/** The list, read cell by cell (names as the terminal drew them), against the server's state. */
function compareList(s: TerminalSession, state: SandboxState, screen: string): string[] {
	const term = s.terminal;
	const buffer = term.buffer.active;
	const lines = screen.split('\n');
	const header = lines.findIndex((l) => /^\s+NAME/.test(l));
	const typeAt = lines[header]?.indexOf('TYPE') ?? -1;
	if (header < 0 || typeAt < 0) return [`the list's column titles are not on screen:\n${screen}`];
	const shown: string[] = [];
	const drawn = new Map<string, string>();
	for (let y = header + 1; y < term.rows; y++) {
		const line = lines[y] ?? '';
		if (!/^[› ][✓ ]\S/.test(line)) break;
		const row = buffer.getLine(buffer.viewportY + y)!;
		let name = '';
		for (let x = 2; x < typeAt - 1; x++) name += row.getCell(x)?.getChars() ?? '';
		// The row's own cells only: in a wide terminal the detail pane beside it may say "archived" too.
		const cells = line.slice(typeAt, frameLayout(term.cols, term.rows, 1).listWidth);
		const flags = /★ default/.test(cells) ? 'default' : /\barchived\b/.test(cells) ? 'archived' : '';
		shown.push(`${norm(name)} | ${flags}`);
		drawn.set(shown.at(-1)!, line);
	}
	const expected = state.destinations.map(
		(d) => `${norm(d.name)} | ${d.archived !== null ? 'archived' : d.id === state.defaultId ? 'default' : ''}`,
	);
	const failures: string[] = [];
	const count = /(\d+) of (\d+)/.exec(lines[1] ?? '');
	if (!count || Number(count[1]) !== expected.length) failures.push(`the header counts ${count?.[0]}, the server holds ${expected.length}`);
	const same = (a: string, b: string) => a === b || (a.includes('…') && b.startsWith(a.split('…')[0]!));
	const missing = expected.filter((e) => !shown.some((x) => same(x, e)));
	const extra = shown.filter((x) => !expected.some((e) => same(x, e)));
	if (missing.length || extra.length || shown.length !== expected.length) {
		failures.push(
			`after R the list differs from the server: not shown as the server holds them ${JSON.stringify(missing)}; shown but not held ${JSON.stringify(extra.map((x) => drawn.get(x)))}; ${shown.length} rows, ${expected.length} on the server`,
		);
	}
	return failures;
}

/** Quits with `key` (q or Ctrl-C): exit 0, and the terminal's modes and settings as they were. */
export async function quit(d: Driver, key: 'q' | '\x03'): Promise<string[]> {
	const s = d.s;
	const name = key === 'q' ? 'q' : 'Ctrl-C';
	await d.key(key, name);
	const ended = await Promise.race([s.exited.then(() => true), sleep(10_000).then(() => false)]);
	const out = s.output();
	const code = exitIn(out);
	if (!ended || code === undefined) return [`destui did not exit within 10 s of ${name}`];
	const failures: string[] = [];
	if (code !== 0) failures.push(`destui exited with status ${code} after ${name}`);
	const wrong = modesLeft(destuiOutput(out));
	if (wrong.length) failures.push(`destui left terminal modes set on exit: ${wrong.join(', ')}`);
	const stty = sttyAround(out).map(sttySettings);
	if (stty.length !== 2) failures.push('the terminal settings before and after destui were not both read');
	else {
		const before = new Set(stty[0]);
		const after = new Set(stty[1]);
		const changed = [...before].filter((w) => !after.has(w)).concat([...after].filter((w) => !before.has(w)));
		if (changed.length) failures.push(`destui left the terminal's settings changed (raw mode?): ${changed.join(' ')}`);
	}
	return failures;
}
