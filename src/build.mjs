// Bundles destui into one executable ESM file. Unbundled Ink opens ~400 files at start-up;
// one bundle starts in about a third of the time (see shared stack notes).
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/destui.js`;

await build({
	entryPoints: [`${root}src/main.ts`],
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm', // Ink and yoga use top-level await
	outfile,
	legalComments: 'none',
	minifySyntax: true,
	// React and friends require() Node built-ins; ESM output has no require of its own.
	banner: {js: "#!/usr/bin/env node\nimport {createRequire as __destuiCreateRequire} from 'node:module';const require=__destuiCreateRequire(import.meta.url);"},
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core only when DEV is set; marking it external crashes at load.
	alias: {'react-devtools-core': `${root}src/devtools-stub.ts`},
	logLevel: 'warning',
});
await chmod(outfile, 0o755);
