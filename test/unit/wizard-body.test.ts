import {describe, expect, it} from 'vitest';
import {ApiError} from '../../src/api/errors.js';
import {PROVIDERS} from '../../src/catalogue/providers.js';
import {buildCreateBody, buildRotation, isSameDestination, nameOfBody} from '../../src/wizard/body.js';
import {routeCreateFailure, routeRotationFailure} from '../../src/wizard/failure.js';
import {emptyForm, NAME_KEY, type FormState} from '../../src/wizard/form.js';
import {realFiles} from '../../src/wizard/gcs-source.js';
import {lineOf} from '../../src/view/line-editor.js';
import {stepsFor} from '../../src/wizard/steps.js';

const form = (text: Record<string, string>, flags: Record<string, boolean> = {}): FormState => ({
	...emptyForm,
	lines: Object.fromEntries(Object.entries(text).map(([k, v]) => [k, lineOf(v)])),
	flags,
});
const saKey = {type: 'service_account', client_email: 'bot@demo.iam.gserviceaccount.com', private_key: 'fake-key-material'};

describe('create body', () => {
	it('sends normalised values, booleans only when true, and no name unless typed', () => {
		const built = buildCreateBody(
			'amazon_s3',
			form(
				{bucket: ' my-bucket ', aws_region: 'us-west-2', aws_access_key_id: 'FAKEID1234', aws_secret_access_key: 'fake-secret-1'},
				{explicit_sse: false},
			),
			realFiles,
		);
		expect(built).toEqual({
			ok: true,
			value: {
				type: 'amazon_s3',
				parameters: {bucket: 'my-bucket', aws_region: 'us-west-2', aws_access_key_id: 'FAKEID1234', aws_secret_access_key: 'fake-secret-1'},
			},
		});
		expect(Object.keys(built.ok ? built.value : {})).toEqual(['type', 'parameters']);
	});

	it('sends a typed name even when it equals the bucket, and true booleans', () => {
		const built = buildCreateBody(
			's3_compatible',
			form(
				{
					bucket: 'b-1',
					endpoint: 'https://s3.example.com',
					region: 'eu-de',
					access_key_id: 'FAKEID1234',
					secret_access_key: 'fake-secret-1',
					[NAME_KEY]: ' b-1 ',
				},
				{use_path_style: true},
			),
			realFiles,
		);
		expect(built.ok && built.value).toEqual({
			type: 's3_compatible',
			parameters: {
				bucket: 'b-1',
				endpoint: 'https://s3.example.com',
				region: 'eu-de',
				access_key_id: 'FAKEID1234',
				secret_access_key: 'fake-secret-1',
				use_path_style: true,
			},
			name: 'b-1',
		});
	});

	it('cleans an Azure SAS token and leaves out an empty optional suffix', () => {
		const built = buildCreateBody(
			'azure_blob_storage',
			form({account: 'acct1', container: 'cont-1', storage_endpoint_suffix: '', sas_token: '?sv=2024&sig=fake'}),
			realFiles,
		);
		expect(built.ok && built.value.parameters).toEqual({account: 'acct1', container: 'cont-1', sas_token: 'sv=2024&sig=fake'});
	});

	it('sends a pasted GCS key as one line of base64', () => {
		const built = buildCreateBody('google_cloud_storage', form({bucket: 'gcs-b', credentials: JSON.stringify(saKey, null, 2)}), realFiles);
		expect(built.ok && built.value.parameters.credentials).toBe(Buffer.from(JSON.stringify(saKey)).toString('base64'));
	});

	it('refuses, through the wire schema, what the catalogue refuses', () => {
		const built = buildCreateBody(
			'oracle_cloud_storage',
			form({
				bucket: 'b',
				namespace: 'n.s',
				region: 'us-ashburn-1',
				customer_access_key_id: 'FAKEID1234',
				customer_secret_key: 'fake-secret-1',
			}),
			realFiles,
		);
		expect(built.ok).toBe(false);
		if (!built.ok) expect(built.problems.map((p) => p.key)).toEqual(['namespace']);
	});

	it('names the destination like the server would', () => {
		expect(nameOfBody({type: 'azure_blob_storage', parameters: {container: 'c-1'}})).toBe('c-1');
		expect(nameOfBody({type: 'amazon_s3', parameters: {bucket: 'b'}, name: 'Mine'})).toBe('Mine');
	});

	it('recognises its own destination among same-named ones', () => {
		const body = {
			type: 'amazon_s3' as const,
			parameters: {bucket: 'b-1', aws_region: 'us-west-2', aws_access_key_id: 'FAKEID1234', aws_secret_access_key: 'fake-secret-1'},
		};
		expect(isSameDestination({type: 'amazon_s3', parameters: {...body.parameters, aws_secret_access_key: '<REDACTED>'}}, body)).toBe(true);
		expect(isSameDestination({type: 'amazon_s3', parameters: {...body.parameters, bucket: 'other'}}, body)).toBe(false);
		expect(isSameDestination({type: 'amazon_s3', parameters: {...body.parameters, explicit_sse: true}}, body)).toBe(false);
		expect(isSameDestination({type: 'google_cloud_storage', parameters: {bucket: 'b-1'}}, body)).toBe(false);
	});
});

