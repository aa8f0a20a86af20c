// State and effects of the sign-in screen: keys go to the pure reducer (src/auth/sign-in-state.ts),
// the device-code requests are made here (one at a time, each dropped when the state moves on),
// a clock ticks for the countdown, and a token that arrives is handed to the session.
import {useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import {OAuthError} from '../src/auth/oauth-http.js';
import {deviceAuthorization, deviceTokenPoll} from '../src/auth/oidc.js';
import type {OAuthSession, SignInNeed} from '../src/auth/session.js';
import {initialSignIn, signInReducer, type SignInCommand, type SignInState} from '../src/auth/sign-in-state.js';
import {isText, keysOfEvent, type Key} from '../src/keys/read.js';
import {useKeys} from './use-keys.js';

export interface UseSignInOptions {
	session: OAuthSession;
	need: SignInNeed;
	offers: SignInState['offers'];
	onOutcome: (outcome: SignInCommand | 'signed-in') => void;
	clock?: () => number;
}

/** A key as the reducer names it: Enter, Esc, or the character typed (either case). */
function keyName(k: Key): string | undefined {
	if (k.name === 'enter' || k.name === 'escape') return k.name;
	return isText(k) ? k.name.toLowerCase() : undefined;
}

const message = (err: unknown): string => (err instanceof OAuthError ? err.message : 'something unexpected went wrong');

export function useSignIn({session, need, offers, onOutcome, clock = Date.now}: UseSignInOptions): SignInState {
	const [state, dispatch] = useReducer(signInReducer, undefined, () => {
		const first = initialSignIn(need, clock(), offers);
		// --sign-in asked for it: straight to the code.
		return need.kind === 'requested' && need.canSignIn ? signInReducer(first, {type: 'key', key: 's', now: first.now}) : first;
	});

	// The screen's one listener: keys read together act one by one, as typed alone.
	useKeys((events) => {
		for (const k of events.flatMap(keysOfEvent)) {
			if (k.ctrl && k.name === 'c') return onOutcome('quit');
			const name = keyName(k);
			if (name) dispatch({type: 'key', key: name, now: clock()});
		}
	});

	const {request} = state;
	useEffect(() => {
		if (!request) return;
		const controller = new AbortController();
		const {signal} = controller;
		const client = session.profile.client;
		const failed = (err: unknown): void => {
			if (signal.aborted) return;
			if (err instanceof OAuthError && err.kind === 'refused') {
				if (err.code === 'authorization_pending') return dispatch({type: 'pending', now: clock()});
				if (err.code === 'slow_down') return dispatch({type: 'slow-down', now: clock()});
				return dispatch({type: 'refused', code: err.code, message: err.message, now: clock()});
			}
			// A poll lost to the network is tried again at the next interval, until the code expires.
			if (request.kind === 'poll' && err instanceof OAuthError && (err.kind === 'network' || err.kind === 'timeout'))
				return dispatch({type: 'pending', now: clock()});
			dispatch({type: 'failed', message: message(err), now: clock()});
		};
		let timer: NodeJS.Timeout | undefined;
		if (request.kind === 'authorize') {
			deviceAuthorization(client, signal).then((code) => !signal.aborted && dispatch({type: 'authorized', code, now: clock()}), failed);
		} else {
			timer = setTimeout(
				() => {
					deviceTokenPoll(client, request.deviceCode, signal).then((answer) => {
						if (signal.aborted) return;
						dispatch({type: 'token'});
						try {
							// Saves the session and lets the waiting requests go on; the screen then closes.
							session.signedIn(answer);
							dispatch({type: 'signed-in'});
						} catch (err) {
							failed(err);
						}
					}, failed);
				},
				Math.max(0, request.at - clock()),
			);
		}
		return () => {
			clearTimeout(timer);
			controller.abort();
		};
	}, [request, session, clock]);

	// The countdown (and the end of the arming time) need a clock.
	const ticking = state.mode.kind === 'code' || state.now < state.armedAt;
	useEffect(() => {
		if (!ticking) return;
		const t = setInterval(() => dispatch({type: 'tick', now: clock()}), 250);
		return () => clearInterval(t);
	}, [ticking, clock]);

	// The outcome is handed over once, to the latest handler (a new one does not hand it over again).
	const handler = useRef(onOutcome);
	useLayoutEffect(() => {
		handler.current = onOutcome;
	});
	const {outcome} = state;
	useEffect(() => {
		if (outcome) handler.current(outcome);
	}, [outcome]);

	return state;
}
