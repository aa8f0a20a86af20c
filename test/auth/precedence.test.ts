// Which credentials destui uses, row by row of the planet CLI's order (spec §1), against real
// files in a private HOME: the match, what the header says, and what the trail and warnings show.
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {findCredentials, type FindInput, type FindResult} from '../../src/auth/find.js';
import {privateHome, type Home} from './helpers.js';

const find = (home: Home, input: Partial<FindInput> = {}): FindResult => findCredentials({env: {}, home: home.path, ...input});

/** What was found, shortly: `key:<header>` or `oauth:<profile>`, and the header's label. */
function used(result: FindResult): {use: string; label: string} {
	if (result.kind === 'stop') throw new Error(`stopped: ${result.message}`);
	const f = result.found;
	return {use: f.kind === 'key' ? `key:${f.header}` : `oauth:${f.profile.name}`, label: f.label};
}

const deviceProfile = (home: Home, dir: string, extra: Record<string, unknown> = {}) =>
	home.profileFile(dir, {
		client_type: 'oidc_device_code',
		auth_server: 'http://127.0.0.1:9/',
		client_id: 'test-client',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
		...extra,
	});

/** Something in every later place, so a test shows the earlier one wins over all of them. */
function everythingBelow(home: Home): void {
	home.planetJson({
		PL_AUTH_PROFILE: 'in-file',
		PL_AUTH_CLIENT_ID: 'file-client',
		PL_AUTH_CLIENT_SECRET: 'file-secret',
		PL_API_KEY: 'PLAK-fake-file',
		key: 'PLAK-fake-legacy',
	});
	deviceProfile(home, 'in-file');
}

