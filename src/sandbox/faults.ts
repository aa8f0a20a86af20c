// Injected faults, so clients can be tested against the failures real networks and servers
// produce: error statuses, slow answers, dropped connections, truncated and malformed bodies.
// A fault applies to the next `count` matching requests, before the real handler runs (nothing
// changes) or, with `after`, once it has run (the change happens, the answer is lost).
import {STATUS_CODES} from 'node:http';
import {errorResponse, fail} from './errors.js';
import type {ApiResponse} from './types.js';

export const DEFAULT_OMITTED_FIELDS = ['id', 'name', 'pl:ref'] as const;

export interface FaultSpec {
	count: number;
	/** Upper-case methods; absent = all. */
	methods?: string[];
	/** Path prefix; absent = all API paths. */
	path?: string;
	status?: number;
	latency_ms?: number;
	drop?: boolean;
	truncate?: boolean;
	/** Fields removed from destination objects (true = id, name and pl:ref), or from a token answer. */
	omit_fields?: string[];
	/** Answer 200 with an HTML page instead of JSON, as a captive portal or a misrouted proxy does. */
	not_json?: boolean;
	after?: boolean;
}

export interface Fault extends FaultSpec {
	remaining: number;
}

const KEYS = ['count', 'methods', 'path', 'status', 'latency_ms', 'drop', 'truncate', 'omit_fields', 'not_json', 'after'];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const bool = (body: Record<string, unknown>, key: string): boolean | undefined => {
	const v = body[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'boolean') fail(400, `${key} must be true or false`);
	return v as boolean;
};

export function parseFaultSpec(body: Record<string, unknown>): FaultSpec {
	for (const key of Object.keys(body)) if (!KEYS.includes(key)) fail(400, `Unknown fault field "${key}": expected ${KEYS.join(', ')}`);
	const spec: FaultSpec = {count: 1};
	if (body.count !== undefined) {
		if (!isInt(body.count) || body.count < 1) fail(400, 'count must be a whole number of at least 1');
		spec.count = body.count as number;
	}
	if (body.methods !== undefined) {
		if (
			!Array.isArray(body.methods) ||
			body.methods.length === 0 ||
			!body.methods.every((m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m))
		) {
			fail(400, 'methods must be a non-empty list of HTTP methods');
		}
		spec.methods = (body.methods as string[]).map((m) => m.toUpperCase());
	}
	if (body.path !== undefined) {
		if (typeof body.path !== 'string' || !body.path.startsWith('/')) fail(400, 'path must be a path prefix starting with /');
		spec.path = body.path as string;
	}
	if (body.status !== undefined) {
		if (!isInt(body.status) || body.status < 400 || body.status > 599) fail(400, 'status must be an HTTP error status (400-599)');
		spec.status = body.status as number;
	}
	if (body.latency_ms !== undefined) {
		if (!isInt(body.latency_ms) || body.latency_ms < 0 || body.latency_ms > 600_000)
			fail(400, 'latency_ms must be a whole number of milliseconds (0-600000)');
		spec.latency_ms = body.latency_ms as number;
	}
	if (bool(body, 'drop')) spec.drop = true;
	if (bool(body, 'truncate')) spec.truncate = true;
	if (body.omit_fields !== undefined && body.omit_fields !== false) {
		if (body.omit_fields === true) spec.omit_fields = [...DEFAULT_OMITTED_FIELDS];
		else if (Array.isArray(body.omit_fields) && body.omit_fields.length && body.omit_fields.every((f) => typeof f === 'string'))
			spec.omit_fields = body.omit_fields as string[];
		else fail(400, 'omit_fields must be true or a non-empty list of field names');
	}
	if (bool(body, 'not_json')) spec.not_json = true;
	if (bool(body, 'after')) spec.after = true;
	const kinds = [spec.status !== undefined, spec.drop, spec.truncate, spec.omit_fields !== undefined, spec.not_json].filter(Boolean).length;
	if (kinds > 1) fail(400, 'Give at most one of status, drop, truncate, omit_fields and not_json (latency_ms combines with any)');
	if (kinds === 0 && spec.latency_ms === undefined)
		fail(400, 'A fault needs one of status, latency_ms, drop, truncate, omit_fields or not_json');
	return spec;
}

/** The fault's kind, as the request log names it. */
export function faultKind(f: FaultSpec): string {
	const kind =
		f.status !== undefined
			? `status ${f.status}`
			: f.drop
				? 'drop'
				: f.truncate
					? 'truncate'
					: f.omit_fields
						? 'omit_fields'
						: f.not_json
							? 'not_json'
							: '';
	const latency = f.latency_ms !== undefined ? `latency ${f.latency_ms}ms` : '';
	return [kind, latency].filter(Boolean).join(', ');
}

export class Faults {
	private faults: Fault[] = [];

	add(spec: FaultSpec): void {
		this.faults.push({...spec, remaining: spec.count});
	}

	/**
	 * Consumes one use of the first fault matching this request. A fault without a path is for the
	 * API only: the auth server is another host at Planet, and a test aiming at the API must not see
	 * its fault eaten by a token refresh.
	 */
	take(method: string, path: string, authServer = false): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				f.remaining > 0 && (!f.methods || f.methods.includes(method.toUpperCase())) && (f.path ? path.startsWith(f.path) : !authServer),
		);
		if (!fault) return undefined;
		fault.remaining--;
		this.faults = this.faults.filter((f) => f.remaining > 0);
		return fault;
	}

	list(): Fault[] {
		return this.faults.map((f) => ({...f}));
	}

	clear(): void {
		this.faults = [];
	}
}

export const NOT_JSON_RESPONSE: ApiResponse = {
	status: 200,
	headers: {'Content-Type': 'text/html; charset=utf-8'},
	text: '<!doctype html>\n<html><head><title>Network sign-in</title></head><body><p>Sign in to continue.</p></body></html>\n',
};

export function faultStatusResponse(status: number): ApiResponse {
	const message = STATUS_CODES[status] ?? 'Injected fault';
	return errorResponse(status, status === 429 ? 'Too many requests' : message, status === 429 ? {'Retry-After': '1'} : {});
}

const isDestination = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && 'type' in v && ('pl:ref' in v || 'id' in v);

/**
 * The answer with the given fields deleted from every destination object in it (the object
 * itself, or the items of a list). Undefined when the answer holds no destination.
 */
export function omitFields(response: ApiResponse, fields: readonly string[]): ApiResponse | undefined {
	const body: unknown = structuredClone(response.body);
	let targets: Record<string, unknown>[];
	if (isDestination(body)) targets = [body];
	else if (typeof body === 'object' && body !== null && Array.isArray((body as {destinations?: unknown}).destinations)) {
		targets = (body as {destinations: unknown[]}).destinations.filter(isDestination);
	} else return undefined;
	for (const t of targets) for (const f of fields) delete t[f];
	return {status: 200, headers: response.headers, body};
}
