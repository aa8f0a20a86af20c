// What destui sends with each request, from what the search found: a fixed key, or an OAuth
// session kept in the profile's token.json (in memory only for a sign-in on the --demo sandbox).
import {staticCredentials, type CredentialProvider} from '../api/credentials.js';
import type {Found} from './find.js';
import {recordDefaultProfile} from './planet-json.js';
import type {OidcProfile} from './profiles.js';
import {OAuthSession} from './session.js';
import {memoryTokenStore, profileTokenStore} from './token-store.js';

export interface Credentials {
	provider: CredentialProvider;
	/** OAuth only: what the sign-in screen watches and drives. */
	session?: OAuthSession;
	/** For the header: `profile planet-user`, `API key from PL_API_KEY`; never a secret. */
	label: string;
}

export interface CredentialsOptions {
	home: string;
	/** Epoch seconds; tests move time. */
	clock?: () => number;
}

export function credentialsFor(found: Found, options: CredentialsOptions): Credentials {
	if (found.kind === 'key') {
		return {
			provider: staticCredentials(
				found.header,
				found.secret,
				`The API key from ${found.source} was rejected: check it, or sign in another way (destui --help lists them).`,
			),
			label: found.label,
		};
	}
	const session = fileSession(found.profile, options);
	return {provider: session, session, label: found.label};
}

export function fileSession(profile: OidcProfile, options: CredentialsOptions): OAuthSession {
	const store = profileTokenStore(profile);
	// As `planet auth login`: a user sign-in names its profile in ~/.planet.json if none is named.
	const onSignedIn = profile.flow === 'client_credentials' ? undefined : () => void recordDefaultProfile(options.home, profile.name);
	return new OAuthSession(profile, {store, clock: options.clock, onSignedIn});
}

/** A session on the in-process sandbox (--demo --sign-in): kept in memory, ~/.planet untouched. */
export const memorySession = (profile: OidcProfile, clock?: () => number): OAuthSession =>
	new OAuthSession(profile, {store: memoryTokenStore(), clock});
