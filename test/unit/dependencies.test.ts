// Every package a package.json lists is used, and every package the code imports is listed: a
// reader of package.json learns what destui is really built from, and no install downloads a
// package for nothing (issue 13).
//
// The rule. A listed package is used when
//  1. a file of the project imports it: an import, a dynamic import or a require, of the package
//     or of a path inside it (the build's stand-ins import string-width's own file, the root
//     eslint.config.js the linter package's folder), as esbuild reads the code, so comments,
//     strings and type-only imports do not count;
//  2. a script of the root package.json runs one of its commands (`tsc` is typescript's, `vitest`
//     vitest's, `eslint` the linter package's eslint), first word of each command, after `npx`;
//  3. it holds the types of a used package (`@types/react`), or Node's (`@types/node`) where
//     `node:` modules are imported; or
//  4. a used package of the same package.json wants it beside it (`peerDependencies`: the linter
//     package pins the TypeScript 6 that its typescript-eslint runs on).
// The project's files: every JavaScript and TypeScript file of the checkout but node_modules,
// dist and declaration files; each belongs to its nearest package.json (test/lint has its own).
import {describe, expect, it} from 'vitest';
import {build} from 'esbuild';
import {existsSync, readdirSync, readFileSync, realpathSync} from 'node:fs';
import {builtinModules} from 'node:module';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

interface Manifest {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	name?: string;
}

const readJson = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8')) as Manifest;
const listed = (m: Manifest): string[] => Object.keys({...m.dependencies, ...m.devDependencies});

const CODE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;

function projectFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.git') continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) projectFiles(path, out);
		// Scripts run by test/harness/run-ts.mjs leave a bundle beside them while they run.
		else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.tmp.mjs')) out.push(path);
	}
	return out;
}

/** The folder of the package.json a file belongs to. */
function packageDirOf(file: string): string {
	let dir = dirname(file);
	while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
	return dir;
}

/** "ink" for "ink", "@xterm/headless" for "@xterm/headless/lib/x.js", "zod" for "zod/mini". */
const packageOf = (specifier: string): string =>
	specifier
		.split('/')
		.slice(0, specifier.startsWith('@') ? 2 : 1)
		.join('/');

interface Import {
	importer: string;
	specifier: string;
}

/** Every import of every project file, as esbuild reads the code (nothing is followed or bundled). */
async function importsOf(files: string[]): Promise<Import[]> {
	const found: Import[] = [];
	await build({
		entryPoints: files,
		bundle: true,
		write: false,
		outdir: join(root, 'node_modules/.cache/destui-deps-test'),
		platform: 'node',
		format: 'esm',
		jsx: 'automatic',
		logLevel: 'silent',
		plugins: [
			{
				name: 'record-imports',
				setup(b) {
					b.onResolve({filter: /.*/}, (args) => {
						if (args.kind === 'entry-point') return undefined;
						found.push({importer: args.importer, specifier: args.path});
						return {path: args.path, external: true};
					});
				},
			},
		],
	});
	return found;
}

/** The installed copy of `name` as seen from `dir` (its own node_modules, then the root's). */
function installed(name: string, dir: string): string | undefined {
	for (let d = dir; ; d = dirname(d)) {
		const candidate = join(d, 'node_modules', name);
		if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
		if (d === root || d === dirname(d)) return undefined;
	}
}

/**
 * The commands the root's scripts run (the first word of each command, or the one after `npx`),
 * each with the file it runs: npm puts the root's node_modules/.bin first on the path.
 */
function scriptCommands(scripts: Record<string, string>): Map<string, string> {
	const commands = new Map<string, string>();
	for (const script of Object.values(scripts)) {
		for (const command of script.split(/&&|\|\||[;|]/)) {
			const words = command.trim().split(/\s+/);
			const word = words[0] === 'npx' ? words.find((w, i) => i > 0 && !w.startsWith('-')) : words[0];
			const bin = word ? join(root, 'node_modules/.bin', word) : undefined;
			if (word && bin && existsSync(bin)) commands.set(word, realpathSync(bin));
		}
	}
	return commands;
}

interface Finding {
	/** Per package.json folder: the listed packages nothing uses. */
	unused: Map<string, string[]>;
	/** Imports of packages their package.json does not list. */
	unlisted: string[];
	/** Why each used package counts as used, per package.json folder. */
	reasons: Map<string, Map<string, string>>;
}

