// When the server says no, or the answer is lost, the wizard stays open on the page the problem
// concerns, with every field filled in and the server's reason, and a retry never creates twice.
import React from 'react';
import {describe, expect, it} from 'vitest';
import {CreateWizard, type CreateWizardProps} from '../../components/wizard/CreateWizard.js';
import {ORG_DESTINATION_LIMIT} from '../../src/catalogue/providers.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import type {Destination, DestinationsApi} from '../../src/api/types.js';
import {fillPage, INPUT, openProvider, walkToReview} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {
	ADMIN_KEY,
	clientFor,
	frame,
	mount,
	press,
	recordingCreate,
	sandbox,
	sandboxHook,
	settle,
	type,
	type Rendered,
} from './wizard-helpers.js';

const flat = (r: Rendered) => frame(r).replace(/\s+/g, ' ');

async function posts(sb: RunningSandbox): Promise<number[]> {
	const log = (await sandboxHook(sb, 'requests', undefined, 'GET')) as {
		requests: {method: string; status: number | null; user: string | null}[];
	};
	// The wizard's own requests (as the demo user); a dropped one has no status.
	return log.requests.filter((q) => q.method === 'POST' && q.user !== 'admin').map((q) => q.status ?? 0);
}

async function named(api: DestinationsApi, name: string): Promise<Destination[]> {
	return (await api.list()).filter((d) => d.name === name);
}

async function setup(options: {existing?: readonly Destination[]; list?: boolean} = {}) {
	const sb = await sandbox('empty');
	const api = clientFor(sb);
	const rec = recordingCreate(api);
	const result: {created?: Destination} = {};
	const props: CreateWizardProps = {
		existing: options.existing ?? [],
		create: rec.create,
		onCreated: (d) => (result.created = d),
		onCancel: () => {},
		width: 100,
		height: 30,
	};
	if (options.list) props.list = () => api.list();
	const r = await mount(<CreateWizard {...props} />);
	return {sb, api, rec, result, r};
}

