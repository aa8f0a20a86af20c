import {describe, expect, it} from 'vitest';
import {ApiError} from '../../src/api/errors.js';
import type {Destination} from '../../src/schemas.js';
import {NAME_KEY, textValue} from '../../src/wizard/form.js';
import {realFiles} from '../../src/wizard/gcs-source.js';
import type {Key} from '../../src/keys/read.js';
import {makeRotationReducer, initialRotation} from '../../src/wizard/rotation-state.js';
import {currentForm, currentStep, initialWizard, wizardReducer, type WizardState} from '../../src/wizard/wizard-state.js';
import type {KeyEvent} from '../../src/keys/read.js';
import {K, nextRead, paste, run, typed} from './key-fixtures.js';

const ctx = {existing: [] as Destination[], files: realFiles};
type Typed = Key | string | KeyEvent;
const eventOf = (k: Typed): KeyEvent => (typeof k === 'object' && 'kind' in k ? k : typed(k));
/** Each key typed alone; a run or a paste as given. */
const keys = (s: WizardState, ...list: Typed[]): WizardState =>
	list.reduce<WizardState>((acc, k) => wizardReducer(acc, {type: 'key', event: eventOf(k), ctx}), s);
const typeText = (s: WizardState, text: string) => keys(s, ...[...text]);
const {enter, esc, tab} = K;

function toCredentials(): WizardState {
	let s = keys(initialWizard, enter);
	s = typeText(s, 'my-bucket');
	s = keys(s, tab);
	s = typeText(s, 'us-west-2');
	return keys(s, enter);
}

describe('wizard reducer', () => {
	it('refuses to leave a page with a problem and focuses the first bad field', () => {
		let s = keys(initialWizard, enter);
		s = typeText(s, 'sthree-bucket');
		s = keys(s, enter, enter);
		expect(currentStep(s).title).toBe('Bucket and location');
		expect(s.focus).toBe(0);
		expect(s.attempted[1]).toBe(true);
	});

	it('goes back with Esc without losing anything, and forward again', () => {
		let s = toCredentials();
		expect(currentStep(s).title).toBe('Credentials');
		s = typeText(s, 'FAKEID1234');
		s = keys(s, esc);
		expect(currentStep(s).title).toBe('Bucket and location');
		s = keys(s, esc);
		expect(s.step).toBe(0);
		s = keys(s, enter, enter, enter);
		expect(currentStep(s).title).toBe('Credentials');
		expect(textValue(currentForm(s), 'aws_access_key_id')).toBe('FAKEID1234');
		expect(textValue(currentForm(s), 'bucket')).toBe('my-bucket');
	});

	it('keeps what was typed for each provider when the user switches and comes back', () => {
		let s = toCredentials();
		s = keys(s, esc, esc, K.down, enter);
		expect(s.type).toBe('s3_compatible');
		expect(textValue(currentForm(s), 'bucket')).toBe('');
		s = typeText(s, 'other');
		s = keys(s, esc, K.up, enter);
		expect(textValue(currentForm(s), 'bucket')).toBe('my-bucket');
	});

	it('asks before leaving with typed input, No by default', () => {
		let s = keys(initialWizard, enter);
		s = typeText(s, 'x');
		s = keys(s, esc, esc);
		expect(s.confirmLeave).toBe(true);
		s = keys(s, enter);
		expect(s.confirmLeave).toBe(false);
		expect(s.outcome).toBeUndefined();
		s = keys(s, esc, 'y');
		expect(s.outcome).toEqual({kind: 'cancelled'});
	});

	it('a key read together with the one that asked to leave does not answer it; a later one does', () => {
		let s = keys(initialWizard, enter, 'x');
		const read = nextRead();
		s = keys(s, typed(esc, read), typed(esc, read), typed('y', read));
		expect(s.confirmLeave).toBe(true);
		expect(s.outcome).toBeUndefined();
		s = keys(s, run('y'));
		expect(s.outcome).toEqual({kind: 'cancelled'});
	});

	it('editing keys read together with text act as if typed alone', () => {
		let s = keys(initialWizard, enter, run('abc\x15def\x01X\x05 Y\x17bucket'));
		expect(textValue(currentForm(s), 'bucket')).toBe('Xdef bucket');
		s = keys(s, run('\x01\x0b-more\x08'));
		expect(textValue(currentForm(s), 'bucket')).toBe('-mor');
	});

	it('leaves at once when nothing was typed; q is text, not quit', () => {
		expect(keys(initialWizard, esc).outcome).toEqual({kind: 'cancelled'});
		let s = keys(initialWizard, enter, 'q');
		expect(textValue(currentForm(s), 'bucket')).toBe('q');
		s = keys(s, K.ctrlC);
		expect(s.confirmLeave).toBe(true);
	});

	it('picks a region from the filtered list, and keeps free text', () => {
		let s = keys(initialWizard, enter, tab);
		s = typeText(s, 'eu-w');
		s = keys(s, K.down, K.down, enter);
		expect(textValue(currentForm(s), 'aws_region')).toBe('eu-west-2');
		s = keys(s, K.ctrlU);
		s = typeText(s, 'xx-new-9');
		expect(textValue(currentForm(s), 'aws_region')).toBe('xx-new-9');
	});

	it('keys that arrive in one read act one by one; a chunk in the key field stays whole', () => {
		let s = keys(initialWizard, enter, run('my-bucket\rus-west-2\r'));
		expect(currentStep(s).title).toBe('Credentials');
		expect(textValue(currentForm(s), 'aws_region')).toBe('us-west-2');
		s = keys(initialWizard, K.down, K.down, enter, run('gcs-b\r'));
		expect(currentStep(s).title).toBe('Credentials and name');
		s = keys(s, run('{\r"type": "service_account"\r}'));
		expect(s.focus).toBe(0);
		expect(textValue(currentForm(s), 'credentials')).toBe('{\n"type": "service_account"\n}');
	});

	it('a multi-line bracketed paste lands in the key field and never submits', () => {
		let s = keys(initialWizard, K.down, K.down, enter);
		s = typeText(s, 'gcs-bucket');
		s = keys(s, enter);
		expect(currentStep(s).title).toBe('Credentials and name');
		const json =
			'{\n "type": "service_account",\n "client_email": "bot@x.iam.gserviceaccount.com",\n "private_key": "fake-key-material"\n}\n';
		s = keys(s, paste(`${json.slice(0, 10)}\r${json.slice(10)}`));
		expect(currentStep(s).title).toBe('Credentials and name');
		expect(s.focus).toBe(0);
		expect(textValue(currentForm(s), 'credentials')).toContain('fake-key-material');
	});

	it('sends the body on Enter at review, and returns to the name after a clash', () => {
		let s = toCredentials();
		s = typeText(s, 'FAKEID1234');
		s = keys(s, tab);
		s = typeText(s, 'fake-secret-1');
		s = keys(s, enter, enter, enter);
		expect(currentStep(s).kind).toBe('review');
		s = keys(s, enter);
		expect(s.phase).toBe('sending');
		expect(s.request?.body).toEqual({
			type: 'amazon_s3',
			parameters: {bucket: 'my-bucket', aws_region: 'us-west-2', aws_access_key_id: 'FAKEID1234', aws_secret_access_key: 'fake-secret-1'},
		});
		s = wizardReducer(s, {type: 'failed', error: new ApiError({kind: 'conflict', status: 409, serverMessage: 'taken'})});
		expect(currentStep(s).title).toBe('Options and name');
		expect(s.focus).toBe(1);
		expect(currentForm(s).server[NAME_KEY]).toBe('is already taken in your organisation');
		expect(textValue(currentForm(s), 'aws_access_key_id')).toBe('FAKEID1234');
		// Editing the name lifts the server's word; the request is sent again from review.
		s = typeText(s, 'another name');
		expect(currentForm(s).server[NAME_KEY]).toBeUndefined();
		s = keys(s, enter, enter);
		expect(s.request?.body.name).toBe('another name');
		expect(s.request?.checkFirst).toBe(false);
	});

	it('after a lost answer, the next attempt first looks for the earlier one', () => {
		let s = toCredentials();
		s = typeText(s, 'FAKEID1234');
		s = keys(s, tab);
		s = typeText(s, 'fake-secret-1');
		s = keys(s, enter, enter, enter, enter);
		s = wizardReducer(s, {type: 'failed', error: new ApiError({kind: 'network'})});
		expect(currentStep(s).kind).toBe('review');
		expect(s.notice?.retry).toBe(true);
		s = keys(s, enter);
		expect(s.request?.checkFirst).toBe(true);
	});

	it('refuses a name already taken in the org, at once', () => {
		const taken = {name: 'my-bucket', archived: null} as unknown as Destination;
		const c = {existing: [taken], files: realFiles};
		let s = initialWizard;
		for (const k of [enter, ...'my-bucket', tab, ...'us-west-2', enter, ...'FAKEID1234', tab, ...'fake-secret-1', enter, enter, enter])
			s = wizardReducer(s, {type: 'key', event: typed(k), ctx: c});
		expect(currentStep(s).title).toBe('Options and name');
		expect(s.focus).toBe(1);
	});
});

