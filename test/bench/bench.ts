// `npm run bench`: how fast destui opens, how fast it answers keys at any list size, how much
// memory it takes, and how many requests each workflow sends, each next to its reference,
// measured in one run on this machine. Prints a Markdown table (the README keeps the latest).
import {spawn} from 'node:child_process';
import {readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {request as httpRequest} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {startSandbox, type RunningSandbox} from '../../src/sandbox/server.js';
import {certificateUnavailable, selfSignedCertificate} from '../../src/sandbox/tls.js';
import {KEYS} from '../harness/keys.js';
import {BUNDLE} from '../harness/terminal.js';
import {sleep, stats, TimedTerminal, type Stats} from './measure.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEY_SAMPLES = Number(process.env.BENCH_KEYS ?? 20);
const USER_KEY = 'PLAK-sandbox-user';
const LIST_SHOWN = (s: string) => /\d+ of \d+/.test(s) && s.includes('› ');

interface Line {
	what: string;
	value: string;
	reference: string;
	target: string;
	ok?: boolean;
}
const lines: Line[] = [];
const fmt = (s: Stats, unit = 'ms') => `${s.median.toFixed(1)} ${unit} (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;

/** `node -e 0` in the environment destui runs in (`env` over this process's, as TimedTerminal does). */
function nodeFloor(env: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(process.execPath, ['-e', '0'], {stdio: 'ignore', env: {...process.env, ...env}});
		child.on('exit', () => resolve(performance.now() - t0));
		child.on('error', reject);
	});
}

async function sandboxWith(active: number): Promise<RunningSandbox> {
	const sb = await startSandbox({seed: 'demo', rateLimit: false});
	const list = (await (await fetch(sb.apiBase, {headers: {authorization: `api-key ${USER_KEY}`}})).json()) as {destinations: unknown[]};
	const missing = active - list.destinations.length;
	if (missing > 0) {
		const res = await fetch(`${sb.origin}/_sandbox/populate`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({count: missing, owner: 'user'}),
		});
		if (!res.ok) throw new Error(`populate failed: ${res.status} ${await res.text()}`);
	}
	return sb;
}

// destui keeps its code cache here during the benchmark, not in the user's own cache folder.
const CACHE_HOME = await mkdtemp(join(tmpdir(), 'destui-bench-cache-'));
const CACHE_DIR = join(CACHE_HOME, 'destui');
process.on('exit', () => rmSync(CACHE_HOME, {recursive: true, force: true}));

const open = (sb: RunningSandbox, cols = 120, rows = 40) =>
	new TimedTerminal(['--base-url', sb.origin, '--api-key', USER_KEY], {XDG_CACHE_HOME: CACHE_HOME}, cols, rows);

/**
 * A private HOME signed in to the sandbox as `planet auth login` leaves one: a custom device-code
 * profile named in ~/.planet.json, with a token good for a day (so no start-up refreshes it).
 */
async function oauthHome(sb: RunningSandbox): Promise<string> {
	const home = await mkdtemp(join(tmpdir(), 'destui-bench-home-'));
	process.on('exit', () => rmSync(home, {recursive: true, force: true}));
	const res = await fetch(`${sb.origin}/_sandbox/oauth/tokens`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({expires_in: 86_400}),
	});
	const token = await res.text();
	await mkdir(join(home, '.planet', 'bench'), {recursive: true});
	await writeFile(join(home, '.planet.json'), JSON.stringify({PL_AUTH_PROFILE: 'bench'}));
	await writeFile(
		join(home, '.planet', 'bench', 'auth_client.json'),
		JSON.stringify({
			client_type: 'oidc_device_code',
			auth_server: `${sb.origin}/`,
			client_id: 'destui-sandbox',
			audiences: ['https://api.planet.com/'],
			scopes: ['planet', 'offline_access'],
		}),
	);
	await writeFile(join(home, '.planet', 'bench', 'token.json'), token, {mode: 0o600});
	return home;
}

const NO_CREDENTIALS_ENV = {
	PL_API_KEY: undefined,
	PL_AUTH_PROFILE: undefined,
	PL_AUTH_CLIENT_ID: undefined,
	PL_AUTH_CLIENT_SECRET: undefined,
};
const openOAuth = (sb: RunningSandbox, home: string, cols = 120, rows = 40) =>
	new TimedTerminal(['--base-url', sb.origin], {XDG_CACHE_HOME: CACHE_HOME, HOME: home, ...NO_CREDENTIALS_ENV}, cols, rows);

async function primeCodeCache(sb: RunningSandbox): Promise<void> {
	if ((await readdir(CACHE_DIR).catch(() => [])).length === 1) return;
	const term = open(sb);
	await term.until(LIST_SHOWN);
	for (let i = 0; i < 100 && (await readdir(CACHE_DIR).catch(() => [])).length === 0; i++) await sleep(50);
	await term.quit();
	if ((await readdir(CACHE_DIR)).length !== 1) throw new Error('destui wrote no code cache');
}

/** Moves the code cache aside (a first start) until restore() puts it back. */
async function stashCodeCache(): Promise<{restore(): Promise<void>}> {
	const aside = `${CACHE_DIR}.aside`;
	await rename(CACHE_DIR, aside);
	return {
		async restore() {
			await rm(CACHE_DIR, {recursive: true, force: true});
			await rename(aside, CACHE_DIR);
		},
	};
}

async function requests(sb: RunningSandbox): Promise<{method: string; path: string; query: Record<string, string>}[]> {
	const r = (await (await fetch(`${sb.origin}/_sandbox/requests`)).json()) as {
		requests: {method: string; path: string; query: Record<string, string>}[];
	};
	return r.requests;
}
const clearLog = (sb: RunningSandbox) => fetch(`${sb.origin}/_sandbox/requests`, {method: 'DELETE'});

async function startup(): Promise<void> {
	const floor: number[] = [];
	const sb = await sandboxWith(0);
	// Both sizes, the first start after an install (no code cache yet) and the floor interleaved,
	// so a noisy moment hits them alike.
	const sizes = [
		[80, 24],
		[120, 40],
	] as const;
	const first = new Map<string, number[]>(sizes.map(([c, r]) => [`${c}×${r}`, []]));
	const cold: number[] = [];
	const oauth: number[] = [];
	const rss: number[] = [];
	const home = await oauthHome(sb);
	const listShown = async (cols: number, rows: number, signedIn = false) => {
		const term = signedIn ? openOAuth(sb, home, cols, rows) : open(sb, cols, rows);
		const shown = (await term.until(LIST_SHOWN)) - term.startedAt;
		return {term, shown};
	};
	try {
		// The code cache is written once the UI has been up a second (src/loader.ts).
		await primeCodeCache(sb);
		for (let i = 0; i < RUNS; i++) {
			floor.push(await nodeFloor());
			for (const [cols, rows] of sizes) {
				const {term, shown} = await listShown(cols, rows);
				first.get(`${cols}×${rows}`)!.push(shown);
				await sleep(150);
				if (cols === 120) rss.push(term.peakRssMiB());
				await term.quit();
			}
			const signedIn = await listShown(120, 40, true);
			oauth.push(signedIn.shown);
			await sleep(150);
			await signedIn.term.quit();
			const cache = await stashCodeCache();
			const {term, shown} = await listShown(120, 40);
			cold.push(shown);
			// Quit before the save, so the next warm start uses the same cache.
			await term.quit();
			await cache.restore();
		}
	} finally {
		await sb.close();
	}
	const f = stats(floor);
	for (const [size, samples] of first) {
		const s = stats(samples);
		lines.push({
			what: `process start → first frame showing the list (${size})`,
			value: `${fmt(s)} = ${(s.median / f.median).toFixed(1)}× floor`,
			reference: `node -e 0: ${fmt(f)}`,
			target: '≤ 3.5× floor',
			ok: s.median <= 3.5 * f.median,
		});
	}
	const o = stats(oauth);
	lines.push({
		what: 'the same, signed in with an OAuth profile (fresh token in ~/.planet/<profile>/token.json, 120×40)',
		value: `${fmt(o)} = ${(o.median / f.median).toFixed(1)}× floor`,
		reference: `node -e 0: ${fmt(f)}`,
		target: '≤ 3.5× floor',
		ok: o.median <= 3.5 * f.median,
	});
	const c = stats(cold);
	lines.push({
		what: 'the same, first start after an install or upgrade (no code cache yet, 120×40)',
		value: `${fmt(c)} = ${(c.median / f.median).toFixed(1)}× floor`,
		reference: `node -e 0: ${fmt(f)}`,
		target: '',
	});
	lines.push({what: 'peak memory at start-up (demo org, 120×40)', value: fmt(stats(rss), 'MiB'), reference: '', target: ''});
}

/**
 * A sandbox reached as a user reaches Planet: optionally over TLS (a certificate made for the
 * run, trusted by destui through NODE_EXTRA_CA_CERTS), with the hooks called over the same scheme.
 * Node reads NODE_EXTRA_CA_CERTS as it starts, before any code runs (measured: some 30 ms for the
 * system's ~140 certificates), so the certificate is added to the file this machine already names
 * there, never put in its place: the TLS rows start Node as the floor and the HTTP rows do.
 */
interface Site {
	sb: RunningSandbox;
	env: Record<string, string>;
	hook(method: string, path: string, body?: unknown): Promise<string>;
}

async function site(tls: boolean): Promise<Site> {
	const certificate = tls ? selfSignedCertificate() : undefined;
	const sb = await startSandbox({seed: 'demo', rateLimit: false, tls: certificate});
	const env: Record<string, string> = {XDG_CACHE_HOME: CACHE_HOME};
	if (certificate) {
		const file = join(CACHE_HOME, 'sandbox-cert.pem');
		let trusted = '';
		try {
			trusted = process.env.NODE_EXTRA_CA_CERTS ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
		} catch {
			// Node only warns about a file it cannot read, and starts as if none were named.
		}
		writeFileSync(file, `${trusted}\n${certificate.cert}`);
		env.NODE_EXTRA_CA_CERTS = file;
	}
	const hook = (method: string, path: string, body?: unknown) =>
		new Promise<string>((resolve, reject) => {
			const make = tls ? httpsRequest : httpRequest;
			const req = make(`${sb.origin}${path}`, {method, ca: certificate?.cert, headers: {'content-type': 'application/json'}}, (res) => {
				let text = '';
				res.on('data', (c: Buffer) => (text += c));
				res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve(text) : reject(new Error(`${path}: ${res.statusCode} ${text}`))));
			});
			req.on('error', reject);
			req.end(body === undefined ? undefined : JSON.stringify(body));
		});
	return {sb, env, hook};
}

interface Logged {
	method: string;
	path: string;
	time: string;
	connection: number | null;
}
const logged = async (s: Site): Promise<Logged[]> =>
	(JSON.parse(await s.hook('GET', '/_sandbox/requests')) as {requests: Logged[]}).requests;
/** A log time (RFC 3339 with nanoseconds) in epoch milliseconds, fractions kept. */
const epochMs = (time: string): number => {
	const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(time)!;
	return Date.parse(`${m[1]}Z`) + Number(`0.${m[2] ?? '0'}`) * 1000;
};

/**
 * On a real network the list takes a round trip (or three, with a new TLS connection) whatever
 * destui does; what destui controls is how much of that wait overlaps its own start. The sandbox
 * delays the list answer by a fixed amount, and the table shows what is left beyond the Node floor
 * plus that delay, when the list request reached the sandbox, and how many connections start-up
 * and five changes opened.
 */
async function network(): Promise<void> {
	const delays = [100, 300];
	for (const tls of [false, true]) {
		const scheme = tls ? 'TLS' : 'HTTP';
		if (tls && certificateUnavailable()) {
			lines.push({what: 'the rows above over TLS', value: `not measured: ${certificateUnavailable()}`, reference: '', target: ''});
			continue;
		}
		const s = await site(tls);
		const openSite = (cols = 120, rows = 40) => new TimedTerminal(['--base-url', s.sb.origin, '--api-key', USER_KEY], s.env, cols, rows);
		try {
			await primeCodeCache(s.sb);
			const floor: number[] = [];
			const shown = new Map<number, number[]>(delays.map((d) => [d, []]));
			const arrival: number[] = [];
			const bareArrival: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				floor.push(await nodeFloor(s.env));
				bareArrival.push(await bareRequestArrival(s));
				for (const delay of delays) {
					await s.hook('DELETE', '/_sandbox/requests');
					await s.hook('POST', '/_sandbox/faults', {latency_ms: delay, methods: ['GET'], path: '/destinations/v1', count: 1});
					const term = openSite();
					const startedAtEpoch = performance.timeOrigin + term.startedAt;
					shown.get(delay)!.push((await term.until(LIST_SHOWN)) - term.startedAt);
					await term.quit();
					const list = (await logged(s)).find((r) => r.method === 'GET' && r.path === '/destinations/v1');
					if (list && delay === delays[delays.length - 1]) arrival.push(epochMs(list.time) - startedAtEpoch);
				}
			}
			const f = stats(floor);
			for (const delay of delays) {
				const st = stats(shown.get(delay)!);
				const beyond = st.median - f.median - delay;
				const target = delay === 300 ? '≤ 40 ms' : '';
				lines.push({
					what: `process start → first frame showing the list, the list answered ${delay} ms late (${scheme}): beyond floor + ${delay} ms`,
					value: `${beyond.toFixed(1)} ms (start → list ${fmt(st)})`,
					reference: `node -e 0: ${fmt(f)}`,
					target,
					ok: delay === 300 ? beyond <= 40 : undefined,
				});
			}
			lines.push({
				what: `process start → the list request reaches the sandbox (${scheme})`,
				value: fmt(stats(arrival)),
				reference: `the same request from a bare \`node -e\` (${tls ? 'https' : 'http'}.get, nothing else loaded): ${fmt(stats(bareArrival))}; the \`destui\` command that sends it is ${(statSync(BUNDLE).size / 1024).toFixed(0)} KB`,
				target: '',
			});
			lines.push(await connectionsForChanges(s, openSite, scheme));
		} finally {
			await s.sb.close();
		}
	}
}

