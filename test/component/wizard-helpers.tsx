// Shared by the wizard and rotation component tests: keys written one per act(), a real sandbox
// and client behind the create/rotate props, and every frame kept so secrets can be looked for.
import React from 'react';
import {act} from 'react';
import {render} from 'ink-testing-library';
import {createClient} from '../../src/api/client.js';
import type {CreateBody, Destination, DestinationsApi} from '../../src/api/types.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {deferCleanup, sandbox as fixtureSandbox, USER_KEY} from '../harness/fixtures.js';
import {KEYS} from '../harness/keys.js';

export {ADMIN_KEY, USER_KEY} from '../harness/fixtures.js';

export const sandbox = (seed: 'demo' | 'empty' = 'empty'): Promise<RunningSandbox> => fixtureSandbox({seed});

export function clientFor(sb: RunningSandbox, apiKey = USER_KEY): DestinationsApi {
	return createClient({apiKey, baseUrl: sb.apiBase});
}

export type Rendered = ReturnType<typeof render>;

export async function mount(tree: React.ReactElement): Promise<Rendered> {
	let r!: Rendered;
	await act(async () => {
		r = render(tree);
	});
	deferCleanup(() =>
		act(async () => {
			r.unmount();
		}),
	);
	return r;
}

/** One key per write, inside act; a lone Esc needs a tick before Ink lets it through. */
export async function press(r: Rendered, ...keys: string[]): Promise<void> {
	for (const key of keys) {
		await act(async () => {
			r.stdin.write(key);
			if (key === KEYS.esc) await new Promise((resolve) => setImmediate(resolve));
		});
	}
}

/** Keys in one write, as one terminal read delivers keys typed together (fast typing, a slow link). */
export async function together(r: Rendered, keys: string): Promise<void> {
	await act(async () => {
		r.stdin.write(keys);
	});
}

/** Types text one character per write, as a person would. */
export async function type(r: Rendered, text: string): Promise<void> {
	for (const ch of [...text]) await press(r, ch);
}

/** A bracketed paste as a terminal sends it: markers and text in one chunk, or split in pieces. */
export async function paste(r: Rendered, text: string, pieces = 1): Promise<void> {
	const data = KEYS.paste(text);
	const size = Math.ceil(data.length / pieces);
	for (let i = 0; i < data.length; i += size) {
		await act(async () => {
			r.stdin.write(data.slice(i, i + size));
		});
	}
}

/** Lets pending promises (a request to the sandbox) settle, re-rendering inside act. */
export async function settle(r: Rendered, until: () => boolean, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	while (!until()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out; last frame:\n${r.lastFrame()}`);
		await act(async () => {
			await new Promise((resolve) => setTimeout(resolve, 10));
		});
	}
}

export const frame = (r: Rendered): string => r.lastFrame() ?? '';

/** Every frame ever written, for "never on screen" checks. */
export const allFrames = (r: Rendered): string => r.frames.join('\n');

/** A create prop backed by a real client, recording the exact bodies it was given. */
export function recordingCreate(api: DestinationsApi) {
	const bodies: CreateBody[] = [];
	const created: Destination[] = [];
	const create = async (body: CreateBody, options?: {signal?: AbortSignal}) => {
		bodies.push(structuredClone(body));
		const d = await api.create(body, options);
		created.push(d);
		return d;
	};
	return {create, bodies, created};
}

export function recordingRotate(api: DestinationsApi, id: string) {
	const sent: Record<string, string | boolean>[] = [];
	const rotate = async (parameters: Record<string, string | boolean>, options?: {signal?: AbortSignal}) => {
		sent.push(structuredClone(parameters));
		return api.rotate(id, parameters, options);
	};
	return {rotate, sent};
}

export async function sandboxHook(sb: RunningSandbox, path: string, body?: unknown, method = 'POST'): Promise<unknown> {
	const res = await fetch(`${sb.origin}/_sandbox/${path}`, {method, body: body === undefined ? undefined : JSON.stringify(body)});
	const text = await res.text();
	return text ? JSON.parse(text) : undefined;
}

/**
 * The main screen over a real sandbox, its client wrapped to record the exact create bodies and
 * rotation parameters that reach it (the sandbox's request log holds no bodies).
 */
export async function mountMainScreen(sb: RunningSandbox, size: {width: number; height: number} = {width: 100, height: 34}) {
	const {App} = await import('../../components/App.js');
	const {DestinationsStore} = await import('../../src/store/destinations-store.js');
	const api = clientFor(sb);
	const bodies: CreateBody[] = [];
	const rotations: {id: string; parameters: Record<string, string | boolean>}[] = [];
	const recording: DestinationsApi = {
		...api,
		create: (body, options) => {
			bodies.push(structuredClone(body));
			return api.create(body, options);
		},
		rotate: (id, parameters, options) => {
			rotations.push({id, parameters: structuredClone(parameters)});
			return api.rotate(id, parameters, options);
		},
	};
	const store = new DestinationsStore(recording);
	const copied: string[] = [];
	const r = await mount(
		<App
			store={store.reads}
			changes={store}
			sandbox
			host="sandbox"
			copy={(t) => void copied.push(t)}
			width={size.width}
			height={size.height}
		/>,
	);
	await settle(r, () => store.getSnapshot().active === 'loaded');
	return {r, api, store, bodies, rotations, copied};
}
