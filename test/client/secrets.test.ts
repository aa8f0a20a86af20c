// Secrets never appear in an error: not the API key, not a secret parameter, in whatever form a
// server echoes them. Proven against the sandbox (which quotes names back in a 409) and against
// a deliberately careless server that echoes its whole request.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {secretsOf} from '../../src/api/body-secrets.js';
import {scrub} from '../../src/api/scrub.js';
import {apiError, clientFor, everythingShown, json, KEYS, localServer, s3Body, sandbox} from './helpers.js';

describe('secrets in errors from the sandbox', () => {
	it('a 409 quoting a name that is the API key shows no key', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		await client.create(s3Body('client-key-named-1', {name: KEYS.user}));
		const error = await apiError(client.create(s3Body('client-key-named-2', {name: KEYS.user})), 'conflict');
		// The sandbox did quote the name; the client scrubbed it.
		expect(error.serverMessage).toContain('<REDACTED>');
		expect(everythingShown(error)).not.toContain(KEYS.user);
	});

	it('a 409 quoting a name that equals the secret sent in the same body shows no secret', async () => {
		const sb = await sandbox({seed: 'empty'});
		const {client} = clientFor(sb);
		const secret = 'fake-secret-used-as-name';
		await client.create(s3Body('client-secret-named-1', {name: secret}));
		const error = await apiError(client.create(s3Body('client-secret-named-2', {name: secret, secret})), 'conflict');
		expect(error.serverMessage).toContain('<REDACTED>');
		expect(everythingShown(error)).not.toContain(secret);
	});
});

describe('secrets in errors from a server that echoes everything', () => {
	async function echoingServer(status: number) {
		return localServer((req, res) =>
			json(res, status, {code: status, message: `Rejected ${req.method} with ${req.headers.authorization} and body ${req.body}`}),
		);
	}

	it('a 400 echoing a create body scrubs every secret parameter and the key', async () => {
		const server = await echoingServer(400);
		const apiKey = 'PLAK-fake-echoed-key';
		const client = createClient({apiKey, baseUrl: server.origin, requestsPerSecond: Infinity});
		const sas = '?sv=2024-11-04&sp=rwdl&sig=fake%2Bsignature%3D';
		const error = await apiError(
			client.create({
				type: 'azure_blob_storage',
				parameters: {account: 'fakeaccount', container: 'fake-container', sas_token: sas},
				name: 'Echo test',
			}),
			'bad_request',
		);
		const shown = everythingShown(error);
		expect(shown).toContain('fake-container'); // not a secret: still shown
		expect(shown).not.toContain(apiKey);
		expect(shown).not.toContain('sv=2024-11-04&sp=rwdl');
		expect(shown).not.toContain('fake%2Bsignature');
	});

	it('a 400 echoing a rotation scrubs the new secret but keeps the key id', async () => {
		const server = await echoingServer(400);
		const client = createClient({apiKey: 'PLAK-fake-echoed-key', baseUrl: server.origin, requestsPerSecond: Infinity});
		const error = await apiError(
			client.rotate('d1', {customer_access_key_id: 'fakeocikeyid', customer_secret_key: 'fake-oci-secret-"quoted"'}),
			'bad_request',
		);
		const shown = everythingShown(error);
		expect(shown).toContain('fakeocikeyid');
		expect(shown).not.toContain('fake-oci-secret');
		expect(shown).not.toContain('PLAK-fake-echoed-key');
	});

	it('a GCS key echoed in a 5xx: scrubbed, even where the message is truncated', async () => {
		const server = await echoingServer(500);
		const credentials = Buffer.from(JSON.stringify({type: 'service_account', private_key: 'fake-key-material'.repeat(30)})).toString(
			'base64',
		);
		const client = createClient({apiKey: 'PLAK-fake-echoed-key', baseUrl: server.origin, requestsPerSecond: Infinity});
		const error = await apiError(client.create({type: 'google_cloud_storage', parameters: {bucket: 'fake-bucket', credentials}}), 'server');
		const shown = everythingShown(error);
		expect(shown).not.toContain(credentials.slice(0, 40));
		expect([...error.serverMessage!].length).toBeLessThanOrEqual(300);
	});
});

describe('scrub', () => {
	it('finds the key and the secret parameters of a body, not the others', () => {
		expect(
			secretsOf('PLAK-k', {
				type: 'amazon_s3',
				parameters: {bucket: 'b', aws_access_key_id: 'id', aws_secret_access_key: 's3cret-value', explicit_sse: true},
			}),
		).toEqual(['PLAK-k', 's3cret-value']);
		expect(secretsOf('PLAK-k', {archive: true})).toEqual(['PLAK-k']);
	});

	it('replaces a secret as sent, JSON-escaped and URL-encoded, the longest first', () => {
		const secret = 'ab"c/d+e';
		const text = `raw ${secret} json ${JSON.stringify(secret)} url ${encodeURIComponent(secret)} prefix ab"c`;
		expect(scrub(text, [secret])).toBe('raw <REDACTED> json "<REDACTED>" url <REDACTED> prefix ab"c');
		expect(scrub('key PLAK-long and PLAK', ['PLAK', 'PLAK-long'])).toBe('key <REDACTED> and <REDACTED>');
	});

	it("replaces a SAS token without its '?' and its signature alone", () => {
		const sas = '?sv=2024&sig=fakeSig123';
		expect(scrub('token sv=2024&sig=fakeSig123 / sig fakeSig123', [sas])).toBe('token <REDACTED> / sig <REDACTED>');
	});
});
