// The sandbox's HTTP server: a local, faithful Destinations API on a loopback port.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readBody} from './body.js';
import {errorResponse} from './errors.js';
import {API_BASE_PATH} from './present.js';
import {RateLimiter} from './rate-limit.js';
import {handleApi} from './router.js';
import {buildSeed} from './seed.js';
import {Store} from './store.js';
import type {ApiRequest, ApiResponse, SeedName} from './types.js';

export interface SandboxOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** Default 'demo'. */
	seed?: SeedName;
	/** Persist the state in this file across restarts. */
	stateFile?: string;
	/** 3 requests per second per user; default true. */
	rateLimit?: boolean;
}

export interface RunningSandbox {
	/** http://127.0.0.1:PORT */
	origin: string;
	/** origin + '/destinations/v1' */
	apiBase: string;
	port: number;
	close(): Promise<void>;
}

export const formatHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

function send(res: ServerResponse, response: ApiResponse): void {
	const headers: Record<string, string | number> = {...response.headers};
	if (response.body === undefined || response.status === 204) {
		res.writeHead(response.status, headers);
		res.end();
		return;
	}
	const text = Buffer.from(JSON.stringify(response.body), 'utf8');
	headers['Content-Type'] = 'application/json';
	headers['Content-Length'] = text.length;
	res.writeHead(response.status, headers);
	res.end(text);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const host = options.host ?? '127.0.0.1';
	const seed = options.seed ?? 'demo';
	const store = new Store(buildSeed(seed));
	const limiter = options.rateLimit === false ? undefined : new RateLimiter();

	const server = createServer((req, res) => {
		void onRequest(req, res).catch(() => {
			if (!res.headersSent) send(res, errorResponse(500, 'Internal sandbox error'));
			else res.destroy();
		});
	});

	async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const body = await readBody(req);
		if (body === undefined) return send(res, errorResponse(413, 'Request body too large'));
		if (url.pathname === '/_sandbox/reset' && req.method === 'POST') {
			store.replace(buildSeed(seed));
			limiter?.reset();
			return send(res, {status: 200, body: {seed}});
		}
		const apiReq: ApiRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			body,
			origin: `http://${req.headers.host ?? `${formatHost(host)}:${port}`}`,
		};
		send(res, handleApi({store, limiter}, apiReq).response);
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const origin = `http://${formatHost(host)}:${port}`;
	return {
		origin,
		apiBase: `${origin}${API_BASE_PATH}`,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
