// Test hooks under /_sandbox/: read and clear the request log, reset to the seed, inject and
// clear faults, add bulk rows, issue OAuth tokens and answer device sign-ins (oauth-hooks.ts).
// They need no key, are never logged, never faulted, never rate-limited, so a test can always
// reach them.
import {errorResponse, SandboxError} from './errors.js';
import {Faults, parseFaultSpec} from './faults.js';
import {deviceHook, issueTokensHook} from './oauth-hooks.js';
import type {OAuthState} from './oauth-state.js';
import {parsePopulateSpec, populate} from './populate.js';
import type {RateLimiter} from './rate-limit.js';
import type {RequestLog} from './request-log.js';
import {buildSeed, SEED_NAMES} from './seed.js';
import type {Store} from './store.js';
import type {ApiResponse, SeedName} from './types.js';
import {parseJsonObject} from './validation.js';

export const HOOK_PREFIX = '/_sandbox/';

export interface HookContext {
	store: Store;
	faults: Faults;
	log: RequestLog;
	limiter?: RateLimiter;
	oauth: OAuthState;
	/** scheme://host[:port] as the caller addressed us: the issuer of hook-made tokens. */
	origin: string;
}

const optionalObject = (body: string): Record<string, unknown> => (body.trim() === '' ? {} : parseJsonObject(body));

function route(ctx: HookContext, method: string, path: string, body: string): ApiResponse | Promise<ApiResponse> {
	const name = path.slice(HOOK_PREFIX.length).replace(/\/$/, '');
	if (name === 'requests') {
		if (method === 'GET') return {status: 200, body: {requests: ctx.log.list()}};
		if (method === 'DELETE') {
			ctx.log.clear();
			return {status: 204};
		}
	}
	if (name === 'reset' && method === 'POST') {
		const input = optionalObject(body);
		const seed = input.seed ?? ctx.store.seed;
		if (!SEED_NAMES.includes(seed as SeedName)) return errorResponse(400, `seed must be ${SEED_NAMES.join(' or ')}`);
		ctx.store.replace(buildSeed(seed as SeedName));
		ctx.faults.clear();
		ctx.limiter?.reset();
		return {status: 200, body: {seed, destinations: ctx.store.destinations.length}};
	}
	if (name === 'faults') {
		if (method === 'GET') return {status: 200, body: {faults: ctx.faults.list()}};
		if (method === 'POST') {
			ctx.faults.add(parseFaultSpec(parseJsonObject(body)));
			return {status: 201, body: {faults: ctx.faults.list()}};
		}
		if (method === 'DELETE') {
			ctx.faults.clear();
			return {status: 204};
		}
	}
	if (name === 'populate' && method === 'POST') {
		const added = populate(ctx.store, parsePopulateSpec(parseJsonObject(body)));
		return {status: 201, body: {added, total: ctx.store.destinations.length}};
	}
	if (name === 'oauth/tokens' && method === 'POST') return issueTokensHook(ctx.oauth, ctx.origin, body);
	if (name === 'oauth/device') {
		const response = deviceHook(ctx.oauth, method, body);
		if (response) return response;
	}
	return errorResponse(404, 'No such sandbox hook: see src/sandbox/README.md');
}

export async function handleHook(ctx: HookContext, method: string, path: string, body: string): Promise<ApiResponse> {
	try {
		return await route(ctx, method, path, body);
	} catch (err) {
		if (err instanceof SandboxError) return errorResponse(err.status, err.message, err.headers);
		throw err;
	}
}
