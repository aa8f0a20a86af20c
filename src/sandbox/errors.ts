// Every refusal the sandbox answers uses the shape the official SDK's tests mock for the
// Destinations API: {"code": <status>, "message": "<text>"} (spec §8.1).
import type {ApiResponse} from './types.js';

export class SandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const NOT_FOUND = 'Not found';

export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): ApiResponse {
	return {status, headers, body: {code: status, message}};
}

export const fail = (status: number, message: string, headers?: Record<string, string>): never => {
	throw new SandboxError(status, message, headers);
};
