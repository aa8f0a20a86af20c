// The few requests destui makes to an OAuth server (discovery, token, device authorization),
// with Node's own http/https (src/api/raw-exchange.ts): credential finding and refreshing stay
// free of got and React, so the `destui` command runs them before the app bundle loads. Answers are read as planet-auth reads them (spec §4):
// an `error` (or `errorCode`) in the JSON is a refusal whatever the status; any other non-2xx,
// a non-JSON type or an empty body is a failure. Nothing sent (secrets) is ever in a message.
import {RawRequestError, startExchange} from '../api/raw-exchange.js';
import {scrub} from '../api/scrub.js';
import {API_HEADERS} from '../api/wire.js';

export type OAuthErrorKind = 'network' | 'timeout' | 'refused' | 'malformed' | 'cancelled';

export class OAuthError extends Error {
	override readonly name = 'OAuthError';
	constructor(
		readonly kind: OAuthErrorKind,
		message: string,
		/** The server's `error` code (RFC 6749 §5.2, RFC 8628 §3.5), for kind 'refused'. */
		readonly code?: string,
		readonly status?: number,
	) {
		super(message);
	}
}

export interface OAuthRequest {
	url: string;
	/** Form fields: a POST (application/x-www-form-urlencoded); absent: a GET. */
	form?: Record<string, string>;
	/** HTTP Basic client authentication (`*_secret` clients, planet-auth's HTTPBasicAuth: unencoded). */
	basic?: {user: string; password: string};
	signal?: AbortSignal;
	timeoutMs?: number;
	/** What this request carries that must never be echoed into a message (secrets, codes, tokens). */
	secrets?: readonly string[];
}

export type JsonObject = Record<string, unknown>;

const MAX_BODY = 1 << 20;
const RETRIES_ON_429 = 3;
const DEFAULT_TIMEOUT_MS = 30_000;

interface RawReply {
	status: number;
	contentType: string;
	text: string;
	retryAfter?: string;
}

/** Where the request went, for messages: origin and path, never a query. */
export const endpointName = (url: string): string => {
	try {
		const u = new URL(url);
		return `${u.host}${u.pathname}`;
	} catch {
		return 'the sign-in server';
	}
};

async function send(req: OAuthRequest): Promise<RawReply> {
	let url: URL;
	try {
		url = new URL(req.url);
	} catch {
		throw new OAuthError('malformed', `"${req.url.slice(0, 100)}" is not a URL`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new OAuthError('malformed', `${endpointName(req.url)} is not an http(s) address`);
	const body = req.form ? new URLSearchParams(req.form).toString() : undefined;
	const headers: Record<string, string> = {...API_HEADERS};
	if (body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers['content-length'] = String(Buffer.byteLength(body));
	}
	if (req.basic) headers.authorization = `Basic ${Buffer.from(`${req.basic.user}:${req.basic.password}`).toString('base64')}`;
	const where = endpointName(req.url);
	const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	try {
		const answer = await startExchange({
			url: url.href,
			method: body === undefined ? 'GET' : 'POST',
			headers,
			body,
			timeoutMs,
			signal: req.signal,
			maxBytes: MAX_BODY,
		}).answer;
		const retryAfter = answer.headers['retry-after'];
		return {
			status: answer.status,
			contentType: String(answer.headers['content-type'] ?? ''),
			text: answer.text,
			retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
		};
	} catch (err) {
		const e = err instanceof RawRequestError ? err : new RawRequestError('RequestError', 'request failed');
		if (e.name === 'AbortError') throw new OAuthError('cancelled', 'Cancelled.');
		if (e.name === 'TimeoutError') throw new OAuthError('timeout', `${where} did not answer within ${Math.round(timeoutMs / 1000)} s`);
		if (e.code === 'ETOOLARGE') throw new OAuthError('malformed', `${where} sent an answer too large to be a token`);
		if (e.name === 'ReadError') throw new OAuthError('network', `the connection to ${where} broke`);
		throw new OAuthError('network', `could not reach ${where} (${networkDetail(e.code)})`);
	}
}

function networkDetail(code: string | undefined): string {
	if (code === 'ECONNREFUSED') return 'connection refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
	if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') return 'network unreachable';
	if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "the server's TLS certificate was not trusted";
	return code ? `error ${code}` : 'request failed';
}

const oneLine = (s: string, max = 200): string =>
	s
		.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ')
		.trim()
		.slice(0, max);

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
	new Promise((resolve, reject) => {
		const t = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = (): void => {
			clearTimeout(t);
			reject(new OAuthError('cancelled', 'Cancelled.'));
		};
		signal?.addEventListener('abort', onAbort, {once: true});
	});

/** The JSON object the server answered, or an OAuthError saying why not. 429 is retried (as planet-auth does). */
export async function oauthJson(req: OAuthRequest): Promise<JsonObject> {
	const where = endpointName(req.url);
	for (let attempt = 0; ; attempt++) {
		const reply = await send(req);
		if (reply.status === 429 && attempt < RETRIES_ON_429) {
			const seconds = Number(reply.retryAfter);
			await sleep(Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 10) * 1000 : 1000 * 2 ** attempt, req.signal);
			continue;
		}
		let json: unknown;
		const isJson = /^application\/json\b/i.test(reply.contentType.trim());
		if (isJson && reply.text.trim() !== '') {
			try {
				json = JSON.parse(reply.text);
			} catch {
				throw new OAuthError('malformed', `${where} answered with JSON that could not be read`, undefined, reply.status);
			}
		}
		const o = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as JsonObject) : undefined;
		const code = typeof o?.error === 'string' ? o.error : typeof o?.errorCode === 'string' ? o.errorCode : undefined;
		if (code !== undefined) {
			const description =
				typeof o?.error_description === 'string' ? o.error_description : typeof o?.errorSummary === 'string' ? o.errorSummary : '';
			const said = scrub(`${oneLine(code, 60)}${description ? `: ${oneLine(description)}` : ''}`, req.secrets ?? []);
			throw new OAuthError('refused', `${where} answered ${said}`, code, reply.status);
		}
		if (reply.status < 200 || reply.status > 299)
			throw new OAuthError('refused', `${where} answered HTTP ${reply.status}`, undefined, reply.status);
		if (!isJson) throw new OAuthError('malformed', `${where} did not answer with JSON`, undefined, reply.status);
		if (!o) throw new OAuthError('malformed', `${where} sent an empty or unreadable answer`, undefined, reply.status);
		return o;
	}
}
