// The sign-in screen's reducer: the choice (keys declared once, deliberate ones armed against
// keys typed for the screen underneath), and the device-code flow of RFC 8628: first poll after
// one interval, authorization_pending, slow_down (+5 s, kept), expired_token, access_denied,
// expiry by the clock, Esc at any time.
import {describe, expect, it} from 'vitest';
import type {DeviceAuthorization} from '../../src/auth/oidc.js';
import type {SignInNeed} from '../../src/auth/session.js';
import {
	ARMING_MS,
	initialSignIn,
	offeredBindings,
	secondsLeft,
	signInReducer,
	type SignInAction,
	type SignInState,
} from '../../src/auth/sign-in-state.js';

const NEED: SignInNeed = {kind: 'missing', sentence: 'You are not signed in.', canSignIn: true};
const CODE: DeviceAuthorization = {
	deviceCode: 'dc',
	userCode: 'ABCD-EFGH',
	verificationUri: 'https://x/activate',
	expiresIn: 600,
	interval: 5,
};

const run = (s: SignInState, ...actions: SignInAction[]): SignInState => actions.reduce(signInReducer, s);
const start = (need = NEED): SignInState => initialSignIn(need, 0, {sandbox: true, back: false});
const key = (k: string, now = 1000): SignInAction => ({type: 'key', key: k, now});

describe('the choice', () => {
	it('offers sign-in only where destui can sign in, the sandbox and going back only where it makes sense', () => {
		expect(offeredBindings(start()).map((b) => b.command)).toEqual(['sign-in', 'retry', 'sandbox', 'quit']);
		const elsewhere = initialSignIn({...NEED, canSignIn: false, hint: 'run planet auth login'}, 0, {sandbox: false, back: true});
		expect(offeredBindings(elsewhere).map((b) => b.command)).toEqual(['retry', 'back', 'quit']);
		expect(run(elsewhere, key('s')).request).toBeUndefined();
	});

	it('each key gives its outcome; unknown keys do nothing', () => {
		expect(run(start(), key('r')).outcome).toBe('retry');
		expect(run(start(), key('d')).outcome).toBe('sandbox');
		expect(run(start(), key('q')).outcome).toBe('quit');
		expect(run(start(), key('x'))).toEqual({...start(), now: 1000});
	});

	it('q and d typed within the arming time are ignored (typed before the screen could be read); harmless keys are not', () => {
		const s = start();
		expect(run(s, key('q', ARMING_MS - 1)).outcome).toBeUndefined();
		expect(run(s, key('d', 10)).outcome).toBeUndefined();
		expect(run(s, key('r', 10)).outcome).toBe('retry');
		expect(run(s, key('q', ARMING_MS)).outcome).toBe('quit');
	});
});

describe('device-code sign-in', () => {
	const signingIn = () => run(start(), key('s', 0));

	it('s asks for a code; the first poll waits one interval', () => {
		const s = signingIn();
		expect(s.mode).toEqual({kind: 'starting'});
		expect(s.request?.kind).toBe('authorize');
		const shown = run(s, {type: 'authorized', code: CODE, now: 1000});
		expect(shown.mode).toEqual({kind: 'code', code: CODE, expiresAt: 601_000, interval: 5});
		expect(shown.request).toMatchObject({kind: 'poll', at: 6000, deviceCode: 'dc'});
		expect(secondsLeft({...shown, now: 1500})).toBe(600);
	});

	it('authorization_pending polls again at the interval; slow_down adds 5 s for good', () => {
		let s = run(signingIn(), {type: 'authorized', code: CODE, now: 0});
		s = run(s, {type: 'pending', now: 5000});
		expect(s.request).toMatchObject({kind: 'poll', at: 10_000});
		s = run(s, {type: 'slow-down', now: 10_000});
		expect(s.request).toMatchObject({kind: 'poll', at: 20_000});
		s = run(s, {type: 'pending', now: 20_000});
		expect(s.request).toMatchObject({kind: 'poll', at: 30_000});
		expect(s.mode.kind === 'code' && s.mode.expiresAt).toBe(600_000);
	});

	it('a token ends it; the session then says signed in', () => {
		const s = run(signingIn(), {type: 'authorized', code: CODE, now: 0}, {type: 'token'});
		expect(s.mode).toEqual({kind: 'saving'});
		expect(s.request).toBeUndefined();
		expect(run(s, {type: 'signed-in'}).outcome).toBe('signed-in');
	});

	it('access_denied, expired_token, expiry by the clock and other failures go back to the choice saying so', () => {
		const shown = run(signingIn(), {type: 'authorized', code: CODE, now: 0});
		const after = (a: SignInAction) => {
			const s = run(shown, a);
			return {mode: s.mode.kind, notice: s.notice, request: s.request};
		};
		expect(after({type: 'refused', code: 'access_denied', message: 'x', now: 1})).toEqual({
			mode: 'choose',
			notice: 'The sign-in was denied.',
			request: undefined,
		});
		expect(after({type: 'refused', code: 'expired_token', message: 'x', now: 1}).notice).toBe(
			'The code expired before it was confirmed: sign in again for a new one.',
		);
		expect(after({type: 'tick', now: 600_000}).notice).toBe('The code expired before it was confirmed: sign in again for a new one.');
		expect(after({type: 'tick', now: 599_999}).mode).toBe('code');
		expect(after({type: 'failed', message: 'could not reach x (host not found)', now: 1}).notice).toBe(
			'The sign-in did not work: could not reach x (host not found).',
		);
	});

	it('Esc cancels while asking and while waiting; the pending request is dropped', () => {
		expect(run(signingIn(), key('escape'))).toMatchObject({mode: {kind: 'choose'}, notice: 'Sign-in cancelled.', request: undefined});
		const shown = run(signingIn(), {type: 'authorized', code: CODE, now: 0});
		expect(run(shown, key('escape'))).toMatchObject({mode: {kind: 'choose'}, notice: 'Sign-in cancelled.', request: undefined});
		// Other keys while the code is shown do nothing (q is not quit here: it could be typed ahead).
		expect(run(shown, key('q')).mode.kind).toBe('code');
	});

	it('an answer that arrives after a cancel changes nothing', () => {
		const cancelled = run(signingIn(), key('escape'));
		expect(run(cancelled, {type: 'authorized', code: CODE, now: 5})).toBe(cancelled);
		expect(run(cancelled, {type: 'pending', now: 5})).toBe(cancelled);
		expect(run(cancelled, {type: 'refused', code: 'access_denied', message: 'x', now: 5})).toBe(cancelled);
		expect(run(cancelled, {type: 'failed', message: 'x', now: 5})).toBe(cancelled);
	});
});
