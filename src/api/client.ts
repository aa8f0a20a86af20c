// The typed Destinations API client (spec §3, §10): every endpoint of DestinationsApi over got,
// every answer checked against the zod schemas, every failure an ApiError.
import type * as z from 'zod/mini';
import {
	destinationListSchema,
	destinationSchema,
	orderListSchema,
	subscriptionListSchema,
	type CreateBody,
	type Destination,
	type PatchBody,
} from '../schemas.js';
import {ORG_DESTINATION_LIMIT} from '../catalogue/providers.js';
import {DESTINATIONS_PATH as DESTINATIONS, resolveBaseUrl} from './base-url.js';
import {apiKeyCredentials, type CredentialProvider} from './credentials.js';
import {ApiError} from './errors.js';
import {describeIssues, malformed, type Explanations} from './failure.js';
import {createLimiter, type Limiter} from './limiter.js';
import type {Method} from './retry-policy.js';
import {createTransport, type Reply, type TransportEvent} from './transport.js';
import {API_HEADERS, DEFAULT_TIMEOUT_MS, keepAliveAgents, type Agents} from './wire.js';
import type {EarlyRequest} from '../early-handoff.js';
import type {CallOptions, DestinationsApi, ListParams} from './types.js';

/** What the client reports while it works (the UI shows waits and retries from these). */
export type ClientEvent = TransportEvent;

export interface ClientOptions {
	/** A Planet API key (`Authorization: api-key KEY`); or give `credentials`. */
	apiKey?: string;
	/** Where each attempt's Authorization header comes from (an OAuth session, a profile's key). */
	credentials?: CredentialProvider;
	/** Default https://api.planet.com; an origin, or a URL ending in /destinations/v1 (like the official CLI's -u). */
	baseUrl?: string;
	/** Per attempt; default 30000. */
	timeoutMs?: number;
	/** Client-side limit on request starts; default 3 (Planet's limit per user). Infinity turns it off. */
	requestsPerSecond?: number;
	/** Cap on an honoured Retry-After; default 30. */
	maxRetryAfterSeconds?: number;
	/** Retries after a 429 (any method) or a 502/503/504 or broken connection (GET, PUT, DELETE); default 3. */
	retries?: number;
	onEvent?: (e: ClientEvent) => void;
	/** The connections' agents (keep-alive); a pair of its own when absent. */
	agents?: Agents;
	/** The start-up list request the `destui` command already sent: the first list takes its answer. */
	early?: Promise<EarlyRequest | undefined>;
}

const ORDERS = '/compute/ops/orders/v2';
const SUBSCRIPTIONS = '/subscriptions/v1';
const LIST_FILTERS = ['archived', 'is_owner', 'can_write', 'is_default', 'sort_by'] as const;

/**
 * The server counts arrivals, the limiter counts requests sent; loopback or network jitter can
 * bring two sends a full window apart closer together on arrival. The margin absorbs that, so the
 * server never sees more than its limit in one second.
 */
const WINDOW_MARGIN_MS = 100;

function limiterFor(requestsPerSecond: number): Limiter | undefined {
	if (requestsPerSecond === Infinity) return undefined;
	if (!(requestsPerSecond > 0)) throw new RangeError('requestsPerSecond must be positive');
	const limit = Math.max(1, Math.floor(requestsPerSecond));
	return createLimiter({limit, windowMs: (1000 * limit) / requestsPerSecond + WINDOW_MARGIN_MS});
}

/**
 * The official CLI pastes ids into the path raw, so `x/y` becomes two segments (spec §2). destui
 * percent-encodes them: an id can then never change which endpoint is called. `.` and `..` are
 * refused outright, because URL parsers resolve them as dot segments even when encoded.
 */
function idSegment(id: string): string {
	if (id === '') throw new ApiError({kind: 'bad_request', explanation: 'No destination id was given.'});
	if (id === '.' || id === '..') throw new ApiError({kind: 'bad_request', explanation: `"${id}" is not a valid destination id.`});
	return encodeURIComponent(id);
}

const query = (pairs: [string, string][]): string =>
	pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;

// Wording for failures that mean something more specific on one endpoint.
const CREATE_EXPLAINED: Explanations = {
	forbidden: `The destination could not be created: your organisation may have reached its limit of ${ORG_DESTINATION_LIMIT} active destinations, or your account may not create them.`,
	conflict: 'That name is already taken in your organisation: choose another.',
};
const DEFAULT_EXPLAINED: Explanations = {
	forbidden: "Only an organisation admin or the destination's owner can change the default.",
};
const UNSET_EXPLAINED: Explanations = {...DEFAULT_EXPLAINED, not_found: 'No default destination is set.'};
const USAGE_EXPLAINED: Explanations = {
	not_found: 'That list is not available at this address.',
};

