// Secrets must never reach an error message or a log (team standard), even when a server
// echoes what it was sent. Every request knows its secrets (the API key or OAuth tokens of its
// Authorization header, the secret parameters of its body (body-secrets.ts); for the sign-in
// server the client secret, refresh token and device code); whatever text comes back is scrubbed
// of them before anyone sees it. Plain text work only: the `destui` command's start-up request
// uses it before the app (and its provider catalogue) is loaded.

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

/** The text with every spelling of every secret replaced, longest first so none leaves a tail. */
export function scrub(text: string, secrets: readonly string[]): string {
	const forms = [...new Set(secrets.flatMap(spellings))].sort((a, b) => b.length - a.length);
	let out = text;
	for (const form of forms) out = out.split(form).join(SCRUBBED);
	return out;
}
