// `destui sandbox`: runs the sandbox in the foreground until SIGINT or SIGTERM.
import {parseFlags, UsageError} from '../cli/flags.js';
import {SEED_NAMES} from './seed.js';
import {startSandbox} from './server.js';
import type {SeedName} from './types.js';

export const SANDBOX_USAGE = `Usage: destui sandbox [options]

Runs a local Destinations API (the built-in sandbox) until Ctrl-C.

Options:
  --host HOST            address to listen on (default 127.0.0.1)
  --port N               port to listen on; 0 picks a free one (default 0)
  --seed demo|empty|intl starting data (default demo; intl: names in many scripts)
  --state FILE           keep the state in FILE across restarts (written with mode 0600)
  --rate-limit on|off    3 requests per second per user (default on)
  --token-lifetime SECONDS
                         lifetime of the OAuth access tokens it issues (default 3600)
  -h, --help             show this help

API keys: PLAK-sandbox-user, PLAK-sandbox-other (members), PLAK-sandbox-admin (org admin).
OAuth: discovery at /.well-known/openid-configuration on the same port; public client
destui-sandbox (device code), client credentials sandbox-m2m-client / sandbox-m2m-secret.
`;

interface SandboxArgs {
	host: string;
	port: number;
	seed: SeedName;
	stateFile?: string;
	rateLimit: boolean;
	tokenLifetimeSeconds: number;
	help: boolean;
}

export function parseSandboxArgs(argv: string[]): SandboxArgs {
	const values = parseFlags(argv, {
		host: {type: 'string'},
		port: {type: 'string'},
		seed: {type: 'string'},
		state: {type: 'string'},
		'rate-limit': {type: 'string'},
		'token-lifetime': {type: 'string'},
		help: {type: 'boolean', short: 'h'},
	});
	const port = values.port ?? '0';
	if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${port}")`);
	const seed = values.seed ?? 'demo';
	if (!(SEED_NAMES as readonly string[]).includes(seed)) throw new UsageError(`--seed must be ${SEED_NAMES.join(' or ')} (got "${seed}")`);
	const rate = values['rate-limit'] ?? 'on';
	if (rate !== 'on' && rate !== 'off') throw new UsageError(`--rate-limit must be on or off (got "${rate}")`);
	const host = values.host ?? '127.0.0.1';
	if (host.trim() === '') throw new UsageError('--host must not be empty');
	if (values.state !== undefined && values.state.trim() === '') throw new UsageError('--state must name a file');
	const lifetime = values['token-lifetime'] ?? '3600';
	// A year at most: longer would only hide refresh bugs.
	if (!/^\d{1,8}$/.test(lifetime) || Number(lifetime) < 1 || Number(lifetime) > 31_536_000) {
		throw new UsageError(`--token-lifetime must be a whole number of seconds from 1 to 31536000 (got "${lifetime}")`);
	}
	return {
		host,
		port: Number(port),
		seed: seed as SeedName,
		stateFile: values.state,
		rateLimit: rate === 'on',
		tokenLifetimeSeconds: Number(lifetime),
		help: values.help ?? false,
	};
}

export async function runSandboxCommand(argv: string[]): Promise<number> {
	let args: SandboxArgs;
	try {
		args = parseSandboxArgs(argv);
	} catch (err) {
		if (!(err instanceof UsageError)) throw err;
		process.stderr.write(`destui sandbox: ${err.message}\n\n${SANDBOX_USAGE}`);
		return 2;
	}
	if (args.help) {
		process.stdout.write(SANDBOX_USAGE);
		return 0;
	}
	let sandbox;
	try {
		sandbox = await startSandbox({
			host: args.host,
			port: args.port,
			seed: args.seed,
			stateFile: args.stateFile,
			rateLimit: args.rateLimit,
			tokenLifetimeSeconds: args.tokenLifetimeSeconds,
		});
	} catch (err) {
		process.stderr.write(`destui sandbox: could not start: ${(err as Error).message}\n`);
		return 1;
	}
	for (const warning of sandbox.warnings) process.stderr.write(`destui sandbox: warning: ${warning}\n`);
	process.stdout.write(`sandbox listening on ${sandbox.apiBase}\n`);
	const running = sandbox;
	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await running.close();
	return 0;
}
