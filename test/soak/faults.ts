// The faults the sandbox injects: one spec per API request, in the order requests arrive, so the
// n-th request of a replay meets the n-th fault of the first run. A share of them (chosen per
// seed) spoil the request; the others pass it through unchanged (a zero latency, which the
// sandbox logs as "latency 0ms").
import {stepRng, type Prng} from './prng.js';

export type FaultSpec = Record<string, unknown>;

/** Fields an answer may lose: what identifies a destination, what the list shows, what guards a change. */
const OMITTABLE = ['id', 'name', 'pl:ref', 'archived', 'default', 'permissions', 'ownership', 'parameters', 'type', 'updated', 'created'];

export const PASS: FaultSpec = {latency_ms: 0};

/** One request's fault: `share` of them spoil it. */
export function faultFor(rng: Prng, share: number): FaultSpec {
	if (!rng.chance(share)) return PASS;
	const latency = rng.chance(0.3) ? {latency_ms: rng.pick([150, 400, 900, 1600, 2500])} : {};
	const after = rng.chance(0.35) ? {after: true} : {};
	const kind = rng.weighted<() => FaultSpec>([
		[() => ({status: rng.pick([500, 502, 503, 504])}), 5],
		[() => ({status: 429}), 3],
		[() => ({drop: true}), 3],
		[() => ({truncate: true}), 2],
		[
			() => ({
				omit_fields: rng.chance(0.3) ? true : [...new Set(Array.from({length: rng.between(1, 3)}, () => rng.pick(OMITTABLE)))],
			}),
			2,
		],
		[() => ({not_json: true}), 1],
		[() => ({latency_ms: rng.pick([300, 1200, 3000])}), 2],
	])();
	// 429 stands for the server refusing before doing anything: never after the handler.
	return {...latency, ...kind, ...(kind.status === 429 ? {} : after)};
}

/**
 * Keeps the sandbox's fault queue from running dry: the next faults of the seed's stream, a run
 * of pass-throughs put in as one entry with a count.
 */
export class FaultFeed {
	private added = 0;

	constructor(
		private readonly origin: string,
		private readonly seed: number,
		private readonly stream: number,
		readonly share: number,
	) {}

	async topUp(): Promise<void> {
		const queued = ((await (await fetch(`${this.origin}/_sandbox/faults`)).json()) as {faults: {remaining: number}[]}).faults.reduce(
			(n, f) => n + f.remaining,
			0,
		);
		if (queued >= 40) return;
		const specs: FaultSpec[] = [];
		for (let i = 0; i < 80; i++) {
			const spec = faultFor(stepRng(this.seed, this.stream, this.added++), this.share);
			const last = specs.at(-1);
			if (spec === PASS && last && last.latency_ms === 0 && Object.keys(last).length === 2) last.count = (last.count as number) + 1;
			else specs.push({...spec, count: 1});
		}
		for (const spec of specs) {
			const res = await fetch(`${this.origin}/_sandbox/faults`, {
				method: 'POST',
				headers: {'content-type': 'application/json'},
				body: JSON.stringify(spec),
			});
			if (res.status !== 201) throw new Error(`the sandbox refused a fault: ${await res.text()}`);
		}
	}

	/** Faults off: the run's end. */
	async stop(): Promise<void> {
		await fetch(`${this.origin}/_sandbox/faults`, {method: 'DELETE'});
	}
}
