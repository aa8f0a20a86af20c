// Where destui looked for credentials and what it found, in words: for `destui --help` and the
// sign-in screen. Never a secret: steps name places and profiles, sessions only their times.
import type {FindResult, Step} from './find.js';
import type {OidcProfile} from './profiles.js';
import {fileTokenStore} from './token-store.js';
import {isExpired, isStale, nowSeconds} from './token.js';

export const ORDER = `Credentials (the planet CLI's order; the first one found is used):
  --profile NAME or PL_AUTH_PROFILE, then PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET, then
  --api-key KEY or PL_API_KEY, then ~/.planet.json (its PL_AUTH_PROFILE, PL_AUTH_CLIENT_ID +
  PL_AUTH_CLIENT_SECRET, PL_API_KEY, legacy key), then the built-in profile planet-user, which
  destui signs in to itself (a link and a code) just as \`planet auth login\` does.`;

/** The steps as aligned lines, `indent` before each. */
export function trailLines(trail: readonly Step[], indent = '  '): string[] {
	const width = Math.max(0, ...trail.map((s) => s.where.length));
	return trail.map((s) => `${indent}${s.where.padEnd(width)}  ${s.saw}`);
}

/** What a profile's session file says now, without asking any server. */
export function sessionSummary(profile: OidcProfile, now = nowSeconds()): string {
	const stored = fileTokenStore(profile.tokenPath, '').read(now);
	const file = `~/.planet/${profile.name}/token.json`;
	if (profile.flow === 'client_credentials' && stored.kind !== 'token')
		return `no token yet in ${file}: destui gets one with the client credentials`;
	if (stored.kind === 'missing') return `no session yet in ${file}: destui offers to sign in`;
	if (stored.kind === 'unusable') return `${file} ${stored.why}`;
	const t = stored.token;
	if (isExpired(t, now))
		return t.refreshToken ? 'session expired: destui renews it when it starts' : 'session expired, with no refresh token: sign in again';
	if (t.exp === undefined) return 'session without an expiry';
	const until = new Date(t.exp * 1000).toTimeString().slice(0, 5);
	return isStale(t, now) ? `session valid until ${until}; destui renews it when it starts` : `session valid until ${until}`;
}

/** The credentials paragraph of `destui --help`, with this machine's findings. */
export function credentialsHelp(result: FindResult): string {
	const lines = [ORDER, '  On this machine:', ...trailLines(result.trail, '    ')];
	if (result.kind === 'stop') lines.push(`  → destui stops: ${result.message}`);
	else {
		const f = result.found;
		lines.push(`  → destui uses ${f.label}${f.kind === 'oauth' ? ` (${sessionSummary(f.profile)})` : ''}.`);
		for (const w of result.warnings) lines.push(`  ! ${w}`);
	}
	return `${lines.join('\n')}\n`;
}
