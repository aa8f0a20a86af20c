// Setting the stage: names carrying escape sequences planted in the sandbox's organisation, and
// destui as shipped started in a real pseudo-terminal inside a shell that prints the terminal's
// settings (stty) before and after it and its exit status, so the soak sees what a shell would.
import {join} from 'node:path';
import {SANDBOX_ADMIN_KEY, SANDBOX_USER_KEY} from '../../src/sandbox/users.js';
import {BUNDLE, launch, sleep, type TerminalSession} from '../harness/terminal.js';
import {HOSTILE_NAMES} from './output-checks.js';
import type {SandboxChild} from './sandbox-child.js';

export const START_SIZE = {cols: 100, rows: 30};

/** Shows the stty settings before and after destui, and its exit status, around the real command. */
const WRAPPER = [
	"printf 'SOAK-STTY-BEFORE\\n'; stty -a; printf 'SOAK-STTY-END\\n'",
	'"$0" "$@"; code=$?',
	"printf '\\nSOAK-EXIT %s\\nSOAK-STTY-AFTER\\n' \"$code\"; stty -a; printf 'SOAK-STTY-END\\n'",
].join('; ');

/** destui's exit status, once the wrapper printed it. */
export const exitIn = (output: string): number | undefined => {
	const exit = /SOAK-EXIT (\d+)\r?\n/.exec(output);
	return exit ? Number(exit[1]) : undefined;
};

/** What destui itself wrote: between the wrapper's first stty and its exit line. */
export const destuiOutput = (out: string): string => out.slice(out.indexOf('SOAK-STTY-END') + 13, out.indexOf('SOAK-EXIT'));

/** The wrapper's stty before and after destui, each as a list of settings. */
export const sttyAround = (out: string): string[] =>
	[...out.matchAll(/SOAK-STTY-(?:BEFORE|AFTER)\r?\n([\s\S]*?)SOAK-STTY-END/g)].map((m) => m[1]!);

/** destui on the sandbox as the demo user, its home a fresh directory (so every file it writes is there). */
export function startDestui(sb: SandboxChild, home: string): TerminalSession {
	const env: Record<string, string | undefined> = {
		HOME: home,
		XDG_CACHE_HOME: join(home, '.cache'),
		XDG_CONFIG_HOME: join(home, '.config'),
		TMUX: undefined,
		STY: undefined,
		NO_COLOR: undefined,
	};
	for (const k of Object.keys(process.env)) if (k.startsWith('PL_')) env[k] = undefined;
	return launch(['--base-url', sb.origin, '--api-key', SANDBOX_USER_KEY], {
		...START_SIZE,
		env,
		cwd: home,
		command: ['/bin/sh', '-c', WRAPPER, process.execPath, BUNDLE],
	});
}

/** Names carrying escape sequences and control characters, one of them the user's own (so renames, archives and the default meet it). */
export async function plantNames(sb: SandboxChild): Promise<void> {
	const admin = (method: string, path: string, body: unknown) =>
		fetch(`${sb.apiBase}${path}`, {
			method,
			headers: {authorization: `api-key ${SANDBOX_ADMIN_KEY}`, 'content-type': 'application/json'},
			body: JSON.stringify(body),
		}).then(async (r) => {
			if (!r.ok) throw new Error(`setting up the sandbox: ${method} ${path}: ${r.status} ${await r.text()}`);
			return (await r.json()) as {id: string};
		});
	const s3 = (name: string, n: number) => ({
		type: 'amazon_s3',
		name,
		parameters: {
			bucket: `hostile-${n}`,
			aws_region: 'us-west-2',
			aws_access_key_id: `FAKEHOSTILEKEY0000${n}`,
			aws_secret_access_key: 'fake',
		},
	});
	await admin('POST', '', s3(HOSTILE_NAMES[0]!, 1));
	await admin('POST', '', s3(HOSTILE_NAMES[2]!, 3));
	const mine = (await sb.state()).destinations.find((d) => d.name === 'MinIO on-prem lab')!;
	await sleep(1100); // the admin's own 3 per second
	await admin('PATCH', `/${mine.id}`, {name: HOSTILE_NAMES[1]});
}
