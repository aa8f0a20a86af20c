// destui against a misbehaving API: the sandbox injects each fault, and the built destui in a
// real terminal must keep running, say what happened in plain words, lose nothing typed, and
// recover once the fault clears.
import {describe, expect, it} from 'vitest';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startSandbox, type RunningSandbox} from '../../src/sandbox/server.js';
import {deferCleanup, destuiOn, injectFault, requestLog, sandbox, USER_KEY} from '../harness/e2e.js';
import {KEYS, type TerminalSession} from '../harness/terminal.js';

async function names(sb: RunningSandbox): Promise<string[]> {
	const headers = {authorization: `api-key ${USER_KEY}`};
	const all = await Promise.all(
		['', '?archived=true'].map(
			async (q) => ((await (await fetch(`${sb.apiBase}${q}`, {headers})).json()) as {destinations: {name: string}[]}).destinations,
		),
	);
	return all.flat().map((d) => d.name);
}

const LIST = /\d+ of \d+/;

/** The list is on screen: the screen's one key listener takes keys from then on (and any typed before). */
async function listShown(s: TerminalSession): Promise<void> {
	await s.waitFor(LIST);
}

describe('destui under faults', () => {
	it('a 500 on the start-up list: says so, keeps running, and R loads the list once the fault clears', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', status: 500});
		const s = destuiOn(sb);
		const screen = await s.waitFor('Could not load destinations');
		expect(screen).toMatch(/press R to retry/);
		await s.press('R');
		await s.waitFor((x) => x.includes('Field ops imagery') && LIST.test(x));
		expect(s.hasExited).toBe(false);
	});

	it('a truncated JSON body and an answer missing required fields are reported, not crashed on', async () => {
		const sb = await sandbox();
		// A cut-off answer looks like a broken connection, which a GET retries (3 times): 4 faults
		// outlast the retries.
		await injectFault(sb, {count: 4, methods: ['GET'], path: '/destinations/v1', truncate: true});
		const s = destuiOn(sb);
		await s.waitFor('Could not load destinations');
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', omit_fields: true});
		await s.press('R');
		await s.waitFor(/answered with something destui could/);
		expect(s.hasExited).toBe(false);
		await s.press('R');
		await s.waitFor('Field ops imagery');
	});

	it('a 429 burst: the user sees the wait, no second holds more than 3 requests, and the archive completes', async () => {
		const sb = await sandbox({rateLimit: true});
		const s = destuiOn(sb);
		await listShown(s);
		await s.press('2');
		await s.waitFor('[2 mine:yes]');
		await injectFault(sb, {count: 2, methods: ['PATCH'], status: 429});
		await s.press('a');
		await s.waitFor(/rate limited by the server \(429\)/);
		await s.waitFor(/Archived /, 15_000);
		const requests = await requestLog(sb);
		const patches = requests.filter((r) => r.method === 'PATCH');
		expect(patches.map((p) => p.status)).toEqual([429, 429, 200]);
		const times = requests.map((r) => Date.parse(r.time));
		for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(3);
		expect(requests.every((r) => r.status !== 429 || patches.includes(r))).toBe(true);
	});

	it('10 s of latency: the list stays usable and Esc cancels the request, rolling the row back', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await listShown(s);
		await s.press('2');
		await s.waitFor('[2 mine:yes]');
		const before = await s.screen();
		const first = /› (\S+ \S+)/.exec(before)?.[1];
		await injectFault(sb, {count: 1, methods: ['PATCH'], latency_ms: 10_000});
		await s.press('a');
		await s.waitFor(/Working…|Esc cancels/);
		// Still answering keys while the request hangs.
		await s.press('j');
		await s.waitFor((x) => /› (\S+ \S+)/.exec(x)?.[1] !== first);
		await s.press('k');
		await s.press(KEYS.esc);
		await s.waitFor(/Cancelled|back as it was/);
		await s.waitFor((x) => !!first && x.includes(first));
		expect(s.hasExited).toBe(false);
	});

	it('the sandbox killed and restarted mid-session: a plain network error, then it works again', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'destui-restart-'));
		deferCleanup(() => rm(dir, {recursive: true, force: true}));
		const stateFile = join(dir, 'state.json');
		let sb = await startSandbox({seed: 'demo', rateLimit: false, stateFile});
		const port = sb.port;
		const s = destuiOn(sb);
		await listShown(s);
		await s.press('2');
		await s.waitFor('[2 mine:yes]');
		await sb.close();
		// The look-up before archiving cannot reach it either: the question says so, and n keeps it.
		await s.press('a');
		await s.waitFor(/What delivers to .* is unknown: Could not reach the Destinations API/s);
		await s.press('n');
		await s.waitFor('Not archived');
		expect(s.hasExited).toBe(false);
		sb = await startSandbox({rateLimit: false, stateFile, port});
		deferCleanup(() => sb.close());
		await s.press('R');
		await s.waitFor(/Reloaded/);
		await s.press('a');
		await s.waitFor(/Archived /);
	});

	it('a dropped connection during create: the error is plain, nothing typed is lost, and retrying makes no twin', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await listShown(s);
		await injectFault(sb, {count: 1, methods: ['POST'], drop: true, after: true});
		await s.press('n');
		await s.waitFor('step 1 of');
		await s.press(KEYS.enter);
		await s.waitFor('step 2 of');
		await s.type('resilience-bucket');
		await s.press(KEYS.enter);
		await s.type('eu-w');
		await s.press(KEYS.down, KEYS.down, KEYS.enter);
		await s.waitFor(/Region\s+eu-west-2/);
		await s.press(KEYS.enter);
		await s.waitFor('step 3 of');
		await s.type('FAKERESILIENCE01');
		await s.press(KEYS.enter);
		await s.type('resilience-secret-value');
		await s.press(KEYS.enter);
		await s.waitFor('step 4 of');
		await s.press(KEYS.enter, KEYS.enter);
		await s.waitFor('step 5 of');
		await s.press(KEYS.enter);
		await s.waitFor(/may or may not have been made|connection/i);
		// Still in the wizard with what was typed.
		expect(await s.screen()).toMatch(/resilience-bucket/);
		await s.press(KEYS.enter);
		await s.waitFor(/Created|already|exists/, 10_000);
		const all = await names(sb);
		expect(all.filter((n) => n === 'resilience-bucket')).toHaveLength(1);
		expect(s.output()).not.toContain('resilience-secret-value');
	});

	it('resized to 60x15 and back in the middle of the wizard: nothing typed is lost', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await listShown(s);
		await s.press('n');
		await s.waitFor('step 1 of');
		await s.press(KEYS.enter);
		await s.waitFor('step 2 of');
		await s.type('kept-through-resize');
		s.resize(60, 15);
		// Drawn again for 15 rows: the region's help no longer fits, and what was typed is still there.
		await s.waitFor((screen) => screen.includes('kept-through-resi') && !screen.includes('like us-west-2'));
		s.resize(100, 30);
		await s.waitFor('kept-through-resize');
		await s.press(KEYS.enter);
		await s.type('us-w');
		await s.waitFor(/Region\s+us-w/);
		expect(s.hasExited).toBe(false);
	});
});
