// What delivers to a destination, counted before it is archived, and the warning that names it.
// Pure: the store (src/store/destinations-store.ts, usageCounts) finds the counts, one request per
// destination at most and cached; the single archive's question and a bulk archive's both word
// their warning here, so "in use" reads the same everywhere.
import {sanitize} from '../sanitize.js';
import type {Destination, Order, Subscription} from '../schemas.js';
import {describeError} from './messages.js';
import {relativeTime} from './time.js';

/** Subscription statuses that deliver no more (spec §10.3); any other, unknown ones included, may still deliver. */
const ENDED_SUBSCRIPTION = new Set(['completed', 'cancelled', 'failed', 'invalid']);
/** Order states still on their way to the destination. */
const ORDER_IN_PROGRESS = new Set(['queued', 'running']);

/** What delivers to one destination, as far as it is known. */
export type UsageCount =
	| {
			/** Subscriptions that have not ended. */
			subscriptions: number;
			/** Orders on the first page still in progress; undefined when orders were not looked up. */
			orders?: number;
	  }
	/** The look-up failed: the question then says what delivers there is unknown, and why. */
	| {error: unknown};

export const activeSubscriptions = (subscriptions: readonly Subscription[]): number =>
	subscriptions.filter((s) => !ENDED_SUBSCRIPTION.has(s.status)).length;
export const ordersInProgress = (orders: readonly Order[]): number => orders.filter((o) => ORDER_IN_PROGRESS.has(o.state)).length;

export const inUse = (u: UsageCount | undefined): boolean =>
	u !== undefined && ('error' in u || u.subscriptions > 0 || (u.orders ?? 0) > 0);

/** One destination about to be archived, and why archiving it deserves a question. */
export interface ArchiveConcern {
	name: string;
	/** It is the organisation's default: archiving it leaves the organisation with none. */
	isDefault: boolean;
	usage: UsageCount | undefined;
}

/** The destinations among `destinations` that are the default or in use (or whose use is unknown), in their order. */
export function archiveConcerns(destinations: readonly Destination[], counts: ReadonlyMap<string, UsageCount>): ArchiveConcern[] {
	return destinations
		.map((d) => ({name: sanitize(d.name), isDefault: d.default, usage: counts.get(d.id)}))
		.filter((c) => c.isDefault || inUse(c.usage));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 active subscriptions and 1 order in progress": what delivers, without a verb. */
function deliveries(u: Extract<UsageCount, {subscriptions: number}>): string {
	const parts: string[] = [];
	if (u.subscriptions > 0) parts.push(plural(u.subscriptions, 'active subscription'));
	if ((u.orders ?? 0) > 0) parts.push(plural(u.orders!, 'order in progress', 'orders in progress'));
	return parts.join(' and ');
}

/** One sentence per concern: "X is the organisation's default: …", "2 active subscriptions deliver to X." */
function sentence(c: ArchiveConcern): string {
	const u = c.usage;
	const parts: string[] = [];
	if (c.isDefault) parts.push(`${c.name} is the organisation's default: archiving it leaves your organisation with no default.`);
	const who = c.isDefault ? 'it' : c.name;
	if (u && 'error' in u) parts.push(`What delivers to ${who} is unknown: ${describeError(u.error)}`);
	else if (u && inUse(u)) {
		const what = deliveries(u);
		const one = u.subscriptions + (u.orders ?? 0) === 1;
		parts.push(`${what} ${one ? 'delivers' : 'deliver'} to ${who}.`);
	}
	return parts.join(' ');
}

/**
 * The warning before archiving, without the question: undefined when nothing is at stake. Several
 * destinations (a bulk archive) get one sentence each, the default first.
 */
export function archiveWarning(concerns: readonly ArchiveConcern[]): string | undefined {
	if (concerns.length === 0) return undefined;
	const ordered = [...concerns.filter((c) => c.isDefault), ...concerns.filter((c) => !c.isDefault)];
	return ordered.map(sentence).join(' ');
}

/**
 * The full details' lines about what delivers to a destination: both look-ups read the first page
 * of their API, and both say so the same way, then one line per order or subscription.
 */
export function deliveryLines(orders: readonly Order[], subscriptions: readonly Subscription[], now = Date.now()): string[] {
	const item = (name: string, id: string, state: string, time: string | undefined) =>
		`  ${sanitize(name) || sanitize(id)} · ${sanitize(state)} · ${relativeTime(time, now)}`;
	return [
		`Orders delivering here: ${orders.length} (first page)`,
		...orders.map((o) => item(o.name, o.id, o.state, o.last_modified ?? o.created_on)),
		`Subscriptions delivering here: ${subscriptions.length} (first page)`,
		...subscriptions.map((s) => item(s.name, s.id, s.status, s.updated ?? s.created)),
	];
}
