// The `destui` command: sends the start-up list request first (src/early-start.ts), then starts
// the bundled app (dist/destui-app.cjs) from V8's code cache (see src/code-cache.ts) while the
// request travels. Built into dist/destui.cjs with the bundle's build id filled in.
import {join} from 'node:path';
import {codeCachePath, loadApp} from './code-cache.js';
import {holdKeys} from './cli/held-keys.js';
import {isSandboxCommand} from './cli/subcommand.js';
import {handOver} from './early-handoff.js';
import {startEarly, underWay} from './early-start.js';

declare const DESTUI_BUILD_ID: string;

// Written once the UI has been up a second, so the cache holds what start-up compiles (functions
// compile lazily; an earlier save would miss most of them). The sandbox command never runs the UI,
// and a cache saved from it would make later starts compile the UI again.
const SAVE_AFTER_MS = 1000;

/**
 * Loading the app blocks the event loop, so a request not yet written when it begins would leave
 * only when it ends: the app waits for the start-up request to be on the wire, as long as the
 * network answers (connection opened, TLS done) within this long each time. On loopback or a LAN
 * that is a few milliseconds; on a slower link (or while a token is refreshed first) the app loads
 * while the handshakes go on.
 */
const QUIET_MS = 30;

const argv = process.argv.slice(2);
const sandboxCommand = isSandboxCommand(argv);
const early = sandboxCommand ? undefined : startEarly(argv);
// The request is on its way; the terminal is the screen's from now on (src/cli/held-keys.ts).
if (early && (early.plan.kind === 'api' || early.plan.kind === 'demo')) early.keys = holdKeys();
if (early) handOver(early);

function start(): void {
	const cacheFile = sandboxCommand ? undefined : codeCachePath(DESTUI_BUILD_ID);
	const app = loadApp(join(__dirname, 'destui-app.cjs'), cacheFile);
	if (cacheFile && app.cache !== 'used') setTimeout(() => app.save(), SAVE_AFTER_MS).unref();
	app.run();
}

// Out of the promise chain, so that a failure to load is reported as it always was.
if (early?.list || early?.renewal) void underWay(early, QUIET_MS).then(() => process.nextTick(start));
else start();
