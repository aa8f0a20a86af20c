// The service-account key: how Ink 6.8 hands over a bracketed paste, a key loaded from a file
// (a leading ~ expanded), a multi-line paste that never submits, and key material never shown.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import React from 'react';
import {Text, useInput} from 'ink';
import {act} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {CreateWizard} from '../../components/wizard/CreateWizard.js';
import type {Destination} from '../../src/schemas.js';
import {realFiles, type FileAccess} from '../../src/wizard/gcs-source.js';
import {SA_BASE64, SA_JSON, SA_KEY} from './wizard-fixtures.js';
import {KEYS} from '../harness/keys.js';
import {allFrames, clientFor, frame, mount, press, recordingCreate, sandbox, settle, type, type Rendered} from './wizard-helpers.js';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});
function home(): string {
	const d = mkdtempSync(join(tmpdir(), 'destui-home-'));
	dirs.push(d);
	return d;
}

const flat = (r: Rendered) => frame(r).replace(/\s+/g, ' ');

function noKeyMaterial(r: Rendered): void {
	const frames = allFrames(r);
	expect(frames).not.toContain(SA_KEY.private_key);
	expect(frames).not.toContain(SA_BASE64.slice(0, 24));
	expect(frames).not.toContain('"private_key"');
	expect(frames).not.toContain('private_key_id');
}

async function wizardAtKey(files: FileAccess = realFiles) {
	const sb = await sandbox('empty');
	const api = clientFor(sb);
	const rec = recordingCreate(api);
	const out: {created?: Destination} = {};
	const r = await mount(
		<CreateWizard
			existing={[]}
			create={rec.create}
			onCreated={(d) => (out.created = d)}
			onCancel={() => {}}
			width={100}
			height={30}
			files={files}
		/>,
	);
	await press(r, KEYS.down, KEYS.down, KEYS.enter);
	await type(r, 'wiz-gcs-bucket');
	await press(r, KEYS.enter);
	expect(frame(r)).toContain('Google Cloud Storage · step 3 of 4');
	return {r, rec, out, api};
}

describe('Ink 6.8 and bracketed paste', () => {
	it('hands over the start marker, the text with its newlines, and the end marker as three inputs', async () => {
		const seen: [string, boolean][] = [];
		function Probe() {
			useInput((input, key) => {
				seen.push([input, key.return]);
			});
			return <Text>probe</Text>;
		}
		const r = await mount(<Probe />);
		await act(async () => {
			r.stdin.write('\x1b[200~{\n"a": 1\r}\x1b[201~');
		});
		expect(seen).toEqual([
			['[200~', false],
			['{\n"a": 1\r}', false],
			['[201~', false],
		]);
		// Split by the terminal, a chunk that is a lone carriage return looks exactly like Enter.
		seen.length = 0;
		for (const chunk of ['\x1b[200~ab', '\r', 'cd\x1b[201~']) {
			await act(async () => {
				r.stdin.write(chunk);
			});
		}
		expect(seen).toEqual([
			['[200~', false],
			['ab', false],
			['\r', true],
			['cd', false],
			['[201~', false],
		]);
	});
});

