// destui's flags. Anything unknown or malformed is a usage error (exit 2), never a stack trace.
import {headerProblem} from '../auth/header-value.js';
import {parseFlags, UsageError} from './flags.js';

export const USAGE = `Usage: destui [options]
       destui sandbox [--host H] [--port N] [--seed demo|empty|intl] [--state FILE] [--rate-limit on|off]

A keyboard-driven terminal manager for Planet's Destinations API.

Options:
  --demo             run on a built-in local sandbox with fixture data (no account needed)
  --profile NAME     use this planet CLI profile (default: PL_AUTH_PROFILE, then the order below)
  --api-key KEY      Planet API key (default: PL_API_KEY, then the planet CLI's config files)
  --sign-in          sign in (again) before the list opens; with --demo, to the sandbox, kept in
                     memory only
  --auth-server URL  where the built-in profile planet-user signs in (default
                     https://login.planet.com/); for trying sign-in against a sandbox
  --base-url URL     API address (default https://api.planet.com; like planet's -u)
  --read-only        browse only: every change is disabled
  -h, --help         show this help, with where destui finds credentials on this machine
  -v, --version      show the version

Keys: press ? inside destui. NO_COLOR=1 turns colour off.
`;

export interface RunOptions {
	demo: boolean;
	profile?: string;
	apiKey?: string;
	authServer?: string;
	signIn: boolean;
	baseUrl?: string;
	readOnly: boolean;
}

export type ParsedArgs =
	{kind: 'help'; options: RunOptions} | {kind: 'version'} | {kind: 'run'; options: RunOptions} | {kind: 'error'; message: string};

const FLAGS = {
	demo: {type: 'boolean'},
	profile: {type: 'string'},
	'api-key': {type: 'string'},
	'sign-in': {type: 'boolean'},
	'auth-server': {type: 'string'},
	'base-url': {type: 'string'},
	'read-only': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** An auth server address: http(s), no user:password, no query (the discovery path is added to it). */
export function authServerProblem(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `"${value.slice(0, 100)}" is not a URL`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'it must start with https:// or http://';
	if (url.username || url.password) return 'it may not hold a user name or password';
	if (url.search || url.hash) return 'it may not hold a query (?...) or fragment (#...)';
	return undefined;
}

export function parseDestuiArgs(argv: string[]): ParsedArgs {
	let values: ReturnType<typeof parseFlags<typeof FLAGS>>;
	try {
		values = parseFlags(argv, FLAGS);
	} catch (err) {
		if (err instanceof UsageError) return {kind: 'error', message: err.message};
		throw err;
	}
	const options: RunOptions = {
		demo: !!values.demo,
		profile: values.profile?.trim(),
		apiKey: values['api-key']?.trim(),
		authServer: values['auth-server']?.trim(),
		signIn: !!values['sign-in'],
		baseUrl: values['base-url'],
		readOnly: !!values['read-only'],
	};
	if (values.help) return {kind: 'help', options};
	if (values.version) return {kind: 'version'};
	if (options.apiKey === '') return {kind: 'error', message: '--api-key needs a key'};
	if (options.profile === '') return {kind: 'error', message: '--profile needs a profile name'};
	if (options.authServer === '') return {kind: 'error', message: '--auth-server needs a URL'};
	if (options.apiKey !== undefined) {
		const problem = headerProblem(options.apiKey);
		if (problem) return {kind: 'error', message: `the key given with --api-key ${problem}`};
	}
	if (options.authServer !== undefined) {
		const problem = authServerProblem(options.authServer);
		if (problem) return {kind: 'error', message: `--auth-server: ${problem}`};
	}
	if (options.profile !== undefined && options.apiKey !== undefined)
		return {kind: 'error', message: 'give --profile or --api-key, not both'};
	if (options.demo) {
		if (options.apiKey !== undefined) return {kind: 'error', message: "--demo uses the sandbox's own key: drop --api-key"};
		if (options.profile !== undefined || options.authServer !== undefined) {
			return {
				kind: 'error',
				message: `--demo signs in to its own sandbox: drop ${options.profile !== undefined ? '--profile' : '--auth-server'} (--demo --sign-in tries signing in there)`,
			};
		}
	}
	return {kind: 'run', options};
}
