// One HTTP exchange on Node's own http/https, the whole answer read: for the requests made before
// the app (and got) are loaded, the start-up list and the sign-in server's token requests.
// Failures carry what got's carry (name, code, and the status when the answer was cut off), so
// whoever reads them (failure.ts, the retry policy) treats them exactly like got's.
import {request as httpRequest, type Agent, type IncomingHttpHeaders, type IncomingMessage} from 'node:http';
import {request as httpsRequest} from 'node:https';
import {createBrotliDecompress, createGunzip, createInflate} from 'node:zlib';

export interface RawRequest {
	url: string;
	method: string;
	headers: Record<string, string>;
	body?: string;
	/** An http.Agent for http:, an https.Agent for https:; Node's global one when absent. */
	agent?: Agent;
	/** For the whole exchange, answer included (got's `timeout.request`). */
	timeoutMs: number;
	signal?: AbortSignal;
	/** Decode gzip, deflate and br answers (the caller asks for them, as got does). */
	decompress?: boolean;
	/** The longest answer read; a longer one fails with code ETOOLARGE. */
	maxBytes?: number;
}

export interface RawAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	text: string;
}

/** got's names: RequestError (no answer), ReadError (the answer was cut off), TimeoutError, AbortError. */
export class RawRequestError extends Error {
	constructor(
		override readonly name: 'RequestError' | 'ReadError' | 'TimeoutError' | 'AbortError',
		message: string,
		readonly code?: string,
		/** Set when the status line had arrived. */
		readonly response?: {statusCode: number},
	) {
		super(message);
	}
}

export interface RawExchange {
	/** The answer read whole, or a RawRequestError. */
	answer: Promise<RawAnswer>;
	/** Settles (never rejects) once the request has been handed to the network whole, or has failed. */
	sent: Promise<void>;
	/** Abandons the exchange: `answer` fails with an AbortError. */
	cancel(): void;
	/** Called as the connection gets somewhere before the request is sent: opened, then (TLS) secured. */
	onHeadway(listener: () => void): void;
}

const nothing = (): void => {};

export function startExchange(req: RawRequest): RawExchange {
	let markSent!: () => void;
	const sent = new Promise<void>((resolve) => (markSent = resolve));
	let cancel = nothing;
	const listeners: (() => void)[] = [];
	const headway = (): void => {
		for (const listener of listeners) listener();
	};
	const answer = new Promise<RawAnswer>((resolve, reject) => {
		let settled = false;
		const finish = (fn: () => void): void => {
			if (settled) return;
			settled = true;
			// Nothing left to cancel: whoever keeps the exchange no longer keeps the request, its
			// answer and the chunks the answer was read in (megabytes for a long list). A function
			// made here would keep them all in its scope: the no-op comes from outside.
			cancel = nothing;
			clearTimeout(timer);
			req.signal?.removeEventListener('abort', onAbort);
			markSent();
			fn();
		};
		const fail = (error: RawRequestError): void => {
			if (settled) return;
			finish(() => reject(error));
			r?.destroy();
		};
		const timer = setTimeout(
			() => fail(new RawRequestError('TimeoutError', `Timeout awaiting 'request' for ${req.timeoutMs}ms`, 'ETIMEDOUT')),
			req.timeoutMs,
		);
		const onAbort = (): void => fail(new RawRequestError('AbortError', 'This operation was aborted', 'ABORT_ERR'));
		cancel = onAbort;
		let r: ReturnType<typeof httpRequest> | undefined;
		if (req.signal?.aborted) return onAbort();
		req.signal?.addEventListener('abort', onAbort, {once: true});
		try {
			const make = req.url.startsWith('https:') ? httpsRequest : httpRequest;
			r = make(req.url, {method: req.method, headers: req.headers, agent: req.agent}, (res) => read(res));
		} catch (err) {
			// Node checks header values as the request is made (a control character in a key).
			return fail(new RawRequestError('RequestError', (err as Error).message, (err as NodeJS.ErrnoException).code));
		}
		r.on('error', (err: NodeJS.ErrnoException) => fail(new RawRequestError('RequestError', err.message, err.code)));
		r.on('socket', (socket) => {
			socket.once('connect', headway);
			socket.once('secureConnect', headway);
		});
		r.on('finish', markSent);
		r.end(req.body);

		function read(res: IncomingMessage): void {
			const statusCode = res.statusCode ?? 0;
			const cutOff = (err: NodeJS.ErrnoException): void => fail(new RawRequestError('ReadError', err.message, err.code, {statusCode}));
			res.on('error', cutOff);
			const encoding = req.decompress
				? String(res.headers['content-encoding'] ?? '')
						.trim()
						.toLowerCase()
				: '';
			const decoder =
				encoding === 'gzip' || encoding === 'x-gzip'
					? createGunzip()
					: encoding === 'deflate'
						? createInflate()
						: encoding === 'br'
							? createBrotliDecompress()
							: undefined;
			const body = decoder ? res.pipe(decoder) : res;
			if (decoder) decoder.on('error', cutOff);
			const chunks: Buffer[] = [];
			let size = 0;
			body.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (req.maxBytes !== undefined && size > req.maxBytes)
					fail(new RawRequestError('ReadError', 'The answer is too large', 'ETOOLARGE', {statusCode}));
				else chunks.push(chunk);
			});
			body.on('end', () => finish(() => resolve({status: statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8')})));
		}
	});
	// Whoever holds the exchange may never look at the answer (the app took another path).
	answer.catch(() => {});
	return {answer, sent, cancel: () => cancel(), onHeadway: (listener) => void listeners.push(listener)};
}