describe('the service-account key field', () => {
	it('loads the key from a file named with ~, shows only whose key it is, and sends its base64', async () => {
		const dir = home();
		writeFileSync(join(dir, 'planet-sa.json'), SA_JSON);
		const {r, rec, out, api} = await wizardAtKey({...realFiles, home: () => dir});
		await type(r, '~/planet-sa.json');
		expect(frame(r)).toContain('~/planet-sa.json');
		await press(r, KEYS.enter);
		expect(flat(r)).toContain(`✓ service-account key for ${SA_KEY.client_email}`);
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('Review');
		expect(flat(r)).toContain(`•••••••• service-account key for ${SA_KEY.client_email}`);
		await press(r, KEYS.enter);
		await settle(r, () => out.created !== undefined);
		expect(rec.bodies[0]).toEqual({type: 'google_cloud_storage', parameters: {bucket: 'wiz-gcs-bucket', credentials: SA_BASE64}});
		expect((await api.get(out.created!.id)).parameters).toEqual({bucket: 'wiz-gcs-bucket', credentials: '<REDACTED>'});
		noKeyMaterial(r);
	});

	it('takes a multi-line key pasted in pieces: newlines never submit, the text is never drawn', async () => {
		const {r, rec} = await wizardAtKey();
		const lines = SA_JSON.replace(/\n/g, '\r\n');
		await act(async () => {
			r.stdin.write('\x1b[200~' + lines.slice(0, 30));
		});
		await act(async () => {
			r.stdin.write('\r');
		});
		await act(async () => {
			r.stdin.write(lines.slice(30) + '\x1b[201~');
		});
		expect(frame(r)).toContain('step 3 of 4');
		expect(frame(r)).toMatch(/› Service-account key/);
		expect(flat(r)).toContain('characters pasted');
		expect(flat(r)).toContain(`✓ service-account key for ${SA_KEY.client_email}`);
		await press(r, KEYS.enter, KEYS.enter, KEYS.enter);
		await settle(r, () => rec.bodies.length === 1);
		expect(rec.bodies[0]!.parameters.credentials).toBe(SA_BASE64);
		noKeyMaterial(r);
	});

	it('takes the base64 pasted by a terminal without bracketed paste', async () => {
		const {r, rec} = await wizardAtKey();
		await act(async () => {
			r.stdin.write(SA_BASE64);
		});
		await press(r, KEYS.enter, KEYS.enter, KEYS.enter);
		await settle(r, () => rec.bodies.length === 1);
		expect(rec.bodies[0]!.parameters.credentials).toBe(SA_BASE64);
		noKeyMaterial(r);
	});

	it('keeps a multi-line key pasted without markers in the key field', async () => {
		const {r, rec} = await wizardAtKey();
		await act(async () => {
			r.stdin.write(SA_JSON.replace(/\n/g, '\r'));
		});
		expect(frame(r)).toMatch(/› Service-account key/);
		expect(flat(r)).toContain(`✓ service-account key for ${SA_KEY.client_email}`);
		await press(r, KEYS.enter, KEYS.enter, KEYS.enter);
		await settle(r, () => rec.bodies.length === 1);
		expect(rec.bodies[0]!.parameters.credentials).toBe(SA_BASE64);
		noKeyMaterial(r);
	});

	it('says what is wrong with a path or a file without showing the file', async () => {
		const dir = home();
		const {r} = await wizardAtKey({...realFiles, home: () => dir});
		await type(r, '~/missing.json');
		await press(r, KEYS.enter);
		expect(flat(r)).toContain(`✗ Service-account key names no file: ${join(dir, 'missing.json')}`);
		writeFileSync(join(dir, 'token.json'), '{"type": "authorized_user", "refresh_token": "fake-refresh-material"}');
		await press(r, KEYS.shiftTab, KEYS.ctrlU);
		await type(r, '~/token.json');
		await press(r, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('step 3 of 4');
		expect(flat(r)).toContain('names a file that must be a service-account key');
		expect(allFrames(r)).not.toContain('fake-refresh-material');
	});

	it("strips control characters from the key file's client_email before showing it", async () => {
		const dir = home();
		writeFileSync(join(dir, 'evil.json'), JSON.stringify({...SA_KEY, client_email: 'bot\x1b]52;c;QUFBQQ==\x07@evil.example\x1b[2J'}));
		const {r} = await wizardAtKey({...realFiles, home: () => dir});
		await type(r, '~/evil.json');
		await press(r, KEYS.enter);
		expect(flat(r)).toContain('✓ service-account key for bot]52;c;QUFBQQ==@evil.example[2J');
		expect(allFrames(r)).not.toContain('\x1b]52');
		expect(allFrames(r)).not.toContain('\x1b[2J');
		noKeyMaterial(r);
	});
});
