// 3 requests per second per user, all endpoints (spec §7), as a token bucket: a burst of three
// passes, then one request per third of a second. Refusals carry Retry-After in whole seconds.

export interface RateDecision {
	allowed: boolean;
	/** Whole seconds until a request would pass; at least 1 when refused. */
	retryAfter: number;
}

export class RateLimiter {
	private buckets = new Map<string, {tokens: number; at: number}>();

	constructor(
		private readonly perSecond = 3,
		private readonly burst = perSecond,
		private readonly clock: () => number = () => performance.now(),
	) {}

	take(who: string): RateDecision {
		const t = this.clock();
		const bucket = this.buckets.get(who) ?? {tokens: this.burst, at: t};
		bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.perSecond);
		bucket.at = t;
		this.buckets.set(who, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return {allowed: true, retryAfter: 0};
		}
		return {allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond))};
	}

	reset(): void {
		this.buckets.clear();
	}
}