async function examine(): Promise<Finding> {
	const files = projectFiles(root);
	const imports = await importsOf(files);
	const rootManifest = readJson(join(root, 'package.json'));
	const commands = scriptCommands(rootManifest.scripts ?? {});
	const manifestDirs = [...new Set([root, ...files.map(packageDirOf)])];

	const reasons = new Map<string, Map<string, string>>(manifestDirs.map((d) => [d, new Map()]));
	const unlisted: string[] = [];
	const note = (dir: string, name: string, why: string) => {
		const byName = reasons.get(dir)!;
		if (!byName.has(name)) byName.set(name, why);
	};

	// Rule 1 (and the other half of the check: what is imported is listed).
	for (const {importer, specifier} of imports) {
		const from = relative(root, importer);
		const dir = packageDirOf(importer);
		const manifest = readJson(join(dir, 'package.json'));
		if (specifier.startsWith('node:') || builtinModules.includes(specifier)) {
			note(dir, '@types/node', `types of node: modules (${from})`);
			continue;
		}
		if (specifier.startsWith('.') || specifier.startsWith('/')) {
			const target = resolve(dirname(importer), specifier);
			const inModules = target.split(`${sep}node_modules${sep}`)[1];
			if (inModules) note(dir, packageOf(inModules.split(sep).join('/')), `a file of it imported by ${from}`);
			// A local package (file:) imported by its folder from outside it.
			for (const [name, spec] of Object.entries({...manifest.dependencies, ...manifest.devDependencies})) {
				if (!spec.startsWith('file:')) continue;
				const local = resolve(dir, spec.slice('file:'.length));
				if (target.startsWith(local + sep) && !importer.startsWith(local + sep)) note(dir, name, `its folder imported by ${from}`);
			}
			continue;
		}
		const name = packageOf(specifier);
		if (!listed(manifest).includes(name) && manifest.name !== name)
			unlisted.push(`${from} imports ${name}, which ${relative(root, join(dir, 'package.json'))} does not list`);
		note(dir, name, `imported by ${from}`);
	}

	for (const dir of manifestDirs) {
		const manifest = readJson(join(dir, 'package.json'));
		const names = listed(manifest);
		const used = reasons.get(dir)!;
		// Rule 2: the command a root script runs, wherever the package providing it is listed.
		for (const name of names) {
			const at = installed(name, dir);
			const run = at && [...commands].find(([, file]) => file.startsWith(at + sep));
			if (run) note(dir, name, `its command \`${run[0]}\` is run by a script`);
		}
		// Rules 3 and 4 until nothing more is found (a peer of a peer).
		for (let grew = true; grew;) {
			grew = false;
			for (const name of names) {
				if (used.has(name)) continue;
				const typed = name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : undefined;
				const wantedBy = [...used.keys()].find((u) => {
					const at = installed(u, dir);
					return at && names.includes(u) && Object.hasOwn(readJson(join(at, 'package.json')).peerDependencies ?? {}, name);
				});
				if (typed && used.has(typed)) note(dir, name, `the types of ${typed}`);
				else if (wantedBy) note(dir, name, `a peer of ${wantedBy}`);
				else continue;
				grew = true;
			}
		}
	}

	const unused = new Map<string, string[]>();
	for (const dir of manifestDirs) {
		const names = listed(readJson(join(dir, 'package.json')));
		const missing = names.filter((n) => !reasons.get(dir)!.has(n));
		if (missing.length) unused.set(relative(root, join(dir, 'package.json')), missing);
	}
	return {unused, unlisted, reasons};
}

describe('dependencies', () => {
	let finding: Promise<Finding> | undefined;
	const examined = () => (finding ??= examine());

	it('every package a package.json lists is used by the code, the build, a test or a script', async () => {
		const {unused} = await examined();
		expect(Object.fromEntries(unused)).toEqual({});
	});

	it('every package the code imports is listed in its package.json, not borrowed from another package', async () => {
		const {unlisted} = await examined();
		expect(unlisted).toEqual([]);
	});

	it('the rule sees each kind of use (so it cannot pass by seeing nothing)', async () => {
		const {reasons} = await examined();
		const why = reasons.get(root)!;
		expect(why.get('ink')).toMatch(/^imported by /);
		expect(why.get('string-width')).toBeDefined();
		expect(why.get('typescript')).toBe('its command `tsc` is run by a script');
		// The formatter is a command, never imported: `npm test` runs `prettier --check` (format:check).
		expect(why.get('prettier')).toBe('its command `prettier` is run by a script');
		expect(why.get('@types/react')).toBe('the types of react');
		expect(why.get('@types/node')).toMatch(/^types of node: modules/);
		expect(why.get('destui-lint')).toBe('its folder imported by eslint.config.js');
		const lint = reasons.get(join(root, 'test/lint'))!;
		expect(lint.get('eslint')).toBe('its command `eslint` is run by a script');
		expect(lint.get('typescript')).toMatch(/^a peer of /);
	});
});
