// An OAuth session as a credential provider (spec §4, §5, issue 9): the token is read from the
// profile's token.json on first use, re-read and renewed once past 75% of its lifetime (before the
// request that finds it so, however long destui has been running), and renewed once more when the
// API answers 401. When no usable token can be had (no file, renewal refused, the sign-in server
// unreachable), requests wait on a "sign-in needed" gate the screen shows; signing in (or "try
// again") opens it and they go on, giving up fails them with a clear auth error.
import type {Authorization, CredentialProvider} from '../api/credentials.js';
import {ApiError} from '../api/errors.js';
import {clientCredentialsGrant, refreshGrant} from './oidc.js';
import {OAuthError, type JsonObject} from './oauth-http.js';
import type {OidcProfile} from './profiles.js';
import {accessTokenProblem, isExpired, isStale, nowSeconds, tokenFromResponse, type Token} from './token.js';
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

export interface SessionOptions {
	store: TokenStore;
	/** Epoch seconds; tests move time. */
	clock?: () => number;
	/** Called once a sign-in saved a session (e.g. to record the profile in ~/.planet.json). */
	onSignedIn?: () => void;
}

/** After a failed renewal of a token still valid, the next try waits this long (seconds). */
const RENEW_BACKOFF_S = 30;

type Usable = {ok: true; token: Token} | {ok: false; need: SignInNeed};

const bearer = (t: Token): Authorization => ({header: `Bearer ${t.accessToken}`, secrets: [t.accessToken, t.refreshToken].filter((s): s is string => !!s)});

export class OAuthSession implements CredentialProvider {
	readonly rejected: string;
	private token?: Token;
	private loaded = false;
	private renewing?: Promise<Usable>;
	private renewFailedAt?: number;
	private gate?: {need: SignInNeed; promise: Promise<void>; open: () => void; fail: (e: ApiError) => void};
	private readonly listeners = new Set<() => void>();
	private readonly clock: () => number;
	/** Token requests made (refresh or client credentials), for tests and the bench. */
	renewals = 0;

	constructor(
		readonly profile: OidcProfile,
		private readonly options: SessionOptions,
	) {
		this.clock = options.clock ?? nowSeconds;
		this.rejected = `Planet refused the session of profile ${profile.name} even after renewing it.`;
	}

	get store(): TokenStore {
		return this.options.store;
	}

	// ---- What the screen watches -------------------------------------------------------------

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Set while requests wait for the user to sign in (or give up). */
	getNeed = (): SignInNeed | undefined => this.gate?.need;

	private changed(): void {
		for (const l of this.listeners) l();
	}

	// ---- CredentialProvider ------------------------------------------------------------------

	authorization(signal?: AbortSignal): Authorization | Promise<Authorization> {
		// The usual case, a token loaded and fresh: at once.
		if (this.loaded && this.token && !this.gate && !isStale(this.token, this.clock())) {
			const usable = this.check(this.token);
			if (usable.ok) return bearer(usable.token);
		}
		return this.authorizationLater(signal);
	}

	private async authorizationLater(signal?: AbortSignal): Promise<Authorization> {
		for (;;) {
			if (signal?.aborted) throw new ApiError({kind: 'cancelled'});
			// A sign-in under way (asked for, or needed by another request): wait for its end first.
			if (this.gate) {
				await this.waitForSignIn(this.gate.need, signal);
				continue;
			}
			const usable = await this.usable(false);
			if (usable.ok) return bearer(usable.token);
			await this.waitForSignIn(usable.need, signal);
		}
	}

	async refused(used: Authorization, signal?: AbortSignal): Promise<boolean> {
		// Renewed meanwhile (by another request, or another process through the file): just resend.
		if (this.token?.accessToken && bearer(this.token).header !== used.header) return true;
		const usable = await this.usable(true, used.header);
		if (usable.ok) return bearer(usable.token).header !== used.header;
		await this.waitForSignIn(usable.need, signal);
		return true;
	}

