// The sandbox's auth server, on the API's port: OIDC discovery, the token endpoint (refresh,
// client-credentials and device-code grants) and RFC 8628 device authorization, shaped as Planet's
// server is as far as planet-auth relies on it (spec planet-auth.md §2-§5, §7). The sign-in page a
// user opens (verification_uri) is activate-page.ts.
import {activatePage} from './activate-page.js';
import {authenticateClient, DEVICE_CODE_GRANT, GRANT_TYPES, type GrantType, type OAuthClient, requireGrant} from './oauth-clients.js';
import {NO_STORE, OAuthError, oauthErrorResponse, oauthFail} from './oauth-errors.js';
import {allowsRefresh, grantedScope, type OAuthState, PLANET_AUDIENCE, SUPPORTED_SCOPES} from './oauth-state.js';
import type {ApiRequest, ApiResponse} from './types.js';
import type {SandboxUserName} from './users.js';

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const TOKEN_PATH = '/oauth/token';
export const DEVICE_AUTHORIZATION_PATH = '/oauth/device/code';
export const ACTIVATE_PATH = '/activate';

/** Paths of the auth server (a separate host at Planet: no rate limit, no API faults by default). */
export const isAuthServerPath = (path: string): boolean => path === DISCOVERY_PATH || path.startsWith('/oauth/') || path === ACTIVATE_PATH;

/** What the request log may show of an auth-server request: never a token, code or secret. */
export interface OAuthLogFields {
	user: SandboxUserName | null;
	grant_type?: GrantType | 'unsupported' | null;
	client_id?: string | null;
}

export interface OAuthOutcome {
	response: ApiResponse;
	log: OAuthLogFields;
}

/** The log entry of an auth-server request before (or without) its handler running. */
export function oauthLogDefaults(path: string, body: string): OAuthLogFields {
	if (path !== TOKEN_PATH) return {user: null};
	const asked = new URLSearchParams(body).get('grant_type');
	const grantType = asked === null ? null : (GRANT_TYPES as readonly string[]).includes(asked) ? (asked as GrantType) : 'unsupported';
	return {user: null, grant_type: grantType, client_id: null};
}

const header = (req: ApiRequest, name: string): string | undefined => {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
};

/** The form body; RFC 6749 §3.2 forbids repeating a parameter. */
export function parseForm(req: ApiRequest): URLSearchParams {
	const type = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/x-www-form-urlencoded') oauthFail(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded');
	const form = new URLSearchParams(req.body);
	const seen = new Set<string>();
	for (const name of form.keys()) {
		if (seen.has(name)) oauthFail(400, 'invalid_request', `Parameter ${name} is repeated`);
		seen.add(name);
	}
	return form;
}

function required(form: URLSearchParams, name: string): string {
	const value = form.get(name);
	if (!value) oauthFail(400, 'invalid_request', `${name} is required`);
	return value!;
}

function checkAudience(form: URLSearchParams): void {
	const audience = form.get('audience');
	if (audience !== null && audience.replace(/\/?$/, '/') !== PLANET_AUDIENCE) {
		oauthFail(400, 'invalid_request', `Unknown audience: the sandbox issues tokens for ${PLANET_AUDIENCE} only`);
	}
}

function discovery(issuer: string): Record<string, unknown> {
	return {
		issuer,
		token_endpoint: `${issuer}${TOKEN_PATH}`,
		device_authorization_endpoint: `${issuer}${DEVICE_AUTHORIZATION_PATH}`,
		grant_types_supported: [...GRANT_TYPES],
		scopes_supported: [...SUPPORTED_SCOPES],
		token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
		response_types_supported: ['token'],
		subject_types_supported: ['public'],
		claims_supported: ['iss', 'sub', 'aud', 'azp', 'scope', 'iat', 'exp', 'jti'],
	};
}

interface TokenContext {
	state: OAuthState;
	issuer: string;
	client: OAuthClient;
	form: URLSearchParams;
	/** Fields a fault removes from the answer; without `refresh_token` nothing is rotated. */
	omit: readonly string[];
}

