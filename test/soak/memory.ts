// destui's memory over the run: its resident set size (RSS) read from /proc every 250 ms, with
// the key count at each reading, the peak (VmHWM), and the trend over the run's second half.
import {readFileSync} from 'node:fs';
import {slope} from './output-checks.js';

export interface MemoryFigures {
	peakRssMiB: number;
	/** Fitted RSS growth across the last half of the run (by keys pressed), MiB per 1,000 keys. */
	slopeMiBPerKKeys: number;
	/** That slope over the last half's keys: how much it rose, MiB. */
	lastHalfRiseMiB: number;
	samples: number;
}

export class MemorySampler {
	private readonly readings: {key: number; mib: number}[] = [];
	private peakKiB = 0;
	private timer?: NodeJS.Timeout;

	/** Samples process `pid` until stop(); `keys` tells how many keys were pressed so far. */
	start(pid: number, keys: () => number): void {
		this.timer = setInterval(() => this.sample(pid, keys()), 250);
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
	}

	get lastMiB(): number {
		return this.readings.at(-1)?.mib ?? 0;
	}

	private sample(pid: number, key: number): void {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
			const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
			if (rss) this.readings.push({key, mib: rss / 1024});
			if (hwm > this.peakKiB) this.peakKiB = hwm;
		} catch {
			// The process ended between two samples.
		}
	}

	/** The readings as CSV (keys pressed, MiB), for a closer look at a trend. */
	csv(): string {
		return ['keys,rss_mib', ...this.readings.map((r) => `${r.key},${r.mib.toFixed(2)}`)].join('\n');
	}

	figures(keys: number): MemoryFigures {
		const half = this.readings.filter((r) => r.key >= keys / 2);
		const perKey = slope(half.map((r) => [r.key, r.mib]));
		return {
			peakRssMiB: this.peakKiB / 1024,
			slopeMiBPerKKeys: perKey * 1000,
			lastHalfRiseMiB: perKey * (keys / 2),
			samples: this.readings.length,
		};
	}
}

/** The first child of `pid` (the shell wrapping destui → destui's node). */
export function childOf(pid: number): number | undefined {
	try {
		const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
		return children[0] ? Number(children[0]) : undefined;
	} catch {
		return undefined;
	}
}
