// The rotation form's guards: no form without permission, the rules refuse bad values, "No" is
// the focused answer, leaving asks when something was typed, and a refused PATCH loses nothing.
import React from 'react';
import {describe, expect, it} from 'vitest';
import {RotateForm} from '../../components/rotate/RotateForm.js';
import type {Destination} from '../../src/schemas.js';
import {KEYS} from '../harness/keys.js';
import {
	allFrames,
	clientFor,
	frame,
	mount,
	press,
	recordingRotate,
	sandbox,
	sandboxHook,
	settle,
	type,
	type Rendered,
} from './wizard-helpers.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';

const flat = (r: Rendered) => frame(r).replace(/\s+/g, ' ');

async function patches(sb: RunningSandbox): Promise<number[]> {
	const log = (await sandboxHook(sb, 'requests', undefined, 'GET')) as {requests: {method: string; status: number | null}[]};
	return log.requests.filter((q) => q.method === 'PATCH').map((q) => q.status ?? 0);
}

async function demo(name: string) {
	const sb = await sandbox('demo');
	const api = clientFor(sb);
	const destination = (await api.list({archived: false})).concat(await api.list({archived: true})).find((d) => d.name === name);
	if (!destination) throw new Error(`no ${name} in the demo seed`);
	const rec = recordingRotate(api, destination.id);
	const out: {done?: Destination; cancelled: number} = {cancelled: 0};
	const r = await mount(
		<RotateForm
			destination={destination}
			rotate={rec.rotate}
			onDone={(d) => (out.done = d)}
			onCancel={() => out.cancelled++}
			width={100}
			height={30}
		/>,
	);
	return {sb, api, destination, rec, out, r};
}

