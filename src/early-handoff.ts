// What the `destui` command (src/loader.ts) hands to the app it loads: the start plan it worked
// out, and what it already set going from it (src/early-start.ts). The command and the app are
// two bundles of one build, each with its own copy of every module, so only plain data, promises
// and Node's own objects (the agents) cross, through one global slot.
import type {RawAnswer} from './api/raw-exchange.js';
import type {Agents} from './api/wire.js';
import type {Renewal} from './auth/renew.js';
import type {HeldKeys} from './cli/held-keys.js';
import type {StartPlan} from './cli/start-plan.js';

/** The start-up list request, sent by the command; the app's transport takes it as its first attempt. */
export interface EarlyRequest {
	method: 'GET';
	url: string;
	/** The Authorization header it was sent with. */
	authorization: string;
	/**
	 * The answer read whole, or a failure shaped as got's (name, code, response.statusCode), handed
	 * over once: the request lets go of it, so the list's text (some 6 MB at 10,000 destinations)
	 * is not kept for the session by whatever still holds the request (the hand-over, the client).
	 */
	take(): Promise<RawAnswer>;
	/** Settles (never rejects) once the request has been handed to the network, or has failed. */
	sent: Promise<void>;
	cancel(): void;
	onHeadway(listener: () => void): void;
}

export interface EarlyStart {
	plan: StartPlan;
	/** The keep-alive agents the start-up request went out on: later requests reuse its connection. */
	agents: Agents;
	/** An OAuth session's first renewal (token file read, refreshed if due), under way. */
	renewal?: Promise<Renewal>;
	/** The start-up list request once the credentials were known; undefined if it could not be sent. */
	list?: Promise<EarlyRequest | undefined>;
	/** The keys typed before the screen reads them (raw mode already on): src/cli/held-keys.ts. */
	keys?: HeldKeys;
}

const SLOT = Symbol.for('destui.early-start');

export function handOver(early: EarlyStart): void {
	(globalThis as Record<symbol, unknown>)[SLOT] = early;
}

/** What the command handed over, once: undefined when the app was started some other way. */
export function takeOver(): EarlyStart | undefined {
	const slot = globalThis as Record<symbol, unknown>;
	const early = slot[SLOT] as EarlyStart | undefined;
	delete slot[SLOT];
	return early;
}