/**
 * When the list request from a bare Node reaches the sandbox (epoch ms after spawning it): the
 * floor for "reaches the sandbox", Node's own start plus loading http or https and, over TLS, its
 * handshake, with none of destui's work.
 */
async function bareRequestArrival(s: Site): Promise<number> {
	await s.hook('DELETE', '/_sandbox/requests');
	const scheme = s.sb.origin.startsWith('https:') ? 'https' : 'http';
	const code = `require('node:${scheme}').get(${JSON.stringify(s.sb.apiBase)}, {headers: {authorization: 'api-key ${USER_KEY}'}}, (r) => r.resume().on('end', () => process.exit(0)));`;
	const startedAtEpoch = performance.timeOrigin + performance.now();
	await new Promise<void>((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', code], {stdio: 'ignore', env: {...process.env, ...s.env}});
		child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`the bare request exited ${status}`))));
		child.on('error', reject);
	});
	const list = (await logged(s)).find((r) => r.method === 'GET' && r.path === '/destinations/v1');
	if (!list) throw new Error('the bare request never reached the sandbox');
	return epochMs(list.time) - startedAtEpoch;
}

/** Start-up, then five changes (archive, undo, archive, undo, archive), counted in connections opened. */
async function connectionsForChanges(s: Site, openSite: () => TimedTerminal, scheme: string): Promise<Line> {
	await s.hook('POST', '/_sandbox/reset');
	await s.hook('DELETE', '/_sandbox/requests');
	const term = openSite();
	try {
		await term.until(LIST_SHOWN);
		// Destinations the demo user owns, so every change is allowed.
		await term.keyToFrame('2', (screen) => screen.includes('[2 mine:yes]'));
		// The status line's words (the detail pane also says "Archived"). Archiving looks up what
		// delivers there first, and asks when something does.
		const archived = /Archived .*Press u to undo/;
		for (let change = 0; change < 5; change++) {
			if (change % 2) {
				await term.keyToFrame('u', (screen) => /Undone: /.test(screen));
				continue;
			}
			await term.keyToFrame('g', (screen) => /^› /m.test(screen));
			const screen = await term.keyToFrame('a', (sc) => archived.test(sc) || sc.includes('[y/N]')).then(() => term.screen());
			if (!archived.test(screen)) await term.keyToFrame('y', (sc) => archived.test(sc));
			await sleep(30);
		}
	} finally {
		await term.quit();
	}
	const log = await logged(s);
	const opened = new Set(log.map((r) => r.connection)).size;
	return {
		what: `connections opened for start-up plus five changes (${scheme}; ${log.length} requests, archiving's look-up included)`,
		value: String(opened),
		reference: 'one per request without keep-alive',
		target: '1',
		ok: opened === 1,
	};
}

