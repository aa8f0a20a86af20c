// The sign-in screen reads keys on destui's one key path (src/keys/read.ts through
// hooks/use-keys.ts), like every other screen: keys read together act one by one, as if typed
// alone, and a paste is text, never keys. Against the sandbox's auth server, with a private HOME.
import React from 'react';
import {describe, expect, it} from 'vitest';
import {SignIn} from '../../components/SignIn.js';
import {findCredentials} from '../../src/auth/find.js';
import {credentialsFor} from '../../src/auth/provider.js';
import type {OAuthSession} from '../../src/auth/session.js';
import {ARMING_MS} from '../../src/auth/sign-in-state.js';
import {KEYS} from '../harness/keys.js';
import {privateHome} from '../auth/helpers.js';
import {frame, mount, paste, press, sandbox, settle, together} from './wizard-helpers.js';

/**
 * A device-code profile with no session yet, and a request waiting for the user to sign in.
 * `midSession`: the screen came up over work in progress (Esc goes back to it). The screen's clock
 * is the test's: `seen()` moves it past the time q and d are ignored for.
 */
async function signInScreen({midSession = false}: {midSession?: boolean} = {}) {
	let now = 1_000_000;
	const clock = () => now;
	const sb = await sandbox();
	const home = privateHome();
	home.planetJson({PL_AUTH_PROFILE: 'dev'});
	home.profileFile('dev', {
		client_type: 'oidc_device_code',
		auth_server: `${sb.origin}/`,
		client_id: 'destui-sandbox',
		audiences: ['https://api.planet.com/'],
		scopes: ['planet', 'offline_access'],
	});
	const found = findCredentials({env: {}, home: home.path});
	if (found.kind !== 'found') throw new Error(found.message);
	const session = credentialsFor(found.found, {home: home.path}).session as OAuthSession;
	const waiting = Promise.resolve(session.authorization()).catch(() => 'gave up');
	while (!session.getNeed()) await new Promise((resolve) => setTimeout(resolve, 5));
	const outcomes: string[] = [];
	const r = await mount(
		<SignIn
			session={session}
			need={session.getNeed()!}
			trail={[]}
			sandbox={false}
			host="api.planet.com"
			offers={{sandbox: true, back: midSession}}
			clock={clock}
			onOutcome={(o) => outcomes.push(o)}
		/>,
	);
	return {r, outcomes, session, waiting, seen: () => void (now += ARMING_MS), later: (ms: number) => void (now += ms)};
}

describe('the sign-in screen reads keys like every screen', () => {
	it('keys read together act one by one: "xr" is an unbound x, then r (try again)', async () => {
		const {r, outcomes} = await signInScreen();
		expect(frame(r)).toContain('try again (signed in elsewhere)');
		await together(r, 'xr');
		expect(outcomes).toEqual(['retry']);
	});

	it('Enter read together with other keys starts the sign-in: the code comes from the auth server; Esc cancels it', async () => {
		const {r, outcomes, session, waiting} = await signInScreen();
		await together(r, 'z\r');
		await settle(r, () => frame(r).includes('Code:'));
		expect(frame(r)).toMatch(/Code: +([B-Z] ){4}- ([B-Z] ){3}[B-Z]/);
		await press(r, KEYS.esc);
		expect(frame(r)).toContain('Sign-in cancelled.');
		expect(outcomes).toEqual([]);
		session.giveUp();
		expect(await waiting).toBe('gave up');
	});

	it('a paste is not keys: a pasted "q" does not quit, a typed one does; Ctrl-C in a run quits too', async () => {
		const {r, outcomes, seen} = await signInScreen();
		seen();
		await paste(r, 'q');
		expect(outcomes).toEqual([]);
		await together(r, 'Q');
		expect(outcomes).toEqual(['quit']);
		const again = await signInScreen();
		await together(again.r, 'x\x03');
		expect(again.outcomes).toEqual(['quit']);
	});

	it('q and d pressed as the screen appears do nothing, at start-up (typed ahead) and over work in progress; once it has been seen, they act', async () => {
		// At start-up, keys typed while destui loaded are read as soon as this screen takes the
		// keys: before anyone saw it. Over work in progress, keys typed before it came up went to the
		// screen underneath (it had the keys then); what is guarded against is a key typed for that
		// screen a moment after this one appeared unbidden, in a read of its own, so only the time
		// since it appeared tells it apart.
		for (const midSession of [false, true]) {
			const {r, outcomes, later, seen} = await signInScreen({midSession});
			expect(frame(r).includes('back to what you were doing')).toBe(midSession);
			later(50);
			await together(r, 'q');
			await press(r, 'd');
			expect(outcomes).toEqual([]);
			expect(frame(r)).toContain('use the local sandbox');
			seen();
			await press(r, 'd');
			expect(outcomes).toEqual(['sandbox']);
		}
	});
});
