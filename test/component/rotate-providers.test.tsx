// The rotation form for each of the five providers, opened with `c` on the main screen over a
// real sandbox: exactly the catalogue's rotatable fields, the exact PATCH parameters, one
// request, the new `updated` time.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {PROVIDERS, REDACTED, rotatableFields, type DestinationType} from '../../src/catalogue/providers.js';
import type {CreateBody} from '../../src/schemas.js';
import {SA_BASE64, SA_JSON} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {allFrames, clientFor, frame, mountMainScreen, press, sandbox, sandboxHook, settle, type} from './wizard-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'destui-rotate-'));
const keyFile = join(dir, 'rotated-key.json');
writeFileSync(keyFile, SA_JSON.replace('wizard-bot@', 'rotated-bot@'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const ROTATED_B64 = Buffer.from(
	JSON.stringify({...JSON.parse(SA_JSON), client_email: JSON.parse(SA_JSON).client_email.replace('wizard-bot@', 'rotated-bot@')}),
).toString('base64');

const CREATE: Record<DestinationType, CreateBody> = {
	amazon_s3: {
		type: 'amazon_s3',
		parameters: {
			bucket: 'rot-s3',
			aws_region: 'us-west-2',
			aws_access_key_id: 'FAKEOLDKEYS301',
			aws_secret_access_key: 'fake-old-s3-secret',
		},
	},
	s3_compatible: {
		type: 's3_compatible',
		parameters: {
			bucket: 'rot-minio',
			endpoint: 'https://objects.example.com',
			region: 'eu-de',
			access_key_id: 'FAKEOLDMINIO01',
			secret_access_key: 'fake-old-minio-secret',
			use_path_style: true,
		},
	},
	google_cloud_storage: {type: 'google_cloud_storage', parameters: {bucket: 'rot-gcs', credentials: SA_BASE64}},
	azure_blob_storage: {
		type: 'azure_blob_storage',
		parameters: {account: 'rotacct01', container: 'rot-container', sas_token: 'sv=2024-01-01&sig=fakeOldSig'},
	},
	oracle_cloud_storage: {
		type: 'oracle_cloud_storage',
		parameters: {
			bucket: 'rot-oci',
			namespace: 'rotns01',
			region: 'us-ashburn-1',
			customer_access_key_id: 'FAKEOLDOCI001',
			customer_secret_key: 'fake-old-oci-secret',
		},
	},
};

/** What the user does per rotatable field: text typed, or an option toggled with Space. */
const INPUT: Record<DestinationType, Record<string, string | 'toggle'>> = {
	amazon_s3: {aws_access_key_id: 'FAKENEWKEYS301', aws_secret_access_key: 'fake-new-s3-secret', explicit_sse: 'toggle'},
	s3_compatible: {access_key_id: 'FAKENEWMINIO01', secret_access_key: 'fake-new-minio-secret', use_path_style: 'toggle'},
	google_cloud_storage: {credentials: keyFile},
	azure_blob_storage: {sas_token: '?sv=2025-01-05&sp=rwdl&sig=fakeNewSignature'},
	oracle_cloud_storage: {customer_access_key_id: 'FAKENEWOCI001', customer_secret_key: 'fake-new-oci-secret'},
};

const SENT: Record<DestinationType, Record<string, string | boolean>> = {
	amazon_s3: {aws_access_key_id: 'FAKENEWKEYS301', aws_secret_access_key: 'fake-new-s3-secret', explicit_sse: true},
	// The option was on: Space cannot turn it off (Planet documents no way to), and it is left out.
	s3_compatible: {access_key_id: 'FAKENEWMINIO01', secret_access_key: 'fake-new-minio-secret'},
	google_cloud_storage: {credentials: ROTATED_B64},
	azure_blob_storage: {sas_token: 'sv=2025-01-05&sp=rwdl&sig=fakeNewSignature'},
	oracle_cloud_storage: {customer_access_key_id: 'FAKENEWOCI001', customer_secret_key: 'fake-new-oci-secret'},
};

describe.each(PROVIDERS.map((p) => [p.label, p.type] as const))('rotating %s credentials', (_label, t) => {
	it('shows the rotatable fields, confirms with No focused, sends one PATCH', async () => {
		const sb = await sandbox('empty');
		const api = clientFor(sb);
		const before = await api.create(CREATE[t]);
		const {r, rotations} = await mountMainScreen(sb);
		await sandboxHook(sb, 'requests', undefined, 'DELETE');
		expect(frame(r)).toContain(`› ${before.name}`);
		await press(r, 'c');
		expect(frame(r)).toContain(`Rotate credentials · ${before.name}`);

		const fields = rotatableFields(t);
		for (const f of PROVIDERS.find((p) => p.type === t)!.fields) {
			if (f.rotatable) expect(frame(r)).toContain(f.label);
			else expect(frame(r)).not.toContain(`${f.label} `);
		}
		for (const f of fields) {
			const action = INPUT[t][f.key];
			if (action === 'toggle') await press(r, KEYS.space);
			else if (action) await type(r, action);
			await press(r, KEYS.enter);
		}
		expect(frame(r)).toContain('[ No ]');
		expect(frame(r)).toContain('cannot be undone');
		await press(r, KEYS.right, KEYS.enter);
		await settle(r, () => frame(r).includes('rotated'));

		expect(rotations).toEqual([{id: before.id, parameters: SENT[t]}]);
		const log = (await sandboxHook(sb, 'requests', undefined, 'GET')) as {requests: {method: string; path: string; status: number}[]};
		expect(log.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual([`PATCH /destinations/v1/${before.id} 200`]);
		const after = await api.get(before.id);
		expect(after.updated > before.updated).toBe(true);
		for (const [k, v] of Object.entries(SENT[t])) {
			const secret = fields.find((f) => f.key === k)!.secret;
			expect(after.parameters[k]).toEqual(secret ? REDACTED : v);
		}
		// Back on the main screen, which says so with the new `updated` time.
		expect(frame(r)).not.toContain('Rotate credentials ·');
		expect(frame(r).replace(/\s+/g, ' ')).toContain('rotated · updated just now.');
		expect(after.updated).not.toBe('');
		const frames = allFrames(r);
		for (const [k, v] of Object.entries(SENT[t])) {
			if (typeof v === 'string' && fields.find((f) => f.key === k)!.secret) {
				expect(frames).not.toContain(v);
				expect(frames).not.toContain(v.slice(0, 12));
			}
		}
		expect(frames).not.toContain('fake-key-material');
	});
});
