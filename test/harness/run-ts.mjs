// Runs a TypeScript script (benchmarks, the README screen capture) without a TS runtime:
// esbuild bundles it with dependencies left external, then Node imports the result.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node test/harness/run-ts.mjs FILE.ts [ARGS...]');
	process.exit(2);
}
// The bundle sits in the repo so node_modules resolve; the temp name keeps runs apart.
const outfile = resolve(entry.replace(/\.tsx?$/, `.${process.pid}.tmp.mjs`));
// On exit, not in a finally: scripts end with process.exit(), which skips finally blocks.
process.on('exit', () => rmSync(outfile, {force: true}));
await build({
	entryPoints: [resolve(entry)],
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	outfile,
	logLevel: 'warning',
	jsx: 'automatic',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