async function keys(size: number): Promise<void> {
	const sb = await sandboxWith(size);
	const term = open(sb);
	try {
		await term.until(LIST_SHOWN, 60_000);
		await sleep(300);
		const move: number[] = [];
		const toggle: number[] = [];
		// Warm-up: the first keys also pay for JIT compilation of the render path.
		for (let i = 0; i < 6; i++) {
			await term.keyToNextFrame(i % 2 ? 'k' : 'j');
			await term.keyToNextFrame('2');
			await sleep(40);
		}
		for (let i = 0; i < KEY_SAMPLES; i++) {
			move.push(await term.keyToNextFrame(i % 2 ? 'k' : 'j'));
			await sleep(40);
		}
		// 2 (owned by me) cycles any → yes → no → any: each press filters the whole list.
		for (let i = 0; i < KEY_SAMPLES; i++) {
			toggle.push(await term.keyToNextFrame('2'));
			await sleep(40);
		}
		const m = stats(move);
		const t = stats(toggle);
		lines.push({
			what: `key → next frame, move (${size} destinations)`,
			value: fmt(m),
			reference: '',
			target: '≤ 16 ms',
			ok: m.median <= 16,
		});
		lines.push({
			what: `key → next frame, filter toggle (${size} destinations)`,
			value: fmt(t),
			reference: '',
			target: '≤ 16 ms',
			ok: t.median <= 16,
		});
		if (size < 1000) return;
		await marksAndSorting(term, size);
		// A page down redraws every row with rows not drawn before: the costliest frame there is.
		// From the top of the whole list (0 resets the filters the toggles left set).
		await term.keyToFrame('0', (screen) => /\b(\d+) of \1\b/.test(screen));
		await term.keyToFrame('g', (screen) => screen.split('\n')[3]?.startsWith('›') ?? false);
		const page: number[] = [];
		for (let i = 0; i < KEY_SAMPLES; i++) {
			page.push(await term.keyToNextFrame(KEYS.pageDown));
			await sleep(40);
		}
		const pg = stats(page);
		lines.push({
			what: `key → next frame, page down to rows not seen yet (${size} destinations)`,
			value: fmt(pg),
			reference: '',
			target: '≤ 16 ms',
			ok: pg.median <= 16,
		});
		if (size < 10_000) return;
		lines.push({what: `peak memory with ${size} destinations`, value: `${term.peakRssMiB().toFixed(1)} MiB`, reference: '', target: ''});
		// 250 more screens (some 8,000 rows), short of the end, where a page down draws nothing.
		for (let i = 0; i < 250; i++) await term.keyToNextFrame(KEYS.pageDown);
		lines.push({
			what: `peak memory with ${size} destinations, after paging down 250 screens`,
			value: `${term.peakRssMiB().toFixed(1)} MiB`,
			reference: '',
			target: '',
		});
	} finally {
		await term.quit();
		await sb.close();
	}
}

