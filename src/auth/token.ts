// An OAuth token file as planet-auth keeps it (spec §2, §4): the token endpoint's answer,
// verbatim, plus `_iat` and `_exp` in epoch seconds. Files written before planet-auth 2.3.0 have
// neither. When it was issued and when it expires come from the access token's own claims first
// (decoded without checking the signature: only the server checks it), then the saved values,
// then `expires_in`.
import {decodeJwt} from 'jose';
import {headerProblem, trimmedValue} from './header-value.js';

export type TokenData = Record<string, unknown>;

export interface Token {
	/** What the file holds (or will hold), `_iat`/`_exp` included. */
	data: TokenData;
	accessToken?: string;
	refreshToken?: string;
	/** Epoch seconds. */
	iat: number;
	/** Epoch seconds; undefined: never expires (and is never refreshed). */
	exp?: number;
}

/** Epoch seconds now, as planet-auth counts them. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The claims of a JWT's payload, or undefined for an opaque or malformed token (jose throws on
 * those: a payload that is not base64url, not UTF-8, not a JSON object). `decodeJwt` alone is
 * bundled into the start-up command, a few kilobytes, no module loaded at run time.
 */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
	try {
		return decodeJwt(token);
	} catch {
		return undefined;
	}
}

const seconds = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The token in `data` with its times worked out as planet-auth does (oidc_credential.py
 * `_augment_rfc6749_data`), or why the data is not a token (it needs an access, id or refresh token).
 */
export function readToken(data: TokenData, now: number): Token | {problem: string} {
	const accessToken = trimmedValue(data.access_token);
	const refreshToken = trimmedValue(data.refresh_token);
	if (!accessToken && !refreshToken && !trimmedValue(data.id_token)) return {problem: 'holds no access, id or refresh token'};
	const claims = accessToken ? jwtClaims(accessToken) : undefined;
	const iat = seconds(claims?.iat) ?? seconds(data._iat) ?? now;
	let exp = claims ? (seconds(claims.exp) ?? seconds(data._exp)) : seconds(data._exp);
	const lifetime = seconds(data.expires_in) ?? 0;
	if (exp === undefined && lifetime > 0) exp = iat + lifetime;
	const augmented: TokenData = {...data, _iat: iat};
	if (exp === undefined) delete augmented._exp;
	else augmented._exp = exp;
	return {data: augmented, accessToken, refreshToken, iat, exp};
}

/** When planet-auth refreshes: after 75% of the lifetime (`int(iat + 3*(exp-iat)/4)`). */
export const refreshAt = (t: Token): number | undefined =>
	t.exp === undefined ? undefined : Math.trunc(t.iat + (3 * (t.exp - t.iat)) / 4);

/** Past 75% of its lifetime, or no access token at all (a file holding only a refresh token). */
export function isStale(t: Token, now: number): boolean {
	if (!t.accessToken) return true;
	const at = refreshAt(t);
	return at !== undefined && now > at;
}

export const isExpired = (t: Token, now: number): boolean => !t.accessToken || (t.exp !== undefined && now >= t.exp);

/**
 * A token endpoint's answer as the new file content. Unlike planet-auth, the old refresh token is
 * kept when the answer carries none (planet-auth reads such a file the same way, and the session
 * then survives the next expiry).
 */
export function tokenFromResponse(response: TokenData, previous: Token | undefined, now: number): Token | {problem: string} {
	const data: TokenData = {...response};
	delete data._iat;
	delete data._exp;
	if (!trimmedValue(data.refresh_token) && previous?.refreshToken) data.refresh_token = previous.refreshToken;
	return readToken(data, now);
}

/** What is wrong with the access token as a header value (a hand-edited file), or undefined. */
export const accessTokenProblem = (t: Token): string | undefined => (t.accessToken ? headerProblem(t.accessToken) : undefined);
