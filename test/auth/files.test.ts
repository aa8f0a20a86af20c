// The token file and ~/.planet.json as planet-auth writes and reads them (spec §2, §4): the exact
// format, atomic private writes, times from the JWT, the 75% rule, older files without _iat/_exp.
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {headerProblem} from '../../src/auth/header-value.js';
import {planetJson, writeJsonAtomic} from '../../src/auth/json-file.js';
import {recordDefaultProfile} from '../../src/auth/planet-json.js';
import {isExpired, isStale, jwtClaims, readToken, refreshAt, tokenFromResponse, type Token} from '../../src/auth/token.js';
import {privateHome} from './helpers.js';

/** An unsigned JWT with these claims (clients never check the signature). */
const jwt = (claims: Record<string, unknown>): string =>
	`${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

const token = (data: Record<string, unknown>, now = 1_000): Token => {
	const t = readToken(data, now);
	if ('problem' in t) throw new Error(t.problem);
	return t;
};

describe('planet-auth file format', () => {
	it("is Python's json.dumps(indent=2, sort_keys=True): sorted keys at every level, non-ASCII escaped, no newline at the end, top-level nulls left out", () => {
		expect(planetJson({scope: 'planet', _iat: 1, access_token: 'a', nested: {b: 1, a: [{z: 1, y: 'é'}]}, gone: null})).toBe(
			'{\n  "_iat": 1,\n  "access_token": "a",\n  "nested": {\n    "a": [\n      {\n        "y": "\\u00e9",\n        "z": 1\n      }\n    ],\n    "b": 1\n  },\n  "scope": "planet"\n}',
		);
	});

	it('writes atomically: mode 0600, folders it creates 0700, no temporary file left, an old file replaced whole', () => {
		const home = privateHome();
		const path = home.file('.planet', 'new-profile', 'token.json');
		writeJsonAtomic(path, {access_token: 'fake-a'});
		writeJsonAtomic(path, {refresh_token: 'fake-r'});
		expect(readFileSync(path, 'utf8')).toBe('{\n  "refresh_token": "fake-r"\n}');
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(home.file('.planet', 'new-profile')).mode & 0o777).toBe(0o700);
		expect(statSync(home.file('.planet')).mode & 0o777).toBe(0o700);
		expect(readdirSync(home.file('.planet', 'new-profile'))).toEqual(['token.json']);
	});
});

describe('token times (spec §4)', () => {
	it("takes iat and exp from the access token's claims first", () => {
		const t = token({access_token: jwt({iat: 100, exp: 500}), _iat: 1, _exp: 2, expires_in: 9999});
		expect([t.iat, t.exp]).toEqual([100, 500]);
		expect(t.data).toMatchObject({_iat: 100, _exp: 500});
	});

	it('reads a pre-2.3.0 file (no _iat/_exp): iat now, exp from expires_in; an opaque token uses the saved values', () => {
		const old = token({access_token: 'opaque-token', expires_in: 3600, refresh_token: 'r'}, 5_000);
		expect([old.iat, old.exp]).toEqual([5_000, 8_600]);
		const saved = token({access_token: 'opaque-token', _iat: 10, _exp: 20, expires_in: 3600});
		expect([saved.iat, saved.exp]).toEqual([10, 20]);
		const forever = token({access_token: 'opaque-token'});
		expect(forever.exp).toBeUndefined();
		expect(forever.data).not.toHaveProperty('_exp');
		expect(isStale(forever, 10 ** 10)).toBe(false);
	});

	it('refreshes after 75% of the lifetime, int(iat + 3*(exp-iat)/4), strictly after', () => {
		const t = token({access_token: jwt({iat: 1000, exp: 1101})});
		expect(refreshAt(t)).toBe(1075);
		expect(isStale(t, 1075)).toBe(false);
		expect(isStale(t, 1076)).toBe(true);
		expect(isExpired(t, 1100)).toBe(false);
		expect(isExpired(t, 1101)).toBe(true);
	});

	it('a file with only a refresh token is stale at once; with no token at all it is not a session', () => {
		expect(isStale(token({refresh_token: 'r'}), 0)).toBe(true);
		expect(readToken({token_type: 'Bearer'}, 0)).toEqual({problem: 'holds no access, id or refresh token'});
	});

	it('keeps the old refresh token when an answer has none; takes a rotated one', () => {
		const before = token({access_token: 'a1', refresh_token: 'r1', expires_in: 10});
		const kept = tokenFromResponse({access_token: jwt({iat: 2000, exp: 3000}), expires_in: 1000, token_type: 'Bearer'}, before, 2000);
		expect('problem' in kept ? kept : kept.data).toEqual({
			access_token: jwt({iat: 2000, exp: 3000}),
			expires_in: 1000,
			token_type: 'Bearer',
			refresh_token: 'r1',
			_iat: 2000,
			_exp: 3000,
		});
		const rotated = tokenFromResponse({access_token: 'a2', refresh_token: 'r2', expires_in: 10}, before, 2000);
		expect('problem' in rotated ? rotated : rotated.refreshToken).toBe('r2');
	});

	it('decodes a JWT payload without checking its signature, and calls anything else opaque', () => {
		expect(jwtClaims(jwt({sub: 'user', exp: 1}))).toEqual({sub: 'user', exp: 1});
		expect(jwtClaims('not-a-jwt')).toBeUndefined();
		expect(jwtClaims('a.!!!.c')).toBeUndefined();
	});

	it('calls a token opaque when its payload is not UTF-8 JSON text holding an object, as planet-auth does (PyJWT: DecodeError)', () => {
		const payload = (bytes: Buffer) => `${jwt({}).split('.')[0]}.${bytes.toString('base64url')}.c2ln`;
		expect(jwtClaims(payload(Buffer.from('{"exp":1}')))).toEqual({exp: 1});
		expect(jwtClaims(payload(Buffer.concat([Buffer.from('{"exp":1,"sub":"'), Buffer.from([0xff]), Buffer.from('"}')])))).toBeUndefined();
		expect(jwtClaims(payload(Buffer.from('[1,2]')))).toBeUndefined();
		expect(jwtClaims(payload(Buffer.from('not json')))).toBeUndefined();
	});
});

describe('header values', () => {
	it('printable ASCII passes; line breaks, tabs, controls and non-ASCII are named by position, never quoted', () => {
		expect(headerProblem('PLAK-abc 123~')).toBeUndefined();
		expect(headerProblem('ab\ncd')).toBe('has a line break inside (at character 3), so it cannot be sent: it should be one line');
		expect(headerProblem('ab\u0085')).toBe('has a control character (at character 3), so it cannot be sent');
		expect(headerProblem('😀x€')).toBe('has a non-ASCII character (at character 1), so it cannot be sent: keys and tokens are plain ASCII');
	});
});

describe('~/.planet.json after a sign-in (as `planet auth login`)', () => {
	it('records PL_AUTH_PROFILE where none is named, keeping every other key; never replaces one', () => {
		const home = privateHome();
		expect(recordDefaultProfile(home.path, 'planet-user')).toBe('recorded');
		expect(readFileSync(home.file('.planet.json'), 'utf8')).toBe('{\n  "PL_AUTH_PROFILE": "planet-user"\n}');
		expect(statSync(home.file('.planet.json')).mode & 0o777).toBe(0o600);
		home.planetJson({key: 'PLAK-fake-legacy', other: 1});
		expect(recordDefaultProfile(home.path, 'planet-user')).toBe('recorded');
		expect(JSON.parse(readFileSync(home.file('.planet.json'), 'utf8'))).toEqual({
			key: 'PLAK-fake-legacy',
			other: 1,
			PL_AUTH_PROFILE: 'planet-user',
		});
		home.planetJson({PL_AUTH_PROFILE: 'work'});
		expect(recordDefaultProfile(home.path, 'planet-user')).toBe('kept');
		writeFileSync(home.file('.planet.json'), '{broken');
		expect(recordDefaultProfile(home.path, 'planet-user')).toBe('unreadable');
		expect(readFileSync(home.file('.planet.json'), 'utf8')).toBe('{broken');
	});
});
