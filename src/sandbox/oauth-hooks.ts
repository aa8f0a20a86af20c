// The auth server's test hooks (under /_sandbox/oauth/): a token response for a fixture user
// without any sign-in, so tests can write token files; and the user's side of a device sign-in.
import {fail} from './errors.js';
import {clientById, SANDBOX_PUBLIC_CLIENT_ID} from './oauth-clients.js';
import {DeviceAnswerError, grantedScope, type OAuthState} from './oauth-state.js';
import type {ApiResponse} from './types.js';
import {SANDBOX_USERS, type SandboxUserName} from './users.js';
import {parseJsonObject} from './validation.js';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const USER_NAMES = SANDBOX_USERS.map((u) => u.name);

function rejectUnknown(body: Record<string, unknown>, allowed: readonly string[]): void {
	for (const key of Object.keys(body))
		if (!allowed.includes(key)) fail(400, `Unknown field ${JSON.stringify(key)}: expected ${allowed.join(', ')}`);
}

function userField(body: Record<string, unknown>): SandboxUserName {
	const user = body.user ?? 'user';
	if (!USER_NAMES.includes(user as SandboxUserName)) fail(400, `user must be ${USER_NAMES.join(', ')}`);
	return user as SandboxUserName;
}

/** POST /_sandbox/oauth/tokens */
export async function issueTokensHook(oauth: OAuthState, issuer: string, text: string): Promise<ApiResponse> {
	const body = text.trim() === '' ? {} : parseJsonObject(text);
	rejectUnknown(body, ['user', 'expires_in', 'issued_seconds_ago', 'client_id', 'scope']);
	const user = userField(body);
	const lifetime = body.expires_in ?? oauth.settings.tokenLifetimeSeconds;
	if (!isInt(lifetime) || lifetime < 1) fail(400, 'expires_in must be a whole number of seconds, at least 1');
	const ago = body.issued_seconds_ago ?? 0;
	if (!isInt(ago) || ago < 0) fail(400, 'issued_seconds_ago must be a whole number of seconds, at least 0');
	const clientId = body.client_id ?? SANDBOX_PUBLIC_CLIENT_ID;
	if (typeof clientId !== 'string' || !clientById(clientId))
		fail(400, 'client_id must be one of the sandbox clients (see src/sandbox/README.md)');
	const scope = body.scope ?? 'planet offline_access';
	if (typeof scope !== 'string') fail(400, 'scope must be a string of space-separated scopes');
	const grant = {user, clientId: clientId as string, scope: grantedScope(scope as string)};
	return {status: 200, body: await oauth.issue(issuer, grant, {refresh: true, lifetime: lifetime as number, issuedAgo: ago as number})};
}

/** GET and POST /_sandbox/oauth/device */
export function deviceHook(oauth: OAuthState, method: string, text: string): ApiResponse | undefined {
	if (method === 'GET') return {status: 200, body: {sign_ins: oauth.deviceSignIns()}};
	if (method !== 'POST') return undefined;
	const body = parseJsonObject(text);
	rejectUnknown(body, ['user_code', 'user', 'action']);
	if (body.user_code !== undefined && typeof body.user_code !== 'string') fail(400, 'user_code must be a string');
	const user = userField(body);
	const action = body.action;
	if (action !== 'approve' && action !== 'deny' && action !== 'expire') fail(400, 'action must be approve, deny or expire');
	try {
		return {
			status: 200,
			body: oauth.answerDeviceSignIn(body.user_code as string | undefined, user, action as 'approve' | 'deny' | 'expire'),
		};
	} catch (err) {
		if (err instanceof DeviceAnswerError) fail(err.status, err.message);
		throw err;
	}
}
