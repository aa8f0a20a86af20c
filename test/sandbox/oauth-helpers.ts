// Talking to the sandbox's auth server as planet-auth does: form posts, Basic client auth,
// JWT payloads read without checking the signature.
import {expect} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {API, call, type Reply} from './helpers.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const PUBLIC_CLIENT = 'destui-sandbox';
export const M2M = {id: 'sandbox-m2m-client', secret: 'sandbox-m2m-secret'};

export const basicAuth = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** A form POST; `params` are sent in order, so a repeated name can be tested. */
export async function postForm(
	sb: RunningSandbox,
	path: string,
	params: Record<string, string> | [string, string][],
	headers: Record<string, string> = {},
): Promise<Reply> {
	return call(sb, 'POST', path, {
		as: null,
		raw: new URLSearchParams(params).toString(),
		headers: {'Content-Type': 'application/x-www-form-urlencoded', ...headers},
	});
}

export const token = (sb: RunningSandbox, params: Record<string, string> | [string, string][], headers?: Record<string, string>) =>
	postForm(sb, '/oauth/token', params, headers);

/** A token response for a fixture user from the hook (no sign-in). */
export async function hookTokens(
	sb: RunningSandbox,
	body: Record<string, unknown> = {},
): Promise<Record<string, unknown> & {access_token: string; refresh_token: string}> {
	const res = await call(sb, 'POST', '/_sandbox/oauth/tokens', {as: null, body});
	expect(res.status, res.text).toBe(200);
	return res.json;
}

export function jwtPayload(jwt: string): Record<string, unknown> {
	const parts = jwt.split('.');
	expect(parts).toHaveLength(3);
	expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())).toEqual({alg: 'HS256', typ: 'JWT'});
	return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString());
}

/** The API as the holder of this access token sees it. */
export const apiWith = (sb: RunningSandbox, accessToken: string, path = API) =>
	call(sb, 'GET', path, {as: null, headers: {Authorization: `Bearer ${accessToken}`}});

/** owner_id of the caller, read from a destination they own (the demo seed has some for each user). */
export async function callerOwnerId(sb: RunningSandbox, accessToken: string): Promise<number> {
	const res = await apiWith(sb, `${accessToken}`, `${API}?is_owner=true`);
	expect(res.status).toBe(200);
	return res.json.destinations[0].ownership.owner_id;
}

export const expectOAuthError = (res: Reply, status: number, error: string): void => {
	expect(res.status, res.text).toBe(status);
	expect(res.json.error).toBe(error);
	expect(typeof res.json.error_description).toBe('string');
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
};
