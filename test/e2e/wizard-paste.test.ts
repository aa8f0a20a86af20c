// A GCS key file dropped onto the terminal: terminals paste the dropped file's path in quotes
// (or with escaped spaces), inside bracketed paste. The built destui in a real pseudo-terminal
// reads the file and creates the destination in the sandbox.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {deferCleanup, destuiOn, sandbox, USER_KEY} from '../harness/e2e.js';
import {KEYS} from '../harness/terminal.js';

const SA_KEY = {
	type: 'service_account',
	project_id: 'e2e-drop',
	private_key: 'fake-dropped-key-material',
	client_email: 'dropped@e2e-drop.iam.gserviceaccount.com',
};

describe('a GCS key dropped as a path', () => {
	it('reads the file named by a quoted path with a space in it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'destui drop '));
		deferCleanup(() => rmSync(dir, {recursive: true, force: true}));
		const path = join(dir, 'service account.json');
		writeFileSync(path, JSON.stringify(SA_KEY, null, 2));

		const sb = await sandbox({seed: 'empty'});
		const s = destuiOn(sb);
		await s.waitFor('No destinations yet');
		await s.press('n');
		await s.waitFor('New destination · step 1 of 5');
		await s.press(KEYS.down, KEYS.down, KEYS.enter);
		await s.waitFor('Google Cloud Storage · step 2 of 4');
		await s.type('e2e-dropped-key');
		await s.press(KEYS.enter);
		await s.waitFor('Google Cloud Storage · step 3 of 4');
		await s.waitFor(() => s.output().includes('\x1b[?2004h'));
		await s.press(KEYS.paste(`'${path}' `));
		// The path is shown as pasted (it is not secret); leaving the field reads the file.
		await s.waitFor('service account.json');
		await s.press(KEYS.enter);
		await s.waitFor(`service-account key for ${SA_KEY.client_email}`);
		await s.press(KEYS.enter);
		await s.waitFor('Google Cloud Storage · step 4 of 4 · Review');
		await s.press(KEYS.enter);
		await s.waitFor('Created e2e-dropped-key');

		const [created] = await createClient({apiKey: USER_KEY, baseUrl: sb.apiBase}).list();
		expect(created).toMatchObject({name: 'e2e-dropped-key', type: 'google_cloud_storage', parameters: {bucket: 'e2e-dropped-key'}});
		expect(s.output()).not.toContain('fake-dropped-key-material');
		await s.press('q');
		expect((await s.exited).code).toBe(0);
	}, 30_000);
});
