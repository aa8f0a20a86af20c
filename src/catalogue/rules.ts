// The catalogue's validation rules. Each field has a list of checks; a check is an ERROR only
// when the value is certainly invalid, by the provider's published rules or by a fact of the
// wire, and then it names that source; anything destui merely does not recognise (a region not
// in its lists, a bucket shape some S3-compatible store may allow) is a WARNING, shown beside the
// field and never blocking. The wizard, the rotation form, the schemas and the sandbox all judge
// values with these lists, so they accept exactly the same values.
import {AWS_REGION_SHAPES, AWS_REGIONS, AZURE_ENDPOINT_SUFFIXES, ORACLE_REGION_KEYS, ORACLE_REGIONS} from './regions.js';
import {SOURCES, type Source} from './sources.js';

export type Level = 'error' | 'warning';

export interface Check {
	/** A stable name, e.g. "s3-bucket/reserved-suffix": tests and the README refer to it. */
	id: string;
	level: Level;
	/** Where the rule comes from; every error has one. */
	source?: Source;
	/** What is wrong with the value, in plain words, or undefined when it passes. */
	test: (value: string) => string | undefined;
}

export type Rules = readonly Check[];

export interface Finding {
	id: string;
	level: Level;
	/** The problem followed by its source: "may not end with "--x-s3", … (Amazon S3 bucket naming rules)". */
	message: string;
}

/** A plain check returning a problem or undefined (the destination's name). */
export type Rule = (value: string) => string | undefined;

const error = (id: string, source: Source, test: Check['test']): Check => ({id, level: 'error', source, test});
const warning = (id: string, test: Check['test'], source?: Source): Check => ({id, level: 'warning', source, test});

const withSource = (check: Check, problem: string): string => (check.source ? `${problem} (${check.source.name})` : problem);

/** The first error, or else every warning: an invalid value needs no advice on top. */
export function judge(rules: Rules, value: string): Finding[] {
	const warnings: Finding[] = [];
	for (const check of rules) {
		const problem = check.test(value);
		if (problem === undefined) continue;
		const finding = {id: check.id, level: check.level, message: withSource(check, problem)};
		if (check.level === 'error') return [finding];
		warnings.push(finding);
	}
	return warnings;
}

export const errorOf = (rules: Rules, value: string): string | undefined => judge(rules, value).find((f) => f.level === 'error')?.message;
export const warningsOf = (rules: Rules, value: string): string[] =>
	judge(rules, value)
		.filter((f) => f.level === 'warning')
		.map((f) => f.message);

