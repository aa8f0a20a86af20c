// OAuth refusals use RFC 6749 §5.2's shape, not the API's {"code","message"}: planet-auth reads
// `error` and `error_description` (spec planet-auth.md §4).
import type {ApiResponse} from './types.js';

export class OAuthError extends Error {
	constructor(
		readonly status: 400 | 401 | 405,
		readonly error: string,
		readonly description: string,
		readonly headers: Record<string, string> = {},
	) {
		super(description);
	}
}

/** Token answers, good or bad, must never be cached (RFC 6749 §5.1). */
export const NO_STORE = {'Cache-Control': 'no-store', Pragma: 'no-cache'} as const;

export function oauthErrorResponse(err: OAuthError): ApiResponse {
	return {status: err.status, headers: {...NO_STORE, ...err.headers}, body: {error: err.error, error_description: err.description}};
}

export const oauthFail = (status: 400 | 401, error: string, description: string): never => {
	throw new OAuthError(status, error, description);
};