describe('rotation reducer', () => {
	const dest = {type: 'azure_blob_storage', parameters: {account: 'a', container: 'c', sas_token: '<REDACTED>'}};
	const reduce = makeRotationReducer(dest);
	const press = (s: ReturnType<typeof initialRotation>, ...list: Typed[]) =>
		list.reduce((acc, k) => reduce(acc, {type: 'key', event: eventOf(k), files: realFiles}), s);

	it('confirms with No focused; Enter on No goes back to the form', () => {
		let s = press(initialRotation(dest), ...'?sv=2025&sig=fakesig', enter);
		expect(s.phase).toBe('confirm');
		expect(s.choice).toBe('no');
		s = press(s, enter);
		expect(s.phase).toBe('editing');
		s = press(s, enter, K.right, enter);
		expect(s.phase).toBe('sending');
		expect(s.request?.parameters).toEqual({sas_token: 'sv=2025&sig=fakesig'});
	});

	it('a y read together with the Enter that asked does not rotate; a deliberate one does', () => {
		let s = press(initialRotation(dest), ...'?sv=2025&sig=fakesig');
		s = press(s, run('\ry'));
		expect(s.phase).toBe('confirm');
		expect(s.request).toBeUndefined();
		s = press(s, 'y');
		expect(s.phase).toBe('sending');
	});

	it('refuses an invalid token and keeps it after a failure', () => {
		let s = press(initialRotation(dest), ...'nope', enter);
		expect(s.phase).toBe('editing');
		expect(s.attempted).toBe(true);
		s = press(s, K.ctrlU, ...'sv=1&sig=x', enter, 'y');
		s = reduce(s, {
			type: 'failed',
			error: new ApiError({kind: 'bad_request', status: 400, serverMessage: 'Planet could not write and delete planetverify.txt'}),
		});
		expect(s.phase).toBe('editing');
		expect(s.notice?.message).toContain('planetverify');
		expect(textValue(s.form, 'sas_token')).toBe('sv=1&sig=x');
	});
});
