// What `destui [options]` is to do, from its flags, the terminal and the credentials found: worked
// out once, by the `destui` command before the app loads (so the start-up request can leave
// first, src/early-start.ts), and handed to the app (src/launch.ts), which says and does it.
// Nothing here prints, exits or makes a request; it reads the credential files only.
import {BaseUrlError, resolveBaseUrl} from '../api/base-url.js';
import {findCredentials, type Found, type Step} from '../auth/find.js';
import {parseDestuiArgs, type RunOptions} from './args.js';

export interface StartInput {
	env: NodeJS.ProcessEnv;
	home: string;
	/** Whether standard input and output are terminals. */
	stdinTTY: boolean;
	stdoutTTY: boolean;
}

export type StartPlan =
	/** A bad flag: the message, then the usage; exit 2. */
	| {kind: 'usage'; message: string}
	| {kind: 'help'; options: RunOptions}
	| {kind: 'version'}
	/** Not run from a terminal: exit 1. */
	| {kind: 'no-terminal'; which: 'standard input' | 'standard output'}
	| {kind: 'demo'; options: RunOptions}
	/** No credentials destui can use: the message; exit 1. */
	| {kind: 'stop'; message: string}
	| {kind: 'api'; options: RunOptions; host: string; found: Found; trail: Step[]; warnings: string[]};

export function planStart(argv: string[], input: StartInput): StartPlan {
	const parsed = parseDestuiArgs(argv);
	if (parsed.kind === 'error') return {kind: 'usage', message: parsed.message};
	if (parsed.kind === 'help') return {kind: 'help', options: parsed.options};
	if (parsed.kind === 'version') return {kind: 'version'};
	const options = parsed.options;
	let host = 'api.planet.com';
	if (options.baseUrl !== undefined) {
		try {
			host = new URL(resolveBaseUrl(options.baseUrl)).host;
		} catch (err) {
			return {kind: 'usage', message: `--base-url: ${err instanceof BaseUrlError ? err.message : 'not a URL'}`};
		}
	}
	if (!input.stdinTTY || !input.stdoutTTY) return {kind: 'no-terminal', which: !input.stdinTTY ? 'standard input' : 'standard output'};
	if (options.demo) return {kind: 'demo', options};
	// Files and the environment only: no request is made here.
	const result = findCredentials({
		profile: options.profile,
		apiKey: options.apiKey,
		authServer: options.authServer,
		env: input.env,
		home: input.home,
	});
	if (result.kind === 'stop') return {kind: 'stop', message: result.message};
	return {kind: 'api', options, host, found: result.found, trail: result.trail, warnings: result.warnings};
}

/** --sign-in works for sessions destui can sign in to itself (device code). */
export const canSignInTo = (found: Found): boolean => found.kind === 'oauth' && found.profile.flow === 'device_code';
