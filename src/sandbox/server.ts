// The sandbox's HTTP server: a local, faithful Destinations API on a loopback port, with its
// OAuth auth server on the same port (oauth.ts), test hooks (hooks.ts), injected faults
// (faults.ts), a request log and optional persistence. Over plain HTTP, or over TLS with a
// certificate given or generated (tls.ts), as Planet's API is reached.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer as createTlsServer} from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import {readBody} from './body.js';
import {errorResponse} from './errors.js';
import {type Fault, faultKind, Faults, faultStatusResponse, NOT_JSON_RESPONSE, omitFields} from './faults.js';
import {handleHook, HOOK_PREFIX} from './hooks.js';
import {API_BASE_PATH} from './present.js';
import {RateLimiter} from './rate-limit.js';
import {loggableQuery, RequestLog} from './request-log.js';
import {handleOAuth, isAuthServerPath, type OAuthLogFields, oauthLogDefaults} from './oauth.js';
import {DEFAULT_OAUTH_SETTINGS, OAuthState} from './oauth-state.js';
import {handleApi} from './router.js';
import {buildSeed} from './seed.js';
import {loadState, removeStaleTemporaryFiles, saveState, tightenMode} from './state-file.js';
import {Store} from './store.js';
import {now} from './time.js';
import type {ApiRequest, ApiResponse, SandboxState, SeedName} from './types.js';
import {authenticate} from './users.js';

export interface SandboxOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** Default 'demo'. Ignored when the state file already exists. */
	seed?: SeedName;
	/** Persist the state in this file across restarts. */
	stateFile?: string;
	/** 3 requests per second per user; default true. */
	rateLimit?: boolean;
	/** Lifetime of the access tokens the auth server issues; default 3600. */
	tokenLifetimeSeconds?: number;
	/** The device flow's polling interval; default 5 (RFC 8628's default). Tests use 1. */
	deviceIntervalSeconds?: number;
	/** Serve HTTPS with this key and certificate (PEM); see tls.ts for one made on the spot. */
	tls?: {key: string; cert: string};
	/**
	 * Told of every API request that changed the state, with copies of the state before and after:
	 * for in-process tests that check what changed and why (the soak), never needed otherwise.
	 */
	onChange?: (change: StateChange) => void;
}

/** One API request's change of the state (a create, a rename, an archive, the default...). */
export interface StateChange {
	method: string;
	path: string;
	/** Arrival, as the request log's `time`. */
	time: string;
	/** The real handler's status (a fault applied after it may have spoiled the answer). */
	status: number;
	before: SandboxState;
	after: SandboxState;
}

export interface RunningSandbox {
	/** http://127.0.0.1:PORT (https:// with `tls`) */
	origin: string;
	/** origin + '/destinations/v1' */
	apiBase: string;
	port: number;
	/** Things the user should know about the start (e.g. a state file's mode was tightened). */
	warnings: string[];
	/** A copy of the whole state now, secrets included: for in-process tests (the soak's final check). */
	state(): SandboxState;
	close(): Promise<void>;
}

const headerValue = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export const formatHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

function encode(response: ApiResponse): {headers: Record<string, string | number>; data?: Buffer} {
	const headers: Record<string, string | number> = {...response.headers};
	if (response.text !== undefined) {
		const data = Buffer.from(response.text, 'utf8');
		headers['Content-Length'] = data.length;
		return {headers, data};
	}
	if (response.body === undefined || response.status === 204) return {headers};
	const data = Buffer.from(JSON.stringify(response.body), 'utf8');
	headers['Content-Type'] = 'application/json';
	headers['Content-Length'] = data.length;
	return {headers, data};
}

function send(res: ServerResponse, response: ApiResponse): void {
	const {headers, data} = encode(response);
	res.writeHead(response.status, headers);
	res.end(data);
}

/**
 * A truncated answer looks like a server dying mid-body: the full Content-Length is announced,
 * half the bytes arrive, then the connection closes, so clients see a premature close.
 */
