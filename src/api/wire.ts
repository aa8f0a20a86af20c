// What every request to the API carries and travels on, whoever sends it: the client's transport
// (got) or the `destui` command's start-up list request (node:http, before the app is loaded).
// Plain data and Node's own modules only, so the command can load it in a few milliseconds.
import {Agent as HttpAgent} from 'node:http';
import {Agent as HttpsAgent} from 'node:https';
import {VERSION} from '../version.js';

export const API_HEADERS: Readonly<Record<string, string>> = {
	'user-agent': `destui/${VERSION}`,
	'x-planet-app': 'destui',
	accept: 'application/json',
};

/** What got asks for and decodes; the start-up request asks the same. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Per attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * How long an idle connection is kept for the next request. A user's changes come seconds or
 * tens of seconds apart, and each new connection to api.planet.com costs a TCP and a TLS
 * handshake (two round trips). A server that announces a shorter keep-alive (`Keep-Alive:
 * timeout=N`) is believed: Node closes the connection a second before the server would, so a
 * request never races the server's close (a POST lost that way could not be retried blindly).
 */
export const IDLE_CONNECTION_MS = 30_000;

export interface Agents {
	http: HttpAgent;
	https: HttpsAgent;
}

/** One pair per process: the start-up request's connection is the one later requests reuse. */
export function keepAliveAgents(): Agents {
	const options = {keepAlive: true, scheduling: 'lifo' as const, timeout: IDLE_CONNECTION_MS};
	return {http: new HttpAgent(options), https: new HttpsAgent(options)};
}
