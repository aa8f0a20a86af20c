// The `destui` command: starts the bundled app (dist/destui-app.cjs) from V8's code cache (see
// src/code-cache.ts). Built into dist/destui.cjs with the bundle's build id filled in.
import {join} from 'node:path';
import {codeCachePath, loadApp} from './code-cache.js';
import {isSandboxCommand} from './cli/subcommand.js';

declare const DESTUI_BUILD_ID: string;

// Written once the UI has been up a second, so the cache holds what start-up compiles (functions
// compile lazily; an earlier save would miss most of them). The sandbox command never runs the UI,
// and a cache saved from it would make later starts compile the UI again.
const SAVE_AFTER_MS = 1000;

const cacheFile = isSandboxCommand(process.argv.slice(2)) ? undefined : codeCachePath(DESTUI_BUILD_ID);
const app = loadApp(join(__dirname, 'destui-app.cjs'), cacheFile);
if (cacheFile && app.cache !== 'used') setTimeout(() => app.save(), SAVE_AFTER_MS).unref();
app.run();
