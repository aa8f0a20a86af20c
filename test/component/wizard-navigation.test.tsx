// Moving through the wizard: titles and key hints, Esc back without loss, leaving with a y/N
// question, the region picker, Ctrl-R for the focused secret only, the name default and clash
// warnings, and the organisation's limit said on opening.
import React, {act} from 'react';
import {describe, expect, it} from 'vitest';
import {CreateWizard} from '../../components/wizard/CreateWizard.js';
import {ORG_DESTINATION_LIMIT, PROVIDERS} from '../../src/catalogue/providers.js';
import type {Destination} from '../../src/schemas.js';
import {stepsFor} from '../../src/wizard/steps.js';
import {fillPage, INPUT, openProvider} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {allFrames, frame, mount, press, together, type, type Rendered} from './wizard-helpers.js';

/** The frame with runs of whitespace folded, for messages that wrap. */
const flat = (r: Rendered) => frame(r).replace(/\s+/g, ' ');

const fake = (name: string, archived: string | null = null): Destination =>
	({
		id: `${name}-id`,
		name,
		type: 'amazon_s3',
		parameters: {},
		created: 'x',
		updated: 'x',
		archived,
		permissions: {can_write: true},
		ownership: {is_owner: true},
		'pl:ref': `pl:destinations/${name}-id`,
		default: false,
	}) as Destination;

function setup(existing: readonly Destination[] = []) {
	const calls = {cancelled: 0, created: 0, sent: 0};
	const tree = (
		<CreateWizard
			existing={existing}
			create={async () => {
				calls.sent++;
				throw new Error('not in these tests');
			}}
			onCreated={() => calls.created++}
			onCancel={() => calls.cancelled++}
			width={100}
			height={30}
		/>
	);
	return {calls, tree};
}