describe('the planet CLI order, first match wins', () => {
	it('1. --profile beats everything, PL_AUTH_PROFILE included', () => {
		const home = privateHome();
		everythingBelow(home);
		deviceProfile(home, 'flagged');
		deviceProfile(home, 'from-env');
		const env = {PL_AUTH_PROFILE: 'from-env', PL_AUTH_CLIENT_ID: 'id', PL_AUTH_CLIENT_SECRET: 's', PL_API_KEY: 'PLAK-fake-env'};
		expect(used(find(home, {profile: 'Flagged', env}))).toEqual({use: 'oauth:flagged', label: 'profile flagged'});
	});

	it('1. env PL_AUTH_PROFILE beats client credentials, --api-key and PL_API_KEY (the CLI counts env as explicit)', () => {
		const home = privateHome();
		everythingBelow(home);
		deviceProfile(home, 'from-env');
		const env = {PL_AUTH_PROFILE: 'FROM-ENV', PL_AUTH_CLIENT_ID: 'id', PL_AUTH_CLIENT_SECRET: 's', PL_API_KEY: 'PLAK-fake-env'};
		expect(used(find(home, {env, apiKey: 'PLAK-fake-flag'}))).toEqual({use: 'oauth:from-env', label: 'profile from-env'});
	});

	it('1. a profile that cannot be used stops destui, naming the profile and what is wrong', () => {
		const home = privateHome();
		everythingBelow(home);
		const result = find(home, {env: {PL_AUTH_PROFILE: 'nowhere', PL_API_KEY: 'PLAK-fake-env'}});
		expect(result.kind).toBe('stop');
		expect(result.kind === 'stop' && result.message).toBe(
			'PL_AUTH_PROFILE names a profile destui cannot use: profile nowhere does not exist (no ~/.planet/nowhere/auth_client.json).',
		);
		const flagged = find(home, {profile: 'broken'});
		home.profileFile('broken', '{"client_type": "oidc_device_code", "client_secret": "fake-half-written');
		const broken = find(home, {profile: 'broken'});
		expect(flagged.kind === 'stop' && flagged.message).toMatch(
			/^--profile names a profile destui cannot use: profile broken does not exist/,
		);
		expect(broken.kind === 'stop' && broken.message).toBe(
			'--profile names a profile destui cannot use: profile broken cannot be used: ~/.planet/broken/auth_client.json is not valid JSON.',
		);
		expect(JSON.stringify(broken)).not.toContain('fake-half-written');
	});

	it('2. PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET beat the API key: planet-m2m-<id lower-cased>', () => {
		const home = privateHome();
		everythingBelow(home);
		const result = find(home, {
			env: {PL_AUTH_CLIENT_ID: 'Sandbox-M2M-Client', PL_AUTH_CLIENT_SECRET: 'sandbox-m2m-secret', PL_API_KEY: 'PLAK-fake-env'},
			apiKey: 'PLAK-fake-flag',
		});
		expect(used(result)).toEqual({use: 'oauth:planet-m2m-sandbox-m2m-client', label: 'client credentials from PL_AUTH_CLIENT_ID'});
		if (result.kind !== 'found' || result.found.kind !== 'oauth') throw new Error('not oauth');
		expect(result.found.profile.tokenPath).toBe(join(home.path, '.planet', 'planet-m2m-sandbox-m2m-client', 'token.json'));
		expect(result.found.profile.client).toMatchObject({
			clientId: 'Sandbox-M2M-Client',
			clientSecret: 'sandbox-m2m-secret',
			clientType: 'oidc_client_credentials_secret',
			authServer: 'https://services.sentinel-hub.com/auth/realms/main',
		});
		expect(JSON.stringify(result.kind === 'found' && result.trail)).not.toContain('sandbox-m2m-secret');
	});

	it('2. one of the pair alone is ignored, with a warning', () => {
		const home = privateHome();
		const result = find(home, {env: {PL_AUTH_CLIENT_ID: 'lonely', PL_API_KEY: 'PLAK-fake-env'}});
		expect(used(result).use).toBe('key:api-key PLAK-fake-env');
		expect(result.kind === 'found' && result.warnings).toEqual(['PL_AUTH_CLIENT_ID is set without PL_AUTH_CLIENT_SECRET: ignored']);
	});

	it('3. --api-key beats PL_API_KEY, which beats everything in ~/.planet.json', () => {
		const home = privateHome();
		everythingBelow(home);
		expect(used(find(home, {apiKey: 'PLAK-fake-flag', env: {PL_API_KEY: 'PLAK-fake-env'}}))).toEqual({
			use: 'key:api-key PLAK-fake-flag',
			label: 'API key from --api-key',
		});
		expect(used(find(home, {env: {PL_API_KEY: '  PLAK-fake-env\r\n'}}))).toEqual({
			use: 'key:api-key PLAK-fake-env',
			label: 'API key from PL_API_KEY',
		});
	});

	it("4. ~/.planet.json's PL_AUTH_PROFILE comes next", () => {
		const home = privateHome();
		everythingBelow(home);
		expect(used(find(home))).toEqual({use: 'oauth:in-file', label: 'profile in-file'});
	});

	it('4. a ~/.planet.json profile that cannot be used is a warning, and the search goes on', () => {
		const home = privateHome();
		home.planetJson({PL_AUTH_PROFILE: 'gone', PL_API_KEY: 'PLAK-fake-file'});
		const result = find(home);
		expect(used(result).use).toBe('key:api-key PLAK-fake-file');
		expect(result.kind === 'found' && result.warnings).toEqual([
			'~/.planet.json names a profile destui cannot use, so it was skipped: profile gone does not exist (no ~/.planet/gone/auth_client.json).',
		]);
	});

	it('5. then its client id + secret, 6. its PL_API_KEY, 7. its legacy key', () => {
		const home = privateHome();
		home.planetJson({
			PL_AUTH_CLIENT_ID: 'file-client',
			PL_AUTH_CLIENT_SECRET: 'file-secret',
			PL_API_KEY: 'PLAK-fake-file',
			key: 'PLAK-fake-legacy',
		});
		expect(used(find(home))).toEqual({use: 'oauth:planet-m2m-file-client', label: 'client credentials from ~/.planet.json'});
		home.planetJson({PL_API_KEY: 'PLAK-fake-file', key: 'PLAK-fake-legacy'});
		expect(used(find(home))).toEqual({use: 'key:api-key PLAK-fake-file', label: 'API key from ~/.planet.json'});
		home.planetJson({key: 'PLAK-fake-legacy\n'});
		expect(used(find(home))).toEqual({use: 'key:api-key PLAK-fake-legacy', label: 'API key from ~/.planet.json'});
	});

	it('8. last, the built-in planet-user at login.planet.com, or at --auth-server', () => {
		const home = privateHome();
		const result = find(home);
		expect(used(result)).toEqual({use: 'oauth:planet-user', label: 'profile planet-user'});
		if (result.kind !== 'found' || result.found.kind !== 'oauth') throw new Error('not oauth');
		expect(result.found.profile.client).toEqual({
			clientType: 'oidc_device_code',
			clientId: '49lHVBYlXCdfIYqE1B9zeXt0iFHSXees',
			authServer: 'https://login.planet.com/',
			audiences: ['https://api.planet.com/'],
			scopes: ['planet', 'offline_access'],
		});
		expect(result.trail).toEqual([
			{where: '--profile / PL_AUTH_PROFILE', saw: 'not set'},
			{where: 'PL_AUTH_CLIENT_ID + PL_AUTH_CLIENT_SECRET', saw: 'not set'},
			{where: '--api-key / PL_API_KEY', saw: 'not set'},
			{where: '~/.planet.json', saw: 'no such file'},
			{where: 'built-in profile planet-user', saw: 'signs in at login.planet.com'},
		]);
		const local = find(home, {authServer: 'http://127.0.0.1:9/'});
		expect(local.kind === 'found' && local.found.kind === 'oauth' && local.found.profile.client.authServer).toBe('http://127.0.0.1:9/');
	});
});

