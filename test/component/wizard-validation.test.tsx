// Every field kind's rule refuses a bad value through the UI: the page does not advance, the
// rule is shown in the catalogue's words next to the field, and fixing the value moves on.
import React from 'react';
import {describe, expect, it} from 'vitest';
import {CreateWizard} from '../../components/wizard/CreateWizard.js';
import {fieldError, NAME_FIELD, provider, type DestinationType} from '../../src/catalogue/providers.js';
import type {Destination} from '../../src/schemas.js';
import {NAME_KEY} from '../../src/wizard/form.js';
import {stepOfField, stepsFor} from '../../src/wizard/steps.js';
import {fillPage, INPUT, openProvider} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {frame, mount, paste, press, type} from './wizard-helpers.js';

/** One bad value per field kind and per rule family; the expected words come from the catalogue. */
const CASES: [DestinationType, string, string][] = [
	['amazon_s3', 'bucket', 'imagery--x-s3'],
	['amazon_s3', 'bucket', '192.168.1.1'],
	['amazon_s3', 'aws_region', 'us west 2'],
	['amazon_s3', 'aws_access_key_id', 'has space'],
	['s3_compatible', 'endpoint', 'ftp://objects.example.com'],
	['s3_compatible', 'endpoint', 'not a url'],
	['s3_compatible', 'region', 'eu de'],
	['google_cloud_storage', 'bucket', 'google-things'],
	['google_cloud_storage', 'credentials', '{"type": "authorized_user"}'],
	['azure_blob_storage', 'account', 'has-hyphen'],
	['azure_blob_storage', 'container', 'two--hyphens'],
	['azure_blob_storage', 'storage_endpoint_suffix', 'not_a_domain'],
	['azure_blob_storage', 'sas_token', '?sv=2024-11-04&sp=rw'],
	['oracle_cloud_storage', 'bucket', 'bad/slash'],
	['oracle_cloud_storage', 'namespace', 'acme.tenancy'],
	['oracle_cloud_storage', 'region', 'us ashburn 1'],
];

function expectedProblem(t: DestinationType, key: string, bad: string): string {
	const field = provider(t).fields.find((f) => f.key === key)!;
	if (field.kind !== 'text') throw new Error('text fields only');
	// A GCS key is read (as a file, or pasted text) before it is judged: its words carry no source.
	const problem = field.input === 'gcs-key' ? field.rules[0]!.test(bad) : fieldError(field, bad);
	if (!problem) throw new Error(`${bad} is not refused by ${key}`);
	return `✗ ${field.label} ${problem}`;
}

const mountWizard = (existing: readonly Destination[] = [], width = 100) =>
	mount(
		<CreateWizard
			existing={existing}
			create={async () => Promise.reject(new Error('not expected'))}
			onCreated={() => {}}
			onCancel={() => {}}
			width={width}
			height={40}
		/>,
	);

async function reachPage(
	t: DestinationType,
	step: number,
	existing: readonly Destination[] = [],
	input: Record<string, string | boolean> = INPUT[t],
) {
	const r = await mountWizard(existing);
	await openProvider(r, t);
	for (let s = 1; s <= step; s++) await fillPage(r, t, s, input);
	return r;
}

describe('the wizard refuses what the catalogue refuses', () => {
	it.each(CASES)('%s %s refuses %j and accepts the fix', async (t, key, bad) => {
		const step = stepOfField(t, key)!;
		const r = await reachPage(t, step, [], {...INPUT[t], [key]: bad});
		// Long rules wrap under the field: compare with runs of spaces folded.
		const screen = frame(r).replace(/\s+/g, ' ');
		expect(screen).toContain(`step ${step + 1} of ${stepsFor(t).length}`);
		expect(screen).toContain(expectedProblem(t, key, bad));
		// The rule in plain words stays next to the field.
		expect(screen).toContain(provider(t).fields.find((f) => f.key === key)!.help);

		// Focus is on the first bad field: clear it, give the good value, and the page opens the next.
		await press(r, KEYS.ctrlU);
		const good = INPUT[t][key] as string;
		if (key === 'credentials') await paste(r, good);
		else await type(r, good);
		const fields = stepsFor(t)[step]!;
		const remaining =
			fields.kind === 'fields' ? fields.fields.length - fields.fields.findIndex((f) => f.kind === 'param' && f.spec.key === key) : 1;
		for (let i = 0; i < remaining; i++) await press(r, KEYS.enter);
		expect(frame(r)).toContain(`step ${step + 2} of ${stepsFor(t).length}`);
	});

	it('refuses an empty required field, and a name too short', async () => {
		const r = await mountWizard();
		await openProvider(r, 'amazon_s3');
		await press(r, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('✗ Bucket is required');
		expect(frame(r)).toContain('✗ Region is required');
		expect(frame(r)).toContain('step 2 of 5');

		const r2 = await reachPage('amazon_s3', 3, [], {...INPUT.amazon_s3, [NAME_KEY]: 'ab'});
		expect(frame(r2)).toContain('step 4 of 5');
		expect(frame(r2)).toContain(`✗ Name ${NAME_FIELD.validate('ab')}`);
	});

	it('shows what destui does not recognise as a warning that does not block the page', async () => {
		const r = await mountWizard();
		await openProvider(r, 'amazon_s3');
		await type(r, 'my-imagery');
		await press(r, KEYS.enter);
		await type(r, 'EU-FUTURE-9');
		await press(r, KEYS.shiftTab);
		const page = frame(r).replace(/\s+/g, ' ');
		expect(page).toContain('! Region is not an AWS region destui knows: it is sent as typed (newer regions work)');
		expect(page).not.toContain('✗');
		await press(r, KEYS.tab, KEYS.enter);
		expect(frame(r)).toContain('step 3 of 5');
		await fillPage(r, 'amazon_s3', 2, {...INPUT.amazon_s3, aws_access_key_id: 'ASIAFAKETEMPKEY00000'});
		await fillPage(r, 'amazon_s3', 3);
		const review = frame(r).replace(/\s+/g, ' ');
		expect(review).toContain('Region eu-future-9');
		expect(review).toContain('! Region is not an AWS region destui knows');
		expect(review).toContain('! Access key ID is a temporary key (ASIA…)');
	});

	it('a warning too long for a narrow terminal wraps under its own text, on the page and on the review', async () => {
		const r = await mountWizard([], 60);
		await openProvider(r, 'amazon_s3');
		await fillPage(r, 'amazon_s3', 1);
		await type(r, 'FAKE12');
		await press(r, KEYS.tab);
		const continued = (screen: string) => {
			const lines = screen.split('\n');
			const at = lines.findIndex((l) => /^\s*! Access key ID is/.test(l));
			expect(at, screen).toBeGreaterThan(-1);
			const text = lines[at]!.indexOf('Access key ID is');
			// The next line goes on with the sentence, starting where its first line's text starts.
			expect(lines[at + 1]!.search(/\S/), screen).toBe(text);
		};
		continued(frame(r));
		await type(r, 'secret-of-the-key');
		await press(r, KEYS.enter);
		await fillPage(r, 'amazon_s3', 3);
		expect(frame(r)).toContain('Review');
		continued(frame(r));
	});

	it('asks for a name when the bucket is too short to be one (Oracle allows 1-character buckets)', async () => {
		const r = await reachPage('oracle_cloud_storage', 2, [], {...INPUT.oracle_cloud_storage, bucket: 'ab'});
		expect(frame(r)).toContain('step 3 of 4');
		expect(frame(r)).toContain('✗ Name (by default "ab") must be 3-63 characters (is 2): type a name');
	});
});
