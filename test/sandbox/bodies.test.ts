// Request bodies and their size cap: 1 MiB on what is read, never a 413 for a body that is not
// read (GET bodies are ignored; a request without valid credentials gets its 401 first).
import {request as httpRequest} from 'node:http';
import {describe, expect, it} from 'vitest';
import {MAX_BODY_BYTES} from '../../src/sandbox/body.js';
import {API, body, call, KEYS, rawRequest, sandbox} from './helpers.js';

type Sb = Awaited<ReturnType<typeof sandbox>>;

/** A JSON-looking body just over the cap. */
const oversized = (): string => `{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`;

/**
 * Announces a 50 MB body, sends only its first 2 MiB, then waits for the answer: it can only come
 * if the server answered without reading the whole body.
 */
function answerBeforeBodyEnds(sb: Sb, method: string, path: string, authorization: string): Promise<{status: number; text: string}> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			req.destroy();
			reject(new Error('no answer while the body was still being sent: the server waited for all of it'));
		}, 10_000);
		const req = httpRequest(`${sb.origin}${path}`, {
			method,
			agent: false,
			headers: {Authorization: authorization, 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024)},
		});
		req.on('response', (res) => {
			let text = '';
			res.on('data', (c: Buffer) => (text += c.toString()));
			res.on('end', () => {
				clearTimeout(timer);
				req.destroy();
				resolve({status: res.statusCode ?? 0, text});
			});
		});
		req.on('error', reject);
		req.write(Buffer.alloc(2 * 1024 * 1024, 'x'));
	});
}

describe('request bodies', () => {
	it('a body over 1 MiB is refused with 413, and nothing is created', async () => {
		const sb = await sandbox({seed: 'empty'});
		const big = {...body('amazon_s3', 'big-bucket'), pad: 'x'.repeat(MAX_BODY_BYTES)};
		const res = await call(sb, 'POST', API, {body: big});
		expect(res.status).toBe(413);
		expect(res.json).toEqual({code: 413, message: 'Request body too large'});
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
		expect((await call(sb, 'POST', '/_sandbox/populate', {as: null, raw: oversized()})).status).toBe(413);
	});

	it('a big body with a wrong key gets 401 before the body is read, not 413', async () => {
		const sb = await sandbox();
		for (const authorization of ['api-key PLAK-wrong-key', 'Bearer not-a-token']) {
			const res = await answerBeforeBodyEnds(sb, 'POST', API, authorization);
			expect(res.status).toBe(401);
			expect(JSON.parse(res.text).code).toBe(401);
		}
		const wholeBody = await call(sb, 'PATCH', `${API}/anything`, {
			as: null,
			headers: {Authorization: 'api-key PLAK-wrong-key'},
			raw: oversized(),
		});
		expect(wholeBody.status).toBe(401);
		// The server is still fine, on the same and on new connections.
		expect((await call(sb, 'GET', API)).status).toBe(200);
	});

	it('a valid key with a big body still gets 413', async () => {
		const sb = await sandbox();
		const res = await call(sb, 'PATCH', `${API}/anything`, {raw: oversized()});
		expect(res.status).toBe(413);
	});

	it('a GET body is ignored whatever its size: the list comes back', async () => {
		const sb = await sandbox();
		const res = await rawRequest(sb, {
			method: 'GET',
			path: API,
			headers: {
				Authorization: `api-key ${KEYS.user}`,
				'Content-Type': 'application/json',
				'Content-Length': String(Buffer.byteLength(oversized())),
			},
			body: oversized(),
		});
		expect(res.status).toBe(200);
		expect(JSON.parse(res.text).destinations.length).toBeGreaterThan(0);
		expect((await answerBeforeBodyEnds(sb, 'GET', `${API}/default`, `api-key ${KEYS.user}`)).status).toBe(200);
		const log = (await call(sb, 'GET', '/_sandbox/requests', {as: null})).json.requests;
		expect(log.map((r: {status: number}) => r.status)).toEqual([200, 200]);
	});
});
