// Credential discovery against real files in a throw-away HOME: the official CLI's order,
// profiles, and every way a file can be unusable.
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {discoverCredentials, searchCredentials} from '../../src/api/auth.js';

let home: string;

beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'destui-auth-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

const planetJson = (content: unknown): void => writeFileSync(join(home, '.planet.json'), typeof content === 'string' ? content : JSON.stringify(content), {mode: 0o600});

const profile = (dir: string, content: unknown, file = 'auth_client.json'): void => {
	mkdirSync(join(home, '.planet', dir), {recursive: true});
	writeFileSync(join(home, '.planet', dir, file), typeof content === 'string' ? content : JSON.stringify(content), {mode: 0o600});
};

const apiKeyProfile = (dir: string, key: string): void => profile(dir, {client_type: 'static_apikey', api_key: key, bearer_token_prefix: 'api-key'});

const find = (input: {flagKey?: string; env?: NodeJS.ProcessEnv} = {}) => discoverCredentials({env: {}, ...input, home});

describe('discoverCredentials: the order of sources', () => {
	it('finds nothing in an empty home with no environment', () => {
		expect(find()).toBeNull();
	});

	it('takes the --api-key flag over everything else', () => {
		planetJson({PL_API_KEY: 'PLAK-fake-file'});
		apiKeyProfile('work', 'PLAK-fake-profile');
		expect(find({flagKey: 'PLAK-fake-flag', env: {PL_API_KEY: 'PLAK-fake-env', PL_AUTH_PROFILE: 'work'}})).toEqual({apiKey: 'PLAK-fake-flag', source: '--api-key'});
	});

	it('ignores an empty --api-key and says so', () => {
		const search = searchCredentials({flagKey: '  ', env: {PL_API_KEY: 'PLAK-fake-env'}, home});
		expect(search.credentials).toEqual({apiKey: 'PLAK-fake-env', source: 'PL_API_KEY'});
		expect(search.notes.join('\n')).toMatch(/--api-key was given empty/);
	});

	it('takes PL_API_KEY from the environment over ~/.planet.json', () => {
		planetJson({PL_API_KEY: 'PLAK-fake-file', key: 'PLAK-fake-legacy'});
		expect(find({env: {PL_API_KEY: 'PLAK-fake-env'}})).toEqual({apiKey: 'PLAK-fake-env', source: 'PL_API_KEY'});
	});

	it("reads ~/.planet.json's PL_API_KEY before its legacy key", () => {
		planetJson({key: 'PLAK-fake-legacy', PL_API_KEY: 'PLAK-fake-file'});
		expect(find()).toEqual({apiKey: 'PLAK-fake-file', source: '~/.planet.json'});
	});

	it('reads a v2-style ~/.planet.json holding only the legacy key, trimming whitespace', () => {
		planetJson({key: '  PLAK-fake-legacy\n'});
		expect(find()).toEqual({apiKey: 'PLAK-fake-legacy', source: '~/.planet.json'});
	});

	it('uses the profile named by env PL_AUTH_PROFILE before env PL_API_KEY (the v3 CLI treats it as explicit)', () => {
		apiKeyProfile('_pl_api_key', 'PLAK-fake-profile');
		expect(find({env: {PL_AUTH_PROFILE: '_PL_API_KEY', PL_API_KEY: 'PLAK-fake-env'}})).toEqual({apiKey: 'PLAK-fake-profile', source: 'profile _pl_api_key'});
	});

	it("uses ~/.planet.json's PL_AUTH_PROFILE after env PL_API_KEY but before the file's own keys", () => {
		planetJson({PL_AUTH_PROFILE: '_PL_API_KEY', PL_API_KEY: 'PLAK-fake-file', key: 'PLAK-fake-legacy'});
		apiKeyProfile('_pl_api_key', 'PLAK-fake-profile');
		expect(find()).toEqual({apiKey: 'PLAK-fake-profile', source: 'profile _pl_api_key'});
		expect(find({env: {PL_API_KEY: 'PLAK-fake-env'}})).toEqual({apiKey: 'PLAK-fake-env', source: 'PL_API_KEY'});
	});

	it("prefers env PL_AUTH_PROFILE to the file's", () => {
		planetJson({PL_AUTH_PROFILE: 'home'});
		apiKeyProfile('home', 'PLAK-fake-home');
		apiKeyProfile('work', 'PLAK-fake-work');
		expect(find({env: {PL_AUTH_PROFILE: 'Work'}})).toEqual({apiKey: 'PLAK-fake-work', source: 'profile work'});
	});
});

