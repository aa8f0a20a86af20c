// What the `destui` command does before it loads the app: it works out the start plan (flags,
// terminal, credentials: src/cli/start-plan.ts) and, when the plan is to open the list with
// credentials in hand, sends the start-up list request at once (an OAuth session's token read
// and, when due, refreshed first: src/auth/renew.ts), on Node's own http/https. Compiling the
// app, Ink and the first frame then happen while the request travels; the app takes over its
// answer (src/early-handoff.ts, src/api/transport.ts). Everything else (--demo, --sign-in, the
// sandbox command, help, usage errors, no credentials) goes on in the app as before.
// Nothing here prints, exits or throws: whatever goes wrong, the app starts as it would have.
import {homedir} from 'node:os';
import {isatty} from 'node:tty';
import {DESTINATIONS_PATH, resolveBaseUrl} from './api/base-url.js';
import {startExchange, type RawAnswer} from './api/raw-exchange.js';
import {ACCEPT_ENCODING, API_HEADERS, DEFAULT_TIMEOUT_MS, keepAliveAgents, type Agents} from './api/wire.js';
import {bearer, renewToken} from './auth/renew.js';
import {nowSeconds} from './auth/token.js';
import {profileTokenStore} from './auth/token-store.js';
import {planStart, type StartInput} from './cli/start-plan.js';
import type {EarlyRequest, EarlyStart} from './early-handoff.js';

/** `input`: this process's environment, home and terminal unless given (tests). */
export function startEarly(argv: string[], input?: StartInput): EarlyStart | undefined {
	try {
		const plan = planStart(argv, input ?? {env: process.env, home: homedir(), stdinTTY: isatty(0), stdoutTTY: isatty(1)});
		const agents = keepAliveAgents();
		const early: EarlyStart = {plan, agents};
		// --sign-in asks for a sign-in before anything is sent.
		if (plan.kind !== 'api' || plan.options.signIn) return early;
		const url = `${resolveBaseUrl(plan.options.baseUrl)}${DESTINATIONS_PATH}`;
		const found = plan.found;
		if (found.kind === 'key') {
			early.list = Promise.resolve(sendList(url, found.header, agents));
			return early;
		}
		const renewal = renewToken({profile: found.profile, store: profileTokenStore(found.profile), clock: nowSeconds, force: false});
		early.renewal = renewal;
		// No usable token (a sign-in is needed): the app's session shows why, and sends the list after.
		early.list = renewal.then(
			(r) => (r.usable.ok ? sendList(url, bearer(r.usable.token).header, agents) : undefined),
			() => undefined,
		);
		return early;
	} catch {
		return undefined;
	}
}

/** The list as the app's client would send it (headers, timeout), answer read whole. */
export function sendList(url: string, authorization: string, agents: Agents, timeoutMs = DEFAULT_TIMEOUT_MS): EarlyRequest {
	const {answer, ...exchange} = startExchange({
		url,
		method: 'GET',
		headers: {...API_HEADERS, authorization, 'accept-encoding': ACCEPT_ENCODING},
		agent: url.startsWith('https:') ? agents.https : agents.http,
		timeoutMs,
		decompress: true,
	});
	let held: Promise<RawAnswer> | undefined = answer;
	const take = (): Promise<RawAnswer> => {
		if (!held) throw new Error('the start-up answer was taken already');
		const taken = held;
		held = undefined;
		return taken;
	};
	return {method: 'GET', url, authorization, ...exchange, take};
}

/**
 * Settles once the list request has left (or failed, or could not be sent), or once the network
 * has given no news (connection opened, TLS done) for `quietMs`: on a link whose round trip is
 * shorter than that the request always leaves first; on a slower one the app loads while the
 * handshakes go on, rather than wait. When time is up, what is already ready (a loopback
 * connection, when this process was kept off the CPU) is still handled first: the wait ends after
 * the event loop's next look at the network.
 */
export function underWay(early: EarlyStart | undefined, quietMs: number): Promise<void> {
	if (!early?.list && !early?.renewal) return Promise.resolve();
	return new Promise((resolve) => {
		const expire = (): void => void setImmediate(resolve);
		let timer = setTimeout(expire, quietMs);
		const headway = (): void => {
			clearTimeout(timer);
			timer = setTimeout(expire, quietMs);
		};
		const done = (): void => {
			clearTimeout(timer);
			resolve();
		};
		(early.list ?? Promise.resolve(undefined))
			.then((request) => {
				request?.onHeadway(headway);
				return request?.sent;
			})
			.then(done, done);
	});
}
