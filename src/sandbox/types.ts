// The sandbox's own records: what it stores (secrets included) and what a handler answers.
// The API's view of a destination is built from these by present.ts, per caller.
import type {DestinationType} from '../catalogue/providers.js';

export type SeedName = 'demo' | 'empty' | 'intl';

export interface DestinationRecord {
	/** Stable for the destination's life: `<slug(name at creation)>-<suffix>`. */
	id: string;
	/** The random 21-character base62 tail shared by the id and every pl:ref it ever had. */
	suffix: string;
	name: string;
	type: DestinationType;
	/** Stored with secrets in clear; present.ts redacts them on the way out. */
	parameters: Record<string, string | boolean>;
	created: string;
	updated: string;
	archived: string | null;
	ownerId: number;
}

export interface OrderRecord {
	id: string;
	name: string;
	state: string;
	created_on: string;
	last_modified: string;
	last_message: string;
	error_hints: string[];
	products: {item_ids: string[]; item_type: string; product_bundle: string}[];
	/** The pl:ref as given when the order was placed. */
	ref: string;
	path_prefix?: string;
}

export interface SubscriptionRecord {
	id: string;
	name: string;
	status: string;
	created: string;
	updated: string;
	start_time: string;
	end_time: string | null;
	item_types: string[];
	asset_types: string[];
	ref: string;
	path_prefix?: string;
}

/** Everything the sandbox persists (the state file holds exactly this). */
export interface SandboxState {
	version: 1;
	seed: SeedName;
	destinations: DestinationRecord[];
	defaultId: string | null;
	orders: OrderRecord[];
	subscriptions: SubscriptionRecord[];
}

/** A request as the handlers see it: already parsed, body already read. */
export interface ApiRequest {
	method: string;
	/** The raw path, without the query. */
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	/** The raw body text ('' when none). */
	body: string;
	/** scheme://host[:port] as the caller addressed us (from the Host header). */
	origin: string;
}

export interface ApiResponse {
	status: number;
	headers?: Record<string, string>;
	/** A JSON value; undefined sends an empty body. */
	body?: unknown;
	/** Sent as is instead of `body`, with the Content-Type given in `headers` (HTML pages). */
	text?: string;
}
