// What the soak types: values a person would give each field of the forms (mostly valid, some
// not), names for renames and creates (wide and combining characters, look-alikes, invalid
// ones), searches, pastes, and secrets: each secret unique to the run, so finding it anywhere it
// must not be (the screen, the request log, a file) is certain.
import {AWS_REGIONS, ORACLE_REGIONS} from '../../src/catalogue/regions.js';
import type {Prng} from './prng.js';

export interface Typed {
	value: string;
	/** A secret: it must never be drawn, logged or written. */
	secret: boolean;
	/** Pasted (bracketed paste) rather than typed key by key. */
	paste: boolean;
}

/** Names with what the terminal draws differently: wide, combining, emoji, zero-width, right-to-left. */
const NAME_PARTS = ['soak', 'Ernte', 'São Tomé', '名前', '🛰 sat', 'Field\u200b ops', 'שלום', 'ＦＵＬＬ', 'e\u0301te\u0301', 'x'];

export function nameValue(rng: Prng, existing: readonly string[]): string {
	const r = rng.next();
	if (r < 0.1 && existing.length) return rng.pick(existing); // taken: the server refuses it
	if (r < 0.15) return rng.pick(['ab', '', ' '.repeat(3), 'x'.repeat(70)]); // invalid
	return `${rng.pick(NAME_PARTS)} ${rng.word(rng.between(2, 6))}`;
}

export function searchValue(rng: Prng, existing: readonly string[]): string {
	if (existing.length && rng.chance(0.7)) {
		const name = [...rng.pick(existing)];
		const start = rng.int(Math.max(1, name.length - 2));
		return name.slice(start, start + rng.between(1, 4)).join('');
	}
	return rng.word(rng.between(1, 3));
}

/** A service-account key file whose private key is the run's secret. */
export function serviceAccountKey(secret: string): string {
	return JSON.stringify(
		{
			type: 'service_account',
			project_id: 'soak-project',
			private_key_id: 'soak-key-id',
			private_key: `-----BEGIN FAKE TEST KEY-----\n${secret}\n-----END FAKE TEST KEY-----\n`,
			client_email: 'soak-bot@soak-project.iam.gserviceaccount.com',
			client_id: '000000000000',
		},
		null,
		2,
	);
}

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** What to type into the field `key` (a catalogue parameter key, or "@name"). */
export function fieldValue(rng: Prng, key: string, seed: number, existing: readonly string[]): Typed {
	const typed = (value: string): Typed => ({value, secret: false, paste: rng.chance(0.15)});
	const secret = (value: string): Typed => ({value, secret: true, paste: rng.chance(0.3)});
	const token = () => `SoakSecret${seed}x${rng.word(20, SECRET_ALPHABET)}`;
	const invalid = rng.chance(0.08);
	switch (key) {
		case 'bucket':
			return typed(invalid ? 'Bad_Bucket..' : `soak-${rng.word(rng.between(3, 10))}`);
		case 'aws_region':
			return typed(invalid ? 'mars-central-1' : rng.pick(AWS_REGIONS));
		case 'region':
			return typed(rng.chance(0.5) ? rng.pick(ORACLE_REGIONS) : 'us-east-1');
		case 'endpoint':
			return typed(invalid ? 'ftp://nowhere' : `https://objects-${rng.word(4)}.example.com`);
		case 'aws_access_key_id':
		case 'access_key_id':
		case 'customer_access_key_id':
			return typed(invalid ? 'short' : `FAKE${rng.word(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`);
		case 'aws_secret_access_key':
		case 'secret_access_key':
		case 'customer_secret_key':
			return secret(token());
		case 'sas_token':
			return secret(`?sv=2024-11-04&sp=rwdl&sig=${token()}`);
		case 'credentials':
			return {value: serviceAccountKey(token()), secret: true, paste: true};
		case 'account':
			return typed(`soakacct${rng.word(4)}`);
		case 'container':
			return typed(`soak-${rng.word(6)}`);
		case 'storage_endpoint_suffix':
			return typed(rng.pick(['core.windows.net', 'core.usgovcloudapi.net']));
		case 'namespace':
			return typed(`soakns${rng.word(4)}`);
		case '@name':
			return typed(nameValue(rng, existing));
		default:
			return typed(rng.word(8));
	}
}

/** The secret inside a typed value: the token itself (a key file holds it among other text). */
export function secretsIn(value: string): string[] {
	return [...value.matchAll(/SoakSecret\d+x[A-Za-z0-9]{20}/g)].map((m) => m[0]);
}

/** Text pasted where no value is wanted: words, lines, and now and then an escape sequence. */
export function pasteText(rng: Prng): string {
	return rng.weighted<() => string>([
		[() => rng.word(rng.between(1, 12)), 5],
		[() => `${rng.word(4)}\n${rng.word(5)}`, 2],
		[() => `soak\x1b]52;c;U09BSw==\x07\x1b[6;66r${rng.word(3)}`, 1],
		[() => 'x'.repeat(rng.between(100, 400)), 1],
	])();
}
