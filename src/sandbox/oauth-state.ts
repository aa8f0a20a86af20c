// What the sandbox's auth server remembers: the access tokens it issued (the API accepts exactly
// these, until they expire), the live refresh tokens (each used once: a refresh rotates it), and
// device sign-ins (RFC 8628) waiting for a user. Kept in memory only: a restarted sandbox has
// forgotten every session, as if the auth server had revoked them.
import {randomBytes, randomInt} from 'node:crypto';
import {signJwt} from './jwt.js';
import {oauthFail} from './oauth-errors.js';
import {nowMillis} from './time.js';
import type {SandboxUserName} from './users.js';

/** The audience Planet's tokens carry and planet-auth asks for (planet-auth.md §2). */
export const PLANET_AUDIENCE = 'https://api.planet.com/';
export const SUPPORTED_SCOPES = ['planet', 'offline_access'] as const;

export interface OAuthSettings {
	/** Access-token lifetime (`expires_in`). */
	tokenLifetimeSeconds: number;
	/** The device flow's polling `interval`. */
	deviceIntervalSeconds: number;
	/** How long a user code can be entered. */
	deviceLifetimeSeconds: number;
}

export const DEFAULT_OAUTH_SETTINGS: OAuthSettings = {tokenLifetimeSeconds: 3600, deviceIntervalSeconds: 5, deviceLifetimeSeconds: 900};

/** Who a token speaks for, which client holds it, and for what. */
export interface Grant {
	user: SandboxUserName;
	clientId: string;
	scope: string;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	scope: string;
	refresh_token?: string;
}

export interface IssueOptions {
	/** Also issue a refresh token. */
	refresh: boolean;
	/** Seconds; default the configured lifetime. */
	lifetime?: number;
	/** Back-date the token by this many seconds (test hook: an aged or expired token). */
	issuedAgo?: number;
	/** The refresh token's scope when the access token's was narrowed; default the grant's. */
	refreshScope?: string;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'used';

interface DeviceSignIn {
	deviceCode: string;
	userCode: string;
	clientId: string;
	scope: string;
	/** Epoch milliseconds. */
	expiresAt: number;
	/** Seconds; grows by 5 on every slow_down (RFC 8628 §3.5). */
	interval: number;
	lastPoll?: number;
	status: DeviceStatus;
	user?: SandboxUserName;
}

export interface DeviceSignInView {
	user_code: string;
	client_id: string;
	scope: string;
	status: DeviceStatus | 'expired';
	expires_at: string;
	user: SandboxUserName | null;
}

/** A poll this much early still counts as on time: timers are not exact. */
const POLL_TOLERANCE_MS = 100;
/** Expired tokens and sign-ins are kept this long, so they are refused as expired, not unknown. */
const FORGET_AFTER_MS = 3600_000;
/** RFC 8628 §6.1: consonants only, so no word can be spelled, and none easily confused. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

const opaque = (): string => randomBytes(32).toString('base64url');
export const normalizeUserCode = (code: string): string => code.toUpperCase().replace(/[^A-Z]/g, '');

/** The requested scopes the sandbox knows, in the order asked; `planet` when none is. */
export function grantedScope(requested: string | undefined): string {
	const asked = (requested ?? '')
		.split(' ')
		.filter((s): s is (typeof SUPPORTED_SCOPES)[number] => (SUPPORTED_SCOPES as readonly string[]).includes(s));
	const unique = [...new Set(asked)];
	return unique.length ? unique.join(' ') : 'planet';
}

export const allowsRefresh = (scope: string): boolean => scope.split(' ').includes('offline_access');

export class OAuthState {
	private access = new Map<string, {grant: Grant; exp: number}>();
	private refresh = new Map<string, Grant>();
	private devices = new Map<string, DeviceSignIn>();

	constructor(
		readonly settings: OAuthSettings = DEFAULT_OAUTH_SETTINGS,
		private readonly key: Buffer = randomBytes(32),
	) {}

	/** An independent copy: lets a fault compute a realistic answer without changing anything. */
	clone(): OAuthState {
		const copy = new OAuthState(this.settings, this.key);
		copy.access = structuredClone(this.access);
		copy.refresh = structuredClone(this.refresh);
		copy.devices = structuredClone(this.devices);
		return copy;
	}

	/** Signing is asynchronous (WebCrypto); the tables change only once the token is signed. */
	async issue(issuer: string, grant: Grant, options: IssueOptions): Promise<TokenResponse> {
		this.forgetOld();
		const lifetime = options.lifetime ?? this.settings.tokenLifetimeSeconds;
		const iat = Math.floor(nowMillis() / 1000) - (options.issuedAgo ?? 0);
		const exp = iat + lifetime;
		const claims = {
			iss: issuer,
			sub: `sandbox|${grant.user}`,
			aud: PLANET_AUDIENCE,
			azp: grant.clientId,
			scope: grant.scope,
			iat,
			exp,
			jti: opaque().slice(0, 22),
		};
		const accessToken = await signJwt(claims, this.key);
		this.access.set(accessToken, {grant: {...grant}, exp});
		const response: TokenResponse = {access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: grant.scope};
		if (options.refresh) {
			const refreshToken = opaque();
			this.refresh.set(refreshToken, {...grant, scope: options.refreshScope ?? grant.scope});
			response.refresh_token = refreshToken;
		}
		return response;
	}

