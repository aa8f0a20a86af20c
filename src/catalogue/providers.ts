// The one source of truth about the five destination types: which parameters each takes, how
// they are labelled, which are secret, which rotate, and how they are validated. Schemas, the
// sandbox, the creation wizard and the rotation form all read this table.
import {AWS_REGIONS, ORACLE_REGIONS, S3_COMPATIBLE_REGIONS} from './regions.js';
import {parseServiceAccountKey} from './gcs-key.js';
import * as rules from './rules.js';
import {SOURCES} from './sources.js';

export const DESTINATION_TYPES = [
	'amazon_s3',
	's3_compatible',
	'google_cloud_storage',
	'azure_blob_storage',
	'oracle_cloud_storage',
] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** Wizard steps a provider's fields are grouped into, in this order. */
export const FIELD_GROUPS = {
	location: 'Bucket and location',
	credentials: 'Credentials',
	options: 'Options',
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;

interface FieldBase {
	/** The parameter's key in the API's `parameters` object. */
	key: string;
	label: string;
	/** The rule in plain words, shown next to the field. */
	help: string;
	required: boolean;
	/** Returned by the server as "<REDACTED>"; masked while typed; never rendered. */
	secret: boolean;
	/** May be changed after creation (credential rotation). */
	rotatable: boolean;
	group: FieldGroup;
}

export interface TextField extends FieldBase {
	kind: 'text';
	placeholder?: string;
	/** Known values offered in a picker; free text stays allowed. */
	suggestions?: readonly string[];
	/** How the input is read: a plain line, or a GCS key that may also be a file path. */
	input?: 'line' | 'gcs-key';
	/** The value that is sent for a user's input (e.g. '?' stripped, JSON turned into base64). */
	normalize?: (value: string) => string;
	/** Judge the normalised value: errors refuse it, warnings are shown beside the field (rules.ts). */
	rules: rules.Rules;
	/** More to say about an acceptable value as typed (e.g. a whole SAS URL); `sibling` reads other fields. */
	notes?: (raw: string, sibling: (key: string) => string | undefined) => rules.Note[];
	/** The destination's name defaults to this field's value. */
	namesDestination?: boolean;
}

export interface BooleanField extends FieldBase {
	kind: 'boolean';
	required: false;
}

export type FieldSpec = TextField | BooleanField;

export interface ProviderSpec {
	type: DestinationType;
	label: string;
	/** A label that fits a list column (at most 13 characters). */
	short: string;
	/** The official CLI's word for the type (`planet destinations create s3 ...`). */
	cliName: string;
	description: string;
	fields: readonly FieldSpec[];
}

const gcsCredentials: TextField = {
	key: 'credentials',
	label: 'Service-account key',
	help: 'path to the key file, or its JSON or base64; needs storage.objects create, get and delete',
	required: true,
	kind: 'text',
	secret: true,
	rotatable: true,
	group: 'credentials',
	input: 'gcs-key',
	normalize: (v) => {
		const parsed = parseServiceAccountKey(v);
		return parsed.ok ? parsed.base64 : v.trim();
	},
	rules: [
		{
			id: 'gcs-key/service-account',
			level: 'error',
			source: SOURCES.gcsKeys,
			test: (v) => {
				const parsed = parseServiceAccountKey(v);
				return parsed.ok ? undefined : parsed.problem;
			},
		},
	],
};

const trim = (v: string) => v.trim();

export const PROVIDERS: readonly ProviderSpec[] = [
	{
		type: 'amazon_s3',
		label: 'Amazon S3',
		short: 'S3',
		cliName: 's3',
		description: 'An AWS S3 bucket, with an IAM access key allowed to put, get and delete objects',
		fields: [
			{
				key: 'bucket',
				label: 'Bucket',
				help: '3-63 lowercase letters, digits, dots and hyphens',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.awsBucketRules,
				normalize: trim,
				namesDestination: true,
				placeholder: 'my-imagery-bucket',
			},
			{
				key: 'aws_region',
				label: 'Region',
				help: "the bucket's AWS region, like us-west-2",
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.awsRegionRules,
				normalize: rules.lowerCase,
				suggestions: AWS_REGIONS,
			},
			{
				key: 'aws_access_key_id',
				label: 'Access key ID',
				help: 'the IAM access key ID (letters and digits, like AKIA…)',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: true,
				group: 'credentials',
				rules: rules.awsAccessKeyIdRules,
				normalize: trim,
			},
			{
				key: 'aws_secret_access_key',
				label: 'Secret access key',
				help: 'the secret half of the access key',
				required: true,
				kind: 'text',
				secret: true,
				rotatable: true,
				group: 'credentials',
				rules: rules.secretRules,
				normalize: trim,
			},
			{
				key: 'explicit_sse',
				label: 'Explicit SSE-S3 encryption',
				help: 'send server-side-encryption headers with every upload (for buckets whose policy demands them)',
				required: false,
				kind: 'boolean',
				secret: false,
				rotatable: true,
				group: 'options',
			},
		],
	},
	{
		type: 's3_compatible',
		label: 'S3-compatible',
		short: 'S3-compatible',
		cliName: 's3-compatible',
		description: 'Any store speaking the S3 API (MinIO, Ceph, Wasabi, Open Telekom Cloud, Oracle S3 API...)',
		fields: [
			{
				key: 'bucket',
				label: 'Bucket',
				help: "the bucket's name as your store spells it",
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.s3CompatibleBucketRules,
				normalize: trim,
				namesDestination: true,
				placeholder: 'my-imagery-bucket',
			},
			{
				key: 'endpoint',
				label: 'Endpoint',
				help: "the store's https URL, like https://objects.example.com",
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.endpointRules,
				normalize: trim,
				placeholder: 'https://objects.example.com',
			},
			{
				key: 'region',
				label: 'Region',
				help: 'the region name your store uses (us-east-1 if it has none)',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.genericRegionRules,
				normalize: trim,
				suggestions: S3_COMPATIBLE_REGIONS,
			},
			{
				key: 'access_key_id',
				label: 'Access key ID',
				help: 'the access key ID your store gave you',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: true,
				group: 'credentials',
				rules: rules.accessKeyIdRules,
				normalize: trim,
			},
			{
				key: 'secret_access_key',
				label: 'Secret access key',
				help: 'the secret half of the access key',
				required: true,
				kind: 'text',
				secret: true,
				rotatable: true,
				group: 'credentials',
				rules: rules.secretRules,
				normalize: trim,
			},
			{
				key: 'use_path_style',
				label: 'Path-style addressing',
				help: "address the bucket as endpoint/bucket rather than bucket.endpoint (Oracle's S3 API needs it)",
				required: false,
				kind: 'boolean',
				secret: false,
				rotatable: true,
				group: 'options',
			},
		],
	},
	{
		type: 'google_cloud_storage',
		label: 'Google Cloud Storage',
		short: 'GCS',
		cliName: 'gcs',
		description: 'A GCS bucket, with a service-account key allowed to create, get and delete objects',
		fields: [
			{
				key: 'bucket',
				label: 'Bucket',
				help: '3-63 lowercase letters, digits, dots, hyphens and underscores',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.gcsBucketRules,
				normalize: trim,
				namesDestination: true,
				placeholder: 'my-imagery-bucket',
			},
			gcsCredentials,
		],
	},
	{
		type: 'azure_blob_storage',
		label: 'Azure Blob Storage',
		short: 'Azure Blob',
		cliName: 'azure',
		description: 'An Azure storage container, with a SAS token allowing read, write, delete and list',
		fields: [
			{
				key: 'account',
				label: 'Storage account',
				help: '3-24 lowercase letters and digits',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.azureAccountRules,
				normalize: rules.lowerCase,
			},
			{
				key: 'container',
				label: 'Container',
				help: '3-63 lowercase letters, digits and single hyphens, or $root or $web',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.azureContainerRules,
				normalize: trim,
				namesDestination: true,
			},
			{
				key: 'storage_endpoint_suffix',
				label: 'Endpoint suffix',
				help: 'leave empty for core.windows.net; set it for sovereign clouds (core.usgovcloudapi.net)',
				required: false,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.hostSuffixRules,
				normalize: rules.cleanHostSuffix,
				placeholder: 'core.windows.net',
			},
			{
				key: 'sas_token',
				label: 'SAS token',
				help: 'the SAS token (sv=...&sig=...), or the whole SAS URL: only its query part is sent',
				required: true,
				kind: 'text',
				secret: true,
				rotatable: true,
				group: 'credentials',
				rules: rules.sasTokenRules,
				normalize: rules.cleanSasToken,
				notes: rules.sasUrlNotes,
			},
		],
	},
	{
		type: 'oracle_cloud_storage',
		label: 'Oracle Cloud Storage',
		short: 'Oracle OCS',
		cliName: 'ocs',
		description: 'An OCI Object Storage bucket, with a Customer Secret Key allowing read, write and delete',
		fields: [
			{
				key: 'bucket',
				label: 'Bucket',
				help: '1-256 letters, digits, dots, hyphens and underscores',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.oracleBucketRules,
				normalize: trim,
				namesDestination: true,
			},
			{
				key: 'namespace',
				label: 'Namespace',
				help: "the tenancy's Object Storage namespace (lowercase letters and digits)",
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.oracleNamespaceRules,
				normalize: rules.lowerCase,
			},
			{
				key: 'region',
				label: 'Region',
				help: 'the OCI region, like us-ashburn-1',
				required: true,
				kind: 'text',
				secret: false,
				rotatable: false,
				group: 'location',
				rules: rules.oracleRegionRules,
				normalize: rules.lowerCase,
				suggestions: ORACLE_REGIONS,
			},
			{
				key: 'customer_access_key_id',
				label: 'Access key',
				help: "the Customer Secret Key's access key",
				required: true,
				kind: 'text',
				secret: false,
				rotatable: true,
				group: 'credentials',
				rules: rules.accessKeyIdRules,
				normalize: trim,
			},
			{
				key: 'customer_secret_key',
				label: 'Secret key',
				help: "the Customer Secret Key's secret",
				required: true,
				kind: 'text',
				secret: true,
				rotatable: true,
				group: 'credentials',
				rules: rules.secretRules,
				normalize: trim,
			},
		],
	},
];

export const NAME_FIELD = {
	label: 'Name',
	help: '3-63 characters, unique in your organisation; defaults to the bucket or container name',
	validate: rules.nameRule,
};

/** The value the server redacts secrets to. */
export const REDACTED = '<REDACTED>';

export function provider(type: DestinationType): ProviderSpec {
	const spec = PROVIDERS.find((p) => p.type === type);
	if (!spec) throw new Error(`unknown destination type ${type}`);
	return spec;
}

export function isDestinationType(value: unknown): value is DestinationType {
	return typeof value === 'string' && (DESTINATION_TYPES as readonly string[]).includes(value);
}

export const secretKeys = (type: DestinationType): string[] =>
	provider(type)
		.fields.filter((f) => f.secret)
		.map((f) => f.key);

export const rotatableFields = (type: DestinationType): FieldSpec[] => provider(type).fields.filter((f) => f.rotatable);

/** Every secret parameter key of every provider: what logs and errors must never show. */
export const ALL_SECRET_KEYS: ReadonlySet<string> = new Set(PROVIDERS.flatMap((p) => p.fields.filter((f) => f.secret).map((f) => f.key)));

/** The parameter whose value is the default name (bucket, or container for Azure). */
export function nameSourceKey(type: DestinationType): string {
	const field = provider(type).fields.find((f) => f.kind === 'text' && f.namesDestination);
	return field?.key ?? 'bucket';
}

/**
 * The parameters that say which bucket a destination delivers to: the bucket (container), and
 * what scopes its name (Azure's storage account, Oracle's namespace). Two destinations that agree
 * on these and the type write to the same place, whatever their names and credentials.
 */
export const IDENTITY_KEYS: Readonly<Record<DestinationType, readonly string[]>> = {
	amazon_s3: ['bucket'],
	s3_compatible: ['bucket'],
	google_cloud_storage: ['bucket'],
	azure_blob_storage: ['account', 'container'],
	oracle_cloud_storage: ['namespace', 'bucket'],
};

export function sameBucket(
	a: {type: string; parameters: Record<string, unknown>},
	b: {type: string; parameters: Record<string, unknown>},
): boolean {
	if (a.type !== b.type || !isDestinationType(a.type)) return false;
	return IDENTITY_KEYS[a.type].every((k) => typeof a.parameters[k] === 'string' && a.parameters[k] === b.parameters[k]);
}

/** The bucket-like location a row shows: bucket, or account/container for Azure. */
export function locationOf(type: string, parameters: Record<string, unknown>): string {
	const s = (k: string) => (typeof parameters[k] === 'string' ? (parameters[k] as string) : '');
	if (type === 'azure_blob_storage') return [s('account'), s('container')].filter(Boolean).join('/');
	return s('bucket');
}

/** The value sent for a user's input: the field's normaliser applied (trimmed at least). */
export const normaliseValue = (field: TextField, value: string): string => (field.normalize ? field.normalize(value) : value);

/** Why a text field's value is certainly invalid (its first error, naming the rule's source), or undefined. */
export const fieldError = (field: TextField, value: string): string | undefined => rules.errorOf(field.rules, normaliseValue(field, value));

/** What destui does not recognise about an otherwise valid value: shown beside the field, never blocking. */
export const fieldWarnings = (field: TextField, value: string): string[] => rules.warningsOf(field.rules, normaliseValue(field, value));

/**
 * Everything worth saying beside an acceptable value: what destui did to it ("is sent as
 * us-west-2"; secrets are never echoed), the field's own notes, and the rules' warnings.
 */
export function fieldNotes(field: TextField, raw: string, sibling: (key: string) => string | undefined = () => undefined): rules.Note[] {
	const value = normaliseValue(field, raw);
	if (!raw.trim() || rules.errorOf(field.rules, value)) return [];
	const notes: rules.Note[] = [];
	if (!field.secret && field.input !== 'gcs-key' && value !== raw.trim()) notes.push({level: 'info', message: `is sent as ${value}`});
	notes.push(...(field.notes?.(raw, sibling) ?? []));
	for (const message of rules.warningsOf(field.rules, value)) notes.push({level: 'warning', message});
	return notes;
}

export type FieldProblem = {key: string; label: string; problem: string};

/**
 * Checks a provider's parameters the way the API will: required present, no unknown keys,
 * booleans boolean, texts (normalised: `US-WEST-2` is us-west-2) free of errors; warnings never
 * refuse. `only` limits the check to some keys (rotation).
 */
export function checkParameters(
	type: DestinationType,
	parameters: Record<string, unknown>,
	options: {only?: readonly string[]; requireAll?: boolean} = {},
): FieldProblem[] {
	const spec = provider(type);
	const fields = options.only ? spec.fields.filter((f) => options.only!.includes(f.key)) : spec.fields;
	const problems: FieldProblem[] = [];
	const known = new Set(fields.map((f) => f.key));
	for (const key of Object.keys(parameters)) {
		if (!known.has(key))
			problems.push({key, label: key, problem: options.only ? 'cannot be changed' : 'is not a parameter of this destination type'});
	}
	for (const field of fields) {
		const value = parameters[field.key];
		if (value === undefined || value === null || value === '') {
			if (field.required && options.requireAll !== false) problems.push({key: field.key, label: field.label, problem: 'is required'});
			continue;
		}
		if (field.kind === 'boolean') {
			if (typeof value !== 'boolean') problems.push({key: field.key, label: field.label, problem: 'must be true or false'});
			continue;
		}
		if (typeof value !== 'string') {
			problems.push({key: field.key, label: field.label, problem: 'must be text'});
			continue;
		}
		const problem = fieldError(field, value);
		if (problem) problems.push({key: field.key, label: field.label, problem});
	}
	return problems;
}

/**
 * Destinations an organisation may hold (spec §7). Archived ones do not count: archiving is the
 * only way to remove a destination, so counting them would make the limit permanent.
 */
export const ORG_DESTINATION_LIMIT = 50;
