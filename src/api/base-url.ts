// The one address option destui takes, in the two forms users already know: an origin
// (https://api.planet.com) or, like the official CLI's `-u`, the Destinations base URL
// (https://api.planet.com/destinations/v1). Orders and Subscriptions live beside Destinations
// on the same host, so what the client needs is the root the three APIs hang from.

export const DEFAULT_BASE_URL = 'https://api.planet.com';
export const DESTINATIONS_PATH = '/destinations/v1';

export class BaseUrlError extends Error {
	override readonly name = 'BaseUrlError';
}

/**
 * The API root, without a trailing slash: the origin, plus any path prefix that came before
 * /destinations/v1 (a reverse proxy serving the API under /planet/destinations/v1 keeps /planet).
 */
export function resolveBaseUrl(input: string = DEFAULT_BASE_URL): string {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		throw new BaseUrlError(`"${input}" is not a URL: give one like ${DEFAULT_BASE_URL} or ${DEFAULT_BASE_URL}${DESTINATIONS_PATH}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new BaseUrlError(`the base URL must start with https:// or http:// (got ${url.protocol})`);
	// A key in the URL would travel in every log line and error: keys go in --api-key.
	if (url.username || url.password)
		throw new BaseUrlError('the base URL may not hold a user name or password: pass the API key with --api-key');
	if (url.search || url.hash) throw new BaseUrlError('the base URL may not hold a query (?...) or fragment (#...)');
	let path = url.pathname.replace(/\/+$/, '');
	if (path.endsWith(DESTINATIONS_PATH)) path = path.slice(0, -DESTINATIONS_PATH.length);
	else if (path !== '')
		throw new BaseUrlError(
			`the base URL must be an origin like ${DEFAULT_BASE_URL} or end in ${DESTINATIONS_PATH} (got path ${url.pathname})`,
		);
	return `${url.origin}${path}`;
}
