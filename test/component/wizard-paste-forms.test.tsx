// Values pasted the way people find them: a whole Azure SAS URL (destui keeps its query part and
// says so, and warns when it is for another account), a region in capitals (sent in lower case,
// said beside the field). Through the main screen, against a real sandbox.
import {describe, expect, it} from 'vitest';
import {stepsFor} from '../../src/wizard/steps.js';
import {fillPage, INPUT, openProvider, walkToReview} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {allFrames, frame, mountMainScreen, press, sandbox, settle} from './wizard-helpers.js';

const TOKEN = 'sv=2024-11-04&sp=rwdl&se=2099-01-01T00%3A00%3A00Z&sig=fakeWizardUrlSignature';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('pasted forms of real values', () => {
	it('takes a whole SAS URL, says it keeps the query part, and sends only that', async () => {
		const sb = await sandbox('empty');
		const {r, bodies, store} = await mountMainScreen(sb);
		await press(r, 'n');
		const url = `https://wizacct01.blob.core.usgovcloudapi.net/wiz-container?${TOKEN}`;
		await walkToReview(r, 'azure_blob_storage', {...INPUT.azure_blob_storage, sas_token: url});
		const review = flat(frame(r));
		expect(review).toContain('· SAS token is a whole SAS URL: destui keeps only its query part (the token), which is what Planet wants');
		expect(review).not.toContain('! SAS token');
		await press(r, KEYS.enter);
		await settle(r, () => store.getSnapshot().destinations.length === 1);
		expect(bodies[0]!.parameters.sas_token).toBe(TOKEN);
		expect(allFrames(r)).not.toContain('fakeWizardUrlSignature');
	});

	it('warns, without blocking, when the SAS URL is for another account or container', async () => {
		const sb = await sandbox('empty');
		const {r} = await mountMainScreen(sb);
		await press(r, 'n');
		await openProvider(r, 'azure_blob_storage');
		await fillPage(r, 'azure_blob_storage', 1);
		const url = `https://otheracct.blob.core.windows.net/other-container?${TOKEN}`;
		await fillPage(r, 'azure_blob_storage', 2, {...INPUT.azure_blob_storage, sas_token: url, '@name': ''});
		// The page still opened the review; the warnings are there, beside the masked value.
		expect(frame(r)).toContain(`step ${stepsFor('azure_blob_storage').length} of`);
		const review = flat(frame(r));
		expect(review).toContain('! SAS token is a SAS URL for the account "otheracct", not "wizacct01"');
		expect(review).toContain('! SAS token is a SAS URL for the container "other-container", not "wiz-container"');
	});

	it('takes a region in capitals and says it is sent in lower case', async () => {
		const sb = await sandbox('empty');
		const {r, bodies, store} = await mountMainScreen(sb);
		await press(r, 'n');
		await openProvider(r, 'oracle_cloud_storage');
		await fillPage(r, 'oracle_cloud_storage', 1, {...INPUT.oracle_cloud_storage, region: 'US-GOV-ASHBURN-1'});
		await press(r, KEYS.esc);
		expect(flat(frame(r))).toContain('· Region is sent as us-gov-ashburn-1');
		expect(flat(frame(r))).not.toContain('! Region');
		await press(r, KEYS.enter);
		await fillPage(r, 'oracle_cloud_storage', 2);
		await press(r, KEYS.enter);
		await settle(r, () => store.getSnapshot().destinations.length === 1);
		expect(bodies[0]!.parameters.region).toBe('us-gov-ashburn-1');
	});
});
