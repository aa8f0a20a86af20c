// planet-auth profiles: the built-ins (their configuration lives in the planet package's code,
// spec §2) and custom ones (~/.planet/<name>/auth_client.json), read into what destui can use.
// Kinds destui does not support are refused with one sentence naming the profile and the kind.
import {join} from 'node:path';
import {readJsonObject} from './json-file.js';
import {headerProblem, trimmedValue as str} from './header-value.js';

/** An OAuth client as planet-auth configures one (the keys of auth_client.json destui uses). */
export interface OidcClient {
	clientType: string;
	clientId: string;
	/** `*_secret` clients; never shown. */
	clientSecret?: string;
	authServer: string;
	tokenEndpoint?: string;
	deviceAuthorizationEndpoint?: string;
	audiences: string[];
	scopes: string[];
	/** Extra parameters planet-auth adds to a login request when configured. */
	organization?: string;
	projectId?: string;
}

/** How a session is (re)obtained: by the user (device or auth code) or unattended (client credentials). */
export type OidcFlow = 'device_code' | 'auth_code' | 'client_credentials';

export interface OidcProfile {
	kind: 'oidc';
	/** The profile's name as its folder is named (lower-case). */
	name: string;
	builtIn: boolean;
	flow: OidcFlow;
	client: OidcClient;
	/** ~/.planet/<name>/token.json, absolute. */
	tokenPath: string;
}

/** A profile that holds a key: `static_apikey` (its prefix) or `planet_legacy` (`api-key`). */
export interface KeyProfile {
	kind: 'key';
	name: string;
	key: string;
	prefix: string;
	/** Where the key was read, for messages: `~/.planet/<name>/auth_client.json`. */
	file: string;
}

export type Profile = OidcProfile | KeyProfile;
export type ProfileResult = {ok: true; profile: Profile} | {ok: false; problem: string};

export const PLANET_USER = 'planet-user';
export const PLANET_M2M = 'planet-m2m';
export const LEGACY = 'legacy';

/** The built-in planet-user (PC auth_builtins.py): configuration from discovery at its server. */
export const PLANET_USER_CLIENT: OidcClient = {
	clientType: 'oidc_device_code',
	clientId: '49lHVBYlXCdfIYqE1B9zeXt0iFHSXees',
	authServer: 'https://login.planet.com/',
	audiences: ['https://api.planet.com/'],
	scopes: ['planet', 'offline_access'],
};

/** The built-in planet-m2m skeleton: client id and secret come from the user. */
export const PLANET_M2M_CLIENT: Omit<OidcClient, 'clientId'> = {
	clientType: 'oidc_client_credentials_secret',
	authServer: 'https://services.sentinel-hub.com/auth/realms/main',
	audiences: ['https://api.planet.com/'],
	scopes: [],
};

export interface ProfileOptions {
	home: string;
	/** `--auth-server`: replaces the built-in planet-user's server (for trying sign-in on the sandbox). */
	authServer?: string;
}

const FLOWS: Record<string, OidcFlow> = {
	oidc_device_code: 'device_code',
	oidc_device_code_secret: 'device_code',
	oidc_auth_code: 'auth_code',
	oidc_auth_code_secret: 'auth_code',
	oidc_client_credentials_secret: 'client_credentials',
};

const KNOWN_UNSUPPORTED: Record<string, string> = {
	oidc_device_code_pubkey: 'signs the client in with a private key',
	oidc_auth_code_pubkey: 'signs the client in with a private key',
	oidc_client_credentials_pubkey: 'signs the client in with a private key',
	oidc_resource_owner: 'signs in with a user name and password (resource owner)',
	oidc_resource_owner_secret: 'signs in with a user name and password (resource owner)',
	oidc_resource_owner_pubkey: 'signs in with a user name and password (resource owner)',
	oidc_client_validator: 'only validates tokens and cannot sign in',
	none: 'holds no credentials',
};

/** The folder name of a profile (planet-auth lower-cases it), or why the name cannot be one. */
export function profileDir(name: string): {ok: true; dir: string} | {ok: false; problem: string} {
	const dir = name.trim().toLowerCase();
	// The name becomes a folder: refuse anything that would leave ~/.planet.
	if (dir === '' || dir === '.' || dir === '..' || /[/\\\0]/.test(dir))
		return {ok: false, problem: `"${printable(name)}" is not a usable profile name`};
	return {ok: true, dir};
}

/** A name or other short value from a file or the environment, safe to print. */
export const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 80);

const strList = (v: unknown): string[] | undefined =>
	Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/** A client id + secret given by the user (flags, env, ~/.planet.json): planet-m2m with them (spec §5). */
export function clientCredentialsProfile(clientId: string, clientSecret: string, home: string): OidcProfile {
	const name = `${PLANET_M2M}-${clientId.toLowerCase()}`;
	return {
		kind: 'oidc',
		name,
		builtIn: true,
		flow: 'client_credentials',
		client: {...PLANET_M2M_CLIENT, clientId, clientSecret},
		tokenPath: join(home, '.planet', name, 'token.json'),
	};
}

/**
 * The profile `name` (any case), from the built-ins or its auth_client.json. A profile whose
 * token file is missing loads fine: that is a session to sign in to, found out later.
 */
