// The sign-in screen as a pure reducer (issue 9 §4-5): why the session cannot be used and what
// the user can do (sign in now, try again, use the sandbox, quit, go back); then the device-code
// sign-in of RFC 8628: the request for a code, the code shown with a countdown, polls at the
// server's interval (slower after slow_down), until a token, a refusal, expiry or Esc. The state
// holds the request to make; hooks/use-sign-in.ts makes it and reports back.
import type {DeviceAuthorization} from './oidc.js';
import type {SignInNeed} from './session.js';

export type SignInCommand = 'sign-in' | 'retry' | 'sandbox' | 'quit' | 'back';

export interface SignInBinding {
	command: SignInCommand;
	keys: readonly string[];
	/** What the legend says, e.g. "s  sign in now". */
	label: string;
	/** Answers a question that discards something: never taken from a key typed before the screen appeared. */
	deliberate: boolean;
}

/** Every key of the choice, declared once: the reducer reads it, the screen draws its legend from it. */
export const SIGN_IN_BINDINGS: readonly SignInBinding[] = [
	{command: 'sign-in', keys: ['s', 'enter'], label: 'sign in now', deliberate: false},
	{command: 'retry', keys: ['r'], label: 'try again (signed in elsewhere)', deliberate: false},
	{command: 'sandbox', keys: ['d'], label: 'use the local sandbox (demo data)', deliberate: true},
	{command: 'back', keys: ['escape'], label: 'back to what you were doing (not signed in: it fails)', deliberate: false},
	{command: 'quit', keys: ['q'], label: 'quit', deliberate: true},
];

/**
 * For this long after the screen appears (ms), q and d are ignored: keys typed before anyone could
 * have read it (typed ahead while destui started, or for the screen it came up over) never
 * discard anything (src/auth/README.md says why a time).
 */
export const ARMING_MS = 400;

export type SignInRequest =
	| {id: number; kind: 'authorize'}
	/** Poll the token endpoint at `at` (ms, the clock the reducer is given). */
	| {id: number; kind: 'poll'; at: number; deviceCode: string};

export type SignInMode =
	{kind: 'choose'} | {kind: 'starting'} | {kind: 'code'; code: DeviceAuthorization; expiresAt: number; interval: number} | {kind: 'saving'};

export interface SignInState {
	need: SignInNeed;
	mode: SignInMode;
	/** ms; keys of deliberate commands before `armedAt` are ignored. */
	armedAt: number;
	now: number;
	/** What happened last, in one sentence (a refusal, an expiry, a cancel). */
	notice?: string;
	request?: SignInRequest;
	outcome?: SignInCommand | 'signed-in';
	/** Offered: the sandbox (not when already on it), going back (mid-session). */
	offers: {sandbox: boolean; back: boolean};
}

export type SignInAction =
	| {type: 'key'; key: string; now: number}
	| {type: 'tick'; now: number}
	| {type: 'authorized'; code: DeviceAuthorization; now: number}
	| {type: 'pending'; now: number}
	| {type: 'slow-down'; now: number}
	| {type: 'token'}
	| {type: 'signed-in'}
	| {type: 'refused'; code?: string; message: string; now: number}
	| {type: 'failed'; message: string; now: number};

export function initialSignIn(need: SignInNeed, now: number, offers: SignInState['offers']): SignInState {
	return {need, mode: {kind: 'choose'}, armedAt: now + ARMING_MS, now, offers};
}

/** The bindings the choice offers in this state, in legend order. */
export function offeredBindings(s: Pick<SignInState, 'need' | 'offers'>): SignInBinding[] {
	return SIGN_IN_BINDINGS.filter((b) => {
		if (b.command === 'sign-in') return s.need.canSignIn;
		if (b.command === 'sandbox') return s.offers.sandbox;
		if (b.command === 'back') return s.offers.back;
		return true;
	});
}

let nextId = 1;

const poll = (s: SignInState, code: DeviceAuthorization, interval: number, from: number): SignInState => ({
	...s,
	mode: {kind: 'code', code, expiresAt: s.mode.kind === 'code' ? s.mode.expiresAt : from + code.expiresIn * 1000, interval},
	request: {id: nextId++, kind: 'poll', at: from + interval * 1000, deviceCode: code.deviceCode},
});

const backToChoice = (s: SignInState, notice: string): SignInState => ({...s, mode: {kind: 'choose'}, request: undefined, notice});

export function signInReducer(s: SignInState, a: SignInAction): SignInState {
	if (s.outcome) return s;
	switch (a.type) {
		case 'key':
			return onKey({...s, now: a.now}, a.key);
		case 'tick': {
			const next = {...s, now: a.now};
			if (s.mode.kind === 'code' && a.now >= s.mode.expiresAt)
				return backToChoice(next, 'The code expired before it was confirmed: sign in again for a new one.');
			return next;
		}
		case 'authorized':
			if (s.mode.kind !== 'starting') return s;
			// RFC 8628 §3.5: the first poll waits one interval (planet-auth waits one too).
			return poll({...s, now: a.now, notice: undefined}, a.code, a.code.interval, a.now);
		case 'pending':
			if (s.mode.kind !== 'code') return s;
			return poll({...s, now: a.now}, s.mode.code, s.mode.interval, a.now);
		case 'slow-down':
			if (s.mode.kind !== 'code') return s;
			// RFC 8628 §3.5: slow_down adds 5 seconds to the interval, for this and every later poll.
			return poll({...s, now: a.now}, s.mode.code, s.mode.interval + 5, a.now);
		case 'token':
			return s.mode.kind === 'code' ? {...s, mode: {kind: 'saving'}, request: undefined} : s;
		case 'signed-in':
			return {...s, request: undefined, outcome: 'signed-in'};
		case 'refused': {
			if (s.mode.kind !== 'starting' && s.mode.kind !== 'code' && s.mode.kind !== 'saving') return s;
			const next = {...s, now: a.now};
			if (a.code === 'access_denied') return backToChoice(next, 'The sign-in was denied.');
			if (a.code === 'expired_token') return backToChoice(next, 'The code expired before it was confirmed: sign in again for a new one.');
			return backToChoice(next, `The sign-in did not work: ${a.message}.`);
		}
		case 'failed':
			if (s.mode.kind === 'choose') return s;
			return backToChoice({...s, now: a.now}, `The sign-in did not work: ${a.message}.`);
	}
}

function onKey(s: SignInState, key: string): SignInState {
	if (s.mode.kind === 'starting' || s.mode.kind === 'code') {
		// Esc cancels the sign-in at any time; the request in flight is dropped with it.
		return key === 'escape' ? backToChoice(s, 'Sign-in cancelled.') : s;
	}
	if (s.mode.kind !== 'choose') return s;
	const binding = offeredBindings(s).find((b) => b.keys.includes(key));
	if (!binding) return s;
	if (binding.deliberate && s.now < s.armedAt) return s;
	if (binding.command === 'sign-in') return {...s, mode: {kind: 'starting'}, notice: undefined, request: {id: nextId++, kind: 'authorize'}};
	return {...s, outcome: binding.command};
}

/** Whole seconds left on the code, for the countdown. */
export const secondsLeft = (s: SignInState): number =>
	s.mode.kind === 'code' ? Math.max(0, Math.ceil((s.mode.expiresAt - s.now) / 1000)) : 0;
