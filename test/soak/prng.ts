// A small seeded generator (mulberry32), so a soak run is replayed from its seed alone. Each step
// of the run draws from a generator of its own (seed, stream, step), so a step that reads a
// different screen on a replay (a slow answer) changes that step only, not every draw after it.

export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** A whole number in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** A whole number in [min, max]. */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from nothing');
		return items[this.int(items.length)]!;
	}

	/** One of `items`, each as likely as its weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items.at(-1)![0];
	}

	/** Letters and digits, `length` of them. */
	word(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
		let s = '';
		for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
		return s;
	}
}

/** Mixes numbers into one 32-bit seed (a step's generator from the run's seed, its stream and the step). */
export function mix(...parts: number[]): number {
	let h = 0x811c9dc5;
	for (const p of parts) {
		h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
		h ^= h >>> 16;
	}
	return h >>> 0;
}

/** The generator of one step of one stream (keys, faults, values) of a run. */
export const stepRng = (seed: number, stream: number, step: number): Prng => new Prng(mix(seed, stream, step));
