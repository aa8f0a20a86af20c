// The few requests destui makes to an OAuth server (discovery, token, device authorization),
// with Node's own http/https: credential finding and refreshing stay free of got and React, so
// they can run before the app bundle loads. Answers are read as planet-auth reads them (spec §4):
// an `error` (or `errorCode`) in the JSON is a refusal whatever the status; any other non-2xx,
// a non-JSON type or an empty body is a failure. Nothing sent (secrets) is ever in a message.
import {request as httpRequest, type IncomingMessage} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {scrub} from '../api/scrub.js';
import {VERSION} from '../version.js';

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

// Static imports: the bundle runs as a vm script (for V8's code cache), where import() of a
// Node module is not available. got loads both at start-up anyway.
function send(req: OAuthRequest): Promise<RawReply> {
	return new Promise((resolve, reject) => {
		let url: URL;
		try {
			url = new URL(req.url);
		} catch {
			return reject(new OAuthError('malformed', `"${req.url.slice(0, 100)}" is not a URL`));
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject(new OAuthError('malformed', `${endpointName(req.url)} is not an http(s) address`));
		if (req.signal?.aborted) return reject(new OAuthError('cancelled', 'Cancelled.'));
		const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const body = req.form ? new URLSearchParams(req.form).toString() : undefined;
		const headers: Record<string, string> = {accept: 'application/json', 'user-agent': `destui/${VERSION}`, 'x-planet-app': 'destui'};
		if (body !== undefined) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = String(Buffer.byteLength(body));
		}
		if (req.basic) headers.authorization = `Basic ${Buffer.from(`${req.basic.user}:${req.basic.password}`).toString('base64')}`;
		const where = endpointName(req.url);
		const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		let settled = false;
		const finish = (fn: () => void): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			req.signal?.removeEventListener('abort', onAbort);
			fn();
		};
		const r = make(url, {method: body === undefined ? 'GET' : 'POST', headers}, (res: IncomingMessage) => {
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (c: Buffer) => {
				size += c.length;
				if (size > MAX_BODY) {
					r.destroy();
					finish(() => reject(new OAuthError('malformed', `${where} sent an answer too large to be a token`)));
				} else chunks.push(c);
			});
			res.on('end', () =>
				finish(() =>
					resolve({
						status: res.statusCode ?? 0,
						contentType: String(res.headers['content-type'] ?? ''),
						text: Buffer.concat(chunks).toString('utf8'),
						retryAfter: typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined,
					}),
				),
			);
			res.on('error', () => finish(() => reject(new OAuthError('network', `the connection to ${where} broke`))));
		});
		const onAbort = (): void => {
			r.destroy();
			finish(() => reject(new OAuthError('cancelled', 'Cancelled.')));
		};
		const timer = setTimeout(() => {
			r.destroy();
			finish(() => reject(new OAuthError('timeout', `${where} did not answer within ${Math.round(timeoutMs / 1000)} s`)));
		}, timeoutMs);
		req.signal?.addEventListener('abort', onAbort, {once: true});
		r.on('error', (err: NodeJS.ErrnoException) => finish(() => reject(new OAuthError('network', `could not reach ${where} (${networkDetail(err.code)})`))));
		r.end(body);
	});
}

function networkDetail(code: string | undefined): string {
	if (code === 'ECONNREFUSED') return 'connection refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
	if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') return 'network unreachable';
	if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "the server's TLS certificate was not trusted";
	return code ? `error ${code}` : 'request failed';
}

const oneLine = (s: string, max = 200): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim().slice(0, max);

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
			const description = typeof o?.error_description === 'string' ? o.error_description : typeof o?.errorSummary === 'string' ? o.errorSummary : '';
			const said = scrub(`${oneLine(code, 60)}${description ? `: ${oneLine(description)}` : ''}`, req.secrets ?? []);
			throw new OAuthError('refused', `${where} answered ${said}`, code, reply.status);
		}
		if (reply.status < 200 || reply.status > 299) throw new OAuthError('refused', `${where} answered HTTP ${reply.status}`, undefined, reply.status);
		if (!isJson) throw new OAuthError('malformed', `${where} did not answer with JSON`, undefined, reply.status);
		if (!o) throw new OAuthError('malformed', `${where} sent an empty or unreadable answer`, undefined, reply.status);
		return o;
	}
}
