// Destination ids look like the real ones: `<slug of the name>-<21 random base62 characters>`
// (spec §4). The suffix is what identifies a destination across renames (see store.ts).
import {randomBytes} from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SUFFIX_LENGTH = 21;
export const REF_PREFIX = 'pl:destinations/';

/** Lower-case ASCII letters and digits joined by single hyphens; accents are folded. */
export function slug(name: string): string {
	const s = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return s || 'destination';
}

/** Bytes of 248 and above are rejected so every character is equally likely. */
export function randomSuffix(): string {
	let out = '';
	while (out.length < SUFFIX_LENGTH) {
		for (const byte of randomBytes(32)) {
			if (byte < 248 && out.length < SUFFIX_LENGTH) out += BASE62[byte % 62];
		}
	}
	return out;
}

/** A small deterministic generator (mulberry32) for seeds: same seed, same ids. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function seededSuffix(rand: () => number): string {
	let out = '';
	for (let i = 0; i < SUFFIX_LENGTH; i++) out += BASE62[Math.floor(rand() * 62)];
	return out;
}

export function seededUuid(rand: () => number): string {
	const hex = Array.from({length: 32}, () => Math.floor(rand() * 16).toString(16));
	hex[12] = '4';
	hex[16] = '89ab'[Math.floor(rand() * 4)]!;
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const makeId = (name: string, suffix: string): string => `${slug(name)}-${suffix}`;
export const refFor = (name: string, suffix: string): string => `${REF_PREFIX}${makeId(name, suffix)}`;

const ID_FORM = new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*-([A-Za-z0-9]{${SUFFIX_LENGTH}})$`);

/**
 * The suffix of an id-form string (`<slug>-<suffix>`), or of a pl:ref holding one; undefined
 * when the text has neither shape.
 */
export function suffixOf(idOrRef: string): string | undefined {
	const id = idOrRef.startsWith(REF_PREFIX) ? idOrRef.slice(REF_PREFIX.length) : idOrRef;
	return ID_FORM.exec(id)?.[1];
}
