import {describe, expect, test} from 'vitest';
import {commandKeys, commandsIn, legendText, READ_ONLY} from '../../src/view/commands.js';

describe('legend in a read-only session', () => {
	test('leaves out every change (none can run), keeps the rest, and still ends with ? help and q quit', () => {
		const text = legendText(200, true);
		for (const c of commandsIn('normal').filter((c) => c.legend)) {
			const pair = `${commandKeys(c, 'normal').split(' ')[0]} ${c.legend}`;
			const off = c.disabled?.({readOnly: true, canUndo: true, selected: undefined}) === READ_ONLY;
			if (off) expect(text).not.toContain(pair);
			else expect(text).toContain(pair);
		}
		expect(text).not.toMatch(/a archive|r rename|d default|n new/);
		expect(text).toContain('y copy ref');
		expect(text.endsWith('? help  q quit')).toBe(true);
		for (const width of [20, 40, 79]) expect([...legendText(width, true)].length).toBeLessThanOrEqual(width);
	});

	test('a normal session shows the changes as before', () => {
		expect(legendText(200, false)).toBe(legendText(200));
		expect(legendText(200)).toContain('a archive');
	});
});
