// Relative times for the list ("3d ago"). The API's timestamps carry nanoseconds; Date keeps
// milliseconds, which is plenty for "how long ago" and is why timestamps stay strings elsewhere.
export function relativeTime(timestamp: string | null | undefined, now = Date.now()): string {
	if (!timestamp) return '';
	const then = Date.parse(timestamp);
	if (Number.isNaN(then)) return '?';
	const s = Math.max(0, Math.round((now - then) / 1000));
	if (s < 60) return 'just now';
	const m = Math.floor(s / 60);
	if (m < 60) return `${m}m ago`;
	const h = Math.floor(m / 60);
	if (h < 24) return `${h}h ago`;
	const d = Math.floor(h / 24);
	if (d < 30) return `${d}d ago`;
	const mo = Math.floor(d / 30);
	if (mo < 12) return `${mo}mo ago`;
	return `${Math.floor(d / 365)}y ago`;
}

/** A timestamp as people read it: date and time to the second, UTC. */
export function readableTime(timestamp: string | null | undefined): string {
	if (!timestamp) return '—';
	const ms = Date.parse(timestamp);
	if (Number.isNaN(ms)) return '—';
	return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
