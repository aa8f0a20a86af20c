// Names in many scripts (the sandbox's `intl` seed: CJK, Hangul, Arabic, Hebrew, Greek,
// Cyrillic, emoji, combining marks, a zero-width space, a line break, full-width letters) in
// the built destui in a real terminal: every row's columns line up at three widths, the full
// details of a long CJK name wrap without losing a character, and a look-alike name is told
// apart by its invisible character.
import {describe, expect, it} from 'vitest';
import {destuiOn, sandbox} from '../harness/e2e.js';
import {KEYS} from '../harness/terminal.js';

const TYPES = ['S3-compatible', 'Azure Blob', 'Oracle OCS', 'GCS', 'S3'];
const LONG = '国家地理空间情报局农业与森林监测每日影像交付中心北京分部第一组';

describe('names in many scripts in a real terminal', () => {
	it.each([60, 100, 160])(
		'every row’s TYPE column starts at the same cell at %i columns',
		async (cols) => {
			const sb = await sandbox({seed: 'intl'});
			const s = destuiOn(sb, {cols, rows: 30});
			await s.waitFor('TYPE');
			await s.waitFor('Ｗ');
			const rows = await s.cells();
			const header = rows.findIndex((r) => /^ {2}NAME +TYPE /.test(r));
			const typeAt = rows[header]!.indexOf('TYPE');
			// The list's rows run from the header to the first row that is not one (the detail pane).
			const listed: string[] = [];
			for (const r of rows.slice(header + 1)) {
				if (!/^( {2}|# )/.test(r) || !TYPES.some((t) => r.includes(` ${t} `))) break;
				listed.push(r);
			}
			expect(listed.length).toBeGreaterThanOrEqual(8);
			for (const row of listed) {
				const at = Math.min(...TYPES.map((t) => row.indexOf(` ${t} `)).filter((i) => i >= 0)) + 1;
				expect(at, row.replace(/\0/g, '')).toBe(typeAt);
			}
			await s.press('q');
			expect((await s.exited).code).toBe(0);
		},
		20_000,
	);

	it('wraps a long CJK name in the full details without losing a character, and names a zero-width space', async () => {
		const sb = await sandbox({seed: 'intl'});
		const s = destuiOn(sb, {cols: 60, rows: 30});
		await s.waitFor('16 of 16');
		await s.press('/');
		await s.type('国家');
		await s.press(KEYS.enter);
		await s.waitFor('1 of 16');
		await s.press(KEYS.enter);
		const screen = await s.waitFor('Esc back');
		const lines = screen.split('\n');
		const first = lines.findIndex((l) => l.startsWith('Name '));
		let value = lines[first]!.replace(/^Name\s+/, '');
		for (const l of lines.slice(first + 1)) {
			if (!/^\s/.test(l)) break;
			value += l.trim();
		}
		expect(value).toBe(LONG);
		expect(lines.filter((l) => l.includes('国家')).length).toBeGreaterThanOrEqual(2);

		// Back to the list; "Field ops" with a zero-width space looks like "Field ops", but not here.
		await s.press(KEYS.esc);
		await s.waitFor('1 of 16');
		await s.press(KEYS.esc);
		await s.waitFor('16 of 16');
		await s.press('/');
		await s.type('field');
		await s.press(KEYS.enter);
		await s.waitFor('1 of 16');
		await s.press(KEYS.enter);
		await s.waitFor('Field<ZWSP> ops');
		await s.press('q');
	}, 30_000);
});
