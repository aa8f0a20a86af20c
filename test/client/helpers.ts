// Shared helpers for the client tests: a real sandbox per test, its test hooks (request log,
// faults), a client pointed at it, and small local servers for the few behaviours the sandbox
// does not have (exact wire bytes, echoed secrets, odd bodies). Real HTTP throughout.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, expect} from 'vitest';
import {createClient, type ClientEvent, type ClientOptions} from '../../src/api/client.js';
import {ApiError, type ApiErrorKind} from '../../src/api/errors.js';
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/server.js';

export const KEYS = {admin: 'PLAK-sandbox-admin', user: 'PLAK-sandbox-user', other: 'PLAK-sandbox-other'} as const;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** A fresh sandbox for this test, closed after it; its own rate limit off unless asked for. */
export async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const sb = await startSandbox({seed: 'demo', rateLimit: false, ...options});
	cleanups.push(() => sb.close());
	return sb;
}

/** A client for the sandbox as the demo user, recording its events. Fast retries are not faked: the real policy runs. */
export function clientFor(sb: {apiBase: string}, options: Partial<ClientOptions> = {}) {
	const events: ClientEvent[] = [];
	const client = createClient({apiKey: KEYS.user, baseUrl: sb.apiBase, ...options, onEvent: (e) => events.push(e)});
	return {client, events};
}

export {
	clearRequestLog as clearLog,
	injectFault as fault,
	requestLog as requests,
	type LoggedRequest as Logged,
} from '../harness/sandbox-hooks.js';

/** The log time (RFC 3339, nanoseconds) in nanoseconds since the epoch. */
export function nanos(time: string): bigint {
	const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(time);
	if (!m) throw new Error(`not a log time: ${time}`);
	return BigInt(Date.parse(`${m[1]}Z`)) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0').slice(0, 9));
}

/** The rejection of `promise`, which must be an ApiError of `kind`. */
export async function apiError(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
	const outcome = await promise.then(
		(value) => ({ok: true as const, value}),
		(error: unknown) => ({ok: false as const, error}),
	);
	if (outcome.ok) throw new Error(`expected an ApiError ${kind}, got a result: ${JSON.stringify(outcome.value).slice(0, 200)}`);
	expect(outcome.error).toBeInstanceOf(ApiError);
	const error = outcome.error as ApiError;
	expect(error.kind, error.message).toBe(kind);
	return error;
}

/** Everything an error could show anyone: message, fields, stack, JSON form, inspection. */
export function everythingShown(error: ApiError): string {
	return [
		String(error),
		error.message,
		error.explanation,
		error.serverMessage ?? '',
		error.stack ?? '',
		JSON.stringify(error),
		JSON.stringify(error.cause ?? null),
	].join('\n');
}

export interface Captured {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/**
 * A small local HTTP server answering with `handler`, recording what it received: for the wire
 * bytes and server behaviours the sandbox does not emulate.
 */
export async function localServer(handler: (req: Captured, res: ServerResponse) => void): Promise<{origin: string; received: Captured[]}> {
	const received: Captured[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const captured = {method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8')};
			received.push(captured);
			handler(captured, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	cleanups.push(
		() =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	);
	return {origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received};
}

/** A port on which nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
	const data = JSON.stringify(body);
	res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers});
	res.end(data);
};

/** A valid Amazon S3 create body with obviously fake credentials. */
export function s3Body(bucket: string, extra: {name?: string; secret?: string} = {}) {
	return {
		type: 'amazon_s3' as const,
		parameters: {
			bucket,
			aws_region: 'us-west-2',
			aws_access_key_id: 'TESTKEYID0001',
			aws_secret_access_key: extra.secret ?? 'fake-secret-s3-value',
		},
		...(extra.name === undefined ? {} : {name: extra.name}),
	};
}