async function tokenGrant(ctx: TokenContext, grantType: GrantType): Promise<{body: Record<string, unknown>; user: SandboxUserName}> {
	const {state, issuer, client, form} = ctx;
	const keepRefresh = !ctx.omit.includes('refresh_token');
	if (grantType === 'refresh_token') {
		const grant = state.redeemRefreshToken(required(form, 'refresh_token'), client.id, keepRefresh);
		// A narrower scope may be asked for the new access token; the refresh token keeps its own (RFC 6749 §6).
		const asked = form.get('scope');
		let scope = grant.scope;
		if (asked !== null) {
			const have = grant.scope.split(' ');
			if (asked.split(' ').some((s) => !have.includes(s))) oauthFail(400, 'invalid_scope', 'A refresh cannot widen the scope');
			scope = grantedScope(asked);
		}
		return {body: {...(await state.issue(issuer, {...grant, scope}, {refresh: keepRefresh, refreshScope: grant.scope}))}, user: grant.user};
	}
	if (grantType === 'client_credentials') {
		checkAudience(form);
		const grant = {user: client.actsAs!, clientId: client.id, scope: grantedScope(form.get('scope') ?? undefined)};
		return {body: {...(await state.issue(issuer, grant, {refresh: false}))}, user: grant.user};
	}
	const grant = state.pollDeviceSignIn(required(form, 'device_code'), client.id);
	return {body: {...(await state.issue(issuer, grant, {refresh: keepRefresh && allowsRefresh(grant.scope)}))}, user: grant.user};
}

async function token(state: OAuthState, req: ApiRequest, omit: readonly string[], log: OAuthLogFields): Promise<ApiResponse> {
	const form = parseForm(req);
	const asked = form.get('grant_type');
	if (!asked) oauthFail(400, 'invalid_request', 'grant_type is required');
	const grantType = (GRANT_TYPES as readonly string[]).includes(asked!) ? (asked as GrantType) : undefined;
	if (!grantType)
		oauthFail(400, 'unsupported_grant_type', 'The sandbox supports the refresh_token, client_credentials and device_code grants');
	const client = authenticateClient(header(req, 'authorization'), form);
	log.client_id = client.id;
	requireGrant(client, grantType!);
	const {body, user} = await tokenGrant({state, issuer: req.origin, client, form, omit}, grantType!);
	log.user = user;
	for (const field of omit) delete body[field];
	return {status: 200, headers: {...NO_STORE}, body};
}

function deviceAuthorization(state: OAuthState, req: ApiRequest, log: OAuthLogFields): ApiResponse {
	const form = parseForm(req);
	const client = authenticateClient(header(req, 'authorization'), form);
	log.client_id = client.id;
	requireGrant(client, DEVICE_CODE_GRANT);
	checkAudience(form);
	const signIn = state.startDeviceSignIn(client.id, grantedScope(form.get('scope') ?? undefined));
	const verificationUri = `${req.origin}${ACTIVATE_PATH}`;
	return {
		status: 200,
		headers: {...NO_STORE},
		body: {
			device_code: signIn.deviceCode,
			user_code: signIn.userCode,
			verification_uri: verificationUri,
			verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(signIn.userCode)}`,
			expires_in: state.settings.deviceLifetimeSeconds,
			interval: signIn.interval,
		},
	};
}

const postOnly = (): never => {
	throw new OAuthError(405, 'invalid_request', 'Use POST', {Allow: 'POST'});
};

/** One request to the auth server (`isAuthServerPath`); never throws an OAuthError. */
export async function handleOAuth(state: OAuthState, req: ApiRequest, omit: readonly string[] = []): Promise<OAuthOutcome> {
	const log = oauthLogDefaults(req.path, req.body);
	try {
		if (req.path === DISCOVERY_PATH) {
			if (req.method !== 'GET') throw new OAuthError(405, 'invalid_request', 'Use GET', {Allow: 'GET'});
			return {response: {status: 200, body: discovery(req.origin)}, log};
		}
		if (req.path === TOKEN_PATH) {
			if (req.method !== 'POST') postOnly();
			return {response: await token(state, req, omit, log), log};
		}
		if (req.path === DEVICE_AUTHORIZATION_PATH) {
			if (req.method !== 'POST') postOnly();
			return {response: deviceAuthorization(state, req, log), log};
		}
		if (req.path === ACTIVATE_PATH) return {response: activatePage(state, req.method, req.query, req.body), log};
		return {response: {status: 404, body: {error: 'not_found', error_description: 'No such auth-server endpoint'}}, log};
	} catch (err) {
		if (err instanceof OAuthError) return {response: oauthErrorResponse(err), log};
		throw err;
	}
}
