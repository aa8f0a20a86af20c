// NO_COLOR in a real terminal: across the screens (the list with archived rows, the details, the
// help, the search and rename prompts, a question, the wizard) destui writes no colour and no dim,
// and what colour or dim would have said is still there in text: an archived row says so, the
// wizard's example value is bracketed. Without NO_COLOR the same walk does use colour and dim.
import {describe, expect, it} from 'vitest';
import {destuiOn, sandbox} from '../harness/e2e.js';
import {KEYS} from '../harness/terminal.js';

/** The SGR parameters destui wrote that set a colour or dim (resets such as 39 and 49 aside). */
function colourAndDim(raw: string): string[] {
	const found = new Set<string>();
	for (const [, params] of raw.matchAll(/\x1b\[([0-9;]*)m/g)) {
		const codes = params!.split(';').map(Number);
		for (let i = 0; i < codes.length; i++) {
			const c = codes[i]!;
			// 38 and 48 carry their colour in the parameters that follow.
			if (c === 38 || c === 48) {
				found.add(String(c));
				i += codes[i + 1] === 5 ? 2 : 4;
			} else if (c === 2 || (c >= 30 && c <= 37) || (c >= 40 && c <= 47) || (c >= 90 && c <= 97) || (c >= 100 && c <= 107))
				found.add(String(c));
		}
	}
	return [...found].sort();
}

async function walk(env: Record<string, string | undefined>) {
	const sb = await sandbox();
	const s = destuiOn(sb, {cols: 100, rows: 30, env});
	await s.waitFor('11 of 11');
	await s.press('1');
	await s.waitFor(/13 of 13/);
	const list = await s.screen();
	await s.press(KEYS.enter);
	await s.waitFor('Esc back');
	// The list with nothing open over it: the search and rename lines also sit above the legend, and
	// a key sent before the Esc that closed them was read would go to them (Esc then G read as Alt-G).
	const listed = (screen: string) =>
		/13 of 13.*\n(?:.*\n)*.*quit/.test(screen) && !/Esc clear|type to filter|Rename to:|Keys \(|Esc back/.test(screen);
	await s.press(KEYS.esc);
	await s.waitFor(listed);
	await s.press('?');
	await s.waitFor('Keys (');
	await s.press(KEYS.esc);
	await s.waitFor(listed);
	await s.press('/');
	await s.waitFor('type to filter');
	await s.press(KEYS.esc);
	await s.waitFor(listed);
	await s.press('G', 'r');
	await s.waitFor('Rename to:');
	await s.press(KEYS.esc);
	await s.waitFor(listed);
	await s.press('d');
	await s.waitFor('[y/N]');
	await s.press('n');
	await s.waitFor('Default unchanged.');
	await s.press('n');
	await s.waitFor('step 1 of');
	await s.press(KEYS.enter);
	const wizard = await s.waitFor('step 2 of');
	await s.press(KEYS.esc, KEYS.esc);
	await s.waitFor(listed);
	await s.press('q');
	await s.exited;
	return {raw: s.output(), list, wizard};
}

describe('NO_COLOR', () => {
	it('writes no colour and no dim, and says in text what they would have shown', async () => {
		const {raw, list, wizard} = await walk({NO_COLOR: '1'});
		expect(colourAndDim(raw)).toEqual([]);
		// An archived row says so; the wizard's example bucket is not mistaken for a typed value.
		expect(list.split('\n').filter((l) => / archived +\S+ ago/.test(l))).toHaveLength(2);
		expect(wizard).toMatch(/› Bucket +\[my-imagery-bucket\]/);
	}, 30_000);

	it('with colour allowed, the same screens use colour and dim (so the test above can fail)', async () => {
		const {raw, wizard} = await walk({NO_COLOR: undefined, FORCE_COLOR: '1'});
		expect(colourAndDim(raw)).toEqual(expect.arrayContaining(['2']));
		expect(colourAndDim(raw).some((c) => c !== '2')).toBe(true);
		expect(wizard).toMatch(/› Bucket +my-imagery-bucket/);
	}, 30_000);
});