describe('rotation parameters', () => {
	const s3 = {type: 'amazon_s3', parameters: {bucket: 'b', explicit_sse: true}};
	it('sends the credentials, and never an option as false, as the official CLI', () => {
		// The option is on at the server; the form somehow says off: still nothing is sent for it.
		const built = buildRotation(s3, form({aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret'}), realFiles);
		expect(built).toEqual({ok: true, value: {aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret'}});
		// On, and already on: left out (a PATCH names only what changes).
		const kept = buildRotation(
			s3,
			form({aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret'}, {explicit_sse: true}),
			realFiles,
		);
		expect(kept.ok && kept.value).toEqual({aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret'});
		// Turned on: true.
		const on = buildRotation(
			{type: 'amazon_s3', parameters: {}},
			form({aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret'}, {explicit_sse: true}),
			realFiles,
		);
		expect(on.ok && on.value).toEqual({aws_access_key_id: 'NEWFAKEID1', aws_secret_access_key: 'new-fake-secret', explicit_sse: true});
	});

	it('leaves out an option that stays off, and needs both halves of a key', () => {
		const built = buildRotation(
			{type: 's3_compatible', parameters: {}},
			form({access_key_id: 'NEWFAKEID1', secret_access_key: 'new-fake-secret'}),
			realFiles,
		);
		expect(built.ok && built.value).toEqual({access_key_id: 'NEWFAKEID1', secret_access_key: 'new-fake-secret'});
		const half = buildRotation({type: 's3_compatible', parameters: {}}, form({access_key_id: 'NEWFAKEID1'}), realFiles);
		expect(half.ok).toBe(false);
		if (!half.ok) expect(half.problems).toEqual([{key: 'secret_access_key', problem: 'is required'}]);
	});
});

describe('steps', () => {
	it('has one page per field group with fields, the name on the last, then review', () => {
		for (const p of PROVIDERS) {
			const steps = stepsFor(p.type);
			expect(steps[0]!.kind).toBe('provider');
			expect(steps[steps.length - 1]!.kind).toBe('review');
			const pages = steps.filter((s) => s.kind === 'fields');
			const keys = pages.flatMap((s) => (s.kind === 'fields' ? s.fields.map((f) => (f.kind === 'name' ? NAME_KEY : f.spec.key)) : []));
			expect(keys).toEqual([...p.fields.map((f) => f.key), NAME_KEY]);
		}
		expect(stepsFor('amazon_s3').map((s) => s.title)).toEqual([
			'Provider',
			'Bucket and location',
			'Credentials',
			'Options and name',
			'Review',
		]);
		expect(stepsFor('google_cloud_storage').length).toBe(4);
	});
});

describe('failure routing', () => {
	it('sends a verification refusal to the credentials, a clash to the name, quota to review', () => {
		const verify = new ApiError({
			kind: 'bad_request',
			status: 400,
			serverMessage: 'Planet could not write and delete planetverify.txt in the bucket "noaccess-x"',
		});
		expect(routeCreateFailure('amazon_s3', verify).target).toEqual({group: 'credentials'});
		const clash = routeCreateFailure(
			'amazon_s3',
			new ApiError({kind: 'conflict', status: 409, serverMessage: 'A destination named "x" already exists'}),
		);
		expect(clash).toMatchObject({target: {field: NAME_KEY}, fieldProblem: 'is already taken in your organisation', uncertain: false});
		expect(clash.message).toContain('already exists');
		const quota = routeCreateFailure(
			'amazon_s3',
			new ApiError({kind: 'forbidden', status: 403, serverMessage: 'Your organization already has 50 destinations'}),
		);
		expect(quota).toMatchObject({target: 'review', retry: false});
		expect(quota.message).toContain('50 destinations');
	});

	it('sends a field the server names to that field', () => {
		const bad = new ApiError({kind: 'bad_request', status: 400, serverMessage: 'Invalid parameters: aws_region must look like us-west-2'});
		expect(routeCreateFailure('amazon_s3', bad).target).toEqual({field: 'aws_region'});
		expect(
			routeRotationFailure(
				'amazon_s3',
				new ApiError({kind: 'bad_request', status: 400, serverMessage: 'Invalid parameters: aws_secret_access_key looks too short'}),
			).target,
		).toEqual({field: 'aws_secret_access_key'});
	});

	it('offers a retry after network trouble, and marks the create as uncertain', () => {
		for (const kind of ['network', 'timeout', 'server'] as const) {
			expect(routeCreateFailure('amazon_s3', new ApiError({kind}))).toMatchObject({target: 'review', retry: true, uncertain: true});
		}
		expect(routeCreateFailure('amazon_s3', new ApiError({kind: 'rate_limited', status: 429}))).toMatchObject({
			retry: true,
			uncertain: false,
		});
	});

	it('strips control characters from the server text', () => {
		const r = routeCreateFailure('amazon_s3', new ApiError({kind: 'server', status: 500, serverMessage: 'bad\x1b]52;c;AAAA\x07 thing'}));
		expect(r.message).not.toContain('\x1b');
	});
});
