// Shared by the main-screen component tests: a real in-process sandbox over HTTP, the real
// client and cache behind <App>, keys written one per act(), and the sandbox's request log.
import React from 'react';
import {act} from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../components/App.js';
import {DestinationsStore} from '../../src/store/destinations-store.js';
import {createClient} from '../../src/api/client.js';
import type {DestinationsApi} from '../../src/api/types.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {deferCleanup, sandbox as fixtureSandbox, USER_KEY} from '../harness/fixtures.js';
import {KEYS} from '../harness/keys.js';
import {
	clearRequestLog as clearRequests,
	injectFault as fault,
	requestLog as requests,
	type LoggedRequest,
} from '../harness/sandbox-hooks.js';

export {ADMIN_KEY, USER_KEY} from '../harness/fixtures.js';

export type Rendered = ReturnType<typeof render>;

export const sandbox = (seed: 'demo' | 'empty' = 'demo'): Promise<RunningSandbox> => fixtureSandbox({seed});

export function clientFor(sb: RunningSandbox, apiKey = USER_KEY): DestinationsApi {
	return createClient({apiKey, baseUrl: sb.origin, requestsPerSecond: Infinity});
}

/** The API requests sent since the log was last cleared, as "METHOD path?query". */
export async function sent(sb: RunningSandbox): Promise<string[]> {
	return (await requests(sb)).map(describeRequest);
}

export async function populate(sb: RunningSandbox, count: number, owner = 'user', archived = false): Promise<void> {
	const res = await fetch(`${sb.origin}/_sandbox/populate`, {method: 'POST', body: JSON.stringify({count, owner, archived})});
	if (res.status !== 201) throw new Error(`populate refused: ${await res.text()}`);
}

export {clearRequests, fault, requests};

/** Counts by "METHOD path?query" so a test can say exactly which requests were sent. */
export const describeRequest = (r: LoggedRequest): string => {
	const q = new URLSearchParams(r.query).toString();
	return `${r.method} ${r.path}${q ? `?${q}` : ''}`;
};

export interface Screen {
	sb: RunningSandbox;
	r: Rendered;
	store: DestinationsStore;
	copied: string[];
	/** Every frame rendered so far (ink-testing-library keeps them). */
	frames: () => string[];
	frame: () => string;
	/** The terminal resized: the same screen, state and all, drawn at this size. */
	resize: (width: number, height: number) => Promise<void>;
}

export interface ScreenOptions {
	seed?: 'demo' | 'empty';
	readOnly?: boolean;
	width?: number;
	height?: number;
	apiKey?: string;
	/** Runs against the sandbox before the screen starts (e.g. to add a destination). */
	before?: (sb: RunningSandbox) => Promise<void>;
	sb?: RunningSandbox;
	/** Called when Ink unmounts the tree (q and Ctrl-C exit through useApp). */
	onUnmount?: () => void;
}

function UnmountSpy({onUnmount}: {onUnmount: () => void}): null {
	React.useEffect(() => onUnmount, [onUnmount]);
	return null;
}

export async function mountScreen(options: ScreenOptions = {}): Promise<Screen> {
	const sb = options.sb ?? (await sandbox(options.seed ?? 'demo'));
	if (options.before) await options.before(sb);
	await clearRequests(sb);
	const store = new DestinationsStore(clientFor(sb, options.apiKey));
	const copied: string[] = [];
	const copy = (t: string) => void copied.push(t);
	const tree = (width: number, height: number) => (
		<>
			<App
				store={store.reads}
				changes={options.readOnly ? undefined : store}
				sandbox
				host="sandbox"
				copy={copy}
				width={width}
				height={height}
			/>
			{options.onUnmount ? <UnmountSpy onUnmount={options.onUnmount} /> : null}
		</>
	);
	let r!: Rendered;
	await act(async () => {
		r = render(tree(options.width ?? 100, options.height ?? 30));
	});
	deferCleanup(() =>
		act(async () => {
			r.unmount();
		}),
	);
	const resize = (width: number, height: number) =>
		act(async () => {
			r.rerender(tree(width, height));
		});
	const screen: Screen = {sb, r, store, copied, frames: () => r.frames, frame: () => r.lastFrame() ?? '', resize};
	if ((options.seed ?? 'demo') === 'demo' || options.before) await waitFrame(screen, (f) => /\d+ of \d+/.test(f) && !f.includes('Loading'));
	return screen;
}

/** Polls the last frame inside act, with small awaits, until it matches. */
export async function waitFrame(s: Screen, expected: string | RegExp | ((frame: string) => boolean), timeoutMs = 5000): Promise<string> {
	const matches = (f: string) =>
		typeof expected === 'string' ? f.includes(expected) : expected instanceof RegExp ? expected.test(f) : expected(f);
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		await act(async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
		});
		last = s.frame();
		if (matches(last)) return last;
	}
	throw new Error(`frame never showed ${String(expected)}; last frame:\n${last}`);
}

/** Waits until the store has nothing in flight (every request answered). */
export async function settle(s: Screen): Promise<void> {
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		await act(async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
		});
		if (s.store.getSnapshot().pending === 0) return;
	}
	throw new Error('requests still in flight');
}

/** One key per write, inside act; a lone Esc needs a tick before Ink lets it through. */
export async function press(s: Screen, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		await act(async () => {
			s.r.stdin.write(key);
			if (key === KEYS.esc) await new Promise((resolve) => setImmediate(resolve));
		});
	}
}

export async function type(s: Screen, text: string): Promise<void> {
	for (const ch of [...text]) await press(s, ch);
}

/** The selected row's line (marked with ›). */
export function selectedLine(frame: string): string {
	return frame.split('\n').find((l) => l.startsWith('› ')) ?? '';
}

/** The "N of M" count of the chips line. */
export function counts(frame: string): {shown: number; total: number} {
	const m = /(\d+) of (\d+)/.exec(frame);
	if (!m) throw new Error(`no count in:\n${frame}`);
	return {shown: Number(m[1]), total: Number(m[2])};
}
