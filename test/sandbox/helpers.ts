// Shared test helpers: real HTTP against a real sandbox, plain fetch, no mocking.
import {request as httpRequest} from 'node:http';
import {afterEach} from 'vitest';
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/server.js';
import {SANDBOX_ADMIN_KEY, SANDBOX_OTHER_KEY, SANDBOX_USER_KEY} from '../../src/sandbox/users.js';

export const KEYS = {admin: SANDBOX_ADMIN_KEY, user: SANDBOX_USER_KEY, other: SANDBOX_OTHER_KEY} as const;
export type Who = keyof typeof KEYS;

const running: RunningSandbox[] = [];

/** A fresh sandbox per test, closed after it; rate limiting off unless asked for. */
export async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const sb = await startSandbox({rateLimit: false, ...options});
	running.push(sb);
	return sb;
}

afterEach(async () => {
	await Promise.all(running.splice(0).map((sb) => sb.close()));
});

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the sandbox answers, field by field
	json: any;
}

export interface CallOptions {
	as?: Who | null;
	body?: unknown;
	/** Sent as is, instead of JSON-encoding `body`. */
	raw?: string;
	headers?: Record<string, string>;
}

/** One request; `path` is relative to the origin. Parses JSON bodies when there are any. */
export async function call(sb: RunningSandbox, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
	const headers: Record<string, string> = {...options.headers};
	const who = options.as === undefined ? 'user' : options.as;
	if (who !== null && !headers.Authorization) headers.Authorization = `api-key ${KEYS[who]}`;
	let body: string | undefined = options.raw;
	if (options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
	const res = await fetch(`${sb.origin}${path}`, {method, headers, body});
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return {status: res.status, headers: res.headers, text, json};
}

export const API = '/destinations/v1';

const fakeServiceAccount = Buffer.from(
	JSON.stringify({
		type: 'service_account',
		project_id: 'test-project',
		client_email: 'bot@test-project.iam.gserviceaccount.com',
		private_key: 'fake-key-material',
	}),
).toString('base64');

/** Valid create bodies, one per type; the secret values are obviously fake. */
export const BODIES = {
	amazon_s3: {
		type: 'amazon_s3',
		parameters: {
			bucket: 'test-bucket-s3',
			aws_region: 'us-west-2',
			aws_access_key_id: 'TESTKEYID0001',
			aws_secret_access_key: 'test-secret-s3-value',
		},
	},
	s3_compatible: {
		type: 's3_compatible',
		parameters: {
			bucket: 'test-bucket-compat',
			endpoint: 'https://objects.example.com',
			region: 'eu-de',
			access_key_id: 'TESTKEYID0002',
			secret_access_key: 'test-secret-compat-value',
		},
	},
	google_cloud_storage: {type: 'google_cloud_storage', parameters: {bucket: 'test-bucket-gcs', credentials: fakeServiceAccount}},
	azure_blob_storage: {
		type: 'azure_blob_storage',
		parameters: {account: 'testaccount', container: 'test-container', sas_token: 'sv=2024-11-04&sp=rwdl&sig=test-fake-signature'},
	},
	oracle_cloud_storage: {
		type: 'oracle_cloud_storage',
		parameters: {
			bucket: 'test-bucket-oci',
			namespace: 'testns',
			region: 'us-ashburn-1',
			customer_access_key_id: 'testocikey01',
			customer_secret_key: 'test-secret-oci-value',
		},
	},
} as const;

export const SECRET_VALUES = [
	'test-secret-s3-value',
	'test-secret-compat-value',
	fakeServiceAccount,
	'test-fake-signature',
	'test-secret-oci-value',
];

/** A create body of the given type with a fresh bucket/container and optional name. */
export function body(type: keyof typeof BODIES, bucket: string, name?: string): Record<string, unknown> {
	const base = BODIES[type];
	const locationKey = type === 'azure_blob_storage' ? 'container' : 'bucket';
	return {type: base.type, parameters: {...base.parameters, [locationKey]: bucket}, ...(name === undefined ? {} : {name})};
}

/**
 * A request over node:http with exactly the given headers (fetch forbids some, such as Host, and
 * adds its own), for wire-level checks.
 */
export function rawRequest(
	sb: RunningSandbox,
	options: {method: string; path: string; headers?: Record<string, string>; body?: string},
): Promise<{status: number; headers: Record<string, string | string[] | undefined>; text: string}> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${sb.origin}${options.path}`, {method: options.method, headers: options.headers, agent: false}, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8')}));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(options.body);
	});
}
