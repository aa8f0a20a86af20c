// `destui [options]`: checks the flags and the terminal, finds credentials the way the planet
// CLI does, then hands over to the screen. Expected failures print one line, never a stack.
import {searchCredentials} from './api/auth.js';
import {BaseUrlError, resolveBaseUrl} from './api/base-url.js';
import {parseDestuiArgs, USAGE} from './cli/args.js';
import {VERSION} from './version.js';

export async function runDestui(argv: string[]): Promise<number> {
	const parsed = parseDestuiArgs(argv);
	if (parsed.kind === 'error') {
		process.stderr.write(`destui: ${parsed.message}\n\n${USAGE}`);
		return 2;
	}
	if (parsed.kind === 'help') {
		process.stdout.write(USAGE);
		return 0;
	}
	if (parsed.kind === 'version') {
		process.stdout.write(`destui ${VERSION}\n`);
		return 0;
	}
	const options = parsed.options;
	let host = 'api.planet.com';
	if (options.baseUrl !== undefined) {
		try {
			host = new URL(resolveBaseUrl(options.baseUrl)).host;
		} catch (err) {
			process.stderr.write(`destui: --base-url: ${err instanceof BaseUrlError ? err.message : 'not a URL'}\n\n${USAGE}`);
			return 2;
		}
	}
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		const which = !process.stdin.isTTY ? 'standard input' : 'standard output';
		process.stderr.write(`destui: needs an interactive terminal, but ${which} is not one (for scripts, use \`planet destinations\`).\n`);
		return 1;
	}
	const {runApp} = await import('../components/run.js');
	if (options.demo) return runApp({kind: 'demo'}, options.readOnly);
	const {credentials, notes} = searchCredentials({flagKey: options.apiKey, env: process.env});
	if (!credentials) return runApp({kind: 'ask', notes}, options.readOnly);
	return runApp({kind: 'api', apiKey: credentials.apiKey, baseUrl: options.baseUrl, host}, options.readOnly);
}
