// The built destui in a real pseudo-terminal against a sandbox: two destinations created through
// the wizard (Amazon S3 with the region picker, GCS with a bracketed paste of a multi-line key),
// then one credential rotation; the sandbox holds exactly what was typed, and no typed secret
// ever reaches the terminal.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {REDACTED} from '../../src/catalogue/providers.js';
import {destuiOn, requestLog, sandbox} from '../harness/e2e.js';
import {KEYS, type TerminalSession} from '../harness/terminal.js';

const SA_KEY = {
	type: 'service_account',
	project_id: 'e2e-demo',
	private_key: 'fake-key-material',
	client_email: 'e2e-bot@e2e-demo.iam.gserviceaccount.com',
};
const SA_JSON = JSON.stringify(SA_KEY, null, 2);
const SECRETS = [
	'fake-e2e-s3-secret-01',
	'fake-e2e-rotated-02',
	'fake-key-material',
	Buffer.from(JSON.stringify(SA_KEY)).toString('base64').slice(0, 32),
];

/** A page is up: the main screen's one key listener hands it every key from then on. */
const step = (s: TerminalSession, title: string): Promise<string> => s.waitFor(title);

/** destui on an empty organisation, with the wizard open at Amazon S3's first page. */
async function openS3Wizard() {
	const sb = await sandbox({seed: 'empty'});
	const s = destuiOn(sb);
	await step(s, 'No destinations yet');
	await s.press('n');
	await step(s, 'New destination · step 1 of 5');
	await s.press(KEYS.enter);
	await step(s, 'Amazon S3 · step 2 of 5');
	return {sb, s};
}

describe('wizard and rotation in a real terminal', () => {
	it('creates an S3 and a GCS destination, rotates the S3 keys, and never echoes a secret', async () => {
		// Amazon S3, the region chosen from the filtered list.
		const {sb, s} = await openS3Wizard();
		await s.type('e2e-s3-bucket');
		await s.press(KEYS.enter);
		await s.type('eu-w');
		await step(s, 'eu-west-3');
		await s.press(KEYS.down, KEYS.down, KEYS.enter);
		await s.waitFor(/Region\s+eu-west-2/);
		await s.press(KEYS.enter);
		await step(s, 'Amazon S3 · step 3 of 5');
		await s.type('FAKEE2EKEYID01');
		await s.press(KEYS.enter);
		await s.type(SECRETS[0]!);
		await s.waitFor('•'.repeat(SECRETS[0]!.length));
		await s.press(KEYS.enter);
		await step(s, 'Amazon S3 · step 4 of 5');
		await s.press(' ');
		await s.waitFor('[x] on');
		await s.press(KEYS.enter);
		await s.type('E2E S3');
		await s.press(KEYS.enter);
		await step(s, 'Amazon S3 · step 5 of 5 · Review');
		await s.press(KEYS.enter);
		await s.waitFor('Created E2E S3');

		// Google Cloud Storage, the key pasted (bracketed, multi-line: its newlines must not submit).
		await s.press('n');
		await step(s, 'New destination · step 1 of 5');
		await s.press(KEYS.down, KEYS.down, KEYS.enter);
		await step(s, 'Google Cloud Storage · step 2 of 4');
		await s.type('e2e-gcs-bucket');
		await s.press(KEYS.enter);
		await step(s, 'Google Cloud Storage · step 3 of 4');
		await s.waitFor(() => s.output().includes('\x1b[?2004h'));
		await s.press(KEYS.paste(SA_JSON.replace(/\n/g, '\r')));
		await s.waitFor(`service-account key for ${SA_KEY.client_email}`);
		expect(await s.screen()).toContain('Google Cloud Storage · step 3 of 4');
		await s.press(KEYS.enter);
		await s.waitFor(() => s.output().lastIndexOf('\x1b[?2004l') > s.output().lastIndexOf('\x1b[?2004h'));
		await s.press(KEYS.enter);
		await step(s, 'Google Cloud Storage · step 4 of 4 · Review');
		await s.press(KEYS.enter);
		await s.waitFor('Created e2e-gcs-bucket');

		// Rotate the S3 destination's keys: the new one is selected, the S3 one is below it.
		await s.press(KEYS.down);
		await s.waitFor(/› E2E S3/);
		await s.press('c');
		await step(s, 'Rotate credentials · E2E S3 · Amazon S3');
		await s.type('FAKEE2EKEYID02');
		await s.press(KEYS.enter);
		await s.type(SECRETS[1]!);
		await s.press(KEYS.enter, KEYS.enter);
		await step(s, '[ No ]');
		await s.press('y');
		await s.waitFor('Credentials of E2E S3 rotated');

		const api = createClient({apiKey: 'PLAK-sandbox-user', baseUrl: sb.apiBase});
		const list = await api.list();
		expect(list.map((d) => d.name).sort()).toEqual(['E2E S3', 'e2e-gcs-bucket']);
		const s3 = list.find((d) => d.name === 'E2E S3')!;
		expect(s3.parameters).toEqual({
			bucket: 'e2e-s3-bucket',
			aws_region: 'eu-west-2',
			aws_access_key_id: 'FAKEE2EKEYID02',
			aws_secret_access_key: REDACTED,
			explicit_sse: true,
		});
		expect(s3.updated > s3.created).toBe(true);
		expect(list.find((d) => d.name === 'e2e-gcs-bucket')!.parameters).toEqual({bucket: 'e2e-gcs-bucket', credentials: REDACTED});
		const log = {requests: await requestLog(sb)};
		expect(log.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.status}`)).toEqual([
			'POST 201',
			'POST 201',
			'PATCH 200',
		]);

		const bytes = s.output();
		for (const secret of SECRETS) expect(bytes).not.toContain(secret);

		await s.press('q');
		expect((await s.exited).code).toBe(0);
	}, 60_000);

	it('Ctrl-C and q do not quit from the wizard: leaving with typed input asks first', async () => {
		const {s} = await openS3Wizard();
		await s.type('q');
		await s.waitFor(/Bucket\s+q/);
		await s.press(KEYS.ctrlC);
		await s.waitFor('Leave the wizard? What you typed will be lost.');
		await s.press('n');
		await s.waitFor((screen) => !screen.includes('Leave the wizard?'));
		expect(s.hasExited).toBe(false);
		await s.press(KEYS.esc, KEYS.esc);
		await s.waitFor('Leave the wizard?');
		await s.press('y');
		await step(s, 'No destinations yet');
		await s.press('q');
		expect((await s.exited).code).toBe(0);
	}, 30_000);
});