	// ---- What the sign-in screen does ---------------------------------------------------------

	/** A sign-in's token answer: saved, then the waiting requests go on. Throws if it cannot be used. */
	signedIn(answer: JsonObject): void {
		const token = tokenFromResponse(answer, undefined, this.clock());
		if ('problem' in token) throw new OAuthError('malformed', `the sign-in server's answer ${token.problem}`);
		this.adopt(token);
		try {
			this.options.onSignedIn?.();
		} catch {
			// Naming the profile in ~/.planet.json is a convenience; the session itself is saved.
		}
		this.open();
	}

	/** `--sign-in`: requests wait for a new sign-in even if a session exists. */
	requestSignIn(): void {
		void this.waitForSignIn({kind: 'requested', sentence: `Sign in to Planet with profile ${this.profile.name}.`, canSignIn: this.profile.flow === 'device_code'}).catch(() => {});
	}

	/** "Try again" (signed in elsewhere, the network is back): the waiting requests look again. */
	retry(): void {
		this.loaded = false;
		this.renewFailedAt = undefined;
		this.open();
	}

	/** The user gave up signing in: the waiting requests fail with an auth error saying why. */
	giveUp(): void {
		const gate = this.gate;
		if (!gate) return;
		this.gate = undefined;
		gate.fail(new ApiError({kind: 'auth', explanation: `Not signed in: ${gate.need.sentence.replace(/\.$/, '')}.`}));
		this.changed();
	}

	// ---- Inside -------------------------------------------------------------------------------

	private open(): void {
		const gate = this.gate;
		if (!gate) return;
		this.gate = undefined;
		gate.open();
		this.changed();
	}

	private waitForSignIn(need: SignInNeed, signal?: AbortSignal): Promise<void> {
		if (!this.gate) {
			let open!: () => void;
			let fail!: (e: ApiError) => void;
			const promise = new Promise<void>((resolve, reject) => {
				open = resolve;
				fail = reject;
			});
			// Nobody may be waiting when it fails (all cancelled); that is not an unhandled rejection.
			promise.catch(() => {});
			this.gate = {need, promise, open, fail};
			this.changed();
		}
		const gate = this.gate.promise;
		if (!signal) return gate;
		return new Promise<void>((resolve, reject) => {
			const onAbort = (): void => reject(new ApiError({kind: 'cancelled'}));
			if (signal.aborted) return onAbort();
			signal.addEventListener('abort', onAbort, {once: true});
			gate.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
		});
	}

	private adopt(token: Token): void {
		this.token = token;
		this.loaded = true;
		this.renewFailedAt = undefined;
		try {
			this.options.store.write(token.data);
		} catch {
			// The session goes on from memory; the next renewal tries to save again.
		}
	}

	/** The token to send, renewing it first if it is stale (or `force`d by a 401 on `refusedHeader`). */
	private usable(force: boolean, refusedHeader?: string): Promise<Usable> {
		if (!force && this.loaded && this.token && !isStale(this.token, this.clock())) return Promise.resolve(this.check(this.token));
		// One renewal at a time: requests that find the token stale together share it.
		this.renewing ??= this.renew(force, refusedHeader).finally(() => (this.renewing = undefined));
		return this.renewing;
	}

	private check(token: Token): Usable {
		const problem = accessTokenProblem(token);
		if (problem) return {ok: false, need: this.need('unusable', `The access token in ${this.options.store.shown} ${problem}.`)};
		return {ok: true, token};
	}