/** The first character outside `allowed`, named so it can be seen (a space, U+200B...). */
function badChar(value: string, allowed: RegExp): string | undefined {
	for (const ch of value) {
		if (allowed.test(ch)) continue;
		if (ch === ' ') return 'a space';
		const code = ch.codePointAt(0)!;
		if (
			/\s/.test(ch) ||
			code < 0x20 ||
			(code >= 0x7f && code < 0xa0) ||
			/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/.test(ch)
		) {
			return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
		}
		return `"${ch}"`;
	}
	return undefined;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const length = (v: string) => [...v].length;

// ---- Amazon S3 -------------------------------------------------------------------------------

const S3 = SOURCES.s3Buckets;
const S3_RESERVED_PREFIXES: readonly [string, string][] = [
	['xn--', 'it marks internationalised domain names'],
	['sthree-', 'Amazon reserves it'],
	['amzn-s3-demo-', 'Amazon reserves it for its examples'],
];
const S3_RESERVED_SUFFIXES: readonly [string, string][] = [
	['-s3alias', 'it is reserved for access point aliases'],
	['--ol-s3', 'it is reserved for Object Lambda access point aliases'],
	['.mrap', 'it is reserved for Multi-Region Access Points'],
	['--x-s3', 'it is reserved for directory buckets'],
	['--table-s3', 'it is reserved for table buckets'],
];

/**
 * Certainly invalid for Amazon S3. Upper case, underscores and names of 64-255 characters are
 * not: buckets created in us-east-1 before March 2018 may have them (a warning below).
 */
const s3Shape: Rules = [
	error('s3-bucket/length', S3, (v) => (v.length < 3 || v.length > 255 ? `must be 3-63 characters (is ${length(v)})` : undefined)),
	error('s3-bucket/characters', S3, (v) => {
		const bad = badChar(v, /[A-Za-z0-9._-]/);
		return bad ? `may only hold lowercase letters, digits, dots and hyphens, not ${bad}` : undefined;
	}),
	error('s3-bucket/ends', S3, (v) =>
		/^[A-Za-z0-9]/.test(v) && /[A-Za-z0-9]$/.test(v) ? undefined : 'must start and end with a letter or digit',
	),
	error('s3-bucket/adjacent-periods', S3, (v) => (v.includes('..') ? 'may not hold two dots in a row' : undefined)),
	error('s3-bucket/ip-address', S3, (v) => (IPV4.test(v) ? 'may not be formatted as an IP address' : undefined)),
];

const s3Legacy = warning(
	's3-bucket/legacy',
	(v) =>
		/[A-Z_]/.test(v) || v.length > 63
			? 'follows the rules of before March 2018 (upper case, underscores or over 63 characters): only a us-east-1 bucket that old may look like this'
			: undefined,
	S3,
);

export const awsBucketRules: Rules = [
	...s3Shape,
	error('s3-bucket/reserved-prefix', S3, (v) => {
		const hit = S3_RESERVED_PREFIXES.find(([p]) => v.toLowerCase().startsWith(p));
		return hit ? `may not start with "${hit[0]}": ${hit[1]}` : undefined;
	}),
	error('s3-bucket/reserved-suffix', S3, (v) => {
		const hit = S3_RESERVED_SUFFIXES.find(([s]) => v.toLowerCase().endsWith(s));
		return hit ? `may not end with "${hit[0]}": ${hit[1]}` : undefined;
	}),
	s3Legacy,
];

/**
 * S3-compatible stores set their own rules (Oracle's S3 API and Ceph allow upper case and
 * underscores, MinIO follows Amazon): only what cannot be one segment of a URL path is refused;
 * a name Amazon would refuse is a warning.
 */
export const s3CompatibleBucketRules: Rules = [
	error('s3c-bucket/one-segment', SOURCES.s3Paths, (v) => {
		const bad = badChar(v, /[^\s/\u0000-\u001f\u007f]/);
		return bad ? `may not hold ${bad}` : undefined;
	}),
	warning('s3c-bucket/aws-rules', (v) => {
		const problem = judge([...s3Shape, s3Legacy], v)[0];
		return problem
			? `would not be a valid Amazon S3 name (it ${problem.message.replace(/ \(Amazon S3 bucket naming rules\)$/, '')}): fine if your store allows it`
			: undefined;
	}),
];

export const awsAccessKeyIdRules: Rules = [
	error('aws-key-id/characters', SOURCES.iamAccessKeys, (v) => {
		const bad = badChar(v, /\w/);
		return bad ? `may only hold letters and digits, not ${bad}` : undefined;
	}),
	warning(
		'aws-key-id/length',
		(v) => (v.length < 16 || v.length > 128 ? `is ${v.length} characters long; AWS access key IDs have 16-128 (like AKIA…)` : undefined),
		SOURCES.iamAccessKeys,
	),
	warning('aws-key-id/temporary', (v) =>
		/^ASIA/.test(v) ? "is a temporary key (ASIA…): deliveries stop when it expires; an IAM user's key (AKIA…) does not expire" : undefined,
	),
];

/** Key ids of other stores (MinIO allows 3 characters): only what breaks a signature is refused. */
export const accessKeyIdRules: Rules = [
	error('key-id/characters', SOURCES.sigv4, (v) => {
		const bad = badChar(v, /[^\s/\u0000-\u001f\u007f]/);
		return bad ? `may not hold ${bad}: it is part of every request's signature scope` : undefined;
	}),
];

export const secretRules: Rules = [
	warning('secret/short', (v) => (v.length < 8 ? 'looks too short to be a secret key' : undefined)),
	warning('secret/space', (v) =>
		/\s/.test(v) ? 'holds a space or line break, which secret keys rarely do: check what was pasted' : undefined,
	),
];

// ---- Regions ---------------------------------------------------------------------------------

/** Region names are written in lower case, and the clouds take them in any case (host names). */
export const lowerCase = (v: string): string => v.trim().toLowerCase();

const hostLabel = error('region/host-label', SOURCES.hostNames, (v) =>
	/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(v)
		? undefined
		: "may only hold letters, digits and hyphens: it is part of the endpoint's host name",
);

const AWS_KNOWN: ReadonlySet<string> = new Set(AWS_REGIONS);
const ORACLE_KNOWN: ReadonlySet<string> = new Set(ORACLE_REGIONS);

export const awsRegionRules: Rules = [
	hostLabel,
	warning('aws-region/unknown', (v) => {
		if (AWS_KNOWN.has(v)) return undefined;
		if (AWS_REGION_SHAPES.some((shape) => shape.test(v)))
			return 'is not an AWS region destui knows: it is sent as typed (newer regions work)';
		return 'does not look like an AWS region (such as us-west-2 or eusc-de-east-1): it is sent as typed';
	}),
];

export const oracleRegionRules: Rules = [
	hostLabel,
	warning('oci-region/unknown', (v) => {
		if (ORACLE_KNOWN.has(v)) return undefined;
		const full = ORACLE_REGION_KEYS[v];
		if (full) return `is the region key of ${full}: Planet expects the identifier, ${full}`;
		if (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(v)) return 'is not an OCI region destui knows: it is sent as typed (newer regions work)';
		return 'does not look like an OCI region identifier (such as us-ashburn-1 or us-gov-ashburn-1): it is sent as typed';
	}),
];

/** S3-compatible stores name regions as they like (MinIO "us-east-1", OTC "eu-de", R2 "auto"). */
export const genericRegionRules: Rules = [
	error('s3c-region/scope', SOURCES.sigv4, (v) => {
		const bad = badChar(v, /[^\s/\u0000-\u001f\u007f]/);
		return bad ? `may not hold ${bad}: it is part of every request's signature scope` : undefined;
	}),
];

// ---- Google Cloud Storage --------------------------------------------------------------------

const GCS = SOURCES.gcsBuckets;

export const gcsBucketRules: Rules = [
	error('gcs-bucket/characters', GCS, (v) => {
		const bad = badChar(v, /[a-z0-9._-]/);
		if (!bad) return undefined;
		if (/[A-Z]/.test(v) && !badChar(v.toLowerCase(), /[a-z0-9._-]/)) return `must be lower case: did you mean "${v.toLowerCase()}"?`;
		return `may only hold lowercase letters, digits, dashes, underscores and dots, not ${bad}`;
	}),
	error('gcs-bucket/ends', GCS, (v) =>
		/^[a-z0-9]/.test(v) && /[a-z0-9]$/.test(v) ? undefined : 'must start and end with a letter or digit',
	),
	error('gcs-bucket/length', GCS, (v) => {
		const max = v.includes('.') ? 222 : 63;
		return v.length < 3 || v.length > max ? `must be 3-63 characters, or up to 222 with dots (is ${v.length})` : undefined;
	}),
	error('gcs-bucket/adjacent-dots', GCS, (v) =>
		v.includes('..') ? 'may not hold two dots in a row: a name with dots is a domain name' : undefined,
	),
	error('gcs-bucket/part-length', GCS, (v) =>
		v.split('.').some((part) => part.length > 63) ? 'may have at most 63 characters between dots' : undefined,
	),
	error('gcs-bucket/ip-address', GCS, (v) => (IPV4.test(v) ? 'may not be an IP address in dotted-decimal notation' : undefined)),
	error('gcs-bucket/goog-prefix', GCS, (v) => (v.startsWith('goog') ? 'may not start with "goog"' : undefined)),
	error('gcs-bucket/google', GCS, (v) => (/g[o0][o0]g[l1]e/.test(v) ? 'may not contain "google" or a close misspelling' : undefined)),
];

// ---- Azure -----------------------------------------------------------------------------------

const AZ = SOURCES.azureContainers;
/** Containers whose names break the usual rule: the root container and the static website's. */
const AZURE_SPECIAL = new Set(['$root', '$web']);
const unlessSpecial =
	(test: Check['test']): Check['test'] =>
	(v) =>
		AZURE_SPECIAL.has(v) || v === '$logs' ? undefined : test(v);

export const azureContainerRules: Rules = [
	warning('azure-container/logs', (v) =>
		v === '$logs' ? "is where Azure writes the account's own logs: Planet may not be allowed to write there" : undefined,
	),
	error(
		'azure-container/length',
		AZ,
		unlessSpecial((v) => (v.length < 3 || v.length > 63 ? `must be 3-63 characters (is ${length(v)})` : undefined)),
	),
	error(
		'azure-container/characters',
		AZ,
		unlessSpecial((v) => {
			const bad = badChar(v, /[a-z0-9-]/);
			if (!bad) return undefined;
			if (/[A-Z]/.test(v) && !badChar(v.toLowerCase(), /[a-z0-9-]/)) return `must be lower case: did you mean "${v.toLowerCase()}"?`;
			return `may only hold lowercase letters, digits and hyphens (or be $root or $web), not ${bad}`;
		}),
	),
	error(
		'azure-container/ends',
		AZ,
		unlessSpecial((v) => (/^[a-z0-9]/.test(v) && !v.endsWith('-') ? undefined : 'must start with a letter or digit, and end with one')),
	),
	error(
		'azure-container/hyphens',
		AZ,
		unlessSpecial((v) => (v.includes('--') ? 'may not hold two hyphens in a row' : undefined)),
	),
];

export const azureAccountRules: Rules = [
	error('azure-account/shape', SOURCES.azureAccounts, (v) => {
		if (/^[a-z0-9]{3,24}$/.test(v)) return undefined;
		const host = /^(?:https?:\/\/)?([a-z0-9]{3,24})\.blob\./.exec(v);
		if (host) return `is the account's name alone, "${host[1]}", not its address`;
		return 'must be 3-24 letters and digits';
	}),
];

/** A suffix is a host name's end: a leading dot, or the https:// of a pasted URL, is dropped. */
export const cleanHostSuffix = (v: string): string =>
	lowerCase(v)
		.replace(/^[a-z]+:\/\//, '')
		.replace(/^\.+/, '')
		.replace(/\/+$/, '');

export const hostSuffixRules: Rules = [
	error('azure-suffix/host', SOURCES.azureEndpoints, (v) =>
		/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(v)
			? undefined
			: 'must be the end of a host name, such as core.windows.net',
	),
	warning('azure-suffix/blob', (v) =>
		v.startsWith('blob.') ? `starts with "blob.": the suffix is what follows "<account>.blob.", so probably ${v.slice(5)}` : undefined,
	),
	warning('azure-suffix/unknown', (v) =>
		v.startsWith('blob.') || (AZURE_ENDPOINT_SUFFIXES as readonly string[]).includes(v)
			? undefined
			: `is not an Azure cloud destui knows (${AZURE_ENDPOINT_SUFFIXES.join(', ')}): it is sent as typed`,
	),
];

/**
 * Azure SAS tokens come from the portal with a leading '?', or as the whole SAS URL
 * (https://account.blob.core.windows.net/container?sv=...): the API wants the query alone.
 */
export const cleanSasToken = (v: string): string => {
	const t = v.trim();
	const url = sasUrlParts(t);
	return (url ? url.query : t).replace(/^\?+/, '');
};

/** The parts of a full SAS URL, or undefined when the text is not one. */
export function sasUrlParts(text: string): {account?: string; container?: string; query: string} | undefined {
	const t = text.trim();
	if (!/^https?:\/\//i.test(t) || !t.includes('?')) return undefined;
	let url: URL;
	try {
		url = new URL(t);
	} catch {
		return undefined;
	}
	const account = /^([a-z0-9]{3,24})\.blob\./i.exec(url.hostname)?.[1]?.toLowerCase();
	const container = decodeURIComponent(url.pathname.split('/').filter(Boolean)[0] ?? '') || undefined;
	return {account, container, query: url.search.replace(/^\?/, '')};
}

/** Something worth saying about an acceptable value: what destui did to it, or a warning. */
export interface Note {
	level: 'info' | 'warning';
	message: string;
}

/** A whole SAS URL is cut to its query: say so, and whether it is for the account and container given. */
export function sasUrlNotes(raw: string, sibling: (key: string) => string | undefined): Note[] {
	const parts = sasUrlParts(raw);
	if (!parts) return [];
	const notes: Note[] = [
		{level: 'info', message: 'is a whole SAS URL: destui keeps only its query part (the token), which is what Planet wants'},
	];
	const account = sibling('account')?.trim().toLowerCase();
	if (parts.account && account && parts.account !== account)
		notes.push({level: 'warning', message: `is a SAS URL for the account "${parts.account}", not "${account}"`});
	const container = sibling('container')?.trim();
	if (parts.container && container && parts.container !== container)
		notes.push({level: 'warning', message: `is a SAS URL for the container "${parts.container}", not "${container}"`});
	return notes;
}

const PLANET_NEEDS: readonly [string, string][] = [
	['r', 'read'],
	['w', 'write'],
	['d', 'delete'],
	['l', 'list'],
];

export const sasTokenRules: Rules = [
	error('sas/spaces', SOURCES.azureSas, (v) => (/\s/.test(v) ? 'may not hold spaces or line breaks' : undefined)),
	error('sas/signature', SOURCES.azureSas, (v) =>
		new URLSearchParams(v).get('sig') ? undefined : 'must hold sig=… (the signature): copy the whole SAS token',
	),
	error('sas/version', SOURCES.azureSas, (v) =>
		new URLSearchParams(v).get('sv') ? undefined : 'must hold sv=… (the service version): copy the whole SAS token',
	),
	warning('sas/expired', (v) => {
		const expiry = new URLSearchParams(v).get('se');
		const at = expiry ? Date.parse(expiry) : NaN;
		return Number.isFinite(at) && at < Date.now()
			? `expired on ${new Date(at).toISOString().slice(0, 10)}: Planet's check will fail`
			: undefined;
	}),
	warning(
		'sas/permissions',
		(v) => {
			const sp = new URLSearchParams(v).get('sp');
			if (sp === null) return undefined;
			const missing = PLANET_NEEDS.filter(([letter]) => !sp.includes(letter)).map(([letter, word]) => `${letter} (${word})`);
			return missing.length ? `allows sp=${sp}, without ${missing.join(', ')}, which Planet needs` : undefined;
		},
		SOURCES.planetPermissions,
	),
];

// ---- Oracle ----------------------------------------------------------------------------------

export const oracleBucketRules: Rules = [
	error('oci-bucket/length', SOURCES.ociBuckets, (v) =>
		v.length < 1 || v.length > 256 ? `must be 1-256 characters (is ${length(v)})` : undefined,
	),
	error('oci-bucket/characters', SOURCES.ociBuckets, (v) => {
		const bad = badChar(v, /[A-Za-z0-9._-]/);
		return bad ? `may only hold letters, digits, dots, hyphens and underscores, not ${bad}` : undefined;
	}),
];

/** Namespaces are lower case (a random string, or an old tenancy's name in lower case). */
export const oracleNamespaceRules: Rules = [
	error('oci-namespace/characters', SOURCES.ociNamespaces, (v) => {
		const bad = badChar(v, /[a-z0-9-]/);
		return bad ? `may only hold letters and digits, not ${bad}: it is part of the store's host name` : undefined;
	}),
];

// ---- Endpoints -------------------------------------------------------------------------------

export const endpointRules: Rules = [
	error('endpoint/url', SOURCES.urls, (v) => {
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && URL.canParse(v)) return undefined;
		if (URL.canParse(`https://${v}`) && !/\s/.test(v)) return `must be a URL with its scheme, such as https://${v}`;
		return 'must be a URL such as https://objects.example.com';
	}),
	error('endpoint/scheme', SOURCES.urls, (v) => (/^https?:$/.test(new URL(v).protocol) ? undefined : 'must start with https://')),
	error('endpoint/credentials', SOURCES.planetPermissions, (v) => {
		const url = new URL(v);
		return url.username || url.password
			? 'may not carry a user name or password: every member of your organisation can read it'
			: undefined;
	}),
	warning('endpoint/http', (v) =>
		new URL(v).protocol === 'http:'
			? 'is plain http: keys and imagery would cross the network unencrypted, and Planet may refuse it'
			: undefined,
	),
	warning('endpoint/query', (v) => {
		const url = new URL(v);
		return url.search || url.hash ? 'carries a query or fragment, which S3 clients do not expect in an endpoint' : undefined;
	}),
];

// ---- The destination's name ------------------------------------------------------------------

/** Planet's only documented rule: 3-63 characters (counted as code points: Unicode is kept). */
export const nameRule: Rule = (v) => {
	const n = length(v);
	if (n < 3 || n > 63) return `must be 3-63 characters (is ${n})`;
	return undefined;
};
