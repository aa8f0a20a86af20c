// Companion stubs of Orders v2 and Subscriptions v1, just enough to answer "what delivers to
// this destination?" (spec §10). A destination_ref matches by the destination's id suffix, so
// orders placed before a rename, under the old ref, still match.
import type {HandlerContext} from './destinations.js';
import {REF_PREFIX, suffixOf} from './ids.js';
import type {ApiResponse, OrderRecord, SubscriptionRecord} from './types.js';

function refMatcher(ctx: HandlerContext): (ref: string) => boolean {
	const wanted = ctx.req.query.get('destination_ref');
	if (wanted === null) return () => true;
	const target = wanted === `${REF_PREFIX}default` ? ctx.store.defaultRecord() : ctx.store.find(wanted);
	const suffix = target?.suffix ?? suffixOf(wanted);
	if (suffix === undefined) return (ref) => ref === wanted;
	return (ref) => suffixOf(ref) === suffix || (ref === `${REF_PREFIX}default` && ctx.store.defaultRecord()?.suffix === suffix);
}

const selfLink = (ctx: HandlerContext): string => {
	const search = ctx.req.query.toString();
	return `${ctx.req.origin}${ctx.req.path}${search ? `?${search}` : ''}`;
};

function orderView(ctx: HandlerContext, o: OrderRecord): Record<string, unknown> {
	return {
		_links: {_self: `${ctx.req.origin}/compute/ops/orders/v2/${o.id}`},
		created_on: o.created_on,
		delivery: {destination: {ref: o.ref, ...(o.path_prefix ? {path_prefix: o.path_prefix} : {})}},
		error_hints: o.error_hints,
		id: o.id,
		last_message: o.last_message,
		last_modified: o.last_modified,
		name: o.name,
		products: o.products,
		state: o.state,
	};
}

function subscriptionView(ctx: HandlerContext, s: SubscriptionRecord): Record<string, unknown> {
	return {
		_links: {_self: `${ctx.req.origin}/subscriptions/v1/${s.id}`},
		created: s.created,
		delivery: {type: 'destination', parameters: {ref: s.ref, ...(s.path_prefix ? {path_prefix: s.path_prefix} : {})}},
		end_time: s.end_time,
		id: s.id,
		name: s.name,
		source: {type: 'catalog', parameters: {item_types: s.item_types, asset_types: s.asset_types}},
		start_time: s.start_time,
		status: s.status,
		updated: s.updated,
	};
}

/** Newest first, like both real APIs by default; one page holds everything. */
export function listOrders(ctx: HandlerContext): ApiResponse {
	const matches = refMatcher(ctx);
	const orders = ctx.store.orders.filter((o) => matches(o.ref)).sort((a, b) => (a.created_on < b.created_on ? 1 : -1));
	return {status: 200, body: {_links: {_self: selfLink(ctx)}, orders: orders.map((o) => orderView(ctx, o))}};
}

export function listSubscriptions(ctx: HandlerContext): ApiResponse {
	const matches = refMatcher(ctx);
	const subs = ctx.store.subscriptions.filter((s) => matches(s.ref)).sort((a, b) => (a.created < b.created ? 1 : -1));
	return {status: 200, body: {_links: {_self: selfLink(ctx)}, subscriptions: subs.map((s) => subscriptionView(ctx, s))}};
}
