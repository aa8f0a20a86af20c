// The contract between the API client and everything that uses it (hooks, screens, tests).
import type {CreateBody, Destination, Order, PatchBody, Subscription} from '../schemas.js';

export type {CreateBody, Destination, Order, PatchBody, Subscription};

/** List filters, as the API names them. Absent means "either". */
export interface ListParams {
	archived?: boolean;
	is_owner?: boolean;
	can_write?: boolean;
	is_default?: boolean;
	/** Comma-separated `field [ASC|DESC]`, fields created, name, type, updated. */
	sort_by?: string;
}

/** Per-call options: an AbortSignal lets the user cancel a slow request (Esc). */
export interface CallOptions {
	signal?: AbortSignal;
	/**
	 * Abandons the call only while the server has processed nothing of it: waiting for credentials,
	 * for a rate-limit slot, or to retry after a 429. Once a request is on the wire it runs to its
	 * answer, so stopping a batch never leaves a change half-known.
	 */
	unsent?: AbortSignal;
}

export interface DestinationsApi {
	list(params?: ListParams, options?: CallOptions): Promise<Destination[]>;
	get(id: string, options?: CallOptions): Promise<Destination>;
	create(body: CreateBody, options?: CallOptions): Promise<Destination>;
	patch(id: string, body: PatchBody, options?: CallOptions): Promise<Destination>;
	archive(id: string, options?: CallOptions): Promise<Destination>;
	unarchive(id: string, options?: CallOptions): Promise<Destination>;
	rename(id: string, name: string, options?: CallOptions): Promise<Destination>;
	rotate(id: string, parameters: Record<string, string | boolean>, options?: CallOptions): Promise<Destination>;
	/** The org default, or null when none is set (the API answers 404). */
	getDefault(options?: CallOptions): Promise<Destination | null>;
	setDefault(id: string, options?: CallOptions): Promise<Destination>;
	unsetDefault(options?: CallOptions): Promise<void>;
	/** First page of Orders v2 delivering to this pl:ref. */
	ordersUsing(ref: string, options?: CallOptions): Promise<Order[]>;
	/** First page of Subscriptions v1 delivering to this pl:ref. */
	subscriptionsUsing(ref: string, options?: CallOptions): Promise<Subscription[]>;
}
