// Builds destui into two files: dist/destui-app.cjs, the whole app in one bundle (unbundled, Ink
// opens ~400 files at start-up; one bundle starts in about a third of the time, see the shared
// stack notes), and dist/destui.cjs, the `destui` command, which sends the start-up list request
// (src/early-start.ts: Node's own modules, the small credential code and the few functions of jose
// it uses, ~32 KB) and then runs the bundle from V8's code cache (src/code-cache.ts). Both are
// CommonJS: V8's code cache is only open to scripts.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmod, readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {applyPatches, checkAllApplied, PATCHES} from './build-stubs/patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

const PATCHED = new RegExp(PATCHES.map((p) => p.file.source).join('|'));
const STRING_WIDTH = `${root}node_modules/string-width/index.js`;

const bundleOnly = {
	name: 'destui-bundle',
	setup(b) {
		// A first start compiles every byte of the bundle, so code destui never runs stays out:
		// zod's ~50 message locales (it uses English). (Ink's developer tools, and the WebSocket
		// library behind them, went with the reconciler patch in patches.mjs.)
		b.onResolve({filter: /\/locales\/index\.js$/}, (args) =>
			args.importer.includes('/zod/') ? {path: `${root}src/build-stubs/zod-locales.js`} : undefined,
		);
		// yoga-layout's entry awaits its WebAssembly at the top level; the stand-in does not.
		b.onResolve({filter: /^yoga-layout$/}, () => ({path: `${root}src/build-stubs/yoga.ts`}));
		// string-width with a fast path (see the stand-in); only where it resolves to the version
		// the stand-in wraps.
		b.onResolve({filter: /^string-width$/}, async (args) => {
			if (args.pluginData === 'real') return undefined;
			const real = await b.resolve('string-width', {
				resolveDir: args.resolveDir,
				kind: args.kind,
				importer: args.importer,
				pluginData: 'real',
			});
			return real.path === STRING_WIDTH ? {path: `${root}src/build-stubs/string-width.ts`} : undefined;
		});
		b.onLoad({filter: PATCHED}, async (args) => ({contents: applyPatches(args.path, await readFile(args.path, 'utf8')), loader: 'js'}));
	},
};

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	legalComments: 'none',
	minify: true,
	logLevel: 'warning',
};

const app = `${dist}destui-app.cjs`;
await build({
	...common,
	entryPoints: [`${root}src/main.ts`],
	outfile: app,
	// yoga's loader asks `typeof fetch`, which makes Node load its whole fetch implementation
	// (~25 ms at start-up) only to decode an inlined wasm it can decode without it. Nothing in
	// destui uses fetch (the client uses got), so the bundle sees none.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	plugins: [bundleOnly],
});
checkAllApplied();

// The code cache is kept per build: a cache of another bundle would be rejected (or worse, see
// src/code-cache.ts).
const buildId = createHash('sha256')
	.update(await readFile(app))
	.digest('hex')
	.slice(0, 16);
const command = `${dist}destui.cjs`;
await build({
	...common,
	entryPoints: [`${root}src/loader.ts`],
	outfile: command,
	define: {DESTUI_BUILD_ID: JSON.stringify(buildId)},
	banner: {js: '#!/usr/bin/env node'},
});
await chmod(command, 0o755);