function sendTruncated(res: ServerResponse, response: ApiResponse): void {
	const {headers, data} = encode(response);
	if (!data) {
		res.socket?.destroy();
		return;
	}
	res.writeHead(response.status, headers);
	res.write(data.subarray(0, Math.floor(data.length / 2)), () => res.socket?.destroy());
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const host = options.host ?? '127.0.0.1';
	const stateFile = options.stateFile;
	const warnings: string[] = [];
	if (stateFile) removeStaleTemporaryFiles(stateFile);
	const saved = stateFile ? loadState(stateFile) : undefined;
	const modeWarning = saved && stateFile ? tightenMode(stateFile) : undefined;
	if (modeWarning) warnings.push(modeWarning);
	const store = new Store(saved ?? buildSeed(options.seed ?? 'demo'));
	const limiter = options.rateLimit === false ? undefined : new RateLimiter();
	const faults = new Faults();
	const log = new RequestLog();
	for (const name of ['tokenLifetimeSeconds', 'deviceIntervalSeconds'] as const) {
		const v = options[name];
		if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new Error(`${name} must be a whole number of seconds, at least 1`);
	}
	const oauth = new OAuthState({
		...DEFAULT_OAUTH_SETTINGS,
		tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_OAUTH_SETTINGS.tokenLifetimeSeconds,
		deviceIntervalSeconds: options.deviceIntervalSeconds ?? DEFAULT_OAUTH_SETTINGS.deviceIntervalSeconds,
	});
	const timers = new Set<NodeJS.Timeout>();
	let persisted = saved ? store.revision : -1;
	let port = 0;

	const persist = (): void => {
		if (!stateFile || store.revision === persisted) return;
		saveState(stateFile, store.snapshot);
		persisted = store.revision;
	};
	try {
		persist();
	} catch (err) {
		throw new Error(`cannot write the state file ${stateFile}: ${(err as Error).message}`, {cause: err});
	}

	const delay = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	const handler = (req: IncomingMessage, res: ServerResponse): void => {
		void onRequest(req, res).catch(() => {
			if (!res.headersSent) send(res, errorResponse(500, 'Internal sandbox error'));
			else res.destroy();
		});
	};
	const scheme = options.tls ? 'https' : 'http';
	const server = options.tls ? createTlsServer({key: options.tls.key, cert: options.tls.cert}, handler) : createServer(handler);
	// Each connection is numbered as it opens (over TLS, once the handshake is done: the socket
	// requests arrive on), so the log says which one served each request and tests can count
	// the connections a client opened.
	const connections = new WeakMap<Socket, number>();
	let opened = 0;
	server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => void connections.set(socket, ++opened));

	async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const arrived = now();
		const method = req.method ?? 'GET';
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const origin = `${scheme}://${req.headers.host ?? `${formatHost(host)}:${port}`}`;
		const connection = connections.get(req.socket as Socket) ?? null;
		const hook = url.pathname.startsWith(HOOK_PREFIX);
		const authServer = isAuthServerPath(url.pathname);
		// GET bodies are ignored, so never read (whatever their size), and an API request without
		// valid credentials is answered 401 before a byte of its body is read, rather than 413 after
		// all of it. Node discards an unread body once the answer is sent.
		const unread =
			method === 'GET' || method === 'HEAD' || (!hook && !authServer && !authenticate(headerValue(req.headers.authorization), oauth));
		const body = unread ? '' : await readBody(req);
		if (hook) {
			const response =
				body === undefined
					? errorResponse(413, 'Request body too large')
					: await handleHook({store, faults, log, limiter, oauth, origin}, method, url.pathname, body);
			persist();
			return send(res, response);
		}

		const fault = faults.take(method, url.pathname, authServer);
		// Auth-server entries name the user a token was issued to; API entries the caller.
		let oauthLog: OAuthLogFields | undefined = authServer ? oauthLogDefaults(url.pathname, body ?? '') : undefined;
		const record = (status: number | null): void => {
			const {user, ...oauthFields} = oauthLog ?? {user: authenticate(headerValue(req.headers.authorization), oauth)?.name ?? null};
			log.add({
				method,
				path: url.pathname,
				query: loggableQuery(url.searchParams),
				status,
				user,
				time: arrived,
				connection,
				...(fault ? {fault: faultKind(fault)} : {}),
				...oauthFields,
			});
		};
		if (body === undefined) {
			send(res, errorResponse(413, 'Request body too large'));
			return record(413);
		}
		const apiReq: ApiRequest = {method, path: url.pathname, query: url.searchParams, headers: req.headers, body, origin};
		/** The real handler's answer; on a scratch copy of the state when `scratch`, so nothing changes. */
		const api = (scratch: boolean): ApiResponse =>
			handleApi({store: scratch ? store.clone() : store, limiter, tokens: oauth}, apiReq).response;
		// On the auth server, omit_fields is the server's own answer (a token without expires_in, a
		// refresh that does not rotate), so the handler itself leaves them out. Asynchronous: it signs.
		const auth = async (scratch: boolean): Promise<ApiResponse> => {
			const outcome = await handleOAuth(scratch ? oauth.clone() : oauth, apiReq, fault?.omit_fields);
			oauthLog = outcome.log;
			return outcome.response;
		};

		if (fault && !fault.after) {
			if (fault.latency_ms) await delay(fault.latency_ms);
			if (fault.status !== undefined || fault.drop || fault.not_json) return deliver(res, fault, {status: 0}, record);
			if (fault.truncate || (fault.omit_fields && !authServer))
				return deliver(res, fault, authServer ? await auth(true) : api(true), record);
		}
		const before = options.onChange && !authServer ? {revision: store.revision, state: structuredClone(store.snapshot)} : undefined;
		// The API's answer with no await: no other request may change the store between its change
		// and onChange's snapshot.
		const response = authServer ? await auth(false) : api(false);
		persist();
		if (before && store.revision !== before.revision) {
			options.onChange!({
				method,
				path: url.pathname,
				time: arrived,
				status: response.status,
				before: before.state,
				after: structuredClone(store.snapshot),
			});
		}
		if (fault?.after) {
			if (fault.latency_ms) await delay(fault.latency_ms);
			return deliver(res, fault, response, record);
		}
		send(res, response);
		record(response.status);
	}

	function deliver(res: ServerResponse, fault: Fault, real: ApiResponse, record: (status: number | null) => void): void {
		if (res.destroyed) return record(null);
		if (fault.status !== undefined) {
			send(res, faultStatusResponse(fault.status));
			return record(fault.status);
		}
		if (fault.drop) {
			res.socket?.destroy();
			return record(null);
		}
		if (fault.truncate) {
			sendTruncated(res, real);
			return record(real.status);
		}
		const answer = fault.not_json ? NOT_JSON_RESPONSE : (fault.omit_fields && omitFields(real, fault.omit_fields)) || real;
		send(res, answer);
		record(answer.status);
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	port = (server.address() as AddressInfo).port;
	const origin = `${scheme}://${formatHost(host)}:${port}`;
	return {
		origin,
		apiBase: `${origin}${API_BASE_PATH}`,
		port,
		warnings,
		state: () => structuredClone(store.snapshot),
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				// Keep-alive sockets would otherwise hold close() open for seconds.
				server.closeAllConnections();
			}),
	};
}