	private async renew(force: boolean, refusedHeader?: string): Promise<Usable> {
		const now = this.clock();
		// First use, or stale: another process (the planet CLI, another destui) may have renewed it.
		const stored = this.options.store.read(now);
		if (stored.kind === 'token') {
			const differs = refusedHeader !== undefined && !isExpired(stored.token, now) && `Bearer ${stored.token.accessToken}` !== refusedHeader;
			if (!this.token || (stored.token.exp ?? Infinity) >= (this.token.exp ?? Infinity) || differs) this.token = stored.token;
		}
		this.loaded = true;
		const token = this.token;
		if (token && (force ? `Bearer ${token.accessToken}` !== refusedHeader : !isStale(token, now))) return this.check(token);

		const m2m = this.profile.flow === 'client_credentials';
		if (!token && !m2m) {
			if (stored.kind === 'unusable') return {ok: false, need: this.need('unusable', `The session of profile ${this.profile.name} cannot be read: ${this.options.store.shown} ${stored.why}.`)};
			return {ok: false, need: this.need('missing', `You are not signed in: profile ${this.profile.name} has no session yet (${this.options.store.shown}).`)};
		}
		// Still valid, and a renewal failed a moment ago: use it rather than wait on the server again.
		if (!force && token && !isExpired(token, now) && this.renewFailedAt !== undefined && now - this.renewFailedAt < RENEW_BACKOFF_S) return this.check(token);

		let failure: OAuthError | undefined;
		if (token?.refreshToken) {
			try {
				return this.renewed(await refreshGrant(this.profile.client, token.refreshToken), token);
			} catch (err) {
				failure = asOAuthError(err);
			}
		}
		// Client credentials log in again whenever there is no refresh token or it was refused (spec §5).
		if (m2m && (!failure || failure.kind === 'refused')) {
			try {
				return this.renewed(await clientCredentialsGrant(this.profile.client), token);
			} catch (err) {
				failure = asOAuthError(err);
			}
		}
		// planet-auth goes on with a token still valid when renewal fails; so does destui.
		if (!force && token && !isExpired(token, now)) {
			this.renewFailedAt = now;
			return this.check(token);
		}
		return {ok: false, need: this.failed(failure, force)};
	}

	private renewed(answer: JsonObject, previous: Token | undefined): Usable {
		this.renewals++;
		const token = tokenFromResponse(answer, previous, this.clock());
		if ('problem' in token) return {ok: false, need: this.need('refused', `The sign-in server's answer ${token.problem}.`)};
		this.adopt(token);
		return this.check(token);
	}

	private failed(failure: OAuthError | undefined, force: boolean): SignInNeed {
		const name = this.profile.name;
		if (this.profile.flow === 'client_credentials') {
			if (failure?.kind === 'refused' || !failure) return this.need('refused', `The sign-in server refused the client credentials of profile ${name} (${failure?.message ?? 'no answer'}).`);
			return this.need('unreachable', `The client credentials of profile ${name} could not be used: ${failure.message}.`);
		}
		if (!failure) {
			return force
				? this.need('rejected', `Planet no longer accepts the session of profile ${name}, and it holds no refresh token to renew it.`)
				: this.need('expired', `The session of profile ${name} has expired, and it holds no refresh token to renew it.`);
		}
		if (failure.kind === 'refused' || failure.kind === 'malformed') {
			return this.need(force ? 'rejected' : 'refused', `${force ? `Planet no longer accepts the session of profile ${name}, and` : `The session of profile ${name} has ended:`} the sign-in server refused to renew it (${failure.message}).`);
		}
		return this.need('unreachable', `The session of profile ${name} needs renewing, but ${failure.message}.`);
	}

	private need(kind: NeedKind, sentence: string): SignInNeed {
		const {flow, name, builtIn} = this.profile;
		const login = `planet auth login${builtIn && name === 'planet-user' ? '' : ` --auth-profile ${name}`}`;
		if (flow === 'device_code') return {kind, sentence, canSignIn: true};
		if (flow === 'auth_code') return {kind, sentence, canSignIn: false, hint: `sign in with \`${login}\` (it opens a browser), then press r`};
		return {kind, sentence, canSignIn: false, hint: 'check the client id and secret, then press r'};
	}
}

function asOAuthError(err: unknown): OAuthError {
	if (err instanceof OAuthError) return err;
	return new OAuthError('malformed', 'the sign-in went wrong unexpectedly');
}
