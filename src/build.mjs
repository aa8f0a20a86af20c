// Bundles destui into one executable ESM file. Unbundled Ink opens ~400 files at start-up;
// one bundle starts in about a third of the time (see shared stack notes).
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Start-up is dominated by compiling the bundle (Node 20 has no compile cache), so code destui
// never runs stays out: zod's ~50 message locales (it uses English) and the WebSocket library
// behind Ink's developer tools (only loaded when DEV=true).
const trimUnused = {
	name: 'trim-unused',
	setup(b) {
		b.onResolve({filter: /\/locales\/index\.js$/}, (args) => (args.importer.includes('/zod/') ? {path: `${root}src/build-stubs/zod-locales.js`} : undefined));
		b.onResolve({filter: /^ws$/}, () => ({path: `${root}src/build-stubs/ws.js`}));
	},
};
const outfile = `${root}dist/destui.js`;

await build({
	entryPoints: [`${root}src/main.ts`],
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm', // Ink and yoga use top-level await
	outfile,
	legalComments: 'none',
	minify: true,
	keepNames: false,
	// React and friends require() Node built-ins; ESM output has no require of its own.
	banner: {js: "#!/usr/bin/env node\nimport {createRequire as __destuiCreateRequire} from 'node:module';const require=__destuiCreateRequire(import.meta.url);"},
	// yoga's loader asks `typeof fetch`, which makes Node load its whole fetch implementation
	// (~25 ms at start-up) only to decode an inlined wasm it can decode without it. Nothing in
	// destui uses fetch (the client uses got), so the bundle sees none.
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at load.
	alias: {'react-devtools-core': `${root}src/build-stubs/react-devtools-core.ts`},
	plugins: [trimUnused],
	logLevel: 'warning',
});
await chmod(outfile, 0o755);
