// RFC 3339 UTC timestamps with a nanosecond fraction, like the real API's. Date only has
// milliseconds, so real nanoseconds come from the monotonic clock offset to the wall clock.

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

const wallOffset = BigInt(Date.now()) * NS_PER_MS - process.hrtime.bigint();
let last = 0n;

/** Nanoseconds since the epoch, strictly increasing within the process. */
export function nowNanos(): bigint {
	let t = wallOffset + process.hrtime.bigint();
	if (t <= last) t = last + 1n;
	last = t;
	return t;
}

export function formatNanos(ns: bigint): string {
	const seconds = new Date(Number((ns / NS_PER_S) * 1000n)).toISOString().slice(0, 19);
	return `${seconds}.${(ns % NS_PER_S).toString().padStart(9, '0')}Z`;
}

export function parseTimestamp(text: string): bigint {
	const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(text);
	if (!m) throw new Error(`not an RFC 3339 UTC timestamp: ${text}`);
	const ms = Date.parse(`${m[1]}Z`);
	return BigInt(ms) * NS_PER_MS + BigInt((m[2] ?? '').padEnd(9, '0'));
}

export const now = (): string => formatNanos(nowNanos());

/** Milliseconds since the epoch, from the same clock as the timestamps. */
export const nowMillis = (): number => Number(nowNanos() / NS_PER_MS);
