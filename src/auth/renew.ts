// One renewal step of an OAuth session (spec §4, §5, issue 9), from what is known (the token in
// memory, the token file, the clock) to the token to send or why there is none. The session
// (session.ts) runs it whenever its token is stale or refused; the `destui` command runs a
// session's first one before the app loads (src/early-start.ts), and the app's session takes
// its outcome over as its own. Plain data in and out, so it can cross from one to the other.
import type {Authorization} from '../api/credentials.js';
import {clientCredentialsGrant, refreshGrant} from './oidc.js';
import {OAuthError, type JsonObject} from './oauth-http.js';
import type {OidcProfile} from './profiles.js';
import {accessTokenProblem, isExpired, isStale, tokenFromResponse, type Token} from './token.js';
import type {TokenStore} from './token-store.js';

export type NeedKind = 'missing' | 'unusable' | 'refused' | 'unreachable' | 'expired' | 'rejected' | 'requested';

/** Why the session cannot be used, in one sentence, and what the user can do about it. */
export interface SignInNeed {
	kind: NeedKind;
	sentence: string;
	/** destui can sign in itself (device code); otherwise the hint says how. */
	canSignIn: boolean;
	/** What to do instead when destui cannot sign in, e.g. `planet auth login --auth-profile work`. */
	hint?: string;
}

export type Usable = {ok: true; token: Token} | {ok: false; need: SignInNeed};

/** After a failed renewal of a token still valid, the next try waits this long (seconds). */
export const RENEW_BACKOFF_S = 30;

export const bearer = (t: Token): Authorization => ({
	header: `Bearer ${t.accessToken}`,
	secrets: [t.accessToken, t.refreshToken].filter((s): s is string => !!s),
});

export interface RenewInput {
	profile: OidcProfile;
	store: TokenStore;
	/** Epoch seconds. */
	clock: () => number;
	/** The token in memory (none on first use). */
	token?: Token;
	/** When a renewal last failed while the token was still valid (epoch seconds). */
	renewFailedAt?: number;
	/** The API answered 401 to `refusedHeader`: renew even a token that looks fresh. */
	force: boolean;
	refusedHeader?: string;
}

/** The outcome, and the state to keep from now on. */
export interface Renewal {
	usable: Usable;
	token?: Token;
	renewFailedAt?: number;
	/** Token requests made (refresh or client credentials). */
	requests: number;
}

/** The token to send, renewed first if it is stale (or refused); a renewed token is saved at once. */
export async function renewToken(input: RenewInput): Promise<Renewal> {
	const {profile, store, clock, force, refusedHeader} = input;
	const now = clock();
	let token = input.token;
	let renewFailedAt = input.renewFailedAt;
	let requests = 0;
	const done = (usable: Usable): Renewal => ({usable, token, renewFailedAt, requests});
	const check = (t: Token): Usable => checkToken(profile, store, t);

	// First use, or stale: another process (the planet CLI, another destui) may have renewed it.
	const stored = store.read(now);
	if (stored.kind === 'token') {
		const differs = refusedHeader !== undefined && !isExpired(stored.token, now) && `Bearer ${stored.token.accessToken}` !== refusedHeader;
		if (!token || (stored.token.exp ?? Infinity) >= (token.exp ?? Infinity) || differs) token = stored.token;
	}
	const current = token;
	if (current && (force ? `Bearer ${current.accessToken}` !== refusedHeader : !isStale(current, now))) return done(check(current));

	const m2m = profile.flow === 'client_credentials';
	if (!current && !m2m) {
		if (stored.kind === 'unusable')
			return done({
				ok: false,
				need: needFor(profile, 'unusable', `The session of profile ${profile.name} cannot be read: ${store.shown} ${stored.why}.`),
			});
		return done({
			ok: false,
			need: needFor(profile, 'missing', `You are not signed in: profile ${profile.name} has no session yet (${store.shown}).`),
		});
	}
	// Still valid, and a renewal failed a moment ago: use it rather than wait on the server again.
	if (!force && current && !isExpired(current, now) && renewFailedAt !== undefined && now - renewFailedAt < RENEW_BACKOFF_S)
		return done(check(current));

	const renewed = (answer: JsonObject): Renewal => {
		requests++;
		const fresh = tokenFromResponse(answer, current, clock());
		if ('problem' in fresh) return done({ok: false, need: needFor(profile, 'refused', `The sign-in server's answer ${fresh.problem}.`)});
		token = fresh;
		renewFailedAt = undefined;
		saveToken(store, fresh);
		return done(check(fresh));
	};
	let failure: OAuthError | undefined;
	if (current?.refreshToken) {
		try {
			return renewed(await refreshGrant(profile.client, current.refreshToken));
		} catch (err) {
			failure = asOAuthError(err);
		}
	}
	// Client credentials log in again whenever there is no refresh token or it was refused (spec §5).
	if (m2m && (!failure || failure.kind === 'refused')) {
		try {
			return renewed(await clientCredentialsGrant(profile.client));
		} catch (err) {
			failure = asOAuthError(err);
		}
	}
	// planet-auth goes on with a token still valid when renewal fails; so does destui.
	if (!force && current && !isExpired(current, now)) {
		renewFailedAt = now;
		return done(check(current));
	}
	return done({ok: false, need: failedNeed(profile, failure, force)});
}

