// Turns whatever went wrong (an error status, a broken connection, an unreadable answer) into
// an ApiError: the kind, the server's own words (scrubbed of secrets, short, one line) and an
// explanation in plain language. The underlying got error is never attached as `cause`: it
// carries the request options, Authorization header included, and would print the key.
import type * as z from 'zod/mini';
import {sanitize} from '../sanitize.js';
import {ApiError, explanationFor, kindForStatus, type ApiErrorKind} from './errors.js';
import {CONNECTION_ERROR_CODES, parseRetryAfter} from './retry-policy.js';
import {scrub} from './scrub.js';

export const MAX_SERVER_MESSAGE = 300;

/** Explanations one operation words better than the defaults (e.g. a 403 on create is the quota). */
export type Explanations = Partial<Record<ApiErrorKind, string>>;

export interface FailureContext {
	method: string;
	secrets: readonly string[];
	explanations?: Explanations;
	timeoutMs: number;
}

const oneLine = (text: string): string => sanitize(text.replace(/\s+/g, ' ')).trim();

function truncate(text: string, max = MAX_SERVER_MESSAGE): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The human part of an error body: Destinations' `message`, the Orders and Subscriptions shapes (spec §8.1), or the raw text. */
function messageOf(body: string, contentType: string | undefined): string {
	try {
		const json: unknown = JSON.parse(body);
		if (typeof json === 'object' && json !== null) {
			const o = json as Record<string, unknown>;
			if (typeof o.message === 'string') return o.message;
			const error = o.error as Record<string, unknown> | undefined;
			if (typeof error?.reason === 'string') return error.reason;
			if (typeof error?.message === 'string') return error.message;
			const general = o.general as {message?: unknown}[] | undefined;
			if (Array.isArray(general) && typeof general[0]?.message === 'string') return general[0].message;
			if (typeof o.detail === 'string') return o.detail;
		}
	} catch {
		// Not JSON: the raw text is the message.
	}
	// A proxy's HTML error page: its words, not its markup.
	if (/html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(body))
		return body.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
	return body;
}

/** The server's message, safe to show: secrets scrubbed first (so truncation cannot leave half of one), one line, short. */
export function serverMessage(body: string, contentType: string | undefined, secrets: readonly string[]): string | undefined {
	const text = truncate(oneLine(scrub(messageOf(body, contentType), secrets)));
	return text === '' ? undefined : text;
}

const withDetail = (kind: ApiErrorKind, detail: string | undefined, explanations?: Explanations): string => {
	const base = explanations?.[kind] ?? explanationFor(kind);
	return detail ? `${base.replace(/\.$/, '')} (${detail}).` : base;
};

export function errorFromStatus(
	status: number,
	headers: Record<string, string | string[] | undefined>,
	body: string,
	ctx: FailureContext,
): ApiError {
	const header = (name: string): string | undefined => {
		const v = headers[name];
		return Array.isArray(v) ? v[0] : v;
	};
	const message = serverMessage(body, header('content-type'), ctx.secrets);
	if (status < 400) {
		return malformed(`unexpected status ${status}`, ctx, status);
	}
	const kind: ApiErrorKind = status === 408 ? 'timeout' : kindForStatus(status);
	return new ApiError({
		kind,
		status,
		serverMessage: message,
		explanation: ctx.explanations?.[kind] ?? explanationFor(kind),
		retryAfter: status === 429 ? parseRetryAfter(header('retry-after')) : undefined,
	});
}

/**
 * An answer destui could not read. After a successful status to a POST or PATCH the change was
 * made even so, and the user is told, so they reload rather than try again and double it.
 */
export function malformed(detail: string, ctx: Pick<FailureContext, 'method' | 'secrets'>, status?: number): ApiError {
	let explanation = withDetail('malformed', truncate(oneLine(scrub(detail, ctx.secrets)), 120));
	if (status !== undefined && status >= 200 && status < 300 && (ctx.method === 'POST' || ctx.method === 'PATCH' || ctx.method === 'PUT')) {
		explanation += ' The change was probably made: reload to check.';
	}
	return new ApiError({kind: 'malformed', status, explanation});
}

const MAYBE_MADE = ' The change may or may not have been made: reload to check.';
const mutates = (method: string): boolean => method === 'POST' || method === 'PATCH';

/** Cancelled by the user. A POST or PATCH already on its way may still take effect. */
export const cancelled = (method?: string, inFlight = false): ApiError =>
	new ApiError({kind: 'cancelled', explanation: inFlight && method && mutates(method) ? `Cancelled.${MAYBE_MADE}` : undefined});

interface GotLikeError {
	name?: string;
	code?: string;
	response?: {statusCode?: number};
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** A request that failed without a usable answer: timeout, connection trouble, a cut-off body. */
export function errorFromException(err: unknown, ctx: FailureContext): ApiError {
	if (err instanceof ApiError) return err;
	const e = (typeof err === 'object' && err !== null ? err : {}) as GotLikeError;
	const code = e.code ?? '';
	if (e.name === 'TimeoutError') {
		const explanation = withDetail('timeout', `no answer within ${seconds(ctx.timeoutMs)}`, ctx.explanations);
		return new ApiError({kind: 'timeout', explanation: mutates(ctx.method) ? explanation + MAYBE_MADE : explanation});
	}
	if (e.name === 'MaxRedirectsError') return malformed('the server redirected too many times', ctx);
	// Node refuses to send a header holding a control or non-Latin-1 character. The credential
	// readers catch such keys first, naming where they came from; this is the last line.
	if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') {
		return new ApiError({
			kind: 'auth',
			explanation:
				'The credentials hold a character that cannot be sent in an HTTP header (a line break, a control or non-ASCII character).',
		});
	}
	// The status line arrived, then the connection broke: the answer was cut off.
	if (e.response?.statusCode !== undefined) return malformed('the answer was cut off before it was complete', ctx, e.response.statusCode);

	let detail: string;
	let neverConnected = true;
	if (code === 'ECONNREFUSED') detail = 'connection refused';
	else if (code === 'ENOTFOUND') detail = 'host not found';
	else if (code === 'EAI_AGAIN') detail = 'name lookup failed';
	else if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN') detail = 'network unreachable';
	else if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) detail = "the server's TLS certificate was not trusted";
	else {
		neverConnected = false;
		detail = CONNECTION_ERROR_CODES.has(code) ? 'the connection was dropped' : code ? `error ${code}` : 'request failed';
	}
	let explanation = withDetail('network', detail, ctx.explanations);
	// A POST or PATCH that reached the server may have taken effect before the line dropped.
	if (!neverConnected && mutates(ctx.method)) explanation += MAYBE_MADE;
	return new ApiError({kind: 'network', explanation});
}

/** A short, value-free account of why a response did not match its schema. */
export function describeIssues(error: z.core.$ZodError, input: unknown, max = 3): string {
	const valueAt = (path: readonly PropertyKey[]): unknown => {
		let v: unknown = input;
		for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
		return v;
	};
	const pathText = (path: readonly PropertyKey[]): string =>
		path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') ||
		'the answer';
	const described = error.issues.slice(0, max).map((issue) => {
		const where = pathText(issue.path);
		if (issue.code === 'invalid_type') {
			const actual = valueAt(issue.path);
			if (actual === undefined) return `${where} missing`;
			return `${where} should be ${issue.expected}, not ${actual === null ? 'null' : Array.isArray(actual) ? 'array' : typeof actual}`;
		}
		return `${where} invalid`;
	});
	const more = error.issues.length - max;
	return more > 0 ? `${described.join(', ')} and ${more} more` : described.join(', ');
}
