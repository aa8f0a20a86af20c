// Which failures are worth another attempt, and how long to wait first.
//   429: the request was not processed, so every method may retry, after Retry-After.
//   502/503/504 and broken connections: only idempotent methods (GET, PUT, DELETE) retry,
//   since a POST or PATCH may have taken effect before the answer was lost, and doing it twice
//   (two destinations, a second rotation) is worse than an error the user can check.
//   Timeouts are not retried: the user already waited the whole timeout once.
// Unlike the official SDK (which ignores Retry-After and waits up to a minute), destui honours
// Retry-After, capped so the screen never freezes for long.

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export const isIdempotent = (method: Method): boolean => method === 'GET' || method === 'PUT' || method === 'DELETE';

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** Errors meaning the connection failed or broke: the server may never have seen the request. */
export const CONNECTION_ERROR_CODES: ReadonlySet<string> = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ERR_STREAM_PREMATURE_CLOSE',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ENETDOWN',
	'EAI_AGAIN',
]);

/** Seconds a 429's Retry-After asks for (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	// An HTTP date names its day and month; Date.parse would also take "-3" as a year.
	if (!/[a-z]{3}/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** How long to wait after a 429: Retry-After capped; 0 or missing means a 1 s backoff. */
export function rateLimitWaitMs(retryAfterSeconds: number | undefined, capSeconds: number): number {
	const seconds = retryAfterSeconds === undefined || retryAfterSeconds <= 0 ? 1 : retryAfterSeconds;
	return Math.round(Math.min(seconds, capSeconds) * 1000);
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;

/** Exponential backoff with jitter before retry number `retry` (1, 2, 3...): ~0.5 s, 1 s, 2 s... */
export function backoffMs(retry: number, random: () => number = Math.random): number {
	const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
	// Jitter spreads clients that failed together, so they do not come back together.
	return Math.round(base + random() * (base / 2));
}