	/** The user an access token speaks for; 'expired' once its `exp` has passed. */
	accessTokenUser(token: string): SandboxUserName | 'expired' | undefined {
		const record = this.access.get(token);
		if (!record) return undefined;
		return nowMillis() >= record.exp * 1000 ? 'expired' : record.grant.user;
	}

	/**
	 * The grant behind a refresh token held by this client. With `rotate` the token is used up (a
	 * new one comes with the answer); without, it stays valid, as on a server that does not rotate.
	 */
	redeemRefreshToken(token: string, clientId: string, rotate: boolean): Grant {
		const grant = this.refresh.get(token);
		// One answer for unknown, used and foreign tokens: which it was is nobody else's business.
		if (!grant || grant.clientId !== clientId) oauthFail(400, 'invalid_grant', 'Unknown or invalid refresh token');
		if (rotate) this.refresh.delete(token);
		return {...grant!};
	}

	startDeviceSignIn(clientId: string, scope: string): DeviceSignIn {
		this.forgetOld();
		let userCode: string;
		do {
			userCode = Array.from({length: 8}, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
		} while (this.findByUserCode(userCode));
		const signIn: DeviceSignIn = {
			deviceCode: opaque(),
			userCode: `${userCode.slice(0, 4)}-${userCode.slice(4)}`,
			clientId,
			scope,
			expiresAt: nowMillis() + this.settings.deviceLifetimeSeconds * 1000,
			interval: this.settings.deviceIntervalSeconds,
			status: 'pending',
		};
		this.devices.set(signIn.deviceCode, signIn);
		return {...signIn};
	}

	/** One poll of the device-code grant (RFC 8628 §3.4-3.5): the grant once approved, else throws. */
	pollDeviceSignIn(deviceCode: string, clientId: string): Grant {
		const signIn = this.devices.get(deviceCode);
		if (!signIn || signIn.clientId !== clientId) oauthFail(400, 'invalid_grant', 'Unknown or invalid device code');
		const s = signIn!;
		const t = nowMillis();
		if (s.status === 'used') oauthFail(400, 'invalid_grant', 'This device code has already been used');
		if (t >= s.expiresAt) oauthFail(400, 'expired_token', 'The device code has expired: start the sign-in again');
		if (s.status === 'denied') oauthFail(400, 'access_denied', 'The user denied the sign-in');
		if (s.status === 'pending') {
			const early = s.lastPoll !== undefined && t - s.lastPoll < s.interval * 1000 - POLL_TOLERANCE_MS;
			s.lastPoll = t;
			if (early) {
				s.interval += 5;
				oauthFail(400, 'slow_down', `Polling too fast: wait at least ${s.interval} seconds between requests`);
			}
			oauthFail(400, 'authorization_pending', 'The user has not answered yet');
		}
		s.status = 'used';
		return {user: s.user!, clientId: s.clientId, scope: s.scope};
	}

	/**
	 * What the user does on the verification page. Without a user code, the only pending sign-in
	 * is meant (a convenience for tests); throws a message for anything that cannot be answered.
	 */
	answerDeviceSignIn(userCode: string | undefined, user: SandboxUserName, action: 'approve' | 'deny' | 'expire'): DeviceSignInView {
		let signIn: DeviceSignIn | undefined;
		if (userCode === undefined) {
			const pending = [...this.devices.values()].filter((s) => s.status === 'pending' && nowMillis() < s.expiresAt);
			if (pending.length !== 1)
				throw new DeviceAnswerError(404, pending.length ? 'Several sign-ins are pending: give user_code' : 'No device sign-in is pending');
			signIn = pending[0];
		} else {
			signIn = this.findByUserCode(normalizeUserCode(userCode));
			if (!signIn) throw new DeviceAnswerError(404, 'No device sign-in has that user code');
		}
		const s = signIn!;
		if (nowMillis() >= s.expiresAt) throw new DeviceAnswerError(409, 'This sign-in has expired');
		if (s.status !== 'pending')
			throw new DeviceAnswerError(409, `This sign-in was already answered (${s.status === 'denied' ? 'denied' : 'approved'})`);
		if (action === 'expire') s.expiresAt = nowMillis();
		else {
			s.status = action === 'approve' ? 'approved' : 'denied';
			s.user = user;
		}
		return this.view(s);
	}

	deviceSignIns(): DeviceSignInView[] {
		return [...this.devices.values()].map((s) => this.view(s));
	}

	private view(s: DeviceSignIn): DeviceSignInView {
		return {
			user_code: s.userCode,
			client_id: s.clientId,
			scope: s.scope,
			status: s.status === 'pending' && nowMillis() >= s.expiresAt ? 'expired' : s.status,
			expires_at: new Date(s.expiresAt).toISOString(),
			user: s.user ?? null,
		};
	}

	private findByUserCode(normalized: string): DeviceSignIn | undefined {
		for (const s of this.devices.values()) if (normalizeUserCode(s.userCode) === normalized) return s;
		return undefined;
	}

	private forgetOld(): void {
		const t = nowMillis();
		for (const [token, record] of this.access) if (t - record.exp * 1000 > FORGET_AFTER_MS) this.access.delete(token);
		for (const [code, s] of this.devices) if (t - s.expiresAt > FORGET_AFTER_MS) this.devices.delete(code);
	}
}

export class DeviceAnswerError extends Error {
	constructor(
		readonly status: 404 | 409,
		message: string,
	) {
		super(message);
	}
}
