// The fixture users: three API keys, one organisation. The sandbox knows no other key; OAuth
// access tokens from its auth server (oauth.ts) speak for the same three users.

export const SANDBOX_ADMIN_KEY = 'PLAK-sandbox-admin';
export const SANDBOX_USER_KEY = 'PLAK-sandbox-user';
export const SANDBOX_OTHER_KEY = 'PLAK-sandbox-other';

export type SandboxUserName = 'admin' | 'user' | 'other';

export interface SandboxUser {
	/** The short name the request log shows. */
	name: SandboxUserName;
	key: string;
	/** The `ownership.owner_id` of what this user creates. */
	id: number;
	orgId: number;
	isAdmin: boolean;
}

export const SANDBOX_ORG_ID = 4412;

export const SANDBOX_USERS: readonly SandboxUser[] = [
	{name: 'admin', key: SANDBOX_ADMIN_KEY, id: 730001, orgId: SANDBOX_ORG_ID, isAdmin: true},
	{name: 'user', key: SANDBOX_USER_KEY, id: 730002, orgId: SANDBOX_ORG_ID, isAdmin: false},
	{name: 'other', key: SANDBOX_OTHER_KEY, id: 730003, orgId: SANDBOX_ORG_ID, isAdmin: false},
];

export function userByName(name: SandboxUserName): SandboxUser {
	const user = SANDBOX_USERS.find((u) => u.name === name);
	if (!user) throw new Error(`no sandbox user ${name}`);
	return user;
}

/** Scheme and credential of an Authorization header, scheme lower-cased. */
function parseAuthorization(header: string | undefined): {scheme: string; value: string} | undefined {
	const m = /^\s*([A-Za-z-]+)\s+(\S+)\s*$/.exec(header ?? '');
	return m ? {scheme: m[1]!.toLowerCase(), value: m[2]!} : undefined;
}

/** The key an Authorization header carries, in any of the three forms Planet accepts (spec §9.1). */
export function keyFromAuthorization(header: string | undefined): string | undefined {
	const parsed = parseAuthorization(header);
	if (!parsed) return undefined;
	const {scheme, value} = parsed;
	if (scheme === 'api-key' || scheme === 'bearer') return value;
	if (scheme === 'basic') {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		// The key is the user name; the password (normally empty) is ignored, as curl -u KEY: sends.
		return colon === -1 ? decoded : decoded.slice(0, colon);
	}
	return undefined;
}

/** The sandbox auth server's issued access tokens, as the API needs to know them. */
export interface AccessTokens {
	accessTokenUser(token: string): SandboxUserName | 'expired' | undefined;
}

/** An OAuth access token in a Bearer header that is not one of the keys. */
function bearerToken(header: string | undefined): string | undefined {
	const parsed = parseAuthorization(header);
	return parsed?.scheme === 'bearer' && !SANDBOX_USERS.some((u) => u.key === parsed.value) ? parsed.value : undefined;
}

/** The caller: a fixture key in any accepted form, or `Bearer <access token>` the sandbox issued and still valid. */
export function authenticate(header: string | undefined, tokens?: AccessTokens): SandboxUser | undefined {
	const key = keyFromAuthorization(header);
	const byKey = key === undefined ? undefined : SANDBOX_USERS.find((u) => u.key === key);
	if (byKey || !tokens) return byKey;
	const token = bearerToken(header);
	const name = token === undefined ? undefined : tokens.accessTokenUser(token);
	return name === undefined || name === 'expired' ? undefined : userByName(name);
}

/** Why a Bearer access token was refused, for the 401's wording; undefined when none was sent. */
export function bearerRefusal(header: string | undefined, tokens: AccessTokens | undefined): 'expired' | 'invalid' | undefined {
	const token = bearerToken(header);
	if (token === undefined) return undefined;
	return tokens?.accessTokenUser(token) === 'expired' ? 'expired' : 'invalid';
}
