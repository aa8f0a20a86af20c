// Main screen, narrowing the list: the four filters and their counts checked against what the
// sandbox itself answers for the same filters, search as you type, Esc, 0, the empty messages,
// and the request log: one list at start-up, one for archived ones, nothing for anything else.
import {describe, expect, test} from 'vitest';
import type {DestinationsApi, ListParams} from '../../src/api/types.js';
import {clientFor, counts, mountScreen, press, sandbox, sent, settle, type, waitFrame, type Screen} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

type Tri = 'any' | 'yes' | 'no';
interface Chips {
	archived: Tri;
	mine: Tri;
	writable: Tri;
	default: Tri;
}

function chips(frame: string): Chips {
	const read = (key: string, chip: string): Tri => {
		const m = new RegExp(`\\[${key} ${chip}:(any|yes|no)\\]`).exec(frame);
		if (!m) throw new Error(`no ${chip} chip in:\n${frame}`);
		return m[1] as Tri;
	};
	return {archived: read('1', 'archived'), mine: read('2', 'mine'), writable: read('3', 'writable'), default: read('4', 'default')};
}

/** The names the sandbox lists for the same filters, asked with its own query parameters. */
async function serverNames(api: DestinationsApi, c: Chips): Promise<string[]> {
	const bool = (t: Tri) => (t === 'any' ? undefined : t === 'yes');
	const base: ListParams = {is_owner: bool(c.mine), can_write: bool(c.writable), is_default: bool(c.default)};
	const archivedValues = c.archived === 'any' ? [false, true] : [c.archived === 'yes'];
	const names: string[] = [];
	for (const archived of archivedValues) names.push(...(await api.list({...base, archived})).map((d) => d.name));
	return names.sort();
}

/** Names of the rows on screen (the list shows them all at 100x30 with the demo seed). */
function rowNames(frame: string): string[] {
	const lines = frame.split('\n');
	const start = lines.findIndex((l) => l.includes('NAME') && l.includes('TYPE')) + 1;
	const rows: string[] = [];
	for (const l of lines.slice(start)) {
		if (!/^[› ] \S/.test(l)) break;
		rows.push(
			l
				.slice(2)
				.split(/\s{2,}/)[0]!
				.trim(),
		);
	}
	return rows.sort();
}

const key = (c: Chips) => `${c.archived}/${c.mine}/${c.writable}/${c.default}`;

describe('filters', () => {
	test('start-up costs exactly one list request; the first look at archived ones one more; nothing after', async () => {
		const s = await mountScreen();
		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1']);
		expect(counts(s.frame())).toEqual({shown: 11, total: 11});
		expect(chips(s.frame())).toEqual({archived: 'no', mine: 'any', writable: 'any', default: 'any'});

		// archived starts at "no"; 1 cycles any → yes → no.
		await press(s, '1');
		expect(chips(s.frame()).archived).toBe('any');
		await waitFrame(s, '13 of 13');
		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1', 'GET /destinations/v1?archived=true']);
		await press(s, '1');
		expect(chips(s.frame()).archived).toBe('yes');
		expect(counts(s.frame())).toEqual({shown: 2, total: 13});
		await press(s, '1');
		expect(chips(s.frame()).archived).toBe('no');
		expect(counts(s.frame())).toEqual({shown: 11, total: 13});
		for (let i = 0; i < 7; i++) await press(s, String((i % 4) + 1));
		await press(s, '/', ...'ops', KEYS.enter, KEYS.esc, 'j', 'G', 'g', '0');
		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1', 'GET /destinations/v1?archived=true']);
	});

	test('every combination of the four filters shows what the sandbox lists for it, with "N of M"', async () => {
		const sb = await sandbox('demo');
		const api = clientFor(sb);
		const s = await mountScreen({sb});
		await press(s, '1');
		await waitFrame(s, '13 of 13');
		await settle(s);
		const total = (await serverNames(api, {archived: 'any', mine: 'any', writable: 'any', default: 'any'})).length;
		expect(total).toBe(13);

		const seen = new Set<string>();
		// An odometer over the four keys: 3^4 states, each reached by one key press.
		const digits = ['4', '3', '2', '1'];
		const cycle = async (level: number): Promise<void> => {
			for (let i = 0; i < 3; i++) {
				if (level === digits.length - 1) {
					const f = s.frame();
					const c = chips(f);
					const expected = await serverNames(api, c);
					expect({state: key(c), shown: counts(f).shown, total: counts(f).total}).toEqual({state: key(c), shown: expected.length, total});
					if (expected.length > 0) expect(rowNames(f)).toEqual(expected);
					else expect(f).toContain('No destination matches');
					seen.add(key(c));
				} else await cycle(level + 1);
				await press(s, digits[digits.length - 1 - level]!);
			}
		};
		await cycle(0);
		expect(seen.size).toBe(81);
		// Back where it started (archived: any): three presses of each key are a full cycle.
		expect(chips(s.frame())).toEqual({archived: 'any', mine: 'any', writable: 'any', default: 'any'});
	});

	test('each of 2, 3 and 4 cycles any → yes → no → any, and 0 resets all four', async () => {
		const s = await mountScreen();
		for (const [k, name] of [
			['2', 'mine'],
			['3', 'writable'],
			['4', 'default'],
		] as const) {
			expect(chips(s.frame())[name]).toBe('any');
			await press(s, k);
			expect(chips(s.frame())[name]).toBe('yes');
			await press(s, k);
			expect(chips(s.frame())[name]).toBe('no');
			await press(s, k);
			expect(chips(s.frame())[name]).toBe('any');
		}
		await press(s, '2', '4', '4', '1');
		expect(chips(s.frame())).toEqual({archived: 'any', mine: 'yes', writable: 'any', default: 'no'});
		await press(s, '0');
		expect(chips(s.frame())).toEqual({archived: 'no', mine: 'any', writable: 'any', default: 'any'});
		await waitFrame(s, '11 of 13');
	});

	test('an empty result says which filters and search hide everything, and how to get rows back', async () => {
		const s = await mountScreen();
		await press(s, '4', '2', '2');
		const f = s.frame();
		expect(counts(f)).toEqual({shown: 0, total: 11});
		expect(f).toContain('No destination matches 1 archived: no, 2 owned by me: no, 4 default: yes.');
		expect(f).toContain('0 resets the filters');
		expect(f).not.toContain('Esc clears the search');
		// The detail pane has nothing to show and the screen still answers keys.
		expect(f).not.toContain('pl:ref');
		await press(s, 'j', 'a', '0');
		expect(counts(s.frame())).toEqual({shown: 11, total: 11});

		await press(s, '/', ...'zzz');
		const g = s.frame();
		expect(counts(g).shown).toBe(0);
		expect(g).toContain('No destination matches 1 archived: no, / "zzz".');
		expect(g).toContain('Esc clears the search');
	});

	test('an organisation with no destinations says how to make one', async () => {
		const s = await mountScreen({seed: 'empty'});
		await waitFrame(s, 'No destinations yet: press n to create one.');
		expect(counts(s.frame())).toEqual({shown: 0, total: 0});
	});
});

