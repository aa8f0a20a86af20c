// A connection to a Destinations API (Planet's, or the in-process sandbox), made before the
// screen is drawn: the start-up list request is sent at once and travels while Ink starts, so
// the list appears sooner than if the first frame had to ask for it.
import {createClient, type ClientEvent} from './api/client.js';
import type {Destination, DestinationsApi} from './api/types.js';

export interface Connection {
	client: DestinationsApi;
	/** The start-up list (active destinations), already on its way; `value` once it has arrived. */
	firstList: EarlyList;
	/** What the header shows: the API host, or nothing for the sandbox (it says SANDBOX). */
	host: string;
	sandbox: boolean;
	/** Where the client's retry and rate-limit events go once the screen listens. */
	events: {listener?: (e: ClientEvent) => void};
	close(): Promise<void>;
}

export interface EarlyList {
	promise: Promise<Destination[]>;
	value?: Destination[];
}

export const SANDBOX_DEMO_KEY = 'PLAK-sandbox-user';

export function connectApi(apiKey: string, baseUrl: string | undefined, host: string, sandbox = false, close = async () => {}): Connection {
	const events: Connection['events'] = {};
	const client = createClient({apiKey, baseUrl, onEvent: (e) => events.listener?.(e)});
	const promise = client.list({});
	const firstList: EarlyList = {promise};
	// Usually here before the screen's first frame, which can then show the list at once. The
	// catch keeps an early failure from counting as unhandled: the store reports it.
	promise.then((value) => (firstList.value = value)).catch(() => {});
	return {client, firstList, host, sandbox, events, close};
}

/** `--demo`: the sandbox on a random loopback port, with the demo organisation, as its member. */
export async function connectSandbox(): Promise<Connection> {
	const {startSandbox} = await import('./sandbox/server.js');
	const sandbox = await startSandbox({seed: 'demo'});
	return connectApi(SANDBOX_DEMO_KEY, sandbox.origin, 'sandbox', true, () => sandbox.close());
}
