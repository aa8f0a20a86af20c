// The request log says which connection carried each request, over HTTP and over TLS, so tests
// and the benchmark can count the connections a client opened.
import {Agent as HttpAgent, request as httpRequest} from 'node:http';
import {Agent as HttpsAgent, request as httpsRequest} from 'node:https';
import {describe, expect, it} from 'vitest';
import {certificateUnavailable, selfSignedCertificate} from '../../src/sandbox/tls.js';
import {API, KEYS, sandbox} from './helpers.js';

type Sb = Awaited<ReturnType<typeof sandbox>>;

/** One GET through `agent` (a kept-alive connection is reused by the next request). */
function get(sb: Sb, agent: HttpAgent, ca?: string): Promise<{status: number; text: string}> {
	const make = sb.origin.startsWith('https:') ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const req = make(`${sb.origin}${API}`, {agent, ca, headers: {authorization: `api-key ${KEYS.user}`}}, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c: string) => (text += c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, text}));
		});
		req.on('error', reject);
		req.end();
	});
}

const connectionsOf = async (sb: Sb, ca?: string): Promise<(number | null)[]> => {
	const agent = sb.origin.startsWith('https:') ? new HttpsAgent({keepAlive: false}) : new HttpAgent({keepAlive: false});
	const make = sb.origin.startsWith('https:') ? httpsRequest : httpRequest;
	const text = await new Promise<string>((resolve, reject) => {
		make(`${sb.origin}/_sandbox/requests`, {agent, ca}, (res) => {
			let t = '';
			res.on('data', (c: Buffer) => (t += c));
			res.on('end', () => resolve(t));
		})
			.on('error', reject)
			.end();
	});
	return (JSON.parse(text) as {requests: {connection: number | null}[]}).requests.map((r) => r.connection);
};

describe('connections in the request log', () => {
	it('numbers each connection as it opens: requests on a kept-alive one share its number', async () => {
		const sb = await sandbox();
		const kept = new HttpAgent({keepAlive: true, maxSockets: 1});
		for (let i = 0; i < 3; i++) expect((await get(sb, kept)).status).toBe(200);
		const fresh = new HttpAgent({keepAlive: false});
		for (let i = 0; i < 2; i++) expect((await get(sb, fresh)).status).toBe(200);
		kept.destroy();
		const ids = await connectionsOf(sb);
		expect(ids).toHaveLength(5);
		expect(new Set(ids.slice(0, 3)).size).toBe(1);
		expect(new Set(ids).size).toBe(3);
		expect(ids.every((id) => typeof id === 'number' && id > 0)).toBe(true);
	});

	it.skipIf(certificateUnavailable() !== undefined)(
		'serves HTTPS with a certificate made on the spot, and numbers its connections too',
		async () => {
			const certificate = selfSignedCertificate();
			const sb = await sandbox({tls: certificate});
			expect(sb.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			const kept = new HttpsAgent({keepAlive: true, maxSockets: 1});
			const first = await get(sb, kept, certificate.cert);
			expect(first.status).toBe(200);
			// Links in answers name the scheme the client used.
			expect(first.text).toContain(`"${sb.origin}${API}`);
			expect((await get(sb, kept, certificate.cert)).status).toBe(200);
			kept.destroy();
			const ids = await connectionsOf(sb, certificate.cert);
			expect(ids).toHaveLength(2);
			expect(ids[0]).toBe(ids[1]);
			// Without the certificate, a client refuses it: it is not trusted anywhere else.
			await expect(get(sb, new HttpsAgent({keepAlive: false}))).rejects.toThrow(/self.signed|unable to verify/i);
		},
	);
});
