// Which credentials destui uses: the planet CLI's order, first match wins (spec §1; PA
// plauth_factory.py initialize_auth_client_context), so a machine set up for `planet` works with
// destui unchanged. Like the CLI, an environment variable counts as much as a flag:
//
//   1. --profile / PL_AUTH_PROFILE: a profile that cannot be used stops destui, naming it.
//   2. PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET: client credentials (built-in planet-m2m).
//   3. --api-key / PL_API_KEY.
//   4. ~/.planet.json: its PL_AUTH_PROFILE (unusable: a warning, and the search goes on),
//      5. its PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET, 6. its PL_API_KEY, 7. its legacy `key`.
//   8. the built-in planet-user (signing in to it is offered when it has no session).
//
// Nothing here makes a request or throws; every step says what it saw (never a secret), for the
// sign-in screen and `destui --help`.
import {join} from 'node:path';
import {headerProblem, trimmedValue} from './header-value.js';
import {readJsonObject} from './json-file.js';
import {clientCredentialsProfile, loadProfile, PLANET_USER, printable, type OidcProfile} from './profiles.js';

export interface FindInput {
	/** --profile */
	profile?: string;
	/** --api-key */
	apiKey?: string;
	/** --auth-server: the built-in planet-user's server instead of login.planet.com. */
	authServer?: string;
	env: NodeJS.ProcessEnv;
	home: string;
}

/** One place destui looked, and what it saw there. */
export interface Step {
	where: string;
	saw: string;
}

export type Found =
	{kind: 'key'; header: string; secret: string; label: string; source: string} | {kind: 'oauth'; profile: OidcProfile; label: string};

export type FindResult = {kind: 'found'; found: Found; trail: Step[]; warnings: string[]} | {kind: 'stop'; message: string; trail: Step[]};

/** The places, in order, as the help lists them. */
export const PLACES = [
	'--profile / PL_AUTH_PROFILE',
	'PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET',
	'--api-key / PL_API_KEY',
	'~/.planet.json',
	'built-in profile planet-user',
] as const;