/**
 * Marking and sorting at `size` destinations, on the whole list (0 resets the filters): Space marks
 * a row and moves down; V marks (then unmarks) every row shown; s sorts by the next column (the
 * first sort by name collates every name), S turns the order over.
 */
async function marksAndSorting(term: TimedTerminal, size: number): Promise<void> {
	await term.keyToFrame('0', (screen) => /\b(\d+) of \1\b/.test(screen));
	await term.keyToFrame('g', (screen) => screen.split('\n')[3]?.startsWith('›') ?? false);
	const space: number[] = [];
	for (let i = 0; i < KEY_SAMPLES; i++) {
		space.push(await term.keyToNextFrame(' '));
		await sleep(40);
	}
	await term.keyToFrame(KEYS.esc, (screen) => !screen.split('\n')[0]!.includes('marked'));
	const all: number[] = [];
	for (let i = 0; i < KEY_SAMPLES; i++) {
		all.push(await term.keyToNextFrame('V'));
		await sleep(40);
	}
	const sort: number[] = [];
	for (let i = 0; i < KEY_SAMPLES; i++) {
		sort.push(await term.keyToNextFrame(i % 3 === 2 ? 'S' : 's'));
		await sleep(40);
	}
	const sp = stats(space);
	const v = stats(all);
	const so = stats(sort);
	lines.push({
		what: `key → next frame, mark the row and move down (Space, ${size} destinations)`,
		value: fmt(sp),
		reference: '',
		target: '≤ 16 ms',
		ok: sp.median <= 16,
	});
	lines.push({
		what: `key → next frame, mark or unmark every row shown (V, ${size} destinations)`,
		value: fmt(v),
		reference: '',
		target: '≤ 16 ms',
		ok: v.median <= 16,
	});
	lines.push({
		what: `key → next frame, sort by the next column or the other way (s, S, ${size} destinations)`,
		value: fmt(so),
		reference: '',
		target: '≤ 16 ms',
		ok: so.median <= 16,
	});
}

