// Where destui finds the user's API key: the same places, in the same order, as Planet's own CLI
// (spec §9.2), so a machine already set up for `planet` works with destui unchanged.
//
// Order (first match wins):
//   1. the --api-key flag. The official v3 CLI lets an explicit profile beat even its key flag;
//      destui does not: a key typed for this very run is the clearest statement of intent.
//   2. env PL_AUTH_PROFILE: the v3 CLI treats the env profile as explicit, so it comes before
//      PL_API_KEY. A static API-key profile gives its key; an OAuth profile ends the search
//      with no key (destui does not do OAuth) rather than silently using another identity.
//   3. env PL_API_KEY.
//   4. ~/.planet.json's PL_AUTH_PROFILE (same handling as 2).
//      (The CLI's next step, an OAuth client id + secret, is out of scope and skipped.)
//   5. ~/.planet.json's PL_API_KEY.
//   6. ~/.planet.json's legacy `key` (what v1/v2 `planet auth store` wrote).
//   7. nothing: null. (The CLI would fall back to interactive OAuth, `planet-user`.)
//
// A profile lives in ~/.planet/<name lower-cased>/auth_client.json; an API-key profile holds
// {"client_type": "static_apikey", "api_key": "..."} (what `planet auth login --auth-api-key`
// writes). Files that are missing, unreadable, not JSON, too big or not regular files are skipped
// with a note; nothing here throws, and no note ever quotes a file's content.
import {readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

export interface Credentials {
	apiKey: string;
	/** Where the key came from, for the status line: '--api-key', 'PL_API_KEY', '~/.planet.json', 'profile _pl_api_key'. */
	source: string;
}

export interface CredentialSearchInput {
	flagKey?: string;
	env?: NodeJS.ProcessEnv;
	home?: string;
}

export interface CredentialSearch {
	credentials: Credentials | null;
	/** Why sources were skipped or the search stopped, in plain words (never a secret). */
	notes: string[];
}

/** Profiles planet-auth defines without a file; all of them log in with OAuth. */
const BUILT_IN_OAUTH_PROFILES = new Set(['planet-user', 'planet-m2m', 'legacy']);
/** A credential file is a few hundred bytes; anything huge is not one. */
const MAX_FILE_BYTES = 1 << 20;

type JsonFile = {kind: 'object'; value: Record<string, unknown>} | {kind: 'missing'} | {kind: 'unusable'; why: string};

function readJsonObject(path: string): JsonFile {
	try {
		const stat = statSync(path, {throwIfNoEntry: false});
		if (!stat) return {kind: 'missing'};
		// A FIFO or device would block or never end: only plain files are read.
		if (!stat.isFile()) return {kind: 'unusable', why: 'is not a regular file'};
		if (stat.size > MAX_FILE_BYTES) return {kind: 'unusable', why: 'is too large to be a credentials file'};
		const text = readFileSync(path, 'utf8');
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return {kind: 'unusable', why: 'is not valid JSON'};
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {kind: 'unusable', why: 'does not hold a JSON object'};
		return {kind: 'object', value: value as Record<string, unknown>};
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		return {kind: 'unusable', why: code === 'EACCES' || code === 'EPERM' ? 'is not readable (permission denied)' : 'could not be read'};
	}
}

const keyOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

type ProfileResult = {kind: 'key'; key: string; dir: string} | {kind: 'oauth'; dir: string} | {kind: 'skip'};

function readProfile(home: string, name: string, origin: string, notes: string[]): ProfileResult {
	const dir = name.trim().toLowerCase();
	// The name becomes a directory: refuse anything that would leave ~/.planet.
	if (dir === '' || dir === '.' || dir === '..' || /[/\\\0]/.test(dir)) {
		notes.push(`${origin} is not a usable profile name: skipped`);
		return {kind: 'skip'};
	}
	const shown = `~/.planet/${dir}/auth_client.json`;
	const file = readJsonObject(join(home, '.planet', dir, 'auth_client.json'));
	if (file.kind === 'object') {
		const type = file.value.client_type;
		if (type === 'static_apikey') {
			const key = keyOf(file.value.api_key);
			if (key) return {kind: 'key', key, dir};
			notes.push(`${shown} holds no api_key: skipped`);
			return {kind: 'skip'};
		}
		if (typeof type === 'string') {
			notes.push(`profile ${dir} (from ${origin}) signs in with OAuth, which destui does not support: use --api-key or PL_API_KEY`);
			return {kind: 'oauth', dir};
		}
		notes.push(`${shown} has no client_type: skipped`);
		return {kind: 'skip'};
	}
	if (file.kind === 'unusable') {
		notes.push(`${shown} ${file.why}: skipped`);
		return {kind: 'skip'};
	}
	if (readJsonObject(join(home, '.planet', dir, 'auth_client.sops.json')).kind !== 'missing') {
		notes.push(`profile ${dir} is encrypted with sops, which destui cannot read: skipped`);
		return {kind: 'skip'};
	}
	if (BUILT_IN_OAUTH_PROFILES.has(dir)) {
		notes.push(`profile ${dir} (from ${origin}) signs in with OAuth, which destui does not support: use --api-key or PL_API_KEY`);
		return {kind: 'oauth', dir};
	}
	notes.push(`profile ${dir} (from ${origin}) does not exist: skipped`);
	return {kind: 'skip'};
}

/** The search, with notes on what was skipped: for a helpful "no API key found" message. */
export function searchCredentials(input: CredentialSearchInput): CredentialSearch {
	const env = input.env ?? process.env;
	const home = input.home ?? homedir();
	const notes: string[] = [];
	const found = (apiKey: string, source: string): CredentialSearch => ({credentials: {apiKey, source}, notes});
	const fromProfile = (name: string, origin: string): CredentialSearch | undefined => {
		const profile = readProfile(home, name, origin, notes);
		if (profile.kind === 'key') return found(profile.key, `profile ${profile.dir}`);
		if (profile.kind === 'oauth') return {credentials: null, notes};
		return undefined;
	};

	const flag = keyOf(input.flagKey);
	if (flag) return found(flag, '--api-key');
	if (input.flagKey !== undefined) notes.push('--api-key was given empty: ignored');

	const envProfile = keyOf(env.PL_AUTH_PROFILE);
	if (envProfile) {
		const result = fromProfile(envProfile, 'PL_AUTH_PROFILE');
		if (result) return result;
	}

	const envKey = keyOf(env.PL_API_KEY);
	if (envKey) return found(envKey, 'PL_API_KEY');

	const file = readJsonObject(join(home, '.planet.json'));
	if (file.kind === 'unusable') notes.push(`~/.planet.json ${file.why}: skipped`);
	if (file.kind !== 'object') return {credentials: null, notes};

	const fileProfile = keyOf(file.value.PL_AUTH_PROFILE);
	if (fileProfile) {
		const result = fromProfile(fileProfile, '~/.planet.json');
		if (result) return result;
	}
	const fileKey = keyOf(file.value.PL_API_KEY) ?? keyOf(file.value.key);
	if (fileKey) return found(fileKey, '~/.planet.json');
	return {credentials: null, notes};
}

export function discoverCredentials(input: CredentialSearchInput): Credentials | null {
	return searchCredentials(input).credentials;
}