describe('keys that cannot go in a header (issue 11 item 8)', () => {
	it('trims whitespace around keys from variables and files (a Windows line end included)', () => {
		const home = privateHome();
		home.planetJson({PL_API_KEY: 'PLAK-fake-file\r\n'});
		expect(used(find(home)).use).toBe('key:api-key PLAK-fake-file');
	});

	it('a key with a line break, control or non-ASCII character inside stops with a sentence naming where it came from', () => {
		const home = privateHome();
		const stop = (r: FindResult) => (r.kind === 'stop' ? r.message : `found ${JSON.stringify(r)}`);
		expect(stop(find(home, {env: {PL_API_KEY: 'PLAK-fake\r\nsecond-line'}}))).toBe(
			'The API key from PL_API_KEY has a line break inside (at character 10), so it cannot be sent: it should be one line.',
		);
		home.planetJson({key: 'PLAK-fake\u0007bell'});
		expect(stop(find(home))).toBe('The API key from ~/.planet.json (key) has a control character (at character 10), so it cannot be sent.');
		home.planetJson({PL_API_KEY: 'PLAK-fakeé'});
		expect(stop(find(home))).toBe(
			'The API key from ~/.planet.json (PL_API_KEY) has a non-ASCII character (at character 10), so it cannot be sent: keys and tokens are plain ASCII.',
		);
		home.profileFile('keyed', {client_type: 'static_apikey', api_key: 'PLAK-fake\tkey'});
		expect(stop(find(home, {profile: 'keyed'}))).toBe(
			'--profile names a profile destui cannot use: profile keyed cannot be used: the key in ~/.planet/keyed/auth_client.json has a tab inside (at character 10), so it cannot be sent.',
		);
		for (const r of [find(home, {env: {PL_API_KEY: 'PLAK-fake\r\nsecond-line'}}), find(home)])
			expect(JSON.stringify(r)).not.toMatch(/second-line|fakeé/);
	});
});

describe('unusable files are skipped or named, never fatal, never quoted', () => {
	it('a ~/.planet.json that is not JSON, not an object, a folder, a pipe, or unreadable: skipped with a warning', () => {
		const home = privateHome();
		home.planetJson('{"PL_API_KEY": "PLAK-fake-half-written');
		let r = find(home);
		expect(used(r).use).toBe('oauth:planet-user');
		expect(r.kind === 'found' && r.warnings).toEqual(['~/.planet.json is not valid JSON: skipped']);
		expect(JSON.stringify(r)).not.toContain('PLAK-fake-half-written');
		home.planetJson('["PLAK-fake-in-array"]');
		r = find(home);
		expect(r.kind === 'found' && r.warnings).toEqual(['~/.planet.json does not hold a JSON object: skipped']);
		const other = privateHome();
		mkdirSync(other.file('.planet.json'));
		r = find(other);
		expect(r.kind === 'found' && r.warnings).toEqual(['~/.planet.json is not a regular file: skipped']);
		const piped = privateHome();
		execFileSync('mkfifo', [piped.file('.planet.json')]);
		expect(used(find(piped)).use).toBe('oauth:planet-user');
	});

	it.skipIf(process.getuid?.() === 0)('a ~/.planet.json it may not read', () => {
		const home = privateHome();
		home.planetJson({PL_API_KEY: 'PLAK-fake-file'});
		chmodSync(home.file('.planet.json'), 0o000);
		const r = find(home);
		expect(r.kind === 'found' && r.warnings).toEqual(['~/.planet.json is not readable (permission denied): skipped']);
	});

	it('never follows a profile name out of ~/.planet', () => {
		const home = privateHome();
		mkdirSync(home.file('evil'));
		writeFileSync(home.file('evil', 'auth_client.json'), JSON.stringify({client_type: 'static_apikey', api_key: 'PLAK-fake-evil'}));
		const r = find(home, {env: {PL_AUTH_PROFILE: '../evil'}});
		expect(r.kind === 'stop' && r.message).toBe(
			'PL_AUTH_PROFILE names a profile destui cannot use: "../evil" is not a usable profile name.',
		);
	});
});
