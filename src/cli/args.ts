// destui's flags. Anything unknown or malformed is a usage error (exit 2), never a stack trace.
import {parseFlags, UsageError} from './flags.js';

export const USAGE = `Usage: destui [options]
       destui sandbox [--host H] [--port N] [--seed demo|empty] [--state FILE] [--rate-limit on|off]

A keyboard-driven terminal manager for Planet's Destinations API.

Options:
  --demo             run on a built-in local sandbox with fixture data (no account needed)
  --api-key KEY      Planet API key (default: PL_API_KEY, then the planet CLI's config files)
  --base-url URL     API address (default https://api.planet.com; like planet's -u)
  --read-only        browse only: every change is disabled
  -h, --help         show this help
  -v, --version      show the version

Keys: press ? inside destui. NO_COLOR=1 turns colour off.
`;

export interface RunOptions {
	demo: boolean;
	apiKey?: string;
	baseUrl?: string;
	readOnly: boolean;
}

export type ParsedArgs = {kind: 'help'} | {kind: 'version'} | {kind: 'run'; options: RunOptions} | {kind: 'error'; message: string};

const FLAGS = {
	demo: {type: 'boolean'},
	'api-key': {type: 'string'},
	'base-url': {type: 'string'},
	'read-only': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

export function parseDestuiArgs(argv: string[]): ParsedArgs {
	let values: ReturnType<typeof parseFlags<typeof FLAGS>>;
	try {
		values = parseFlags(argv, FLAGS);
	} catch (err) {
		if (err instanceof UsageError) return {kind: 'error', message: err.message};
		throw err;
	}
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	if (values['api-key'] !== undefined && values['api-key'].trim() === '') return {kind: 'error', message: '--api-key needs a key'};
	if (values.demo && values['api-key'] !== undefined) return {kind: 'error', message: '--demo uses the sandbox\'s own key: drop --api-key'};
	return {kind: 'run', options: {demo: !!values.demo, apiKey: values['api-key'], baseUrl: values['base-url'], readOnly: !!values['read-only']}};
}
