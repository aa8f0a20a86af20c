// Authenticates, rate-limits and dispatches one API request. Literal paths (`default`, `spec`)
// are matched before `{id}`; the collection answers with and without a trailing slash.
import {errorResponse, NOT_FOUND, SandboxError} from './errors.js';
import * as destinations from './destinations.js';
import {listOrders, listSubscriptions} from './orders.js';
import {API_BASE_PATH} from './present.js';
import type {RateLimiter} from './rate-limit.js';
import {specDocument} from './spec.js';
import type {Store} from './store.js';
import type {ApiRequest, ApiResponse} from './types.js';
import {type AccessTokens, authenticate, bearerRefusal, type SandboxUser} from './users.js';

export interface RouterContext {
	store: Store;
	/** Absent when rate limiting is switched off. */
	limiter?: RateLimiter;
	/** The auth server's access tokens, accepted as `Bearer`. */
	tokens?: AccessTokens;
}

export const ORDERS_PATH = '/compute/ops/orders/v2';
export const SUBSCRIPTIONS_PATH = '/subscriptions/v1';

const header = (req: ApiRequest, name: string): string | undefined => {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
};

function methodNotAllowed(allowed: string[]): ApiResponse {
	return errorResponse(405, 'Method not allowed', {Allow: allowed.join(', ')});
}

function dispatch(ctx: destinations.HandlerContext): ApiResponse {
	const {method, path} = ctx.req;
	if (path === API_BASE_PATH || path === `${API_BASE_PATH}/`) {
		if (method === 'GET') return destinations.listDestinations(ctx);
		if (method === 'POST') return destinations.createDestination(ctx);
		return methodNotAllowed(['GET', 'POST']);
	}
	if (path === `${API_BASE_PATH}/default`) {
		if (method === 'GET') return destinations.getDefault(ctx);
		if (method === 'PUT') return destinations.putDefault(ctx);
		if (method === 'DELETE') return destinations.deleteDefault(ctx);
		return methodNotAllowed(['GET', 'PUT', 'DELETE']);
	}
	if (path === `${API_BASE_PATH}/spec`) {
		if (method === 'GET') return {status: 200, body: specDocument(ctx.req.origin)};
		return methodNotAllowed(['GET']);
	}
	if (path.startsWith(`${API_BASE_PATH}/`)) {
		let id: string;
		try {
			id = decodeURIComponent(path.slice(API_BASE_PATH.length + 1));
		} catch {
			return errorResponse(404, NOT_FOUND);
		}
		// The official CLI does not escape ids, so `x/y` arrives as two segments: only a pl:ref
		// may contain a slash.
		if (id.includes('/') && !id.startsWith('pl:destinations/')) return errorResponse(404, NOT_FOUND);
		if (method === 'GET') return destinations.getDestination(ctx, id);
		if (method === 'PATCH') return destinations.patchDestination(ctx, id);
		return methodNotAllowed(['GET', 'PATCH']);
	}
	if (path === ORDERS_PATH || path === `${ORDERS_PATH}/`) {
		return method === 'GET' ? listOrders(ctx) : methodNotAllowed(['GET']);
	}
	if (path === SUBSCRIPTIONS_PATH || path === `${SUBSCRIPTIONS_PATH}/`) {
		return method === 'GET' ? listSubscriptions(ctx) : methodNotAllowed(['GET']);
	}
	return errorResponse(404, NOT_FOUND);
}

function unauthorized(refusal: 'expired' | 'invalid' | undefined): ApiResponse {
	if (!refusal) return errorResponse(401, 'Unauthorized: a valid API key is required');
	// A bearer value may be a mistyped key as well as a token.
	const description = refusal === 'expired' ? 'The access token has expired' : 'The access token or API key is not valid';
	// RFC 6750 §3: a refused bearer token is named as such, so a client knows to refresh.
	return errorResponse(401, `Unauthorized: ${description[0]!.toLowerCase()}${description.slice(1)}`, {
		'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
	});
}

export interface RoutedResponse {
	response: ApiResponse;
	user: SandboxUser | undefined;
}

export function handleApi(ctx: RouterContext, req: ApiRequest): RoutedResponse {
	const authorization = header(req, 'authorization');
	const user = authenticate(authorization, ctx.tokens);
	if (!user) return {user, response: unauthorized(bearerRefusal(authorization, ctx.tokens))};
	if (ctx.limiter) {
		const decision = ctx.limiter.take(user.name);
		if (!decision.allowed) {
			return {user, response: errorResponse(429, 'Too many requests', {'Retry-After': String(decision.retryAfter)})};
		}
	}
	try {
		return {user, response: dispatch({store: ctx.store, caller: user, req})};
	} catch (err) {
		if (err instanceof SandboxError) return {user, response: errorResponse(err.status, err.message, err.headers)};
		throw err;
	}
}
