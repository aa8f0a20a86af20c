// Every kind of planet-auth profile destui reads (spec §2), and the kinds it refuses, each with
// one sentence naming the profile and the kind.
import {describe, expect, it} from 'vitest';
import {loadProfile, type ProfileResult} from '../../src/auth/profiles.js';
import {privateHome} from './helpers.js';

const problem = (r: ProfileResult): string => (r.ok ? `loaded ${JSON.stringify(r.profile)}` : r.problem);

describe('profile kinds', () => {
	it('custom oidc_device_code and oidc_auth_code: public clients, their endpoints and scopes as configured', () => {
		const home = privateHome();
		home.profileFile('dev', {
			client_type: 'oidc_device_code',
			auth_server: 'http://127.0.0.1:9/',
			client_id: 'test-client',
			audiences: ['https://api.planet.com/'],
			scopes: ['planet', 'offline_access'],
			token_endpoint: 'http://127.0.0.1:9/oauth/token',
			_comment: 'kept',
		});
		home.profileFile('browser', {
			client_type: 'oidc_auth_code',
			auth_server: 'http://127.0.0.1:9/',
			client_id: 'web',
			redirect_uri: 'http://localhost:8080',
		});
		const dev = loadProfile('Dev', {home: home.path});
		expect(dev).toEqual({
			ok: true,
			profile: {
				kind: 'oidc',
				name: 'dev',
				builtIn: false,
				flow: 'device_code',
				tokenPath: home.file('.planet', 'dev', 'token.json'),
				client: {
					clientType: 'oidc_device_code',
					clientId: 'test-client',
					clientSecret: undefined,
					authServer: 'http://127.0.0.1:9/',
					tokenEndpoint: 'http://127.0.0.1:9/oauth/token',
					deviceAuthorizationEndpoint: undefined,
					audiences: ['https://api.planet.com/'],
					scopes: ['planet', 'offline_access'],
					organization: undefined,
					projectId: undefined,
				},
			},
		});
		const browser = loadProfile('browser', {home: home.path});
		expect(browser.ok && browser.profile.kind === 'oidc' && browser.profile.flow).toBe('auth_code');
	});

	it('*_secret clients carry their secret; a missing secret is named', () => {
		const home = privateHome();
		home.profileFile('conf', {
			client_type: 'oidc_device_code_secret',
			auth_server: 'http://127.0.0.1:9/',
			client_id: 'c',
			client_secret: 'fake-conf-secret',
		});
		home.profileFile('m2m', {client_type: 'oidc_client_credentials_secret', auth_server: 'http://127.0.0.1:9/', client_id: 'm'});
		const conf = loadProfile('conf', {home: home.path});
		expect(conf.ok && conf.profile.kind === 'oidc' && conf.profile.client.clientSecret).toBe('fake-conf-secret');
		expect(problem(loadProfile('m2m', {home: home.path}))).toBe(
			'profile m2m cannot be used: ~/.planet/m2m/auth_client.json has no client_secret',
		);
	});

	it('static_apikey honours bearer_token_prefix, Bearer when absent', () => {
		const home = privateHome();
		home.profileFile('k1', {client_type: 'static_apikey', api_key: 'PLAK-fake-1', bearer_token_prefix: 'api-key'});
		home.profileFile('k2', {client_type: 'static_apikey', api_key: 'PLAK-fake-2'});
		expect(loadProfile('k1', {home: home.path})).toMatchObject({ok: true, profile: {kind: 'key', key: 'PLAK-fake-1', prefix: 'api-key'}});
		expect(loadProfile('k2', {home: home.path})).toMatchObject({ok: true, profile: {kind: 'key', key: 'PLAK-fake-2', prefix: 'Bearer'}});
	});

	it('static_apikey without a key in its config: the key and prefix from its token file, as planet-auth reads them', () => {
		const home = privateHome();
		home.profileFile('k3', {client_type: 'static_apikey'});
		home.profileFile('k3', {api_key: 'PLAK-fake-3', bearer_token_prefix: 'api-key'}, 'token.json');
		expect(loadProfile('k3', {home: home.path})).toMatchObject({
			ok: true,
			profile: {kind: 'key', key: 'PLAK-fake-3', prefix: 'api-key', file: '~/.planet/k3/token.json'},
		});
		// The config's key wins over the token file's.
		home.profileFile('k4', {client_type: 'static_apikey', api_key: 'PLAK-fake-config'});
		home.profileFile('k4', {api_key: 'PLAK-fake-token', bearer_token_prefix: 'api-key'}, 'token.json');
		expect(loadProfile('k4', {home: home.path})).toMatchObject({ok: true, profile: {key: 'PLAK-fake-config', prefix: 'Bearer'}});
		home.profileFile('k5', {client_type: 'static_apikey'});
		expect(problem(loadProfile('k5', {home: home.path}))).toBe(
			'profile k5 has no API key: neither ~/.planet/k5/auth_client.json nor ~/.planet/k5/token.json holds an api_key',
		);
		home.profileFile('k5', {bearer_token_prefix: 'api-key'}, 'token.json');
		expect(problem(loadProfile('k5', {home: home.path}))).toBe('profile k5 cannot be used: ~/.planet/k5/token.json holds no api_key');
	});

	it('planet_legacy: the token file {key, jwt} gives an api-key; a key in the config wins', () => {
		const home = privateHome();
		home.profileFile('legacy', {key: 'PLAK-fake-legacy-token', jwt: 'x.y.z'}, 'token.json');
		expect(loadProfile('legacy', {home: home.path})).toMatchObject({
			ok: true,
			profile: {kind: 'key', key: 'PLAK-fake-legacy-token', prefix: 'api-key'},
		});
		home.profileFile('old', {
			client_type: 'planet_legacy',
			legacy_auth_endpoint: 'https://api.planet.com/v0/auth/login',
			api_key: 'PLAK-fake-in-config',
		});
		home.profileFile('old', {key: 'PLAK-fake-in-token', jwt: 'x.y.z'}, 'token.json');
		expect(loadProfile('old', {home: home.path})).toMatchObject({ok: true, profile: {key: 'PLAK-fake-in-config'}});
		expect(problem(loadProfile('legacy', {home: privateHome().path}))).toBe(
			'profile legacy has no key yet (no ~/.planet/legacy/token.json): run `planet auth login --auth-profile legacy`',
		);
	});

	it('the built-ins ignore an auth_client.json beside them; planet-m2m alone needs the client id and secret', () => {
		const home = privateHome();
		home.profileFile('planet-user', {client_type: 'static_apikey', api_key: 'PLAK-fake-clobber'});
		const user = loadProfile('PLANET-USER', {home: home.path});
		expect(user.ok && user.profile.kind === 'oidc' && user.profile.client.clientId).toBe('49lHVBYlXCdfIYqE1B9zeXt0iFHSXees');
		expect(problem(loadProfile('planet-m2m', {home: home.path}))).toBe(
			'profile planet-m2m needs a client id and secret: set PL_AUTH_CLIENT_ID and PL_AUTH_CLIENT_SECRET instead',
		);
	});

	it('unsupported kinds: one sentence naming the profile and the kind', () => {
		const home = privateHome();
		const cases: [string, string][] = [
			[
				'oidc_client_credentials_pubkey',
				'profile p is of kind oidc_client_credentials_pubkey, which signs the client in with a private key: destui does not support it',
			],
			[
				'oidc_device_code_pubkey',
				'profile p is of kind oidc_device_code_pubkey, which signs the client in with a private key: destui does not support it',
			],
			[
				'oidc_resource_owner',
				'profile p is of kind oidc_resource_owner, which signs in with a user name and password (resource owner): destui does not support it',
			],
			[
				'oidc_resource_owner_secret',
				'profile p is of kind oidc_resource_owner_secret, which signs in with a user name and password (resource owner): destui does not support it',
			],
			['something_new', 'profile p is of kind "something_new", which destui does not know'],
		];
		for (const [type, sentence] of cases) {
			home.profileFile('p', {client_type: type, auth_server: 'http://127.0.0.1:9/', client_id: 'c'});
			expect(problem(loadProfile('p', {home: home.path}))).toBe(sentence);
		}
	});

	it('sops-encrypted configs and tokens are named, never decrypted', () => {
		const home = privateHome();
		home.profileFile('secure', 'ENC[AES256_GCM,data:fake]', 'auth_client.sops.json');
		expect(problem(loadProfile('secure', {home: home.path}))).toBe(
			'profile secure is encrypted with sops (auth_client.sops.json), which destui cannot read',
		);
		home.profileFile('planet-user', 'ENC[AES256_GCM,data:fake]', 'token.sops.json');
		expect(problem(loadProfile('planet-user', {home: home.path}))).toBe(
			'profile planet-user keeps its token encrypted with sops (token.sops.json), which destui cannot read',
		);
	});
});
