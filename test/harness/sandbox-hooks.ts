// The sandbox's test hooks, as every kind of test uses them: the log of requests served, and
// injected faults (see src/sandbox/README.md).
import type {LoggedRequest} from '../../src/sandbox/request-log.js';
import type {RunningSandbox} from '../../src/sandbox/server.js';

export type {LoggedRequest};

export async function requestLog(sb: RunningSandbox): Promise<LoggedRequest[]> {
	const res = await fetch(`${sb.origin}/_sandbox/requests`);
	return ((await res.json()) as {requests: LoggedRequest[]}).requests;
}

export async function clearRequestLog(sb: RunningSandbox): Promise<void> {
	await fetch(`${sb.origin}/_sandbox/requests`, {method: 'DELETE'});
}

/** Makes the next matching requests fail; throws if the sandbox refuses the spec. */
export async function injectFault(sb: RunningSandbox, spec: Record<string, unknown>): Promise<void> {
	const res = await fetch(`${sb.origin}/_sandbox/faults`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(spec),
	});
	if (res.status !== 201) throw new Error(`fault refused: ${await res.text()}`);
}
