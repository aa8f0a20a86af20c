// The README's keys section against the key maps: it is exactly what the maps generate, every
// key the README names is bound, and every binding is in the README.
import {describe, expect, test} from 'vitest';
import {bindingLabel} from '../../src/keys/bindings.js';
import {EDITING} from '../../src/keys/editing.js';
import {COMMANDS} from '../../src/view/commands.js';
import {keysSection} from '../../src/view/key-docs.js';
import {FORM_KEYS} from '../../src/wizard/keys.js';
import {keysIn, readReadme} from '../harness/readme.js';

/** Every key label in a cell like "`↑/↓` `k/j`" or "`1-4`". */
function labels(cell: string): string[] {
	return [...cell.matchAll(/`([^`]+)`/g)].flatMap(([, group]) => {
		const range = /^(\d)-(\d)$/.exec(group!);
		if (range) return Array.from({length: Number(range[2]) - Number(range[1]) + 1}, (_, i) => String(Number(range[1]) + i));
		return group === '/' ? [group] : group!.split('/');
	});
}

describe('README keys', () => {
	test('the README holds exactly the keys section the key maps generate (npm run readme:screens writes it)', async () => {
		expect(keysIn(await readReadme())).toBe(keysSection());
	});

	test('every key the README names is bound, and every binding is in the README, beside its label', async () => {
		const section = keysIn(await readReadme()) ?? '';
		const rows = section
			.split('\n')
			.filter((l) => l.startsWith('| `'))
			.map((l) => {
				const [, keys, what] = /^\| (.*?) \| (.*) \|$/.exec(l) ?? [];
				return {keys: labels(keys ?? ''), what: what ?? ''};
			});
		expect(rows.length).toBeGreaterThan(30);
		const maps = [...COMMANDS, ...EDITING, ...FORM_KEYS];
		for (const row of rows) {
			const command = maps.find((c) => row.what === c.label);
			expect(command, `a command labelled "${row.what}"`).toBeDefined();
			const bound = command!.bindings.map(bindingLabel);
			for (const k of row.keys) expect(bound, `${k} for "${row.what}"`).toContain(k);
		}
		for (const c of maps) {
			const documented = rows.filter((r) => r.what === c.label).flatMap((r) => r.keys);
			for (const b of c.bindings) expect(documented, `${bindingLabel(b)} of "${c.label}"`).toContain(bindingLabel(b));
		}
	});
});
