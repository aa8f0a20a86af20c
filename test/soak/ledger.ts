// Who asked for each change the server made. Keys the soak pressed leave permits (an `a` on the
// list, an Enter in the rename prompt, a y typed while a question was on screen...); every change
// the sandbox reports (its state before and after each request) must spend a permit of a kind
// that can cause it, given before the request arrived. A change that needs a question (archiving
// the default or a destination subscriptions deliver to, setting the default, a batch, a
// rotation) is only paid for by a y given after the question was drawn. Pure: unit-tested with
// made-up changes, and run on the soak's records.
import type {StateChange} from '../../src/sandbox/server.js';
import type {DestinationRecord, SandboxState} from '../../src/sandbox/types.js';
import {suffixOf} from '../../src/sandbox/ids.js';
import type {LoggedRequest} from '../harness/sandbox-hooks.js';

export type PermitKind = 'create' | 'rename' | 'archive' | 'archive-asked' | 'batch' | 'undo' | 'default' | 'rotate';

export interface Permit {
	kind: PermitKind;
	/** When the key was written (epoch ms). */
	time: number;
	uses: number;
	/** The key's number in the run (for the report). */
	key: number;
}

export type ChangeKind = 'create' | 'rename' | 'archive' | 'archive-concern' | 'unarchive' | 'default' | 'rotate';

export interface Change {
	kind: ChangeKind;
	id: string;
	name: string;
	/** What changed, for the report (parameter names, never their values). */
	detail?: string;
	/** When its request arrived (epoch ms). */
	time: number;
	method: string;
}

/** Which permits pay for which change. */
export const PAID_BY: Record<ChangeKind, readonly PermitKind[]> = {
	create: ['create'],
	rename: ['rename'],
	// The default, or subscriptions deliver there: only a y to the question (or a batch's).
	'archive-concern': ['archive-asked', 'batch', 'undo'],
	archive: ['archive', 'archive-asked', 'batch', 'undo'],
	unarchive: ['archive', 'archive-asked', 'batch', 'undo'],
	default: ['default', 'undo'],
	rotate: ['rotate'],
};

/** A permit older than this pays for nothing: rate limits, Retry-After and slow answers fit well inside. */
export const PERMIT_LIFETIME_MS = 120_000;

const ENDED = new Set(['completed', 'cancelled', 'failed', 'invalid']);
const DEFAULT_REF = 'pl:destinations/default';

/** Subscriptions that have not ended deliver to `d` (by its id's suffix, or following the default). */
export function activeSubscriptions(state: SandboxState, d: DestinationRecord): number {
	return state.subscriptions.filter(
		(s) => !ENDED.has(s.status) && (suffixOf(s.ref) === d.suffix || (s.ref === DEFAULT_REF && state.defaultId === d.id)),
	).length;
}

/** RFC 3339 with nanoseconds (the sandbox's times) → epoch milliseconds. */
export function epochMs(time: string): number {
	const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
	if (!m) return Date.parse(time);
	return Date.parse(`${m[1]}${m[3]}`) + Number(`0.${m[2] ?? '0'}`) * 1000;
}

const sameParameters = (a: DestinationRecord, b: DestinationRecord) => JSON.stringify(a.parameters) === JSON.stringify(b.parameters);

/** What one request changed, in the words of the permits. */
export function changesOf(c: StateChange): Change[] {
	const time = epochMs(c.time);
	const before = new Map(c.before.destinations.map((d) => [d.id, d]));
	const out: Change[] = [];
	const add = (kind: ChangeKind, d: DestinationRecord) => out.push({kind, id: d.id, name: d.name, time, method: c.method});
	let archivedDefault = false;
	for (const d of c.after.destinations) {
		const old = before.get(d.id);
		if (!old) {
			add('create', d);
			continue;
		}
		if (old.name !== d.name) add('rename', d);
		if (old.archived === null && d.archived !== null) {
			const concern = c.before.defaultId === d.id || activeSubscriptions(c.before, old) > 0;
			archivedDefault ||= c.before.defaultId === d.id;
			add(concern ? 'archive-concern' : 'archive', d);
		}
		if (old.archived !== null && d.archived === null) add('unarchive', d);
		if (!sameParameters(old, d)) {
			const keys = [...new Set([...Object.keys(old.parameters), ...Object.keys(d.parameters)])];
			out.push({
				kind: 'rotate',
				id: d.id,
				name: d.name,
				time,
				method: c.method,
				detail: keys.filter((k) => old.parameters[k] !== d.parameters[k]).join(', '),
			});
		}
	}
	if (c.before.defaultId !== c.after.defaultId && !archivedDefault) {
		const d = c.after.destinations.find((x) => x.id === (c.after.defaultId ?? c.before.defaultId));
		out.push({kind: 'default', id: d?.id ?? '', name: d?.name ?? '', time, method: c.method});
	}
	return out;
}

export interface Unpaid {
	change: Change;
	/** Why none of the permits paid. */
	why: string;
}

/** Spends permits on changes, oldest first; returns the changes nothing paid for. */
export function settle(changes: readonly Change[], permits: Permit[]): Unpaid[] {
	const unpaid: Unpaid[] = [];
	for (const change of [...changes].sort((a, b) => a.time - b.time)) {
		const kinds = PAID_BY[change.kind];
		const permit = permits.find(
			(p) => p.uses > 0 && kinds.includes(p.kind) && p.time <= change.time && change.time - p.time <= PERMIT_LIFETIME_MS,
		);
		if (permit) {
			permit.uses--;
			continue;
		}
		unpaid.push({
			change,
			why: `no ${kinds.join(' / ')} key before it${change.kind === 'archive-concern' ? ' (it needed a y to a question on screen)' : ''}`,
		});
	}
	return unpaid;
}

/** Every POST of a create spends a create press: none sent twice for one press. A 429 was not
 * processed (the server says so), so the client may send that request again. */
export function unpaidPosts(log: readonly LoggedRequest[], presses: readonly number[]): LoggedRequest[] {
	const left = [...presses].sort((a, b) => a - b);
	const unpaid: LoggedRequest[] = [];
	for (const r of log) {
		if (r.method !== 'POST' || !/^\/destinations\/v1\/?$/.test(r.path) || r.status === 429) continue;
		const t = epochMs(r.time);
		const i = left.findIndex((p) => p <= t && t - p <= PERMIT_LIFETIME_MS);
		if (i === -1) unpaid.push(r);
		else left.splice(i, 1);
	}
	return unpaid;
}

/** The most requests that arrived within any one second, and when. */
export function busiestSecond(times: readonly number[]): {count: number; at: number} {
	const sorted = [...times].sort((a, b) => a - b);
	let best = {count: 0, at: sorted[0] ?? 0};
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end]! - sorted[start]! >= 1000) start++;
		if (end - start + 1 > best.count) best = {count: end - start + 1, at: sorted[start]!};
	}
	return best;
}

/** Changes sent for destinations the user may not change (the sandbox's owner, not destui's view). */
export function forbiddenPatches(log: readonly LoggedRequest[], state: SandboxState, userId: number): LoggedRequest[] {
	const owners = new Map(state.destinations.map((d) => [d.id, d.ownerId]));
	return log.filter((r) => {
		if (r.method !== 'PATCH') return false;
		const id = /^\/destinations\/v1\/([^/]+)$/.exec(r.path)?.[1];
		return id !== undefined && owners.has(id) && owners.get(id) !== userId;
	});
}