/**
 * A batch: `n` destinations of the user's own marked (a search, then V), archived after one
 * question, then undone with one u; its requests read from the sandbox's log, by kind.
 */
async function batches(n: number): Promise<void> {
	const sb = await sandboxWith(0);
	const res = await fetch(`${sb.origin}/_sandbox/populate`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({count: n, owner: 'user'}),
	});
	if (!res.ok) throw new Error(`populate failed: ${res.status}`);
	const term = open(sb, 120, 40);
	const press = async (key: string, until: (s: string) => boolean) => {
		const waiting = term.until(until, 30_000);
		term.pty.write(key);
		await waiting;
		await sleep(30);
	};
	const kinds = async () => {
		const log = await requests(sb);
		return {
			patch: log.filter((r) => r.method === 'PATCH').length,
			lookUps: log.filter((r) => r.path.startsWith('/subscriptions/')).length,
			all: log.length,
		};
	};
	try {
		await term.until(LIST_SHOWN);
		await press('/', (s) => s.includes('type to filter'));
		// One key per write: a chunk of several keys reaches the input as one.
		for (const ch of 'bench-') {
			term.pty.write(ch);
			await sleep(30);
		}
		await press('\r', (s) => new RegExp(`\\b${n} of \\d+`).test(s) && !s.includes('type to filter'));
		await press('V', (s) => s.includes(`✓ ${n} marked`));
		await clearLog(sb);
		const pressed = performance.now();
		await press('a', (s) => s.includes('[y/N]'));
		const waited = performance.now() - pressed;
		const asked = await kinds();
		const started = performance.now();
		await press('y', (s) => s.includes(`Archived ${n} destinations.`));
		const took = performance.now() - started;
		await sleep(300);
		const archived = await kinds();
		lines.push({
			what: `requests: look-ups before a bulk archive of ${n} marked (one per destination: the Subscriptions API filters by one destination_ref; none when known)`,
			value: String(asked.lookUps),
			reference: `minimum ${n}`,
			target: '= minimum',
			ok: asked.lookUps === n && asked.all === n,
		});
		lines.push({
			what: `time: bulk archive of ${n} marked, a to the question (its ${n} look-ups)`,
			value: `${(waited / 1000).toFixed(1)} s`,
			reference: `at 3 starts per 1.1 s (the client's limit), ${(Math.ceil(n / 3 - 1) * 1.1).toFixed(1)} s at least`,
			target: '',
		});
		lines.push({
			what: `requests: bulk archive of ${n} marked, after one y/N`,
			value: String(archived.all - asked.all),
			reference: `minimum ${n}`,
			target: '= minimum',
			ok: archived.patch === n && archived.all - asked.all === n,
		});
		lines.push({
			what: `time: bulk archive of ${n} marked, y to the last answer`,
			value: `${(took / 1000).toFixed(1)} s`,
			reference: `at 3 starts per 1.1 s (the client's limit), ${(Math.ceil(n / 3 - 1) * 1.1).toFixed(1)} s at least`,
			target: '',
		});
		await clearLog(sb);
		await press('u', (s) => s.includes(`Undone: ${n} of ${n} changes.`));
		await sleep(300);
		const undone = await kinds();
		lines.push({
			what: `requests: undo of that batch (one u)`,
			value: String(undone.all),
			reference: `minimum ${n}`,
			target: '= minimum',
			ok: undone.patch === n && undone.all === n,
		});
	} catch (err) {
		console.error(err);
		lines.push({
			what: 'batch driving stopped',
			value: String(err instanceof Error ? err.message.split('\n')[0] : err),
			reference: '',
			target: '',
			ok: false,
		});
	} finally {
		await term.quit();
		await sb.close();
	}
}