function expectSearch(s: Screen, active: string[], query: string): string[] {
	const expected = active.filter((n) => n.toLowerCase().includes(query.toLowerCase())).sort();
	expect(rowNames(s.frame())).toEqual(expected);
	expect(counts(s.frame()).shown).toBe(expected.length);
	return expected;
}

describe('/ search', () => {
	test('narrows as you type (case-insensitive), Enter keeps it, Esc clears it; no request', async () => {
		const sb = await sandbox('demo');
		// What the sandbox lists, asked before the screen starts (the log is cleared then).
		const api = (await clientFor(sb).list({})).map((d) => d.name);
		const s = await mountScreen({sb});
		await press(s, '/');
		expect(s.frame()).toContain('type to filter by name');
		await type(s, 'a');
		expectSearch(s, api, 'a');
		await type(s, 'G');
		const ag = expectSearch(s, api, 'aG');
		expect(ag).toEqual(['Field ops imagery', 'São Paulo agronomy', 'Wasabi cold storage (EU)']);
		expect(s.frame()).toContain('[/ aG]');
		await type(s, 'r');
		expect(expectSearch(s, api, 'agr')).toEqual(['São Paulo agronomy']);
		await press(s, KEYS.backspace);
		expectSearch(s, api, 'aG');
		// Letters that are keys elsewhere are just text here.
		await press(s, 'q', 'j', 'a', '1');
		expect(s.frame()).toContain('[/ aGqja1]');
		expect(counts(s.frame()).shown).toBe(0);
		expect(s.frame()).toContain('[1 archived:no]');
		for (let i = 0; i < 4; i++) await press(s, KEYS.backspace);

		// ↑/↓ still move through the narrowed list while typing.
		const first = s
			.frame()
			.split('\n')
			.find((l) => l.startsWith('› '))!;
		await press(s, KEYS.down);
		expect(
			s
				.frame()
				.split('\n')
				.find((l) => l.startsWith('› ')),
		).not.toBe(first);

		// Enter keeps the search and returns to the list's keys.
		await press(s, KEYS.enter);
		expect(s.frame()).not.toContain('Enter keep · Esc clear');
		expect(s.frame()).toContain('[/ aG]');
		await press(s, 'k');
		expect(counts(s.frame()).shown).toBe(3);
		// Esc in the list clears the kept search.
		await press(s, KEYS.esc);
		expect(s.frame()).not.toContain('[/ aG]');
		expect(counts(s.frame())).toEqual({shown: 11, total: 11});

		// Esc while typing clears it too, and leaves the prompt.
		await press(s, '/', ...'legacy');
		expect(counts(s.frame()).shown).toBe(1);
		await press(s, KEYS.esc);
		expect(s.frame()).not.toContain('type to filter by name');
		expect(s.frame()).not.toContain('[/ legacy]');
		expect(counts(s.frame())).toEqual({shown: 11, total: 11});
		// The row the search left selected stays selected, in the whole list.
		expect(
			s
				.frame()
				.split('\n')
				.find((l) => l.startsWith('› ')),
		).toContain('Legacy exports');
		await press(s, 'j');
		expect(
			s
				.frame()
				.split('\n')
				.find((l) => l.startsWith('› ')),
		).toContain('Org-wide deliveries');

		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1']);
	});

	test('folds accents and case: "sao" finds "São Paulo agronomy"', async () => {
		const sb = await sandbox('demo');
		const s = await mountScreen({sb});
		await press(s, '/', ...'SAO');
		expect(rowNames(s.frame())).toEqual(['São Paulo agronomy']);
		expect(counts(s.frame()).shown).toBe(1);
	});

	test('search and filters combine', async () => {
		const sb = await sandbox('demo');
		const api = clientFor(sb);
		const s = await mountScreen({sb});
		await press(s, '1', '/', ...'o', KEYS.enter);
		await waitFrame(s, /of 13/);
		await press(s, '2');
		const expected = [...(await api.list({is_owner: true})), ...(await api.list({is_owner: true, archived: true}))]
			.map((d) => d.name)
			.filter((n) => n.toLowerCase().includes('o'))
			.sort();
		expect(rowNames(s.frame())).toEqual(expected);
		expect(counts(s.frame())).toEqual({shown: expected.length, total: 13});
	});
});