describe('the wizard after a failed create', () => {
	it('a verification refusal returns to the credentials with everything kept; fixing the bucket works', async () => {
		const {sb, api, rec, result, r} = await setup();
		await walkToReview(r, 'amazon_s3', {...INPUT.amazon_s3, bucket: 'noaccess-wiz'});
		await press(r, KEYS.enter);
		await settle(r, () => frame(r).includes('step 3 of 5'));
		expect(flat(r)).toContain('planetverify.txt');
		expect(flat(r)).toContain('The server refused the request as invalid.');
		expect(frame(r)).toContain('FAKEKEYIDS3WIZ01');
		expect(frame(r)).toMatch(/Secret access key\s+•+/);
		await press(r, KEYS.esc);
		expect(frame(r)).toContain('noaccess-wiz');
		await press(r, KEYS.shiftTab, KEYS.ctrlU);
		await type(r, 'wiz-good-bucket');
		// Back on the credentials: the failure was about the bucket as it was, so it is gone.
		await press(r, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('step 3 of 5');
		expect(flat(r)).not.toContain('planetverify');
		await press(r, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('Review');
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(rec.bodies.map((b) => b.parameters.bucket)).toEqual(['noaccess-wiz', 'wiz-good-bucket']);
		expect(rec.bodies[1]!.parameters.aws_secret_access_key).toBe(INPUT.amazon_s3.aws_secret_access_key);
		expect(await posts(sb)).toEqual([400, 201]);
		expect((await api.get(result.created!.id)).parameters.bucket).toBe('wiz-good-bucket');
	});

	it('a name taken on the server (409) returns to the name, with the reason; a new name works', async () => {
		const {sb, api, result, r} = await setup();
		await clientFor(sb, ADMIN_KEY).create({
			type: 'google_cloud_storage',
			parameters: {
				bucket: 'other-bucket',
				credentials: Buffer.from(
					JSON.stringify({type: 'service_account', client_email: 'a@b.c', private_key: 'fake-key-material'}),
				).toString('base64'),
			},
			name: 'wiz-s3-bucket',
		});
		await walkToReview(r, 'amazon_s3');
		await press(r, KEYS.enter);
		await settle(r, () => frame(r).includes('step 4 of 5'));
		expect(flat(r)).toContain('✗ Name is already taken in your organisation');
		expect(flat(r)).toContain('✗ That name is already taken in your organisation');
		expect(flat(r)).toContain('The server said: A destination named "wiz-s3-bucket" already exists');
		expect(frame(r)).toMatch(/› Name/);
		// The page will not open the review until the name changes.
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('step 4 of 5');
		await type(r, 'Wizard S3 two');
		await press(r, KEYS.enter, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(result.created!.name).toBe('Wizard S3 two');
		expect(await posts(sb)).toEqual([409, 201]);
		expect(await named(api, 'Wizard S3 two')).toHaveLength(1);
	});

	it('the quota (403) is shown on the review with the reason, and said on opening', async () => {
		const sb0 = await sandbox('empty');
		await sandboxHook(sb0, 'populate', {count: ORG_DESTINATION_LIMIT, owner: 'user'});
		const api = clientFor(sb0);
		const existing = await api.list();
		expect(existing).toHaveLength(ORG_DESTINATION_LIMIT);
		const rec = recordingCreate(api);
		const r = await mount(
			<CreateWizard existing={existing} create={rec.create} onCreated={() => {}} onCancel={() => {}} width={100} height={30} />,
		);
		expect(flat(r)).toContain(`already has ${ORG_DESTINATION_LIMIT} active destinations`);
		await walkToReview(r, 'azure_blob_storage');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('The server said'));
		expect(frame(r)).toContain('Review');
		expect(flat(r)).toContain(`Your organization already has ${ORG_DESTINATION_LIMIT} destinations, the limit: archive one first`);
		expect(frame(r)).toContain('Wizard Azure archive');
		expect(await posts(sb0)).toEqual([403]);
	});

	it('a dropped connection before the server acted: retry from the review sends it once more', async () => {
		const {sb, api, rec, result, r} = await setup();
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], drop: true});
		await walkToReview(r, 'oracle_cloud_storage');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('Could not reach'));
		expect(frame(r)).toContain('Review');
		expect(flat(r)).toContain('Enter looks for it first');
		expect(frame(r)).toContain('Enter try again');
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(rec.bodies).toHaveLength(2);
		expect(rec.bodies[1]).toEqual(rec.bodies[0]);
		expect(await named(api, 'wiz-oci-bucket')).toHaveLength(1);
	});

	it('a lost answer after the server created it: the retry finds it (list) and sends nothing', async () => {
		const {sb, api, rec, result, r} = await setup({list: true});
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], drop: true, after: true});
		await walkToReview(r, 's3_compatible');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('may or may not have been made'));
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(rec.bodies).toHaveLength(1);
		expect(result.created!.name).toBe('wiz-minio-bucket');
		expect(await named(api, 'wiz-minio-bucket')).toHaveLength(1);
		expect(await posts(sb)).toEqual([0]);
	});

	it("a lost answer, then a new name: the retry finds the bucket's destination, says so, and creates a second only when asked again", async () => {
		const {sb, api, rec, result, r} = await setup({list: true});
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], drop: true, after: true});
		await walkToReview(r, 'amazon_s3');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('may or may not have been made'));
		// The user renames before trying again.
		await press(r, KEYS.esc);
		expect(frame(r)).toContain('step 4 of 5');
		// Back on the last page, on its last field: the name.
		await press(r, KEYS.ctrlU);
		await type(r, 'Renamed after the loss');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('Review');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('did create a destination for this bucket'));
		expect(flat(r)).toContain('"wiz-s3-bucket" (Amazon S3, wiz-s3-bucket). Nothing was sent again.');
		expect(result.created).toBeUndefined();
		expect(rec.bodies).toHaveLength(1);
		expect((await api.list()).map((d) => d.name)).toEqual(['wiz-s3-bucket']);
		// Asked again, on purpose: a second destination for the same bucket.
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(result.created!.name).toBe('Renamed after the loss');
		expect((await api.list()).map((d) => d.name).sort()).toEqual(['Renamed after the loss', 'wiz-s3-bucket']);
		expect(await posts(sb)).toEqual([0, 201]);
	});

	it('a lost answer, a bucket that already had a destination: that one is not taken for the result', async () => {
		const sb0 = await sandbox('empty');
		// Created by a colleague (the admin) before the wizard opened.
		const before = await clientFor(sb0, ADMIN_KEY).create({
			type: 'amazon_s3',
			name: 'Older one',
			parameters: {
				bucket: 'wiz-s3-bucket',
				aws_region: 'eu-west-1',
				aws_access_key_id: 'FAKEKEYIDOLDER01',
				aws_secret_access_key: 'fake-older-secret',
			},
		});
		const api = clientFor(sb0);
		const rec = recordingCreate(api);
		const result: {created?: Destination} = {};
		const r = await mount(
			<CreateWizard
				existing={[before]}
				create={rec.create}
				list={() => api.list()}
				onCreated={(d) => (result.created = d)}
				onCancel={() => {}}
				width={100}
				height={30}
			/>,
		);
		await sandboxHook(sb0, 'faults', {count: 1, methods: ['POST'], status: 503});
		await walkToReview(r, 'amazon_s3');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('had a problem on its side'));
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(result.created!.name).toBe('wiz-s3-bucket');
		expect(await posts(sb0)).toEqual([503, 201]);
	});

	it('a lost answer, no list: the retry cannot create a twin, and says the first attempt worked', async () => {
		const {sb, api, rec, r} = await setup();
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], drop: true, after: true});
		await walkToReview(r, 's3_compatible');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('may or may not have been made'));
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('probably created it'));
		expect(frame(r)).toContain('step 4 of 5');
		expect(rec.bodies).toHaveLength(2);
		expect(await named(api, 'wiz-minio-bucket')).toHaveLength(1);
	});

	it('a server error (503) offers a retry on the review, which succeeds', async () => {
		const {sb, result, r} = await setup();
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], status: 503});
		await walkToReview(r, 'google_cloud_storage');
		await press(r, KEYS.enter);
		await settle(r, () => flat(r).includes('had a problem on its side'));
		expect(frame(r)).toContain('Review');
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined);
		expect(await posts(sb)).toEqual([503, 201]);
	});

	it('Esc while creating cancels the request and keeps everything', async () => {
		const {sb, api, result, r} = await setup();
		await sandboxHook(sb, 'faults', {count: 1, methods: ['POST'], latency_ms: 3000});
		await walkToReview(r, 'amazon_s3');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('Creating "wiz-s3-bucket"…');
		expect(frame(r)).toContain('Esc cancel');
		await press(r, KEYS.esc);
		await settle(r, () => flat(r).includes('Cancelled.'));
		expect(frame(r)).toContain('FAKEKEYIDS3WIZ01');
		await press(r, KEYS.enter);
		await settle(r, () => result.created !== undefined, 8000);
		expect(await named(api, 'wiz-s3-bucket')).toHaveLength(1);
	});
});

describe('the wizard fills pages it did not visit', () => {
	it('back from the review lands on the last field of the page before', async () => {
		const {r} = await setup();
		await openProvider(r, 'azure_blob_storage');
		await fillPage(r, 'azure_blob_storage', 1);
		await fillPage(r, 'azure_blob_storage', 2);
		expect(frame(r)).toContain('Review');
		await press(r, KEYS.esc);
		expect(frame(r)).toMatch(/› Name/);
	});
});
