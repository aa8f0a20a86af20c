// What tests read back to see which requests a client made: method, path, query, status, the
// fixture user and the connection that carried it (plus grant type and client for the auth server). Never bodies, never
// headers, so never a key, token or secret; query values whose name suggests a credential are
// redacted too.
import {REDACTED} from '../catalogue/providers.js';
import type {SandboxUserName} from './users.js';

export interface LoggedRequest {
	seq: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** null when the connection was dropped without an answer. */
	status: number | null;
	user: SandboxUserName | null;
	/** When the request arrived (RFC 3339, nanoseconds). */
	time: string;
	/** Which connection carried it: 1 for the first the sandbox accepted, and so on (hooks' count too). */
	connection: number | null;
	/** The injected fault that shaped the answer, if any. */
	fault?: string;
	/** Token requests only: the grant asked for (`unsupported` for any other value, null if none). */
	grant_type?: string | null;
	/** Auth-server requests only: the client, once it authenticated. */
	client_id?: string | null;
}

// `code` covers the device flow's user code on the sign-in page.
const SENSITIVE_QUERY = /key|token|secret|sig|password|credential|auth|code/i;

export function loggableQuery(query: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of query) out[name] = SENSITIVE_QUERY.test(name) ? REDACTED : value;
	return out;
}

/** Keeps the most recent entries only, so a long-running sandbox does not grow without bound. */
export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	constructor(private readonly capacity = 10_000) {}

	add(entry: Omit<LoggedRequest, 'seq'>): void {
		this.entries.push({seq: ++this.seq, ...entry});
		if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
	}

	list(): LoggedRequest[] {
		return [...this.entries];
	}

	clear(): void {
		this.entries = [];
	}
}
