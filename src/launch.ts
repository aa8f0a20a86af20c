// `destui [options]`: checks the flags and the terminal, finds credentials the way the planet
// CLI does, then hands over to the screen. Expected failures print one line, never a stack.
import {homedir} from 'node:os';
import {BaseUrlError, resolveBaseUrl} from './api/base-url.js';
import {findCredentials} from './auth/find.js';
import {credentialsFor} from './auth/provider.js';
import {parseDestuiArgs, USAGE} from './cli/args.js';
import {enterScreen} from './cli/screen.js';
import {connectApi, connectSandbox, type Connection} from './connect.js';
import {VERSION} from './version.js';

export async function runDestui(argv: string[]): Promise<number> {
	const parsed = parseDestuiArgs(argv);
	if (parsed.kind === 'error') {
		process.stderr.write(`destui: ${parsed.message}\n\n${USAGE}`);
		return 2;
	}
	if (parsed.kind === 'help') {
		// With where this machine's credentials are, so "why does destui not see my login?" has an answer.
		const {credentialsHelp} = await import('./auth/describe.js');
		const o = parsed.options;
		process.stdout.write(`${USAGE}\n${credentialsHelp(findCredentials({profile: o.profile, apiKey: o.apiKey, authServer: o.authServer, env: process.env, home: homedir()}))}`);
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
	let connect: () => Promise<Connection> | Connection;
	if (options.demo) connect = () => connectSandbox(options.signIn);
	else {
		// Files and the environment only: no request is made here.
		const home = homedir();
		const result = findCredentials({profile: options.profile, apiKey: options.apiKey, authServer: options.authServer, env: process.env, home});
		if (result.kind === 'stop') {
			process.stderr.write(`destui: ${result.message}\n`);
			return 1;
		}
		// Written before the alternate screen, so they are still there when destui ends.
		for (const warning of result.warnings) process.stderr.write(`destui: warning: ${warning}\n`);
		const credentials = credentialsFor(result.found, {home});
		if (options.signIn) {
			if (!credentials.session || credentials.session.profile.flow !== 'device_code') {
				process.stderr.write(`destui: --sign-in: ${result.found.label} does not sign in with a link and a code (destui signs in to planet-user and device-code profiles)\n`);
				return 2;
			}
			credentials.session.requestSignIn();
		}
		connect = () => connectApi(credentials, {baseUrl: options.baseUrl, host, trail: result.trail});
	}
	// Something on screen at once, then connect: the start-up list request travels while the
	// screen's code loads.
	enterScreen(options.demo ? 'destui  SANDBOX  starting…' : `destui ${host}  loading…`);
	const connection = await connect();
	const {runApp} = await import('../components/run.js');
	const code = await runApp(connection, options.readOnly);
	// The screen is gone and the terminal restored. A request still in flight (a slow answer, a
	// retry's back-off) must not hold the user's shell until it ends: flush what was written and
	// exit now (this also skips Ink's ~50 ms teardown).
	await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
	process.exit(code);
}

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
