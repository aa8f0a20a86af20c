// The sandbox's own OAuth client (src/sandbox: public client `destui-sandbox`), for a sign-in on
// the in-process sandbox of --demo: the session lives in memory, so a demo never touches the
// user's ~/.planet.
import type {OidcProfile} from './profiles.js';
import {memorySession} from './provider.js';
import type {OAuthSession} from './session.js';

export const SANDBOX_CLIENT_ID = 'destui-sandbox';

export function sandboxProfile(origin: string): OidcProfile {
	return {
		kind: 'oidc',
		name: 'sandbox',
		builtIn: true,
		flow: 'device_code',
		client: {
			clientType: 'oidc_device_code',
			clientId: SANDBOX_CLIENT_ID,
			authServer: `${origin}/`,
			audiences: ['https://api.planet.com/'],
			scopes: ['planet', 'offline_access'],
		},
		tokenPath: '',
	};
}

export const sandboxSession = (origin: string): OAuthSession => memorySession(sandboxProfile(origin));
