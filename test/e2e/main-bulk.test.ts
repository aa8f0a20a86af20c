// The built destui in a real terminal: three rows marked and archived after one question, the
// batch undone with one u, then the list sorted by name and turned over; what each step sends,
// read from the sandbox's own request log.
import {describe, expect, it} from 'vitest';
import type {RunningSandbox} from '../../src/sandbox/server.js';
import {destuiOn, requestLog, sandbox} from '../harness/e2e.js';
import {rowName, rowNames} from '../harness/rows.js';
import {KEYS, sleep} from '../harness/terminal.js';

/** The log as "METHOD path status", destination ids as :id. */
async function log(sb: RunningSandbox): Promise<string[]> {
	return (await requestLog(sb)).map((r) => `${r.method} ${r.path.replace(/\/[^/]+-[A-Za-z0-9]{21}$/, '/:id')} ${r.status}`);
}

/** Polls the log until it has `n` entries, then a little longer, to catch any extra one. */
async function logOf(sb: RunningSandbox, n: number): Promise<string[]> {
	const deadline = Date.now() + 10_000;
	while ((await log(sb)).length < n && Date.now() < deadline) await sleep(25);
	await sleep(200);
	return log(sb);
}

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('›')) ?? '';
describe('marks, a batch and sorting in a real terminal', () => {
	it('mark three, archive them (one question, 3 PATCH), undo (3 PATCH), sort by name then the other way', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb, {rows: 34});
		await s.waitFor('11 of 11');

		// Mine, by name: analytics-raw, Field ops imagery (the default), Legacy exports, MinIO on-prem lab, …
		// The selection stays on its destination when the order changes: g goes to the top.
		await s.press('2', 's', 'g');
		await s.waitFor((sc) => sc.includes('[2 mine:yes]') && /NAME ↑/.test(sc) && selected(sc).includes('analytics-raw'));
		await s.press(' ', 'j', ' ', ' ');
		const marked = await s.waitFor('✓ 3 marked');
		expect(
			marked
				.split('\n')
				.filter((l) => /^[› ]✓/.test(l))
				.map(rowName),
		).toEqual(['analytics-raw', 'Legacy exports', 'MinIO on-prem lab']);

		await fetch(`${sb.origin}/_sandbox/requests`, {method: 'DELETE'});
		await s.press('a');
		await s.waitFor('Archive the 3 marked destinations? [y/N]');
		// Before the question: what delivers to each, one look-up each, and nothing changed yet.
		expect(await logOf(sb, 3)).toEqual(Array(3).fill('GET /subscriptions/v1 200'));

		await s.press('y');
		await s.waitFor('Archived 3 destinations. Press u to undo all 3.');
		const archived = await logOf(sb, 6);
		expect(archived.slice(3)).toEqual(Array(3).fill('PATCH /destinations/v1/:id 200'));
		expect(archived).toHaveLength(6);
		// One question only: nothing else asks.
		expect(await s.screen()).not.toContain('[y/N]');
		expect(rowNames(await s.screen())).toEqual(['Field ops imagery', 'São Paulo agronomy']);

		await s.press('u');
		await s.waitFor('Undone: 3 of 3 changes.');
		const undone = await logOf(sb, 9);
		expect(undone.slice(6)).toEqual(Array(3).fill('PATCH /destinations/v1/:id 200'));
		expect(undone).toHaveLength(9);

		// The whole list by name, then the other way: no request.
		await s.press(KEYS.esc, '0');
		const byName = await s.waitFor((sc) => sc.includes('11 of 11') && rowNames(sc).length === 11);
		const names = rowNames(byName);
		expect(names.slice(0, 3)).toEqual(['analytics-raw', 'Azure archive (EU)', 'Field ops imagery']);
		expect(names.at(-1)).toBe('Wasabi cold storage (EU)');
		await s.press('S');
		const reversed = await s.waitFor(/NAME ↓/);
		expect(rowNames(reversed)).toEqual([...names].reverse());
		expect(await logOf(sb, 9)).toHaveLength(9);

		await s.press('q');
		expect((await s.exited).code).toBe(0);
	});
});
