// The OAuth requests planet-auth makes, with the same fields (spec §4, §5; PA token_api_client.py,
// device_authorization_api_client.py): discovery, refresh, client credentials, device
// authorization and the device-code poll. Public clients put client_id in the body; `*_secret`
// clients authenticate with HTTP Basic, except the client-credentials login, which sends the
// secret in the body as planet-auth does.
import type {OidcClient} from './profiles.js';
import {endpointName, OAuthError, oauthJson, type JsonObject} from './oauth-http.js';

/** planet-auth's discovery address: the server plus `.well-known/openid-configuration`. */
export const discoveryUrl = (authServer: string): string =>
	`${authServer}${authServer.endsWith('/') ? '' : '/'}.well-known/openid-configuration`;

// Per process, as planet-auth caches it; a failed discovery is not kept, so "try again" tries.
const discoveries = new Map<string, Promise<JsonObject>>();

function discover(authServer: string, signal?: AbortSignal): Promise<JsonObject> {
	let found = discoveries.get(authServer);
	if (!found) {
		found = oauthJson({url: discoveryUrl(authServer), signal});
		discoveries.set(authServer, found);
		found.catch(() => discoveries.delete(authServer));
	}
	return found;
}

async function endpoint(
	client: OidcClient,
	key: 'token_endpoint' | 'device_authorization_endpoint',
	signal?: AbortSignal,
): Promise<string> {
	const configured = key === 'token_endpoint' ? client.tokenEndpoint : client.deviceAuthorizationEndpoint;
	if (configured) return configured;
	const found = (await discover(client.authServer, signal))[key];
	if (typeof found !== 'string' || found === '') {
		throw new OAuthError('malformed', `the sign-in server ${endpointName(discoveryUrl(client.authServer))} names no ${key}`);
	}
	return found;
}

/** Client authentication for everything but the client-credentials login. */
function authenticated(client: OidcClient, form: Record<string, string>) {
	if (client.clientSecret !== undefined) return {form, basic: {user: client.clientId, password: client.clientSecret}};
	return {form: {...form, client_id: client.clientId}, basic: undefined};
}

const secretsOf = (client: OidcClient, ...more: (string | undefined)[]): string[] =>
	[client.clientSecret, ...more].filter((s): s is string => typeof s === 'string' && s.length > 0);

/** A token answer planet-auth would take: `expires_in` present and not 0 (token_api_client.py). */
function checkedToken(answer: JsonObject, where: string): JsonObject {
	if (!answer.expires_in) throw new OAuthError('malformed', `${where} answered without expires_in`);
	if (typeof answer.access_token !== 'string' || answer.access_token === '')
		throw new OAuthError('malformed', `${where} answered without an access token`);
	return answer;
}

async function tokenRequest(
	client: OidcClient,
	form: Record<string, string>,
	basic: {user: string; password: string} | undefined,
	secrets: string[],
	signal?: AbortSignal,
): Promise<JsonObject> {
	const url = await endpoint(client, 'token_endpoint', signal);
	return checkedToken(await oauthJson({url, form, basic, signal, secrets}), endpointName(url));
}

/** grant_type=refresh_token: no scope, no audience (spec §4). */
export function refreshGrant(client: OidcClient, refreshToken: string, signal?: AbortSignal): Promise<JsonObject> {
	const {form, basic} = authenticated(client, {grant_type: 'refresh_token', refresh_token: refreshToken});
	return tokenRequest(client, form, basic, secretsOf(client, refreshToken), signal);
}

/** grant_type=client_credentials, the secret in the body (spec §5). */
export function clientCredentialsGrant(client: OidcClient, signal?: AbortSignal): Promise<JsonObject> {
	const form: Record<string, string> = {grant_type: 'client_credentials'};
	if (client.scopes.length) form.scope = client.scopes.join(' ');
	if (client.audiences.length) form.audience = client.audiences.join(' ');
	form.client_id = client.clientId;
	form.client_secret = client.clientSecret ?? '';
	return tokenRequest(client, form, undefined, secretsOf(client), signal);
}

export interface DeviceAuthorization {
	deviceCode: string;
	userCode: string;
	verificationUri: string;
	verificationUriComplete?: string;
	/** Seconds. */
	expiresIn: number;
	/** Seconds between polls (RFC 8628 default 5). */
	interval: number;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** RFC 8628 §3.1: the profile's client_id, scope and audience (and organisation, project, as planet-auth). */
export async function deviceAuthorization(client: OidcClient, signal?: AbortSignal): Promise<DeviceAuthorization> {
	const url = await endpoint(client, 'device_authorization_endpoint', signal);
	const fields: Record<string, string> = {};
	if (client.organization) fields.organization = client.organization;
	if (client.projectId) fields.project_id = client.projectId;
	if (client.scopes.length) fields.scope = client.scopes.join(' ');
	if (client.audiences.length) fields.audience = client.audiences.join(' ');
	const {form, basic} = authenticated(client, fields);
	const answer = await oauthJson({url, form, basic, signal, secrets: secretsOf(client)});
	const where = endpointName(url);
	const deviceCode = text(answer.device_code);
	const userCode = text(answer.user_code);
	const verificationUri = text(answer.verification_uri);
	const expiresIn = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : undefined;
	if (!deviceCode || !userCode || !verificationUri || !expiresIn)
		throw new OAuthError('malformed', `${where} answered without a device code, user code, link or expiry`);
	const interval = typeof answer.interval === 'number' && answer.interval > 0 ? answer.interval : 5;
	return {deviceCode, userCode, verificationUri, verificationUriComplete: text(answer.verification_uri_complete), expiresIn, interval};
}

/**
 * One poll of the token endpoint (RFC 8628 §3.4). A pending sign-in is an OAuthError 'refused'
 * with code authorization_pending or slow_down; the caller decides what to do.
 */
export function deviceTokenPoll(client: OidcClient, deviceCode: string, signal?: AbortSignal): Promise<JsonObject> {
	const {form, basic} = authenticated(client, {grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode});
	return tokenRequest(client, form, basic, secretsOf(client, deviceCode), signal);
}

/** For tests: forget what discovery found. */
export const forgetDiscoveries = (): void => discoveries.clear();