export function createClient(options: ClientOptions): DestinationsApi {
	const credentials = options.credentials ?? (options.apiKey ? apiKeyCredentials(options.apiKey) : undefined);
	if (!credentials) throw new TypeError('createClient needs an API key or credentials');
	const send = createTransport({
		root: resolveBaseUrl(options.baseUrl),
		credentials,
		headers: API_HEADERS,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		retries: options.retries ?? 3,
		maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 30,
		limiter: limiterFor(options.requestsPerSecond ?? 3),
		onEvent: options.onEvent,
		agents: options.agents ?? keepAliveAgents(),
		early: options.early,
	});

	/** The reply parsed as JSON and checked against `schema`; anything else is 'malformed'. */
	function read<S extends z.ZodMiniType>(reply: Reply, schema: S, method: Method): z.infer<S> {
		const ctx = {method, secrets: reply.secrets};
		let json: unknown;
		try {
			json = JSON.parse(reply.text);
		} catch {
			return fail(malformed(reply.text.trim() === '' ? 'the answer was empty' : 'the answer was not JSON', ctx, reply.status));
		}
		const result = schema.safeParse(json);
		if (!result.success) return fail(malformed(describeIssues(result.error, json), ctx, reply.status));
		return result.data;
	}

	const fail = (error: ApiError): never => {
		throw error;
	};

	async function call<S extends z.ZodMiniType>(
		method: Method,
		path: string,
		schema: S,
		extra: {body?: unknown; options?: CallOptions; explanations?: Explanations} = {},
	): Promise<z.infer<S>> {
		const reply = await send({
			method,
			path,
			body: extra.body,
			signal: extra.options?.signal,
			unsent: extra.options?.unsent,
			explanations: extra.explanations,
		});
		return read(reply, schema, method);
	}

	// async, so that a refused id rejects like every other failure instead of throwing.
	const patch = async (id: string, body: PatchBody, options?: CallOptions): Promise<Destination> =>
		call('PATCH', `${DESTINATIONS}/${idSegment(id)}`, destinationSchema, {body, options});

	return {
		async list(params = {}, options) {
			// Only the filters given, in the official CLI's order, booleans lower-case (spec §15).
			const pairs: [string, string][] = [];
			for (const name of LIST_FILTERS) {
				const value = params[name as keyof ListParams];
				if (value !== undefined) pairs.push([name, String(value)]);
			}
			const page = await call('GET', `${DESTINATIONS}${query(pairs)}`, destinationListSchema, {options});
			return page.destinations;
		},
		get: async (id, options) => call('GET', `${DESTINATIONS}/${idSegment(id)}`, destinationSchema, {options}),
		async create(body: CreateBody, options) {
			// Key order as the official CLI sends it (type, parameters, name); an absent name is left out.
			const ordered = {type: body.type, parameters: body.parameters, ...(body.name !== undefined ? {name: body.name} : {})};
			return call('POST', DESTINATIONS, destinationSchema, {body: ordered, options, explanations: CREATE_EXPLAINED});
		},
		patch,
		archive: (id, options) => patch(id, {archive: true}, options),
		unarchive: (id, options) => patch(id, {archive: false}, options),
		rename: (id, name, options) => patch(id, {name}, options),
		rotate: (id, parameters, options) => patch(id, {parameters}, options),
		async getDefault(options) {
			try {
				return await call('GET', `${DESTINATIONS}/default`, destinationSchema, {options});
			} catch (err) {
				// 404 is the API's way of saying "no default is set" (spec §3.5).
				if (err instanceof ApiError && err.status === 404) return null;
				throw err;
			}
		},
		setDefault: (id, options) =>
			call('PUT', `${DESTINATIONS}/default`, destinationSchema, {body: {destination_id: id}, options, explanations: DEFAULT_EXPLAINED}),
		async unsetDefault(options) {
			await send({method: 'DELETE', path: `${DESTINATIONS}/default`, signal: options?.signal, explanations: UNSET_EXPLAINED});
		},
		async ordersUsing(ref, options) {
			// What the SDK sends: source_type=all always, the ref percent-encoded (spec §10.2). First page only.
			const page = await call(
				'GET',
				`${ORDERS}${query([
					['source_type', 'all'],
					['destination_ref', ref],
				])}`,
				orderListSchema,
				{options, explanations: USAGE_EXPLAINED},
			);
			return page.orders;
		},
		async subscriptionsUsing(ref, options) {
			const page = await call(
				'GET',
				`${SUBSCRIPTIONS}${query([
					['destination_ref', ref],
					['page_size', '500'],
				])}`,
				subscriptionListSchema,
				{options, explanations: USAGE_EXPLAINED},
			);
			return page.subscriptions;
		},
	};
}
