// The README's development table shows the code as it is laid out: every place it names exists,
// and every file a row names (`main-state.ts`, `inputs/`) is in one of that row's places.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {readReadme} from '../harness/readme.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const named = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const isPath = (name: string) =>
	/^[\w./-]+$/.test(name) && (name.endsWith('/') || /\.(ts|tsx|mjs|js|json|cjs|md)$/.test(name) || name.includes('/'));

test("every place and file in the README's development table exists where the table says", async () => {
	const readme = await readReadme();
	const section = readme.slice(readme.indexOf('## Development'), readme.indexOf('### Dependencies'));
	const rows = section
		.split('\n')
		.filter((l) => l.startsWith('| `'))
		.map((l) => l.split(' | '));
	expect(rows.length).toBeGreaterThan(8);
	for (const [where, what = ''] of rows) {
		const places = named(where!).filter(isPath);
		expect(places.length, where).toBeGreaterThan(0);
		for (const p of places) expect(existsSync(join(ROOT, p)), `${p} (first column)`).toBe(true);
		const dirs = places.map((p) => (p.endsWith('/') ? p : p.replace(/[^/]+$/, '')));
		for (const file of named(what).filter(isPath)) {
			const found = existsSync(join(ROOT, file)) || dirs.some((d) => existsSync(join(ROOT, d, file)));
			expect(found, `${file}, named in the row of ${places.join(', ')}`).toBe(true);
		}
	}
});
