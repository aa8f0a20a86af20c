// The run's figures (issue 15 item 3: peak memory, its trend over the second half, the slowest
// key → frame) with their limits, and the lines `npm run soak` prints.
import type {MemoryFigures} from './memory.js';

export interface SoakFigures extends MemoryFigures {
	keys: number;
	writes: number;
	durationMs: number;
	faultShare: number;
	requests: number;
	faulted: number;
	changes: number;
	creates: number;
	slowestFrameMs: number;
	slowestFrameKey: string;
	medianFrameMs: number;
	busiestSecond: number;
}

export interface SoakReport {
	seed: number;
	ok: boolean;
	failures: string[];
	figures: SoakFigures;
	/** The last 50 keys, oldest first, each with the screen it was pressed on. */
	lastKeys: string[];
}

export const PEAK_RSS_LIMIT_MIB = 150;
/** The fitted line may rise no more than this across the last half of a long run. */
export const LAST_HALF_RISE_LIMIT_MIB = 10;
/** Runs shorter than this say nothing about a trend (start-up and the first screens dominate). */
export const TREND_MIN_KEYS = 2000;

/** The memory limits the figures break (empty: within them). */
export function memoryFailures(f: SoakFigures): string[] {
	const out: string[] = [];
	if (f.peakRssMiB > PEAK_RSS_LIMIT_MIB) out.push(`peak memory ${f.peakRssMiB.toFixed(1)} MiB is over ${PEAK_RSS_LIMIT_MIB} MiB`);
	if (f.keys >= TREND_MIN_KEYS && f.lastHalfRiseMiB > LAST_HALF_RISE_LIMIT_MIB) {
		out.push(
			`memory rises across the last half of the run: ${f.lastHalfRiseMiB.toFixed(1)} MiB (${f.slopeMiBPerKKeys.toFixed(2)} MiB per 1,000 keys)`,
		);
	}
	return out;
}

/** Key → frame times: the median and the slowest, with the key. */
export function frameFigures(
	frames: readonly {ms: number; key: string}[],
): Pick<SoakFigures, 'slowestFrameMs' | 'slowestFrameKey' | 'medianFrameMs'> {
	const sorted = [...frames].sort((a, b) => a.ms - b.ms);
	return {
		slowestFrameMs: sorted.at(-1)?.ms ?? 0,
		slowestFrameKey: sorted.at(-1)?.key ?? '',
		medianFrameMs: sorted[Math.floor(sorted.length / 2)]?.ms ?? 0,
	};
}

const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;

export function figureLines(f: SoakFigures): string[] {
	const trend =
		f.keys >= TREND_MIN_KEYS
			? `${f.lastHalfRiseMiB <= LAST_HALF_RISE_LIMIT_MIB ? 'pass' : 'FAIL'} (limit +${LAST_HALF_RISE_LIMIT_MIB} MiB)`
			: `not judged under ${TREND_MIN_KEYS} keys`;
	return [
		`keys ${f.keys} in ${f.writes} writes · ${(f.durationMs / 1000).toFixed(0)} s`,
		`requests ${f.requests}, ${f.faulted} spoiled (fault share ${(f.faultShare * 100).toFixed(0)}%), busiest second ${f.busiestSecond}`,
		`changes on the server ${f.changes} (creates ${f.creates})`,
		`peak memory ${f.peakRssMiB.toFixed(1)} MiB: ${f.peakRssMiB <= PEAK_RSS_LIMIT_MIB ? 'pass' : 'FAIL'} (limit ${PEAK_RSS_LIMIT_MIB} MiB)`,
		`memory over the last half: ${signed(f.slopeMiBPerKKeys, 2)} MiB per 1,000 keys, ${signed(f.lastHalfRiseMiB, 1)} MiB over it (${f.samples} samples): ${trend}`,
		`key → frame: median ${f.medianFrameMs.toFixed(1)} ms, slowest ${f.slowestFrameMs.toFixed(1)} ms (${f.slowestFrameKey})`,
	];
}
