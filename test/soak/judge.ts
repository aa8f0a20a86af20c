// The checks made on the run's records once it is over: the terminal's whole output (escape
// sequences, control characters, stack traces), the secrets typed (terminal, request log, files
// destui wrote), the requests (3 per second, creates per press, PATCH only where allowed) and the
// changes the server made (each asked for by a key, see ledger.ts).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {StateChange} from '../../src/sandbox/server.js';
import type {SandboxState} from '../../src/sandbox/types.js';
import {SANDBOX_USER_KEY, userByName} from '../../src/sandbox/users.js';
import type {LoggedRequest} from '../harness/sandbox-hooks.js';
import {busiestSecond, changesOf, epochMs, forbiddenPatches, settle, unpaidPosts, type Permit} from './ledger.js';
import {findSecret, scanOutput, stackTrace} from './output-checks.js';

export const USER = userByName('user');

export interface Records {
	/** Every byte written to the terminal. */
	output: string;
	/** The sandbox's request log, in order. */
	log: LoggedRequest[];
	/** Every file under destui's home: path and contents. */
	files: [string, string][];
	secrets: Iterable<string>;
	/** When the wizard's create was pressed (epoch ms). */
	createPresses: number[];
	changes: StateChange[];
	permits: Permit[];
	/** Every write of keys, oldest first. */
	written: readonly Written[];
	finalState: SandboxState;
}

export interface Written {
	/** Epoch ms. */
	time: number;
	label: string;
	/** The screen it was written on. */
	mode: string;
}

/** The keys written in the 8 s before `time`: what a change nobody asked for followed. */
function keysBefore(written: readonly Written[], time: number): string {
	const keys = written.filter((w) => w.time <= time && w.time > time - 8000);
	return keys.map((w) => `${new Date(w.time).toISOString().slice(17, 23)} ${w.label} (on ${w.mode})`).join(', ');
}

/** The user's API requests (the sign-in server is another host, with no rate limit of Planet's). */
export const userRequests = (log: readonly LoggedRequest[]): LoggedRequest[] =>
	log.filter((r) => r.user === USER.name && !r.path.startsWith('/oauth'));

const line = (r: LoggedRequest) =>
	`${r.time.slice(11, 23)} ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''} → ${r.status ?? 'dropped'}${r.fault ? ` (${r.fault})` : ''}`;

export function judge(r: Records): string[] {
	const failures: string[] = [];
	const fail = (what: string) => failures.push(what);
	for (const issue of scanOutput(r.output)) fail(`terminal output: ${issue.what} at ${issue.at}: ${issue.context}`);
	const trace = stackTrace(r.output);
	if (trace) fail(`a stack trace reached the terminal: ${trace}`);
	const logText = JSON.stringify(r.log);
	// The API key given with --api-key is a fixture the bundle itself holds (for --demo), so
	// V8's code cache holds it too: it is looked for on the terminal and in the log only.
	for (const secret of [...r.secrets, SANDBOX_USER_KEY]) {
		const inOut = findSecret(r.output, secret);
		if (inOut !== -1)
			fail(`a secret reached the terminal at ${inOut}: ${JSON.stringify(r.output.slice(Math.max(0, inOut - 40), inOut + 60))}`);
		if (findSecret(logText, secret) !== -1) fail('a secret is in the sandbox request log');
		if (secret === SANDBOX_USER_KEY) continue;
		for (const [file, text] of r.files) if (findSecret(text, secret) !== -1) fail(`a secret is in a file destui wrote: ${file}`);
	}
	const mine = userRequests(r.log);
	const busiest = busiestSecond(mine.map((q) => epochMs(q.time)));
	if (busiest.count > 3) {
		const window = mine.filter((q) => epochMs(q.time) >= busiest.at && epochMs(q.time) < busiest.at + 1000);
		fail(`${busiest.count} requests arrived within one second: ${window.map(line).join('; ')}`);
	}
	for (const q of forbiddenPatches(mine, r.finalState, USER.id))
		fail(`PATCH for a destination the user may not change: ${q.path} (${q.time})`);
	for (const q of unpaidPosts(mine, r.createPresses)) {
		const near = r.createPresses.filter((p) => Math.abs(p - epochMs(q.time)) < 30_000);
		const presses = near.map((p) => new Date(p).toISOString().slice(11, 23)).join(', ');
		// The requests around it: what the client did between the creates.
		const posts = mine.filter((p) => Math.abs(epochMs(p.time) - epochMs(q.time)) < 3000).map(line);
		fail(
			`a create was sent without a press of its own: POST at ${q.time}; create presses within 30 s of it at ${presses || 'none'}; requests around it: ${posts.join(', ')}`,
		);
	}
	for (const u of settle(r.changes.flatMap(changesOf), r.permits)) {
		fail(
			`the server received a change nobody asked for: ${u.change.kind}${u.change.detail ? ` (${u.change.detail})` : ''} of ${JSON.stringify(u.change.name)} (${u.change.method} at ${new Date(u.change.time).toISOString()}): ${u.why}; the keys before it: ${keysBefore(r.written, u.change.time)}`,
		);
	}
	return failures;
}

/** Every file under `dir`, read as bytes (a secret is found in any encoding that keeps ASCII). */
export function filesUnder(dir: string): [string, string][] {
	const out: [string, string][] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		const st = statSync(path);
		if (st.isDirectory()) out.push(...filesUnder(path));
		else if (st.isFile()) out.push([path, readFileSync(path).toString('latin1')]);
	}
	return out;
}