export function loadProfile(name: string, options: ProfileOptions): ProfileResult {
	const checked = profileDir(name);
	if (!checked.ok) return {ok: false, problem: checked.problem};
	const dir = checked.dir;
	const folder = join(options.home, '.planet', dir);
	const tokenPath = join(folder, 'token.json');
	const fail = (problem: string): ProfileResult => ({ok: false, problem: `profile ${dir} ${problem}`});

	if (readJsonObject(join(folder, 'token.sops.json')).kind !== 'missing')
		return fail('keeps its token encrypted with sops (token.sops.json), which destui cannot read');

	// Built-ins always use the configuration in code: an auth_client.json beside them is ignored,
	// as planet-auth ignores it.
	if (dir === PLANET_USER) {
		const client = options.authServer ? {...PLANET_USER_CLIENT, authServer: options.authServer} : PLANET_USER_CLIENT;
		return {ok: true, profile: {kind: 'oidc', name: dir, builtIn: true, flow: 'device_code', client, tokenPath}};
	}
	if (dir === PLANET_M2M) return fail('needs a client id and secret: set PL_AUTH_CLIENT_ID and PL_AUTH_CLIENT_SECRET instead');
	if (dir === LEGACY) return legacyKey(dir, folder, undefined);

	if (readJsonObject(join(folder, 'auth_client.sops.json')).kind !== 'missing')
		return fail('is encrypted with sops (auth_client.sops.json), which destui cannot read');
	const shown = `~/.planet/${dir}/auth_client.json`;
	const file = readJsonObject(join(folder, 'auth_client.json'));
	if (file.kind === 'missing') return fail(`does not exist (no ${shown})`);
	if (file.kind === 'unusable') return fail(`cannot be used: ${shown} ${file.why}`);
	const config = file.value;
	const type = config.client_type;
	if (typeof type !== 'string') return fail(`cannot be used: ${shown} has no client_type`);

	if (type === 'static_apikey') return staticKey(dir, folder, config);
	if (type === 'planet_legacy') return legacyKey(dir, folder, str(config.api_key));

	const flow = FLOWS[type];
	if (!flow) {
		const why = KNOWN_UNSUPPORTED[type];
		return fail(
			why ? `is of kind ${type}, which ${why}: destui does not support it` : `is of kind "${printable(type)}", which destui does not know`,
		);
	}
	const clientId = str(config.client_id);
	const authServer = str(config.auth_server);
	if (!clientId) return fail(`cannot be used: ${shown} has no client_id`);
	if (!authServer) return fail(`cannot be used: ${shown} has no auth_server`);
	const clientSecret = type.endsWith('_secret') ? str(config.client_secret) : undefined;
	if (type.endsWith('_secret') && !clientSecret) return fail(`cannot be used: ${shown} has no client_secret`);
	const client: OidcClient = {
		clientType: type,
		clientId,
		clientSecret,
		authServer,
		tokenEndpoint: str(config.token_endpoint),
		deviceAuthorizationEndpoint: str(config.device_authorization_endpoint),
		audiences: strList(config.audiences) ?? [],
		scopes: strList(config.scopes) ?? [],
		organization: str(config.organization),
		projectId: str(config.project_id),
	};
	return {ok: true, profile: {kind: 'oidc', name: dir, builtIn: false, flow, client, tokenPath}};
}

/**
 * static_apikey: the config's api_key (with its bearer_token_prefix); a config without one leaves
 * the key to the token file, `{"api_key", "bearer_token_prefix"}` (PA static_api_key/auth_client.py
 * default_request_authenticator, static_api_key.py). The prefix is `Bearer` when absent.
 */
function staticKey(dir: string, folder: string, config: Record<string, unknown>): ProfileResult {
	const fail = (problem: string): ProfileResult => ({ok: false, problem: `profile ${dir} ${problem}`});
	let data = config;
	let file = `~/.planet/${dir}/auth_client.json`;
	if (!str(config.api_key)) {
		file = `~/.planet/${dir}/token.json`;
		const token = readJsonObject(join(folder, 'token.json'));
		if (token.kind === 'missing') return fail(`has no API key: neither ~/.planet/${dir}/auth_client.json nor ${file} holds an api_key`);
		if (token.kind === 'unusable') return fail(`cannot be used: ${file} ${token.why}`);
		data = token.value;
	}
	const key = str(data.api_key);
	if (!key) return fail(`cannot be used: ${file} holds no api_key`);
	const prefix = str(data.bearer_token_prefix) ?? 'Bearer';
	const problem = headerProblem(key) ?? headerProblem(prefix);
	if (problem) return fail(`cannot be used: the key in ${file} ${problem}`);
	return {ok: true, profile: {kind: 'key', name: dir, key, prefix, file}};
}

/** planet_legacy: the config's api_key wins over the token file's `key` ({key, jwt}). */
function legacyKey(dir: string, folder: string, configKey: string | undefined): ProfileResult {
	const shownToken = `~/.planet/${dir}/token.json`;
	let key = configKey;
	let file = `~/.planet/${dir}/auth_client.json`;
	if (!key) {
		const token = readJsonObject(join(folder, 'token.json'));
		if (token.kind === 'missing')
			return {ok: false, problem: `profile ${dir} has no key yet (no ${shownToken}): run \`planet auth login --auth-profile ${dir}\``};
		if (token.kind === 'unusable') return {ok: false, problem: `profile ${dir} cannot be used: ${shownToken} ${token.why}`};
		key = str(token.value.key);
		file = shownToken;
		if (!key) return {ok: false, problem: `profile ${dir} cannot be used: ${shownToken} holds no key`};
	}
	const problem = headerProblem(key);
	if (problem) return {ok: false, problem: `profile ${dir} cannot be used: the key in ${file} ${problem}`};
	return {ok: true, profile: {kind: 'key', name: dir, key, prefix: 'api-key', file}};
}
