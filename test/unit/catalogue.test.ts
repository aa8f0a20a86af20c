import {describe, expect, it} from 'vitest';
import {
	checkParameters,
	DESTINATION_TYPES,
	nameSourceKey,
	provider,
	PROVIDERS,
	rotatableFields,
	secretKeys,
} from '../../src/catalogue/providers.js';
import {parseServiceAccountKey} from '../../src/catalogue/gcs-key.js';
import * as rules from '../../src/catalogue/rules.js';
import {createBodySchema, rotationParametersSchema} from '../../src/schemas.js';

const saKey = {
	type: 'service_account',
	project_id: 'demo',
	client_email: 'bot@demo.iam.gserviceaccount.com',
	private_key: 'fake-key-material',
};

describe('provider catalogue', () => {
	it('covers exactly the five API types', () => {
		expect(PROVIDERS.map((p) => p.type).sort()).toEqual([...DESTINATION_TYPES].sort());
	});

	it('marks the secret halves as secret, and only those', () => {
		expect(secretKeys('amazon_s3')).toEqual(['aws_secret_access_key']);
		expect(secretKeys('s3_compatible')).toEqual(['secret_access_key']);
		expect(secretKeys('google_cloud_storage')).toEqual(['credentials']);
		expect(secretKeys('azure_blob_storage')).toEqual(['sas_token']);
		expect(secretKeys('oracle_cloud_storage')).toEqual(['customer_secret_key']);
	});

	it('lists the rotatable fields the official CLI can update', () => {
		const keys = (t: Parameters<typeof rotatableFields>[0]) => rotatableFields(t).map((f) => f.key);
		expect(keys('amazon_s3')).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'explicit_sse']);
		expect(keys('s3_compatible')).toEqual(['access_key_id', 'secret_access_key', 'use_path_style']);
		expect(keys('google_cloud_storage')).toEqual(['credentials']);
		expect(keys('azure_blob_storage')).toEqual(['sas_token']);
		expect(keys('oracle_cloud_storage')).toEqual(['customer_access_key_id', 'customer_secret_key']);
	});

	it('names destinations after the bucket, or the container on Azure', () => {
		expect(nameSourceKey('amazon_s3')).toBe('bucket');
		expect(nameSourceKey('azure_blob_storage')).toBe('container');
	});

	it('reports missing, unknown and invalid parameters', () => {
		const problems = checkParameters('amazon_s3', {bucket: 'bad bucket', aws_region: 'US-WEST-2', colour: 'red', explicit_sse: 'yes'});
		expect(problems.map((p) => `${p.key}: ${p.problem}`)).toEqual([
			'colour: is not a parameter of this destination type',
			'bucket: may only hold lowercase letters, digits, dots and hyphens, not a space (Amazon S3 bucket naming rules)',
			'aws_access_key_id: is required',
			'aws_secret_access_key: is required',
			'explicit_sse: must be true or false',
		]);
	});

	it('refuses non-rotatable keys when checking a rotation', () => {
		const only = rotatableFields('amazon_s3').map((f) => f.key);
		expect(checkParameters('amazon_s3', {bucket: 'x'}, {only, requireAll: false})).toEqual([
			{key: 'bucket', label: 'bucket', problem: 'cannot be changed'},
		]);
	});
});

describe('validation rules', () => {
	it('keeps the SAS token alone: a leading ? or the whole SAS URL is cut away', () => {
		expect(rules.cleanSasToken('?sv=2024-01-01&sig=abc')).toBe('sv=2024-01-01&sig=abc');
		expect(rules.cleanSasToken(' https://acct.blob.core.windows.net/imagery?sv=2024-01-01&sig=abc ')).toBe('sv=2024-01-01&sig=abc');
		expect(rules.sasUrlParts('https://Acct.blob.core.windows.net/imagery%20x/blob?sv=1&sig=2')).toEqual({
			account: 'acct',
			container: 'imagery x',
			query: 'sv=1&sig=2',
		});
		expect(rules.sasUrlParts('sv=1&sig=2')).toBeUndefined();
	});

	it('reports the first error only, or else every warning', () => {
		expect(rules.judge(rules.awsBucketRules, 'sthree-A_b').map((f) => f.id)).toEqual(['s3-bucket/reserved-prefix']);
		expect(rules.judge(rules.sasTokenRules, 'sv=1&sp=r&se=2001-01-01&sig=x').map((f) => f.id)).toEqual(['sas/expired', 'sas/permissions']);
	});
});

describe('service-account keys', () => {
	const json = JSON.stringify(saKey, null, 2);
	it('accepts raw multi-line JSON and returns one line of base64', () => {
		const r = parseServiceAccountKey(json);
		expect(r.ok).toBe(true);
		if (r.ok) {
			expect(r.base64).not.toMatch(/\s/);
			expect(JSON.parse(Buffer.from(r.base64, 'base64').toString())).toEqual(saKey);
			expect(r.clientEmail).toBe(saKey.client_email);
		}
	});
	it('accepts base64, even wrapped over lines', () => {
		const b64 = Buffer.from(json)
			.toString('base64')
			.replace(/(.{60})/g, '$1\n');
		expect(parseServiceAccountKey(b64).ok).toBe(true);
	});
	it('refuses what is not a service-account key', () => {
		expect(parseServiceAccountKey('{"type":"authorized_user"}')).toMatchObject({ok: false});
		expect(parseServiceAccountKey('not base64 !!')).toMatchObject({ok: false});
		expect(parseServiceAccountKey(Buffer.from('hello').toString('base64'))).toMatchObject({ok: false});
		expect(parseServiceAccountKey('{"type":"service_account","client_email":"a@b"}')).toMatchObject({
			ok: false,
			problem: 'is missing private_key',
		});
	});
});

describe('schemas derived from the catalogue', () => {
	it('accepts a valid create body for every provider shape and refuses unknown parameters', () => {
		const ok = createBodySchema.safeParse({
			type: 'azure_blob_storage',
			parameters: {account: 'store1', container: 'imagery', sas_token: 'sv=1&sig=2'},
			name: 'Azure imagery',
		});
		expect(ok.success).toBe(true);
		const bad = createBodySchema.safeParse({
			type: 'azure_blob_storage',
			parameters: {account: 'store1', container: 'imagery', sas_token: 'sv=1&sig=2', bucket: 'x'},
		});
		expect(bad.success).toBe(false);
		const badName = createBodySchema.safeParse({
			type: 'google_cloud_storage',
			parameters: {bucket: 'abc', credentials: Buffer.from(JSON.stringify(saKey)).toString('base64')},
			name: 'ab',
		});
		expect(badName.success).toBe(false);
		expect(badName.error?.issues[0]?.message).toMatch(/Name must be 3-63/);
	});
	it('describes in words what zod finds itself, not only the catalogue rules', () => {
		const bad = createBodySchema.safeParse({
			type: 'amazon_s3',
			parameters: {
				bucket: 3,
				aws_region: 'us-east-1',
				aws_access_key_id: 'FAKE1234',
				aws_secret_access_key: 'fake-secret-access-key-for-tests',
				extra: 1,
			},
		});
		expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['parameters.bucket', 'Invalid input: expected string, received number'],
			['parameters', 'Unrecognized key: "extra"'],
		]);
	});
	it('rotation parameters allow only rotatable keys', () => {
		const schema = rotationParametersSchema(provider('oracle_cloud_storage'));
		expect(schema.safeParse({customer_access_key_id: 'KEYID1234', customer_secret_key: 'secret-value-1'}).success).toBe(true);
		expect(schema.safeParse({region: 'us-ashburn-1'}).success).toBe(false);
	});
});
