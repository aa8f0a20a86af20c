// Each of the five providers, from the main screen's `n` through the wizard to a destination
// created in a real sandbox: the exact body that reached the client, what the server stored, and
// the main screen showing the new destination's pl:ref.
import {describe, expect, it} from 'vitest';
import {PROVIDERS, REDACTED, secretKeys, type DestinationType} from '../../src/catalogue/providers.js';
import {INPUT, SA_BASE64, typedSecrets, walkToReview} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {allFrames, frame, mountMainScreen, press, sandbox, settle} from './wizard-helpers.js';

const EXPECTED: Record<DestinationType, {parameters: Record<string, string | boolean>; name?: string}> = {
	amazon_s3: {
		parameters: {
			bucket: 'wiz-s3-bucket',
			aws_region: 'eu-west-1',
			aws_access_key_id: 'FAKEKEYIDS3WIZ01',
			aws_secret_access_key: 'fake-s3-secret-wiz-0001',
			explicit_sse: true,
		},
	},
	s3_compatible: {
		parameters: {
			bucket: 'wiz-minio-bucket',
			endpoint: 'https://objects.example.com',
			region: 'eu-de',
			access_key_id: 'FAKEKEYIDMINIO1',
			secret_access_key: 'fake-minio-secret-0001',
			use_path_style: true,
		},
	},
	google_cloud_storage: {parameters: {bucket: 'wiz-gcs-bucket', credentials: SA_BASE64}},
	azure_blob_storage: {
		parameters: {
			account: 'wizacct01',
			container: 'wiz-container',
			storage_endpoint_suffix: 'core.usgovcloudapi.net',
			sas_token: 'sv=2024-11-04&sp=rwdl&sig=fakeWizardSignature1',
		},
		name: 'Wizard Azure archive',
	},
	oracle_cloud_storage: {
		parameters: {
			bucket: 'wiz-oci-bucket',
			namespace: 'wizns01',
			region: 'us-ashburn-1',
			customer_access_key_id: 'FAKEOCIKEYID01',
			customer_secret_key: 'fake-oci-secret-0001',
		},
	},
};

describe.each(PROVIDERS.map((p) => [p.label, p.type] as const))('the wizard creates %s', (_label, t) => {
	it('sends the exact body and the server stores it', async () => {
		const sb = await sandbox('empty');
		const {r, api, bodies, store} = await mountMainScreen(sb);
		await press(r, 'n');
		expect(frame(r)).toContain('New destination · step 1 of');
		await walkToReview(r, t);
		const review = frame(r);
		expect(review).toContain(`${PROVIDERS.find((p) => p.type === t)!.label} · step`);
		expect(review).toContain('••••••••');
		await press(r, KEYS.enter);
		await settle(r, () => store.getSnapshot().destinations.length === 1 && !frame(r).includes('Review'));
		const created = store.getSnapshot().destinations[0]!;
		// Back on the main screen, the new destination is selected and its pl:ref shown.
		expect(frame(r).replace(/\s+/g, ' ')).toContain(created['pl:ref']);

		const expected = {type: t, ...EXPECTED[t]};
		expect(bodies).toEqual([expected]);
		// Key order as the official CLI sends it: type, parameters, name.
		expect(Object.keys(bodies[0]!)).toEqual(Object.keys(expected));

		const stored = await api.get(created.id);
		expect(stored.type).toBe(t);
		expect(stored.name).toBe(EXPECTED[t].name ?? EXPECTED[t].parameters[t === 'azure_blob_storage' ? 'container' : 'bucket']);
		const secrets = secretKeys(t);
		const shown = Object.fromEntries(Object.entries(EXPECTED[t].parameters).map(([k, v]) => [k, secrets.includes(k) ? REDACTED : v]));
		expect(stored.parameters).toEqual(shown);

		const frames = allFrames(r);
		for (const secret of typedSecrets(t)) expect(frames).not.toContain(secret);
		expect(Object.keys(INPUT[t]).length).toBeGreaterThan(1);
	});
});
