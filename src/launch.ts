// `destui [options]`: checks the flags and the terminal, finds credentials the way the planet
// CLI does, then hands over to the screen. Expected failures print one line, never a stack.
import {searchCredentials} from './api/auth.js';
import {BaseUrlError, resolveBaseUrl} from './api/base-url.js';
import {parseDestuiArgs, USAGE} from './cli/args.js';
import {enterScreen} from './cli/screen.js';
import {connectApi, connectSandbox} from './connect.js';
import type {Target} from '../components/Root.js';
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
	// Something on screen at once, then connect: the start-up list request travels while the
	// screen's code loads.
	enterScreen(options.demo ? 'destui  SANDBOX  starting…' : `destui ${host}  loading…`);
	let target: Target;
	if (options.demo) target = {kind: 'connected', connection: await connectSandbox()};
	else {
		const {credentials, notes} = searchCredentials({flagKey: options.apiKey, env: process.env});
		target = credentials ? {kind: 'connected', connection: connectApi(credentials.apiKey, options.baseUrl, host)} : {kind: 'ask', notes};
	}
	const {runApp} = await import('../components/run.js');
	const code = await runApp(target, options.readOnly);
	// The screen is gone and the terminal restored. A request still in flight (a slow answer, a
	// retry's back-off) must not hold the user's shell until it ends: flush what was written and
	// exit now (this also skips Ink's ~50 ms teardown).
	await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
	process.exit(code);
}

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
