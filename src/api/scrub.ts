// Secrets must never reach an error message or a log (team standard), even when a server
// echoes what it was sent. Every request knows its secrets (the API key or OAuth tokens of its
// Authorization header, the secret parameters of its body; for the sign-in server the client
// secret, refresh token and device code); whatever text comes back is scrubbed of them before
// anyone sees it.
import {ALL_SECRET_KEYS} from '../catalogue/providers.js';

export const SCRUBBED = '<REDACTED>';

/** The spellings a server might echo a secret in: as sent, JSON-escaped, URL-encoded. */
function spellings(secret: string): string[] {
	const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
	// A SAS token may come back without its '?', or only its signature may be quoted.
	if (secret.startsWith('?')) forms.add(secret.slice(1));
	if (secret.includes('sig=')) {
		const sig = new URLSearchParams(secret.replace(/^\?/, '')).get('sig');
		if (sig) forms.add(sig);
	}
	return [...forms].filter((f) => f.length > 0);
}

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

/** The text with every spelling of every secret replaced, longest first so none leaves a tail. */
export function scrub(text: string, secrets: readonly string[]): string {
	const forms = [...new Set(secrets.flatMap(spellings))].sort((a, b) => b.length - a.length);
	let out = text;
	for (const form of forms) out = out.split(form).join(SCRUBBED);
	return out;
}
