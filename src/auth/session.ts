// An OAuth session as a credential provider (spec §4, §5, issue 9): the token is read from the
// profile's token.json on first use, re-read and renewed once past 75% of its lifetime (before the
// request that finds it so, however long destui has been running), and renewed once more when the
// API answers 401. When no usable token can be had (no file, renewal refused, the sign-in server
// unreachable), requests wait on a "sign-in needed" gate the screen shows; signing in (or "try
// again") opens it and they go on, giving up fails them with a clear auth error. The renewal
// itself is one step (renew.ts), which the `destui` command may run before the app has loaded.
import type {Authorization, CredentialProvider} from '../api/credentials.js';
import {ApiError} from '../api/errors.js';
import {OAuthError, type JsonObject} from './oauth-http.js';
import type {OidcProfile} from './profiles.js';
import {bearer, checkToken, renewToken, saveToken, type Renewal, type SignInNeed, type Usable} from './renew.js';
import {isStale, nowSeconds, tokenFromResponse, type Token} from './token.js';
import type {TokenStore} from './token-store.js';

export type {NeedKind, SignInNeed} from './renew.js';

export interface SessionOptions {
	store: TokenStore;
	/** Epoch seconds; tests move time. */
	clock?: () => number;
	/** Called once a sign-in saved a session (e.g. to record the profile in ~/.planet.json). */
	onSignedIn?: () => void;
}

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
		void this.waitForSignIn({
			kind: 'requested',
			sentence: `Sign in to Planet with profile ${this.profile.name}.`,
			canSignIn: this.profile.flow === 'device_code',
		}).catch(() => {});
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
		saveToken(this.options.store, token);
	}

	/** The token to send, renewing it first if it is stale (or `force`d by a 401 on `refusedHeader`). */
	private usable(force: boolean, refusedHeader?: string): Promise<Usable> {
		if (!force && this.loaded && this.token && !isStale(this.token, this.clock())) return Promise.resolve(this.check(this.token));
		// One renewal at a time: requests that find the token stale together share it.
		this.renewing ??= this.renew(force, refusedHeader).finally(() => (this.renewing = undefined));
		return this.renewing;
	}

	private check(token: Token): Usable {
		return checkToken(this.profile, this.options.store, token);
	}

	private async renew(force: boolean, refusedHeader?: string): Promise<Usable> {
		return this.take(
			await renewToken({
				profile: this.profile,
				store: this.options.store,
				clock: this.clock,
				token: this.token,
				renewFailedAt: this.renewFailedAt,
				force,
				refusedHeader,
			}),
		);
	}

	private take(renewal: Renewal): Usable {
		this.token = renewal.token;
		this.renewFailedAt = renewal.renewFailedAt;
		this.loaded = true;
		this.renewals += renewal.requests;
		return renewal.usable;
	}

	/**
	 * The first renewal, already under way: the `destui` command started it before the app loaded
	 * (src/early-start.ts: the token file read, refreshed if due). Requests wait for it as for one
	 * of the session's own; should it fail in a way it could not report, the session renews itself.
	 */
	adoptFirstRenewal(pending: Promise<Renewal>): void {
		if (this.loaded || this.renewing) return;
		const renewing = pending.then(
			(renewal) => this.take(renewal),
			() => this.renew(false),
		);
		this.renewing = renewing;
		renewing
			.finally(() => {
				if (this.renewing === renewing) this.renewing = undefined;
			})
			// Whoever waits on it sees the failure; this branch only tidies up.
			.catch(() => {});
	}
}