/** Requests per workflow, read from the sandbox's log, next to the fewest possible. */
async function workflows(): Promise<void> {
	const sb = await sandboxWith(0);
	const term = open(sb, 120, 40);
	const count = async (what: string, minimum: number, run: () => Promise<void>) => {
		await clearLog(sb);
		await run();
		await sleep(300);
		const n = (await requests(sb)).length;
		lines.push({what: `requests: ${what}`, value: String(n), reference: `minimum ${minimum}`, target: '= minimum', ok: n === minimum});
	};
	const press = async (key: string, until?: (s: string) => boolean) => {
		const waiting = until ? term.until(until) : undefined;
		term.pty.write(key);
		await waiting;
		await sleep(30);
	};
	const typeText = async (text: string) => {
		for (const ch of text) await press(ch);
	};
	try {
		await count('start-up', 1, async () => {
			await term.until(LIST_SHOWN);
		});
		// Signed in with a fresh OAuth token: still the one list request (no token request, no discovery).
		const home = await oauthHome(sb);
		await count('start-up, signed in with an OAuth profile (fresh token)', 1, async () => {
			const signedIn = openOAuth(sb, home);
			await signedIn.until(LIST_SHOWN);
			await signedIn.quit();
		});
		// archived starts at "no" (like the API's list) and cycles no → any → yes → no.
		await count('toggle archived through no → any → yes → no (first look fetches archived ones)', 1, async () => {
			await press('1', (s) => s.includes('[1 archived:any]') && !s.includes('loading archived'));
			await press('1', (s) => s.includes('[1 archived:yes]'));
			await press('1', (s) => s.includes('[1 archived:no]'));
		});
		for (const [key, chip] of [
			['2', 'mine'],
			['3', 'writable'],
			['4', 'default'],
		] as const) {
			await count(`toggle ${chip} through any → yes → no → any`, 0, async () => {
				await press(key, (s) => s.includes(`[${key} ${chip}:yes]`));
				await press(key, (s) => s.includes(`[${key} ${chip}:no]`));
				await press(key, (s) => s.includes(`[${key} ${chip}:any]`));
			});
		}
		// Work on a destination the demo user owns.
		await press('2', (s) => s.includes('[2 mine:yes]'));
		// Archive looks up what delivers there first (README: Options): one request, then the change.
		await count('archive (nothing delivers there: the look-up, then the change)', 2, async () => {
			await press('a', (s) => s.includes('Archived'));
		});
		await count('undo (unarchive)', 1, async () => {
			await press('u', (s) => s.includes('Undone'));
		});
		await count('rename', 1, async () => {
			await press('r', (s) => s.includes('Rename to:'));
			// One key per write: a chunk of several keys reaches the input as one.
			for (let i = 0; i < 'Legacy exports'.length + 5; i++) await press('\x7f');
			await typeText('Bench renamed');
			await press('\r', (s) => s.includes('Renamed to'));
		});
		await count('set default (after y/N)', 1, async () => {
			await press('d', (s) => s.includes('[y/N]'));
			await press('y', (s) => s.includes('now your organisation'));
		});
		// The row just made the default: the look-up, the y/N naming the consequence, the change.
		await count('archive the default (the look-up, y/N, the change)', 2, async () => {
			await press('a', (s) => s.includes('[y/N]'));
			await press('y', (s) => s.includes('has no default now'));
		});
		await count('undo archiving the default (unarchive, then the default again)', 2, async () => {
			await press('u', (s) => s.includes("organisation's default again"));
		});
		// Field ops imagery, the oldest of the user's own (no longer the default): a running subscription delivers there.
		const fieldOps = (s: string) => s.split('\n').some((l) => l.startsWith('› Field ops imagery'));
		await count('archive a destination in use (the look-up, y/N, the change)', 2, async () => {
			await press('G', fieldOps);
			await press('a', (s) => s.includes('1 active subscription delivers'));
			await press('y', (s) => s.includes('Archived Field ops imagery'));
		});
		// Back, then its full details (they look up its orders and subscriptions), then archive.
		await press('u', (s) => s.includes('Undone'));
		await press('G', fieldOps);
		await press('\r', (s) => s.includes('Subscriptions delivering here'));
		await press('\x1b', (s) => s.includes('[2 mine:yes]'));
		await count('archive after the full details listed what delivers there (no look-up)', 1, async () => {
			await press('a', (s) => s.includes('[y/N]'));
			await press('y', (s) => s.includes('Archived Field ops imagery'));
		});
		// The same key path as the wizard's end-to-end test.
		await count('create (Amazon S3, through the wizard)', 1, async () => {
			await press('n', (s) => s.includes('step 1 of'));
			await press('\r', (s) => s.includes('step 2 of'));
			await typeText('bench-created-bucket');
			await press('\r');
			await typeText('us-w');
			await press('\x1b[B');
			await press('\x1b[B');
			await press('\r', (s) => /Region\s+us-west-2/.test(s));
			await press('\r', (s) => s.includes('step 3 of'));
			await typeText('BENCHKEYID0001');
			await press('\r');
			await typeText('bench-secret-value');
			await press('\r', (s) => s.includes('step 4 of'));
			await press('\r');
			await press('\r', (s) => s.includes('step 5 of'));
			await press('\r', (s) => s.includes('Created'));
		});
		await count('rotate credentials (Amazon S3)', 1, async () => {
			await press('c', (s) => /rotat/i.test(s));
			await typeText('BENCHKEYID0002');
			await press('\r');
			await typeText('bench-secret-value-2');
			await press('\r');
			await press('\r');
			await press('y', (s) => s.includes('rotated'));
		});
	} catch (err) {
		console.error(err);
		lines.push({
			what: 'workflow driving stopped',
			value: String(err instanceof Error ? err.message.split('\n')[0] : err),
			reference: '',
			target: '',
			ok: false,
		});
	} finally {
		await term.quit();
		await sb.close();
	}
}

const writeReadme = process.argv.includes('--readme');
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!only || only === 'startup') await startup();
if (!only || only === 'network') await network();
if (!only || only === 'keys') for (const size of [50, 1000, 10_000]) await keys(size);
if (!only || only === 'requests') await workflows();
if (!only || only === 'requests' || only === 'batches') await batches(10);

const mark = (ok?: boolean) => (ok === undefined ? '' : ok ? '✓' : '✗');
const table = [
	`destui benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${RUNS} runs, ${KEY_SAMPLES} key samples`,
	'',
	'| measure | destui | reference | target | |',
	'| --- | --- | --- | --- | --- |',
	...lines.map((l) => `| ${l.what} | ${l.value} | ${l.reference} | ${l.target} | ${mark(l.ok)} |`),
].join('\n');
console.log(`\n${table}`);
if (writeReadme) {
	// `npm run bench -- --readme` puts this table in README.md.
	const path = new URL('../../README.md', import.meta.url);
	const readme = await readFile(path, 'utf8');
	await writeFile(
		path,
		readme.replace(/(<!-- bench -->\n)[\s\S]*?(<!-- \/bench -->)/, (_m, open: string, close: string) => `${open}${table}\n${close}`),
	);
}
process.exit(0);