describe('discoverCredentials: OAuth profiles are out of scope', () => {
	it('stops with no key at an OAuth profile named by the environment, even with PL_API_KEY set', () => {
		profile('my-sso', {client_type: 'oidc_device_code', client_id: 'fake-client'});
		const search = searchCredentials({env: {PL_AUTH_PROFILE: 'my-sso', PL_API_KEY: 'PLAK-fake-env'}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/profile my-sso .*OAuth/);
	});

	it("stops at the built-in planet-user profile named in ~/.planet.json rather than using the file's key", () => {
		planetJson({PL_AUTH_PROFILE: 'planet-user', key: 'PLAK-fake-legacy'});
		const search = searchCredentials({env: {}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/planet-user .*OAuth/);
	});
});

describe('discoverCredentials: unusable files are skipped, never fatal, never quoted', () => {
	it('skips a ~/.planet.json that is not JSON and does not quote it', () => {
		planetJson('{"PL_API_KEY": "PLAK-fake-half-written');
		const search = searchCredentials({env: {}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/~\/\.planet\.json is not valid JSON/);
		expect(JSON.stringify(search)).not.toContain('PLAK-fake-half-written');
	});

	it('skips a ~/.planet.json holding JSON that is not an object', () => {
		planetJson('["PLAK-fake-in-array"]');
		expect(find()).toBeNull();
	});

	it('skips a ~/.planet.json that is a directory', () => {
		mkdirSync(join(home, '.planet.json'));
		const search = searchCredentials({env: {}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/not a regular file/);
	});

	it('does not block on a ~/.planet.json that is a named pipe', () => {
		execFileSync('mkfifo', [join(home, '.planet.json')]);
		expect(find({env: {}})).toBeNull();
	});

	it.skipIf(process.getuid?.() === 0)('skips a ~/.planet.json it may not read', () => {
		planetJson({PL_API_KEY: 'PLAK-fake-file'});
		chmodSync(join(home, '.planet.json'), 0o000);
		const search = searchCredentials({env: {}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/permission denied/);
	});

	it('falls through a malformed profile to the next source', () => {
		profile('work', '{"client_type": "static_apikey", "api_key": "PLAK-fake-broken');
		planetJson({key: 'PLAK-fake-legacy'});
		const search = searchCredentials({env: {PL_AUTH_PROFILE: 'work'}, home});
		expect(search.credentials).toEqual({apiKey: 'PLAK-fake-legacy', source: '~/.planet.json'});
		expect(search.notes.join('\n')).toMatch(/~\/\.planet\/work\/auth_client\.json is not valid JSON/);
		expect(JSON.stringify(search)).not.toContain('PLAK-fake-broken');
	});

	it('falls through an API-key profile with no key, and a profile that does not exist', () => {
		profile('empty', {client_type: 'static_apikey', api_key: ''});
		expect(find({env: {PL_AUTH_PROFILE: 'empty', PL_API_KEY: 'PLAK-fake-env'}})).toEqual({apiKey: 'PLAK-fake-env', source: 'PL_API_KEY'});
		const search = searchCredentials({env: {PL_AUTH_PROFILE: 'nowhere', PL_API_KEY: 'PLAK-fake-env'}, home});
		expect(search.credentials?.source).toBe('PL_API_KEY');
		expect(search.notes.join('\n')).toMatch(/profile nowhere .*does not exist/);
	});

	it('skips a sops-encrypted profile it cannot read', () => {
		profile('secure', 'ENC[AES256_GCM,data:fake]', 'auth_client.sops.json');
		const search = searchCredentials({env: {PL_AUTH_PROFILE: 'secure'}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/sops/);
	});

	it('never follows a profile name out of ~/.planet', () => {
		mkdirSync(join(home, 'evil'));
		writeFileSync(join(home, 'evil', 'auth_client.json'), JSON.stringify({client_type: 'static_apikey', api_key: 'PLAK-fake-evil'}));
		const search = searchCredentials({env: {PL_AUTH_PROFILE: '../evil'}, home});
		expect(search.credentials).toBeNull();
		expect(search.notes.join('\n')).toMatch(/not a usable profile name/);
	});

	it('needs neither env nor home to honour the flag (the real ones are never read then)', () => {
		const result = discoverCredentials({flagKey: 'PLAK-fake-flag'});
		expect(result).toEqual({apiKey: 'PLAK-fake-flag', source: '--api-key'});
	});
});
