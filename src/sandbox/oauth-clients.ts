// The OAuth clients the sandbox's auth server knows, and how a token or device request proves
// which one it comes from: client_id in the form (public clients), or the id and secret in the
// form or in HTTP Basic (confidential clients), as planet-auth sends them (planet-auth.md §4-§5).
import {createHash, timingSafeEqual} from 'node:crypto';
import {oauthFail} from './oauth-errors.js';
import type {SandboxUserName} from './users.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const GRANT_TYPES = ['refresh_token', 'client_credentials', DEVICE_CODE_GRANT] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const SANDBOX_PUBLIC_CLIENT_ID = 'destui-sandbox';
/** The built-in `planet-user` profile's client (planet-auth.md §2), so `--auth-server` can aim it here. */
export const PLANET_USER_CLIENT_ID = '49lHVBYlXCdfIYqE1B9zeXt0iFHSXees';
export const SANDBOX_M2M_CLIENT_ID = 'sandbox-m2m-client';
export const SANDBOX_M2M_CLIENT_SECRET = 'sandbox-m2m-secret';

export interface OAuthClient {
	id: string;
	/** Confidential clients only. */
	secret?: string;
	grants: readonly GrantType[];
	/** Client-credentials tokens are issued for this user. */
	actsAs?: SandboxUserName;
}

const USER_GRANTS: readonly GrantType[] = [DEVICE_CODE_GRANT, 'refresh_token'];

export const OAUTH_CLIENTS: readonly OAuthClient[] = [
	{id: SANDBOX_PUBLIC_CLIENT_ID, grants: USER_GRANTS},
	{id: PLANET_USER_CLIENT_ID, grants: USER_GRANTS},
	{id: SANDBOX_M2M_CLIENT_ID, secret: SANDBOX_M2M_CLIENT_SECRET, grants: ['client_credentials', 'refresh_token'], actsAs: 'user'},
];

export const clientById = (id: string): OAuthClient | undefined => OAUTH_CLIENTS.find((c) => c.id === id);

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

/** RFC 6749 §2.3.1 form-encodes id and secret before Basic; most clients (requests too) do not. */
function formDecode(s: string): string {
	try {
		return decodeURIComponent(s.replace(/\+/g, ' '));
	} catch {
		return s;
	}
}

function basicCredentials(authorization: string | undefined): {id: string; secret: string} | undefined {
	const m = /^\s*basic\s+(\S+)\s*$/i.exec(authorization ?? '');
	if (!m) return undefined;
	const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) oauthFail(401, 'invalid_client', 'HTTP Basic client authentication needs client_id:client_secret');
	return {id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1))};
}

/** The client a request comes from, authenticated; throws an OAuthError otherwise. */
export function authenticateClient(authorization: string | undefined, form: URLSearchParams): OAuthClient {
	const basic = basicCredentials(authorization);
	const bodyId = form.get('client_id') ?? undefined;
	const bodySecret = form.get('client_secret') ?? undefined;
	if (basic && bodySecret !== undefined)
		oauthFail(400, 'invalid_request', 'Use one client authentication method: HTTP Basic or client_secret in the body, not both');
	if (basic && bodyId !== undefined && bodyId !== basic.id)
		oauthFail(400, 'invalid_request', 'client_id in the body differs from the one in HTTP Basic');
	const id = basic?.id ?? bodyId;
	if (!id) oauthFail(401, 'invalid_client', 'client_id is required');
	const client = clientById(id!);
	if (!client) oauthFail(401, 'invalid_client', 'Unknown client');
	const secret = basic?.secret ?? bodySecret;
	if (client!.secret !== undefined && (secret === undefined || !sameSecret(secret, client!.secret))) {
		oauthFail(401, 'invalid_client', 'Client authentication failed');
	}
	return client!;
}

export function requireGrant(client: OAuthClient, grant: GrantType): void {
	if (!client.grants.includes(grant)) oauthFail(400, 'unauthorized_client', `This client may not use the ${grant} grant`);
}
