// A connection to a Destinations API (Planet's, or the in-process sandbox), made before the
// screen is drawn: the start-up list request is sent at once (or was sent by the `destui`
// command before the app loaded, and is taken over) and travels while Ink starts, so the list
// appears sooner than if the first frame had to ask for it.
import {apiKeyCredentials} from './api/credentials.js';
import {createClient, type ClientEvent} from './api/client.js';
import type {Destination, DestinationsApi} from './api/types.js';
import type {Agents} from './api/wire.js';
import type {Step} from './auth/find.js';
import type {Credentials} from './auth/provider.js';
import type {OAuthSession} from './auth/session.js';
import type {EarlyRequest} from './early-handoff.js';

export interface Connection {
	client: DestinationsApi;
	/** The start-up list (active destinations), already on its way; `value` once it has arrived. */
	firstList: EarlyList;
	/** What the header shows: the API host, or nothing for the sandbox (it says SANDBOX). */
	host: string;
	sandbox: boolean;
	/** Which credentials are in use, for the header (`profile planet-user`); never a secret. */
	credentials: string;
	/** An OAuth session: the sign-in screen shows when its requests wait for a sign-in. */
	session?: OAuthSession;
	/** Where destui looked for credentials, for the sign-in screen. */
	trail: readonly Step[];
	/** What the search skipped and why (a ~/.planet.json profile that cannot be used), for the sign-in screen. */
	warnings: readonly string[];
	/** The client's retry and rate-limit events, for the screen to listen to once it is up. */
	events: {listen(listener: (e: ClientEvent) => void): () => void};
	close(): Promise<void>;
}

export interface EarlyList {
	promise: Promise<Destination[]>;
	value?: Destination[];
	/** Stops the request (Esc while the list loads): it was sent before anything could cancel it. */
	abort?: () => void;
}

export const SANDBOX_DEMO_KEY = 'PLAK-sandbox-user';

export interface ConnectOptions {
	baseUrl?: string;
	host: string;
	sandbox?: boolean;
	trail?: readonly Step[];
	warnings?: readonly string[];
	close?: () => Promise<void>;
	/** The start-up list request the `destui` command sent, and the agents it went out on. */
	early?: Promise<EarlyRequest | undefined>;
	agents?: Agents;
}

export function connectApi(credentials: Credentials, options: ConnectOptions): Connection {
	let listener: ((e: ClientEvent) => void) | undefined;
	const events: Connection['events'] = {
		listen(next) {
			listener = next;
			return () => {
				if (listener === next) listener = undefined;
			};
		},
	};
	const client = createClient({
		credentials: credentials.provider,
		baseUrl: options.baseUrl,
		onEvent: (e) => listener?.(e),
		early: options.early,
		agents: options.agents,
	});
	const controller = new AbortController();
	const promise = client.list({}, {signal: controller.signal});
	const firstList: EarlyList = {promise, abort: () => controller.abort()};
	// Usually here before the screen's first frame, which can then show the list at once. The
	// catch keeps an early failure from counting as unhandled: the store reports it.
	promise.then((value) => (firstList.value = value)).catch(() => {});
	return {
		client,
		firstList,
		host: options.host,
		sandbox: options.sandbox ?? false,
		credentials: credentials.label,
		session: credentials.session,
		trail: options.trail ?? [],
		warnings: options.warnings ?? [],
		events,
		close: options.close ?? (async () => {}),
	};
}

/**
 * `--demo`: the sandbox on a random loopback port, with the demo organisation, as its member.
 * `signIn`: instead of the sandbox's key, a device-code sign-in to the sandbox's own OAuth
 * server, the session kept in memory (never in ~/.planet).
 */
export async function connectSandbox(signIn = false): Promise<Connection> {
	const {startSandbox} = await import('./sandbox/server.js');
	const sandbox = await startSandbox({seed: 'demo'});
	const close = () => sandbox.close();
	if (!signIn)
		return connectApi(
			{provider: apiKeyCredentials(SANDBOX_DEMO_KEY), label: ''},
			{baseUrl: sandbox.origin, host: 'sandbox', sandbox: true, close},
		);
	const {sandboxSession} = await import('./auth/sandbox-profile.js');
	const session = sandboxSession(sandbox.origin);
	session.requestSignIn();
	return connectApi(
		{provider: session, session, label: 'profile sandbox (in memory)'},
		{baseUrl: sandbox.origin, host: 'sandbox', sandbox: true, close},
	);
}
