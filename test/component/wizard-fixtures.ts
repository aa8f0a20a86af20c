// Obviously fake values for every catalogue field, and a walker that fills the wizard's pages
// in the order the catalogue gives them (so the tests follow the catalogue, not a copy of it).
import {PROVIDERS, type DestinationType} from '../../src/catalogue/providers.js';
import {fieldKey} from '../../src/wizard/form.js';
import {stepsFor} from '../../src/wizard/steps.js';
import {KEYS} from '../harness/keys.js';
import {frame, paste, press, type, type Rendered} from './wizard-helpers.js';

export const SA_KEY = {
	type: 'service_account',
	project_id: 'wizard-demo',
	private_key_id: 'fake-key-id',
	private_key: 'fake-key-material',
	client_email: 'wizard-bot@wizard-demo.iam.gserviceaccount.com',
	client_id: '000000000000',
};
export const SA_JSON = JSON.stringify(SA_KEY, null, 2);
export const SA_BASE64 = Buffer.from(JSON.stringify(SA_KEY)).toString('base64');

/** What the user types per provider; `true` ticks an option; the GCS key is pasted. */
export const INPUT: Record<DestinationType, Record<string, string | boolean>> = {
	amazon_s3: {
		bucket: 'wiz-s3-bucket',
		aws_region: 'eu-west-1',
		aws_access_key_id: 'FAKEKEYIDS3WIZ01',
		aws_secret_access_key: 'fake-s3-secret-wiz-0001',
		explicit_sse: true,
	},
	s3_compatible: {
		bucket: 'wiz-minio-bucket',
		endpoint: 'https://objects.example.com',
		region: 'eu-de',
		access_key_id: 'FAKEKEYIDMINIO1',
		secret_access_key: 'fake-minio-secret-0001',
		use_path_style: true,
	},
	google_cloud_storage: {bucket: 'wiz-gcs-bucket', credentials: SA_JSON},
	azure_blob_storage: {
		account: 'wizacct01',
		container: 'wiz-container',
		storage_endpoint_suffix: 'core.usgovcloudapi.net',
		sas_token: '?sv=2024-11-04&sp=rwdl&sig=fakeWizardSignature1',
		'@name': 'Wizard Azure archive',
	},
	oracle_cloud_storage: {
		bucket: 'wiz-oci-bucket',
		namespace: 'wizns01',
		region: 'us-ashburn-1',
		customer_access_key_id: 'FAKEOCIKEYID01',
		customer_secret_key: 'fake-oci-secret-0001',
	},
};

/** The secrets typed for a provider: none of them may ever be on screen. */
export function typedSecrets(t: DestinationType): string[] {
	const spec = PROVIDERS.find((p) => p.type === t)!;
	return spec.fields
		.filter((f) => f.secret)
		.flatMap((f) => {
			const v = INPUT[t][f.key];
			if (typeof v !== 'string') return [];
			return f.key === 'credentials' ? [v, SA_KEY.private_key, SA_BASE64, SA_BASE64.slice(0, 40)] : [v, v.replace(/^\?/, '')];
		});
}

/** Chooses the provider on step 1 (arrow keys, as a person would). */
export async function openProvider(r: Rendered, t: DestinationType): Promise<void> {
	const index = PROVIDERS.findIndex((p) => p.type === t);
	for (let i = 0; i < index; i++) await press(r, KEYS.down);
	await press(r, KEYS.enter);
}

/** Fills one page's fields in order, Enter after each (the last Enter asks for the next page). */
export async function fillPage(
	r: Rendered,
	t: DestinationType,
	s: number,
	input: Record<string, string | boolean> = INPUT[t],
): Promise<void> {
	const steps = stepsFor(t);
	const step = steps[s]!;
	if (step.kind !== 'fields') throw new Error('unexpected step');
	if (!frame(r).includes(`step ${s + 1} of ${steps.length}`)) throw new Error(`not on step ${s + 1}:\n${frame(r)}`);
	for (const field of step.fields) {
		const value = input[fieldKey(field)];
		if (field.kind === 'param' && field.spec.kind === 'boolean') {
			if (value === true) await press(r, KEYS.space);
		} else if (typeof value === 'string' && value) {
			if (field.kind === 'param' && field.spec.key === 'credentials') await paste(r, value, 3);
			else await type(r, value);
		}
		await press(r, KEYS.enter);
	}
}

/** Opens the provider's pages from step 1 and fills every field; stops on the review. */
export async function walkToReview(r: Rendered, t: DestinationType, input: Record<string, string | boolean> = INPUT[t]): Promise<void> {
	await openProvider(r, t);
	const steps = stepsFor(t);
	for (let s = 1; s < steps.length - 1; s++) await fillPage(r, t, s, input);
	if (!frame(r).includes('Review')) throw new Error(`not on the review:\n${frame(r)}`);
}
