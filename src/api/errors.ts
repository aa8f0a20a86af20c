// One error type for every failed call, carrying what the user needs: what happened in plain
// words, the server's own message, and whether trying again could help.

export type ApiErrorKind =
	| 'bad_request'
	| 'auth'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'server'
	| 'network'
	| 'timeout'
	| 'malformed'
	| 'cancelled';

const EXPLANATIONS: Record<ApiErrorKind, string> = {
	bad_request: 'The server refused the request as invalid.',
	auth: 'The API key was rejected: check --api-key, PL_API_KEY or ~/.planet.json.',
	forbidden: 'Only the owner of this destination or an organisation admin can change it.',
	not_found: 'No such destination (it may have been renamed or removed).',
	conflict: 'That name is already taken in your organisation.',
	rate_limited: 'Too many requests: the API allows 3 per second. Try again in a moment.',
	server: 'The Destinations API had a problem on its side. Try again shortly.',
	network: 'Could not reach the Destinations API: the network or the server is down.',
	timeout: 'The Destinations API did not answer in time.',
	malformed: 'The server answered with something destui could not read.',
	cancelled: 'Cancelled.',
};

export function kindForStatus(status: number): ApiErrorKind {
	if (status === 401) return 'auth';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not_found';
	if (status === 409) return 'conflict';
	if (status === 429) return 'rate_limited';
	if (status >= 500) return 'server';
	return 'bad_request';
}

export class ApiError extends Error {
	override readonly name = 'ApiError';
	readonly kind: ApiErrorKind;
	readonly status?: number;
	/** The server's own words (its `message`, or the raw body), stripped of any secret. */
	readonly serverMessage?: string;
	/** What happened, in plain language, for the status line. */
	readonly explanation: string;
	/** Seconds the server asked us to wait (429). */
	readonly retryAfter?: number;

	constructor(init: {kind: ApiErrorKind; status?: number; serverMessage?: string; explanation?: string; retryAfter?: number}) {
		const explanation = init.explanation ?? EXPLANATIONS[init.kind];
		super(init.serverMessage ? `${explanation} (${init.serverMessage})` : explanation);
		this.kind = init.kind;
		this.status = init.status;
		this.serverMessage = init.serverMessage;
		this.explanation = explanation;
		this.retryAfter = init.retryAfter;
	}

	/** Worth offering "try again": the same request could succeed later. */
	get transient(): boolean {
		return ['rate_limited', 'server', 'network', 'timeout'].includes(this.kind);
	}
}

export const explanationFor = (kind: ApiErrorKind): string => EXPLANATIONS[kind];
