// `destui [options]`: checks the flags and the terminal, finds credentials the way the planet
// CLI does, then hands over to the screen. Expected failures print one line, never a stack.
// The `destui` command usually worked all of that out before loading the app, and sent the
// start-up list request already (src/early-start.ts): the app takes its plan and its request over.
import {homedir} from 'node:os';
import {isatty} from 'node:tty';
import {findCredentials} from './auth/find.js';
import {credentialsFor} from './auth/provider.js';
import {USAGE} from './cli/args.js';
import {holdKeys} from './cli/held-keys.js';
import {enterScreen} from './cli/screen.js';
import {canSignInTo, planStart} from './cli/start-plan.js';
import {connectApi, connectSandbox, type Connection} from './connect.js';
import {takeOver} from './early-handoff.js';
import {VERSION} from './version.js';

export async function runDestui(argv: string[]): Promise<number> {
	const early = takeOver();
	const home = homedir();
	const plan = early?.plan ?? planStart(argv, {env: process.env, home, stdinTTY: isatty(0), stdoutTTY: isatty(1)});
	if (plan.kind === 'usage') {
		process.stderr.write(`destui: ${plan.message}\n\n${USAGE}`);
		return 2;
	}
	if (plan.kind === 'help') {
		// With where this machine's credentials are, so "why does destui not see my login?" has an answer.
		const {credentialsHelp} = await import('./auth/describe.js');
		const o = plan.options;
		process.stdout.write(
			`${USAGE}\n${credentialsHelp(findCredentials({profile: o.profile, apiKey: o.apiKey, authServer: o.authServer, env: process.env, home}))}`,
		);
		return 0;
	}
	if (plan.kind === 'version') {
		process.stdout.write(`destui ${VERSION}\n`);
		return 0;
	}
	if (plan.kind === 'no-terminal') {
		process.stderr.write(
			`destui: needs an interactive terminal, but ${plan.which} is not one (for scripts, use \`planet destinations\`).\n`,
		);
		return 1;
	}
	if (plan.kind === 'stop') {
		process.stderr.write(`destui: ${plan.message}\n`);
		return 1;
	}
	let connect: () => Promise<Connection> | Connection;
	if (plan.kind === 'demo') connect = () => connectSandbox(plan.options.signIn);
	else {
		// Written before the alternate screen, so they are still there when destui ends.
		for (const warning of plan.warnings) process.stderr.write(`destui: warning: ${warning}\n`);
		if (plan.options.signIn && !canSignInTo(plan.found)) {
			process.stderr.write(
				`destui: --sign-in: ${plan.found.label} does not sign in with a link and a code (destui signs in to planet-user and device-code profiles)\n`,
			);
			return 2;
		}
		const credentials = credentialsFor(plan.found, {home});
		if (plan.options.signIn) credentials.session?.requestSignIn();
		else if (early?.renewal) credentials.session?.adoptFirstRenewal(early.renewal);
		connect = () =>
			connectApi(credentials, {
				baseUrl: plan.options.baseUrl,
				host: plan.host,
				trail: plan.trail,
				warnings: plan.warnings,
				early: early?.list,
				agents: early?.agents,
			});
	}
	// The terminal is the screen's: the command usually took its keys before the app loaded.
	if (!early?.keys) holdKeys();
	// Something on screen at once, then connect: the start-up list request travels while the
	// screen's code loads.
	enterScreen(plan.kind === 'demo' ? 'destui  SANDBOX  starting…' : `destui ${plan.host}  loading…`);
	const connection = await connect();
	const {runApp} = await import('../components/run.js');
	const code = await runApp(connection, plan.options.readOnly);
	// The screen is gone and the terminal restored. A request still in flight (a slow answer, a
	// retry's back-off) must not hold the user's shell until it ends: flush what was written and
	// exit now (this also skips Ink's ~50 ms teardown).
	await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
	process.exit(code);
}

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