function failedNeed(profile: OidcProfile, failure: OAuthError | undefined, force: boolean): SignInNeed {
	const name = profile.name;
	if (profile.flow === 'client_credentials') {
		if (failure?.kind === 'refused' || !failure)
			return needFor(
				profile,
				'refused',
				`The sign-in server refused the client credentials of profile ${name} (${failure?.message ?? 'no answer'}).`,
			);
		return needFor(profile, 'unreachable', `The client credentials of profile ${name} could not be used: ${failure.message}.`);
	}
	if (!failure) {
		return force
			? needFor(profile, 'rejected', `Planet no longer accepts the session of profile ${name}, and it holds no refresh token to renew it.`)
			: needFor(profile, 'expired', `The session of profile ${name} has expired, and it holds no refresh token to renew it.`);
	}
	if (failure.kind === 'refused' || failure.kind === 'malformed') {
		return needFor(
			profile,
			force ? 'rejected' : 'refused',
			`${force ? `Planet no longer accepts the session of profile ${name}, and` : `The session of profile ${name} has ended:`} the sign-in server refused to renew it (${failure.message}).`,
		);
	}
	return needFor(profile, 'unreachable', `The session of profile ${name} needs renewing, but ${failure.message}.`);
}

/** Writes a new token where the session is kept; if it cannot be, the session goes on from memory. */
export function saveToken(store: TokenStore, token: Token): void {
	try {
		store.write(token.data);
	} catch {
		// The next renewal tries to save again.
	}
}

/** The token, unless its access token cannot go in a header (a hand-edited file). */
export function checkToken(profile: OidcProfile, store: TokenStore, token: Token): Usable {
	const problem = accessTokenProblem(token);
	if (problem) return {ok: false, need: needFor(profile, 'unusable', `The access token in ${store.shown} ${problem}.`)};
	return {ok: true, token};
}

/** A need in `sentence`, with what the user can do about it for this profile's kind. */
export function needFor(profile: OidcProfile, kind: NeedKind, sentence: string): SignInNeed {
	const {flow, name, builtIn} = profile;
	const login = `planet auth login${builtIn && name === 'planet-user' ? '' : ` --auth-profile ${name}`}`;
	if (flow === 'device_code') return {kind, sentence, canSignIn: true};
	// Nothing the user signs in or types fixes a server out of reach: trying again does.
	if (kind === 'unreachable') return {kind, sentence, canSignIn: false, hint: 'check the network connection, then press r'};
	if (flow === 'auth_code') return {kind, sentence, canSignIn: false, hint: `sign in with \`${login}\` (it opens a browser), then press r`};
	return {kind, sentence, canSignIn: false, hint: 'check the client id and secret, then press r'};
}

function asOAuthError(err: unknown): OAuthError {
	if (err instanceof OAuthError) return err;
	return new OAuthError('malformed', 'the sign-in went wrong unexpectedly');
}
