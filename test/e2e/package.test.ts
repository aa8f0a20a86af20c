// The published package must hold only what users need and run with no dev dependencies.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {launch} from '../harness/terminal.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
let work: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'destui-pack-'));
	const {stdout} = await run('npm', ['pack', '--json', '--pack-destination', work], {cwd: root});
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {filename: string; files: {path: string}[]}[];
	tarball = join(work, info!.filename);
	files = info!.files.map((f) => f.path).sort();
	const app = join(work, 'app');
	await run('mkdir', ['-p', app]);
	await writeFile(join(app, 'package.json'), '{"name":"try-destui","private":true}');
	await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {cwd: app});
}, 120_000);

afterAll(async () => {
	if (work) await rm(work, {recursive: true, force: true});
});

describe('npm package', () => {
	it('contains only the command and its bundle, the README, the licence and package.json', () => {
		expect(files).toEqual(['LICENSE', 'README.md', 'dist/destui-app.cjs', 'dist/destui.cjs', 'package.json']);
	});

	it('installs with no dependencies at all', async () => {
		const pkg = JSON.parse(await readFile(join(work, 'app/node_modules/destui/package.json'), 'utf8')) as Record<string, unknown>;
		expect(pkg.dependencies ?? {}).toEqual({});
		const {stdout} = await run('npm', ['ls', '--all', '--parseable'], {cwd: join(work, 'app')});
		expect(
			stdout
				.trim()
				.split('\n')
				.filter((l) => l.includes('node_modules'))
				.map((l) => l.slice(l.lastIndexOf('node_modules/') + 13)),
		).toEqual(['destui']);
	});

	it('runs npx destui --version from the installed tarball', async () => {
		const {stdout} = await run('npx', ['--no-install', 'destui', '--version'], {cwd: join(work, 'app')});
		const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {version: string};
		expect(stdout.trim()).toBe(`destui ${version}`);
	});

	it('runs npx destui --demo from the installed tarball in a real terminal', async () => {
		const session = launch(['--demo'], {command: ['npx', '--no-install', 'destui'], cwd: join(work, 'app')});
		try {
			await session.waitFor(/SANDBOX/);
			await session.waitFor(/of \d+/);
			await session.press('q');
			expect((await session.exited).code).toBe(0);
		} finally {
			await session.close();
		}
	});
});
