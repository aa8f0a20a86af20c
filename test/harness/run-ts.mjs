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
// The bundle sits beside the script so node_modules and the script's relative paths resolve; the
// temp name keeps runs apart (and git ignores it). It deletes itself as it starts (Node has read
// it by then), so a run killed midway leaves nothing behind; on exit too, for a failed build.
const outfile = resolve(entry.replace(/\.tsx?$/, `.${process.pid}.tmp.mjs`));
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
	banner: {js: `import {rmSync as rmThisBundle} from 'node:fs'; rmThisBundle(new URL(import.meta.url), {force: true});`},
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