describe('wizard navigation', () => {
	it('lists the five providers with their descriptions, and titles each step', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		for (const p of PROVIDERS) {
			expect(frame(r)).toContain(p.label);
			expect(frame(r)).toContain(p.description);
		}
		expect(frame(r)).toContain('New destination · step 1 of 5 · Provider');
		await openProvider(r, 'amazon_s3');
		expect(frame(r)).toContain('Amazon S3 · step 2 of 5 · Bucket and location');
		expect(frame(r)).toContain('Enter next field · Esc back · Tab/Shift-Tab fields');
	});

	it('Esc goes back one step and nothing typed is lost', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await openProvider(r, 'amazon_s3');
		await fillPage(r, 'amazon_s3', 1);
		await type(r, 'FAKEKEYIDS3WIZ01');
		await press(r, KEYS.esc);
		expect(frame(r)).toContain('step 2 of 5');
		expect(frame(r)).toContain('wiz-s3-bucket');
		expect(frame(r)).toContain('eu-west-1');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('step 3 of 5');
		expect(frame(r)).toContain('FAKEKEYIDS3WIZ01');
		// Back to step 1 and into the same provider: still all there.
		await press(r, KEYS.esc, KEYS.esc);
		expect(frame(r)).toContain('step 1 of 5');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('wiz-s3-bucket');
	});

	it('keys that reach it in one read (fast typing, a slow link) act one by one', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await act(async () => {
			r.stdin.write('\rwiz-s3-bucket\reu-west-1\rFAKEID1234');
		});
		expect(frame(r)).toContain('Amazon S3 · step 3 of 5');
		expect(frame(r)).toMatch(/Access key ID\s+FAKEID1234/);
		await press(r, KEYS.esc);
		expect(frame(r)).toMatch(/Bucket\s+wiz-s3-bucket/);
		expect(frame(r)).toMatch(/Region\s+eu-west-1/);
	});

	it('arrows and Enter read together choose what they would apart, in the provider list and the region picker', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		// Escape sequences of one read reach the screen one after the other before it draws again.
		await together(r, `${KEYS.down}${KEYS.down}${KEYS.enter}`);
		expect(frame(r)).toContain(`${PROVIDERS[2]!.label} · step 2 of`);
		await press(r, KEYS.esc);
		expect(frame(r)).toContain(`› 3. ${PROVIDERS[2]!.label}`);
		// And a run of plain keys with them: k, ↑, Enter.
		await together(r, `k${KEYS.up}${KEYS.enter}`);
		expect(frame(r)).toContain(`${PROVIDERS[0]!.label} · step 2 of`);
		await press(r, KEYS.esc, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
		expect(frame(r)).toContain(`› 5. ${PROVIDERS[4]!.label}`);
		await press(r, KEYS.enter, KEYS.tab, KEYS.tab);
		await type(r, 'eu-ma');
		await together(r, `${KEYS.down}${KEYS.down}${KEYS.enter}`);
		expect(frame(r)).toMatch(/Region\s+eu-marseille-1/);
	});

	it('Tab and Shift-Tab move between fields, wrapping', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await openProvider(r, 'azure_blob_storage');
		await type(r, 'acct');
		await press(r, KEYS.tab);
		await type(r, 'cont');
		await press(r, KEYS.shiftTab, KEYS.shiftTab);
		await type(r, 'x');
		expect(frame(r)).toMatch(/Endpoint suffix \(optional\)\s+x/);
		await press(r, KEYS.tab);
		await type(r, '2');
		expect(frame(r)).toContain('acct2');
	});

	it('leaving with typed input asks first, No by default; q and Ctrl-C are not quit', async () => {
		const {tree, calls} = setup();
		const r = await mount(tree);
		await openProvider(r, 'amazon_s3');
		await type(r, 'q');
		expect(frame(r)).toMatch(/Bucket\s+q/);
		await press(r, KEYS.esc, KEYS.esc);
		expect(frame(r)).toContain('Leave the wizard? What you typed will be lost.  y leave · N stay (default)');
		await press(r, KEYS.enter);
		expect(calls.cancelled).toBe(0);
		expect(frame(r)).not.toContain('Leave the wizard?');
		await press(r, KEYS.ctrlC);
		expect(frame(r)).toContain('Leave the wizard?');
		await press(r, 'n');
		expect(calls.cancelled).toBe(0);
		await press(r, KEYS.esc);
		await press(r, 'y');
		expect(calls.cancelled).toBe(1);
	});

	it('leaves at once when nothing was typed', async () => {
		const {tree, calls} = setup();
		const r = await mount(tree);
		await press(r, KEYS.down, KEYS.esc);
		expect(calls.cancelled).toBe(1);
	});

	it('picks a region from the filtered list, or keeps a new one typed freely', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await openProvider(r, 'oracle_cloud_storage');
		await press(r, KEYS.tab, KEYS.tab);
		await type(r, 'eu-');
		const listed = frame(r);
		expect(listed).toContain('eu-frankfurt-1');
		expect(listed).not.toContain('ap-tokyo-1');
		await type(r, 'ma');
		expect(frame(r)).toContain('eu-madrid-1');
		expect(frame(r)).toContain('eu-marseille-1');
		expect(frame(r)).not.toContain('eu-frankfurt-1');
		// While a region is highlighted, the hints say what Enter and Esc do to the list.
		expect(frame(r)).toContain('Enter next step · Esc back');
		await press(r, KEYS.down, KEYS.down);
		expect(frame(r)).toContain('Enter pick this region · Esc close the list');
		expect(frame(r)).not.toContain('Esc back');
		await press(r, KEYS.enter);
		expect(frame(r)).toMatch(/Region\s+eu-marseille-1/);
		expect(frame(r)).toContain('Enter next step · Esc back');
		// A region newer than the list is kept as typed.
		await press(r, KEYS.ctrlU);
		await type(r, 'eu-newcity-9');
		expect(frame(r)).toContain('no known region matches: your text will be used as typed');
		await press(r, KEYS.shiftTab, KEYS.shiftTab);
		await type(r, 'bkt');
		await press(r, KEYS.tab);
		await type(r, 'ns1');
		await press(r, KEYS.tab, KEYS.enter);
		expect(frame(r)).toContain('step 3 of 4');
	});

	it('masks a secret as it is typed; Ctrl-R shows it for the focused field only', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await openProvider(r, 'amazon_s3');
		await fillPage(r, 'amazon_s3', 1);
		expect(frame(r)).not.toContain('Ctrl-R');
		await press(r, KEYS.tab);
		expect(frame(r)).toContain('Ctrl-R show/hide the secret');
		const secret = 'fake-reveal-me-0001';
		await type(r, secret);
		expect(frame(r)).toContain('•'.repeat(secret.length));
		expect(frame(r)).not.toContain(secret);
		await press(r, KEYS.ctrlR);
		expect(frame(r)).toContain(secret);
		await press(r, KEYS.ctrlR);
		expect(frame(r)).not.toContain(secret);
		await press(r, KEYS.ctrlR, KEYS.shiftTab);
		// Moving to another field hides it again, and coming back does not show it.
		expect(frame(r)).not.toContain(secret);
		await press(r, KEYS.tab);
		expect(frame(r)).not.toContain(secret);
		// Ctrl-R on a field that is not secret shows nothing and types nothing.
		await press(r, KEYS.shiftTab, KEYS.ctrlR);
		expect(frame(r)).not.toMatch(/Access key ID\s+r/);
	});

	it('never shows a typed secret in any frame while it is typed and reviewed', async () => {
		const {tree} = setup();
		const r = await mount(tree);
		await openProvider(r, 'oracle_cloud_storage');
		await fillPage(r, 'oracle_cloud_storage', 1);
		await fillPage(r, 'oracle_cloud_storage', 2);
		expect(frame(r)).toContain('Review');
		expect(frame(r)).toMatch(/Secret key\s+••••••••/);
		const frames = allFrames(r);
		const secret = INPUT.oracle_cloud_storage.customer_secret_key as string;
		for (let n = 4; n <= secret.length; n++) expect(frames).not.toContain(secret.slice(0, n));
	});

	it('names the destination after the bucket, and warns at once when that name is taken', async () => {
		const {tree} = setup([fake('wiz-s3-bucket')]);
		const r = await mount(tree);
		await openProvider(r, 'amazon_s3');
		await type(r, 'wiz-s3-bucket');
		expect(frame(r).replace(/\s+/g, ' ')).toContain('! a destination is already named "wiz-s3-bucket": choose another name on step 4');
		await press(r, KEYS.enter);
		await type(r, 'us-east-1');
		await press(r, KEYS.enter);
		await fillPage(r, 'amazon_s3', 2);
		// The name step says it before the user does anything, and will not let them pass.
		expect(flat(r)).toContain('✗ Name (by default "wiz-s3-bucket") is already taken in your organisation: type another name');
		await press(r, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('step 4 of 5');
		await type(r, 'Wizard S3');
		expect(frame(r)).not.toContain('already taken');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('step 5 of 5 · Review');
		expect(frame(r)).toMatch(/Name\s+Wizard S3/);
	});

	it('warns as a typed name matches a destination of the org', async () => {
		const {tree} = setup([fake('Taken name')]);
		const r = await mount(tree);
		await openProvider(r, 'google_cloud_storage');
		await fillPage(r, 'google_cloud_storage', 1);
		await press(r, KEYS.tab);
		await type(r, 'Taken name');
		expect(frame(r)).toContain('✗ Name is already taken in your organisation');
		await type(r, '2');
		expect(frame(r)).not.toContain('already taken');
	});

	it('fits a short terminal: every page of every provider within 16 rows at 80 columns', async () => {
		for (const p of PROVIDERS) {
			const r = await mount(
				<CreateWizard
					existing={[]}
					create={async () => Promise.reject(new Error('unused'))}
					onCreated={() => {}}
					onCancel={() => {}}
					width={80}
					height={16}
				/>,
			);
			await openProvider(r, p.type);
			const pages = stepsFor(p.type).length - 2;
			for (let s = 1; s <= pages; s++) {
				// Each field focused in turn (a region field opens its list).
				const step = stepsFor(p.type)[s]!;
				const n = step.kind === 'fields' ? step.fields.length : 0;
				for (let i = 0; i < n; i++) {
					expect(frame(r).split('\n').length, `${p.type} step ${s + 1} field ${i + 1}:\n${frame(r)}`).toBeLessThanOrEqual(16);
					await press(r, KEYS.tab);
				}
				await fillPage(r, p.type, s);
			}
			expect(frame(r)).toContain('Review');
			expect(frame(r).split('\n').length).toBeLessThanOrEqual(16);
		}
	});

	it('says on opening when the organisation is at its limit of active destinations', async () => {
		const full = Array.from({length: ORG_DESTINATION_LIMIT}, (_, i) => fake(`d${i}`));
		const {tree} = setup([...full, fake('old', '2025-01-01T00:00:00Z')]);
		const r = await mount(tree);
		expect(frame(r)).toContain(
			`Your organisation already has ${ORG_DESTINATION_LIMIT} active destinations, the limit is ${ORG_DESTINATION_LIMIT}`,
		);
		const {tree: roomy} = setup([...full.slice(1), fake('old', '2025-01-01T00:00:00Z')]);
		const r2 = await mount(roomy);
		expect(frame(r2)).not.toContain('the limit is');
	});
});
