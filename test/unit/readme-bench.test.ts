// The README's performance section: the paragraph that announces the latest run is followed by
// its table, and the table has a row for every request count `npm run bench` measures.
import {readFile} from 'node:fs/promises';
import {expect, test} from 'vitest';
import {readReadme} from '../harness/readme.js';

test('"Latest run" is followed by the benchmark table, with every request row the bench measures', async () => {
	const readme = await readReadme();
	expect(readme).toMatch(
		/Latest run \(2 cores, Node 20\):\n\n<!-- bench -->\ndestui benchmark · .*\n\n\| measure \| destui \| reference \| target \| \|\n/,
	);
	const bench = await readFile(new URL('../bench/bench.ts', import.meta.url), 'utf8');
	const measured = [...bench.matchAll(/await count\(\s*'([^']+)'/g)].map((m) => m[1]!);
	// The filter toggles' rows are named by a template (`toggle ${chip}…`), not matched here.
	expect(measured.length).toBeGreaterThan(8);
	const table = readme.slice(readme.indexOf('<!-- bench -->'), readme.indexOf('<!-- /bench -->'));
	for (const what of measured) expect(table, what).toContain(`| requests: ${what} | `);
});

test('start-up signed in with an OAuth profile is in the table, next to the API-key row (issue 9)', async () => {
	const readme = await readReadme();
	const table = readme.slice(readme.indexOf('<!-- bench -->'), readme.indexOf('<!-- /bench -->'));
	const rows = table.split('\n').map((row) => row.split(' | ')[0]!.replace(/^\| /, ''));
	const oauth = rows.indexOf('the same, signed in with an OAuth profile (fresh token in ~/.planet/<profile>/token.json, 120×40)');
	expect(oauth).toBeGreaterThan(0);
	expect(rows[oauth - 1]).toBe('process start → first frame showing the list (120×40)');
	expect(table).toContain('| requests: start-up, signed in with an OAuth profile (fresh token) | 1 | minimum 1 |');
});
