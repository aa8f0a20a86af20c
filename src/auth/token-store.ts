// Where an OAuth session is kept: the profile's token.json (shared with the planet CLI), or, for
// a sign-in on the in-process sandbox (--demo), memory only, so a demo never touches ~/.planet.
import {readJsonObject, writeJsonAtomic} from './json-file.js';
import type {OidcProfile} from './profiles.js';
import {readToken, type Token, type TokenData} from './token.js';

export type StoredToken = {kind: 'token'; token: Token} | {kind: 'missing'} | {kind: 'unusable'; why: string};

export interface TokenStore {
	/** How the store is named in messages: `~/.planet/planet-user/token.json`. */
	readonly shown: string;
	read(now: number): StoredToken;
	/** Throws if the token cannot be kept. */
	write(data: TokenData): void;
}

export function fileTokenStore(path: string, shown: string): TokenStore {
	return {
		shown,
		read(now) {
			const file = readJsonObject(path);
			if (file.kind !== 'object') return file;
			const token = readToken(file.value, now);
			return 'problem' in token ? {kind: 'unusable', why: token.problem} : {kind: 'token', token};
		},
		write: (data) => writeJsonAtomic(path, data),
	};
}

/** Where a profile's session is kept: ~/.planet/<profile>/token.json, as the planet CLI keeps it. */
export const profileTokenStore = (profile: OidcProfile): TokenStore =>
	fileTokenStore(profile.tokenPath, `~/.planet/${profile.name}/token.json`);

export function memoryTokenStore(): TokenStore {
	let kept: TokenData | undefined;
	return {
		shown: 'memory (this run only)',
		read(now) {
			if (!kept) return {kind: 'missing'};
			const token = readToken(kept, now);
			return 'problem' in token ? {kind: 'unusable', why: token.problem} : {kind: 'token', token};
		},
		write: (data) => void (kept = {...data}),
	};
}
