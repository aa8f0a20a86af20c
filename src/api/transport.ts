// One HTTP exchange with retries: every attempt waits its turn at the rate limiter, runs under
// its own timeout, and reports what it is doing (for "waiting 2 s (rate limited)"). Retries are
// done here around got (got's own retry is off) so that retried attempts pass through the
// limiter too, Retry-After is capped, and the rules of retry-policy.ts are the only ones.
// Connections are kept alive (wire.ts), and the start-up list request the `destui` command sent
// before the app loaded is taken as the first attempt of the first list: its answer or failure
// goes through exactly the same steps as got's would.
import got, {type CancelableRequest, type Got, type Response} from 'got';
import type {ClientRequest, IncomingHttpHeaders} from 'node:http';
import type {EarlyRequest} from '../early-handoff.js';
import {ApiError} from './errors.js';
import {cancelled, errorFromException, errorFromStatus, type Explanations, type FailureContext} from './failure.js';
import {LimiterAbortedError, type Limiter, type Slot} from './limiter.js';
import {
	backoffMs,
	CONNECTION_ERROR_CODES,
	isIdempotent,
	type Method,
	parseRetryAfter,
	rateLimitWaitMs,
	RETRYABLE_STATUSES,
} from './retry-policy.js';
import {bodySecrets} from './body-secrets.js';
import type {CredentialProvider} from './credentials.js';
import type {Agents} from './wire.js';

export interface TransportEvent {
	type: 'request' | 'response' | 'retry' | 'waiting';
	method: string;
	/** Path and query from the API root, e.g. /destinations/v1?archived=true. */
	path: string;
	status?: number;
	/** The attempt this event belongs to; for 'retry', the attempt about to be made. */
	attempt?: number;
	/** 'waiting': expected wait for a rate-limit slot; 'retry': wait before the next attempt. */
	waitMs?: number;
}

export interface TransportOptions {
	root: string;
	/** Asked for the Authorization header before every attempt. */
	credentials: CredentialProvider;
	headers: Record<string, string>;
	timeoutMs: number;
	retries: number;
	maxRetryAfterSeconds: number;
	limiter?: Limiter;
	onEvent?: (e: TransportEvent) => void;
	agents?: Agents;
	/** Offered to the first exchange: taken as its first attempt if it is the same GET with the same credentials. */
	early?: Promise<EarlyRequest | undefined>;
}

export interface Exchange {
	method: Method;
	/** Path from the API root, query included, already encoded. */
	path: string;
	body?: unknown;
	signal?: AbortSignal;
	/** Abandons the exchange only while nothing the server processed has been sent (see CallOptions.unsent). */
	unsent?: AbortSignal;
	explanations?: Explanations;
}

export interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The secrets of this exchange, for scrubbing anything derived from the reply. */
	secrets: readonly string[];
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(cancelled());
		const onAbort = (): void => {
			clearTimeout(timer);
			reject(cancelled());
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

/**
 * got destroys its request as soon as it has read the answer. When the answer was in before Node
 * saw the request's last write finish (seen over TLS on loopback, where the server answers within
 * the same turn), that destroy closes the connection Node was about to keep for the next request;
 * once the write has finished, Node has put the connection back in the pool and the destroy
 * leaves it alone.
 */
function keepConnection(response: Response): Response | Promise<Response> {
	const request = (response as {req?: ClientRequest}).req;
	if (!request || request.writableFinished || request.destroyed) return response;
	return new Promise((resolve) => {
		const go = (): void => resolve(response);
		request.once('finish', go);
		request.once('close', go);
	});
}

/**
 * The early request's answer as got's response, or undefined when got must ask again: a redirect,
 * which got follows and the early request did not. A failure is thrown as got's would be.
 */
async function earlyAnswer(
	early: EarlyRequest,
	signal?: AbortSignal,
): Promise<{statusCode: number; headers: IncomingHttpHeaders; body: string} | undefined> {
	const onAbort = (): void => early.cancel();
	if (signal?.aborted) onAbort();
	signal?.addEventListener('abort', onAbort, {once: true});
	try {
		const answer = await early.take();
		if (answer.status >= 300 && answer.status < 400) return undefined;
		return {statusCode: answer.status, headers: answer.headers, body: answer.text};
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}

/** got's exchange, its limiter slot marked sent once the request has been written to the connection. */
function onTheWire<T>(exchange: CancelableRequest<T>, slot: Slot | undefined): CancelableRequest<T> {
	if (slot) exchange.on('request', (request: ClientRequest) => request.once('finish', () => slot.sent()));
	return exchange;
}

export function createTransport(options: TransportOptions): (exchange: Exchange) => Promise<Reply> {
	const http: Got = got.extend({
		headers: options.headers,
		timeout: {request: options.timeoutMs},
		retry: {limit: 0},
		throwHttpErrors: false,
		responseType: 'text',
		// Same method and body on 307/308, as the official client does; got drops the
		// Authorization header if a redirect leaves the origin.
		followRedirect: true,
		...(options.agents ? {agent: {http: options.agents.http, https: options.agents.https}} : {}),
		hooks: {afterResponse: [keepConnection]},
	});
	let early = options.early;
	const emit = (e: TransportEvent): void => {
		try {
			options.onEvent?.(e);
		} catch {
			// A faulty listener must not break the request it is watching.
		}
	};

	return async function send(exchange: Exchange): Promise<Reply> {
		const {method, path, signal, unsent} = exchange;
		// What may stop the waits (for credentials, a rate-limit slot, a retry): `unsent` too.
		const waits = unsent && signal ? AbortSignal.any([signal, unsent]) : (unsent ?? signal);
		const fromBody = bodySecrets(exchange.body);
		// A 401 that stands is the credentials' to explain (an API key, a session of a profile).
		const explanations = {auth: options.credentials.rejected, ...exchange.explanations};
		const ctx: FailureContext = {method, secrets: fromBody, explanations, timeoutMs: options.timeoutMs};
		const body = exchange.body === undefined ? undefined : JSON.stringify(exchange.body);
		const url = `${options.root}${path}`;
		let retriesLeft = options.retries;
		// A 401 is answered before anything is done, so one resend with renewed credentials is safe
		// whatever the method.
		let resent = false;
		const offered = early;
		early = undefined;

		for (let attempt = 1; ; attempt++) {
			if (waits?.aborted) throw cancelled();
			// Before the rate limiter: a sign-in may take minutes, and must not hold a request slot.
			const asked = options.credentials.authorization(waits);
			const auth = asked instanceof Promise ? await asked : asked;
			const secrets = [...auth.secrets, ...fromBody];
			ctx.secrets = secrets;
			let slot: Slot | undefined;
			if (options.limiter) {
				try {
					slot = await options.limiter.acquire({signal: waits, onWait: (waitMs) => emit({type: 'waiting', method, path, attempt, waitMs})});
				} catch (err) {
					if (err instanceof LimiterAbortedError) throw cancelled();
					throw err;
				}
			}
			if (waits?.aborted) {
				slot?.sent();
				throw cancelled();
			}
			emit({type: 'request', method, path, attempt});

			let waitMs: number;
			let status: number | undefined;
			try {
				const taken = attempt === 1 && offered ? await offered : undefined;
				const same = taken && taken.method === method && taken.url === url && taken.authorization === auth.header;
				// The `destui` command sent it before the app loaded: counted from now, later than it left.
				if (same) slot?.sent();
				const response =
					(same && (await earlyAnswer(taken, signal))) ||
					(await onTheWire(
						http(url, {
							method,
							body,
							headers: body === undefined ? {authorization: auth.header} : {authorization: auth.header, 'content-type': 'application/json'},
							signal,
						}),
						slot,
					));
				status = response.statusCode;
				emit({type: 'response', method, path, status, attempt});
				if (status >= 200 && status < 300) return {status, headers: response.headers, text: response.body, secrets};
				if (status === 401 && !resent && (await options.credentials.refused(auth, signal))) {
					resent = true;
					continue;
				}
				const error = errorFromStatus(status, response.headers, response.body, ctx);
				if (retriesLeft <= 0) throw error;
				if (status === 429) {
					// Not processed, so safe to repeat whatever the method.
					waitMs = rateLimitWaitMs(parseRetryAfter(response.headers['retry-after']), options.maxRetryAfterSeconds);
				} else if (RETRYABLE_STATUSES.has(status) && isIdempotent(method)) {
					waitMs = backoffMs(options.retries - retriesLeft + 1);
				} else {
					throw error;
				}
			} catch (err) {
				if (err instanceof ApiError) throw err;
				if (signal?.aborted) throw cancelled(method, true);
				const code = (err as {code?: string}).code ?? '';
				const connectionBroke = CONNECTION_ERROR_CODES.has(code) && (err as {name?: string}).name !== 'TimeoutError';
				if (!(connectionBroke && isIdempotent(method) && retriesLeft > 0)) throw errorFromException(err, ctx);
				waitMs = backoffMs(options.retries - retriesLeft + 1);
			} finally {
				// Answered or failed without the request ever being written (refused, cut off): counted from now.
				slot?.sent();
			}
			retriesLeft--;
			emit({type: 'retry', method, path, status, attempt: attempt + 1, waitMs});
			await sleep(waitMs, waits);
		}
	};
}
