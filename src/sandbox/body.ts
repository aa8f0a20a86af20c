// Reads a request body, with a cap so a runaway client cannot exhaust memory.
import type {IncomingMessage} from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text, or undefined when it exceeded the cap (the rest is drained unread). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}