describe('the rotation form', () => {
	it('shows only the reason when the user may not change the destination', async () => {
		const {r, out, sb, destination} = await demo('Azure archive (EU)');
		expect(destination.permissions.can_write).toBe(false);
		expect(frame(r)).toContain('Only the owner of "Azure archive (EU)" or an organisation admin can rotate its credentials.');
		expect(frame(r)).not.toContain('SAS token');
		await press(r, 'x', KEYS.esc);
		expect(out.cancelled).toBe(1);
		expect(await patches(sb)).toEqual([]);
	});

	it('keeps an option that is on, on: it says why, and never sends false', async () => {
		const {r, rec, api, destination} = await demo('MinIO on-prem lab');
		expect(destination.parameters.use_path_style).toBe(true);
		await type(r, 'FAKENEWMINIO02');
		await press(r, KEYS.tab);
		await type(r, 'fake-new-minio-secret-02');
		await press(r, KEYS.tab, KEYS.space, 'n', 'x');
		expect(flat(r)).toContain('[x] on (stays on)');
		expect(flat(r)).toContain('Path-style addressing stays on: Planet documents no way to turn it off');
		await press(r, KEYS.enter, 'y');
		await settle(r, () => rec.sent.length === 1);
		expect(rec.sent).toEqual([{access_key_id: 'FAKENEWMINIO02', secret_access_key: 'fake-new-minio-secret-02'}]);
		expect((await api.get(destination.id)).parameters.use_path_style).toBe(true);
	});

	it('refuses values that break the rules, without asking for confirmation', async () => {
		const {r, sb} = await demo('Field ops imagery');
		await type(r, 'bad id!');
		await press(r, KEYS.tab);
		await type(r, 'short');
		await press(r, KEYS.enter, KEYS.enter);
		expect(flat(r)).toContain('✗ Access key ID may only hold letters and digits, not a space (AWS IAM access key IDs)');
		// Only a warning: some stores' secrets are short; it never blocks on its own.
		expect(flat(r)).toContain('! Secret access key looks too short to be a secret key');
		expect(frame(r)).not.toContain('[ No ]');
		expect(await patches(sb)).toEqual([]);
	});

	it('focuses No: Enter, n and Esc all go back to the form and send nothing', async () => {
		const {r, sb} = await demo('Field ops imagery');
		await type(r, 'FAKENEWKEY0001');
		await press(r, KEYS.tab);
		await type(r, 'fake-new-secret-0001');
		await press(r, KEYS.enter, KEYS.enter);
		expect(frame(r)).toContain('[ No ]');
		await press(r, KEYS.enter);
		expect(frame(r)).not.toContain('[ No ]');
		await press(r, KEYS.enter);
		expect(frame(r)).toContain('[ No ]');
		await press(r, 'n');
		expect(frame(r)).not.toContain('[ No ]');
		await press(r, KEYS.enter);
		await press(r, KEYS.esc);
		expect(frame(r)).not.toContain('[ No ]');
		expect(frame(r)).toContain('FAKENEWKEY0001');
		expect(await patches(sb)).toEqual([]);
		expect(allFrames(r)).not.toContain('fake-new-secret');
	});

	it('asks before closing with typed input; closes at once without', async () => {
		const typed = await demo('Field ops imagery');
		await type(typed.r, 'F');
		await press(typed.r, KEYS.esc);
		expect(frame(typed.r)).toContain('Leave the rotation form? What you typed will be lost.');
		await press(typed.r, KEYS.enter);
		expect(typed.out.cancelled).toBe(0);
		await press(typed.r, KEYS.esc, 'y');
		expect(typed.out.cancelled).toBe(1);
		const empty = await demo('Field ops imagery');
		await press(empty.r, KEYS.esc);
		expect(empty.out.cancelled).toBe(1);
	});

	it('a verification refusal keeps every value and shows the reason; nothing changes', async () => {
		const {r, sb, api, destination, rec} = await demo('Legacy exports');
		await type(r, 'FAKENEWKEY0002');
		await press(r, KEYS.tab);
		await type(r, 'fake-new-secret-0002');
		await press(r, KEYS.enter, KEYS.enter, 'y');
		await settle(r, () => flat(r).includes('planetverify.txt'));
		expect(flat(r)).toContain(
			'The server said: Planet could not write and delete planetverify.txt in the bucket "noaccess-legacy-exports"',
		);
		expect(frame(r)).toContain('FAKENEWKEY0002');
		expect(frame(r)).toMatch(/Secret access key\s+•{20}/);
		expect(rec.sent).toEqual([{aws_access_key_id: 'FAKENEWKEY0002', aws_secret_access_key: 'fake-new-secret-0002'}]);
		expect(await patches(sb)).toEqual([400]);
		expect((await api.get(destination.id)).parameters.aws_access_key_id).toBe(destination.parameters.aws_access_key_id);
		expect(allFrames(r)).not.toContain('fake-new-secret-0002');
	});

	it('after a server error, the same values are sent again on confirmation', async () => {
		const {r, sb, out, rec} = await demo('São Paulo agronomy');
		await sandboxHook(sb, 'faults', {count: 1, methods: ['PATCH'], status: 503});
		await type(r, 'sv=2025-01-05&sp=rwdl&sig=fakeRetrySig');
		await press(r, KEYS.enter, 'y');
		await settle(r, () => flat(r).includes('had a problem on its side'));
		expect(frame(r)).toMatch(/SAS token\s+•+/);
		await press(r, KEYS.enter, KEYS.right, KEYS.enter);
		await settle(r, () => out.done !== undefined);
		expect(rec.sent).toEqual([
			{sas_token: 'sv=2025-01-05&sp=rwdl&sig=fakeRetrySig'},
			{sas_token: 'sv=2025-01-05&sp=rwdl&sig=fakeRetrySig'},
		]);
		expect(await patches(sb)).toEqual([503, 200]);
		// The time as the list shows times (relative), not the raw timestamp.
		expect(frame(r)).toContain('rotated · updated just now.');
		expect(allFrames(r)).not.toContain('fakeRetrySig');
	});
});