export function findCredentials(input: FindInput): FindResult {
	const {env, home} = input;
	const trail: Step[] = [];
	const warnings: string[] = [];
	const step = (where: string, saw: string): void => void trail.push({where, saw});
	const found = (f: Found): FindResult => ({kind: 'found', found: f, trail, warnings});
	const stop = (message: string): FindResult => ({kind: 'stop', message, trail});
	const options = {home, authServer: input.authServer};

	const key = (value: string, source: string, label: string): FindResult => {
		const problem = headerProblem(value);
		if (problem) return stop(`The API key from ${source} ${problem}.`);
		return found({kind: 'key', header: `api-key ${value}`, secret: value, label, source});
	};

	// 1. An explicit profile: the flag, else the environment.
	const flagProfile = trimmedValue(input.profile);
	const envProfile = trimmedValue(env.PL_AUTH_PROFILE);
	const explicit = flagProfile ?? envProfile;
	if (explicit !== undefined) {
		const where = flagProfile !== undefined ? '--profile' : 'PL_AUTH_PROFILE';
		const loaded = loadProfile(explicit, options);
		if (!loaded.ok) {
			step(where, `${printable(explicit)}: cannot be used`);
			return stop(`${where} names a profile destui cannot use: ${loaded.problem}.`);
		}
		step(where, `profile ${loaded.profile.name}`);
		const p = loaded.profile;
		if (p.kind === 'key')
			return found({kind: 'key', header: `${p.prefix} ${p.key}`, secret: p.key, label: `profile ${p.name}`, source: p.file});
		return found({kind: 'oauth', profile: p, label: `profile ${p.name}`});
	}
	step(PLACES[0], 'not set');

	// 2. Client credentials from the environment.
	const pair = clientPair(env.PL_AUTH_CLIENT_ID, env.PL_AUTH_CLIENT_SECRET, '', warnings);
	if (pair) {
		const profile = clientCredentialsProfile(pair.id, pair.secret, home);
		step(PLACES[1], `client ${printable(pair.id)}`);
		return found({kind: 'oauth', profile, label: 'client credentials from PL_AUTH_CLIENT_ID'});
	}
	step(PLACES[1], warnings.length ? 'only one of the two is set: ignored' : 'not set');

	// 3. An API key: the flag, else the environment.
	const flagKey = trimmedValue(input.apiKey);
	if (flagKey !== undefined) {
		step('--api-key', 'an API key');
		return key(flagKey, '--api-key', 'API key from --api-key');
	}
	const envKey = trimmedValue(env.PL_API_KEY);
	if (envKey !== undefined) {
		step('PL_API_KEY', 'an API key');
		return key(envKey, 'PL_API_KEY', 'API key from PL_API_KEY');
	}
	step(PLACES[2], 'not set');

	// 4-7. The planet CLI's own file.
	const file = readJsonObject(join(home, '.planet.json'));
	if (file.kind === 'missing') step('~/.planet.json', 'no such file');
	else if (file.kind === 'unusable') {
		step('~/.planet.json', `${file.why}: skipped`);
		warnings.push(`~/.planet.json ${file.why}: skipped`);
	} else {
		const json = file.value;
		const named = trimmedValue(json.PL_AUTH_PROFILE);
		if (named !== undefined) {
			const loaded = loadProfile(named, options);
			if (loaded.ok) {
				const p = loaded.profile;
				step('~/.planet.json PL_AUTH_PROFILE', `profile ${p.name}`);
				if (p.kind === 'key')
					return found({kind: 'key', header: `${p.prefix} ${p.key}`, secret: p.key, label: `profile ${p.name}`, source: p.file});
				return found({kind: 'oauth', profile: p, label: `profile ${p.name}`});
			}
			step('~/.planet.json PL_AUTH_PROFILE', `${printable(named)}: cannot be used, skipped`);
			warnings.push(`~/.planet.json names a profile destui cannot use, so it was skipped: ${loaded.problem}.`);
		}
		const filePair = clientPair(json.PL_AUTH_CLIENT_ID, json.PL_AUTH_CLIENT_SECRET, ' in ~/.planet.json', warnings);
		if (filePair) {
			step('~/.planet.json PL_AUTH_CLIENT_ID', `client ${printable(filePair.id)}`);
			return found({
				kind: 'oauth',
				profile: clientCredentialsProfile(filePair.id, filePair.secret, home),
				label: 'client credentials from ~/.planet.json',
			});
		}
		const fileKey = trimmedValue(json.PL_API_KEY);
		if (fileKey !== undefined) {
			step('~/.planet.json PL_API_KEY', 'an API key');
			return key(fileKey, '~/.planet.json (PL_API_KEY)', 'API key from ~/.planet.json');
		}
		const legacy = trimmedValue(json.key);
		if (legacy !== undefined) {
			step('~/.planet.json key', 'an API key (planet v1/v2 format)');
			return key(legacy, '~/.planet.json (key)', 'API key from ~/.planet.json');
		}
		if (named === undefined) step('~/.planet.json', 'no profile, client or key in it');
	}

	// 8. The default the planet CLI falls back to.
	const loaded = loadProfile(PLANET_USER, options);
	if (!loaded.ok) return stop(`${loaded.problem}.`);
	step(PLACES[4], input.authServer ? `signs in at ${printable(input.authServer)} (--auth-server)` : 'signs in at login.planet.com');
	return found({kind: 'oauth', profile: loaded.profile as OidcProfile, label: `profile ${PLANET_USER}`});
}

function clientPair(id: unknown, secret: unknown, where: string, warnings: string[]): {id: string; secret: string} | undefined {
	const i = trimmedValue(id);
	const s = trimmedValue(secret);
	if (i !== undefined && s !== undefined) return {id: i, secret: s};
	if (i !== undefined) warnings.push(`PL_AUTH_CLIENT_ID is set without PL_AUTH_CLIENT_SECRET${where}: ignored`);
	else if (s !== undefined) warnings.push(`PL_AUTH_CLIENT_SECRET is set without PL_AUTH_CLIENT_ID${where}: ignored`);
	return undefined;
}
