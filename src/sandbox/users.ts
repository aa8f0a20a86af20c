// The fixture users: three API keys, one organisation. The sandbox knows no other key.

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

/** The key an Authorization header carries, in any of the three forms Planet accepts (spec §9.1). */
export function keyFromAuthorization(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const m = /^\s*([A-Za-z-]+)\s+(\S+)\s*$/.exec(header);
	if (!m) return undefined;
	const scheme = m[1]!.toLowerCase();
	const value = m[2]!;
	if (scheme === 'api-key' || scheme === 'bearer') return value;
	if (scheme === 'basic') {
		const decoded = Buffer.from(value, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		// The key is the user name; the password (normally empty) is ignored, as curl -u KEY: sends.
		return colon === -1 ? decoded : decoded.slice(0, colon);
	}
	return undefined;
}

export function authenticate(header: string | undefined): SandboxUser | undefined {
	const key = keyFromAuthorization(header);
	return key === undefined ? undefined : SANDBOX_USERS.find((u) => u.key === key);
}
