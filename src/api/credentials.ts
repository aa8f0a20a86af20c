// What the transport asks for on every attempt: the Authorization header to send. A provider may
// take its time (refresh an OAuth token as it ages, wait for the user to sign in) and never
// answers with nothing: a request is sent with credentials or not at all.

export interface Authorization {
	/** The whole header value: `api-key K`, `Bearer T`, or a profile's own prefix. */
	header: string;
	/** What must never appear in a message derived from this exchange. */
	secrets: readonly string[];
}

export interface CredentialProvider {
	/**
	 * The header for the next attempt; at once when it is to hand (no extra turn of the event loop,
	 * so a request queues at the rate limiter as soon as it is made). Rejects with an ApiError
	 * (kind 'auth' or 'cancelled') when none can be had.
	 */
	authorization(signal?: AbortSignal): Authorization | Promise<Authorization>;
	/**
	 * The server answered 401 to `used`. True when different credentials are now to hand (renewed,
	 * or renewed by someone else meanwhile): the request is sent once more. False: the 401 stands.
	 */
	refused(used: Authorization, signal?: AbortSignal): Promise<boolean>;
	/** What a 401 that stands means, in one sentence (replaces the generic wording). */
	readonly rejected: string;
}

/** A fixed key: never renewed, so a 401 stands. */
export function staticCredentials(header: string, secret: string, rejected: string): CredentialProvider {
	const authorization: Authorization = {header, secrets: [secret]};
	return {
		authorization: () => authorization,
		refused: async () => false,
		rejected,
	};
}

/** An API key as the planet CLI sends one (spec §3). */
export const apiKeyCredentials = (
	key: string,
	rejected = 'The API key was rejected: check --api-key, PL_API_KEY or ~/.planet.json.',
): CredentialProvider => staticCredentials(`api-key ${key}`, key, rejected);
