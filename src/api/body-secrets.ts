// Which parts of a request body are secrets, from the provider catalogue (the one source of
// truth for which parameters are secret), so that they are scrubbed from anything shown.
import {ALL_SECRET_KEYS} from '../catalogue/providers.js';

/** The secrets a request carries: the API key and every secret parameter of its body. */
export function secretsOf(apiKey: string, body?: unknown): string[] {
	return [apiKey, ...bodySecrets(body)].filter((s) => s.length > 0);
}

/** The secret parameters of a request body (catalogue ALL_SECRET_KEYS). */
export function bodySecrets(body?: unknown): string[] {
	const secrets: string[] = [];
	const parameters = (body as {parameters?: unknown} | undefined)?.parameters;
	if (typeof parameters === 'object' && parameters !== null) {
		for (const [key, value] of Object.entries(parameters)) {
			if (ALL_SECRET_KEYS.has(key) && typeof value === 'string') secrets.push(value);
		}
	}
	return secrets.filter((s) => s.length > 0);
}
