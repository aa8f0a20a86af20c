import {describe, expect, test} from 'vitest';
import {bindingLabel, keysText, matches} from '../../src/keys/bindings.js';
import {EDITING} from '../../src/keys/editing.js';
import {
	bindingsIn,
	COMMANDS,
	commandFor,
	commandKeys,
	disabledReason,
	KEY_MODES,
	legendText,
	NOT_YOURS,
	READ_ONLY,
	type CommandContext,
	type CommandId,
} from '../../src/view/commands.js';
import {FORM_KEYS, FORM_MODES, formKeyOf, type FormMode} from '../../src/wizard/keys.js';
import {key} from './key-fixtures.js';
import {dest} from './view-fixtures.js';

const CHANGES: CommandId[] = ['archive', 'rename', 'default', 'rotate'];
const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({readOnly: false, selected: dest(), canUndo: true, ...over});

describe('commands', () => {
	test('everything is enabled on a writable destination', () => {
		for (const c of COMMANDS) expect(disabledReason(c.id, ctx())).toBeUndefined();
	});

	test('read-only disables every change, and says so; browsing and copying stay', () => {
		for (const id of [...CHANGES, 'undo', 'new'] as CommandId[]) expect(disabledReason(id, ctx({readOnly: true}))).toBe(READ_ONLY);
		for (const id of ['move', 'open', 'search', 'filters', 'copy', 'refresh', 'help', 'quit'] as CommandId[])
			expect(disabledReason(id, ctx({readOnly: true}))).toBeUndefined();
		expect(READ_ONLY).toContain('--read-only');
	});

	test("someone else's destination: changes say whose it is; new and copy stay", () => {
		const theirs = ctx({selected: dest({owner: false, write: false})});
		for (const id of CHANGES) expect(disabledReason(id, theirs)).toBe(NOT_YOURS);
		expect(NOT_YOURS.startsWith('owned by someone else')).toBe(true);
		expect(disabledReason('new', theirs)).toBeUndefined();
		expect(disabledReason('copy', theirs)).toBeUndefined();
		// An org admin may change what others own: can_write decides, not ownership.
		expect(disabledReason('archive', ctx({selected: dest({owner: false, write: true})}))).toBeUndefined();
	});

	test('no selection, nothing to undo, and an archived destination as default', () => {
		const none = ctx({selected: undefined});
		for (const id of [...CHANGES, 'open', 'copy'] as CommandId[]) expect(disabledReason(id, none)).toBe('no destination is selected');
		expect(disabledReason('undo', ctx({canUndo: false}))).toBe('nothing to undo');
		expect(disabledReason('default', ctx({selected: dest({archived: '2025-01-01T00:00:00Z'})}))).toMatch(
			/archived destination cannot be the default: unarchive it first/,
		);
		expect(disabledReason('archive', ctx({selected: dest({archived: '2025-01-01T00:00:00Z'})}))).toBeUndefined();
	});

	test('the legend fits any width and always keeps ? help and q quit', () => {
		expect(legendText(200)).toBe(
			'↑/↓ move  Enter details  / search  1-4 filters  s/S sort  Space/V mark  a archive  r rename  d default  y copy ref  n new  ? help  q quit',
		);
		for (const width of [20, 40, 59, 79, 99]) {
			const text = legendText(width);
			expect([...text].length).toBeLessThanOrEqual(width);
			expect(text.endsWith('? help  q quit')).toBe(true);
			expect(text.startsWith('↑/↓ move') || width < 40).toBe(true);
		}
		expect([...legendText(5)].length).toBeLessThanOrEqual(5);
	});

	test('every command has keys and a label; ids are unique', () => {
		expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
		for (const c of COMMANDS) {
			expect(commandKeys(c).length).toBeGreaterThan(0);
			expect(c.label.length).toBeGreaterThan(0);
		}
	});
});

/** A binding as the key that presses it. */
const keyOf = (b: {key: string; ctrl?: boolean; shift?: boolean}) => key(b.key, {ctrl: !!b.ctrl, shift: !!b.shift});
const id = (b: {key: string; ctrl?: boolean; shift?: boolean}) => `${b.ctrl ? 'C-' : ''}${b.shift ? 'S-' : ''}${b.key}`;

describe('the key map', () => {
	test('every binding of every command reaches that command in each of its modes', () => {
		for (const mode of KEY_MODES) {
			for (const c of COMMANDS)
				for (const b of bindingsIn(c, mode)) expect(commandFor(mode, keyOf(b))?.command.id, `${bindingLabel(b)} in ${mode}`).toBe(c.id);
		}
	});

	test("no two commands of one mode share a key (the prompts' editing keys included)", () => {
		for (const mode of KEY_MODES) {
			const seen = new Map<string, string>();
			const editing = mode === 'search' || mode === 'rename' ? EDITING.map((c) => ({id: `edit ${c.id}`, bindings: c.bindings})) : [];
			for (const c of [...COMMANDS.map((x) => ({id: x.id, bindings: bindingsIn(x, mode)})), ...editing]) {
				for (const b of c.bindings) {
					expect(seen.get(id(b)), `${bindingLabel(b)} in ${mode}: ${c.id}`).toBeUndefined();
					seen.set(id(b), c.id);
				}
			}
		}
	});

	test('the keys shown for a command are exactly its bindings', () => {
		for (const c of COMMANDS) {
			// Groups are separated by spaces, paired keys by a slash (the / key alone is itself).
			const shown = commandKeys(c)
				.split(' ')
				.flatMap((g) => (g === '/' ? [g] : g.split('/')));
			const labels = c.bindings.map(bindingLabel);
			// "1-4" stands for 1, 2, 3 and 4.
			const expanded = shown.flatMap((l) =>
				/^\d-\d$/.test(l) ? Array.from({length: Number(l[2]) - Number(l[0]) + 1}, (_, i) => String(Number(l[0]) + i)) : [l],
			);
			expect(expanded.sort(), c.id).toEqual([...labels].sort());
		}
	});

	test('keys are shown as people read them', () => {
		expect(commandKeys(COMMANDS.find((c) => c.id === 'move')!)).toBe('↑/↓ k/j');
		expect(
			commandKeys(
				COMMANDS.find((c) => c.id === 'move')!,
				'search',
			),
		).toBe('↑/↓');
		expect(commandKeys(COMMANDS.find((c) => c.id === 'filters')!)).toBe('1-4');
		expect(commandKeys(COMMANDS.find((c) => c.id === 'quit')!)).toBe('q Ctrl-C');
		expect(commandKeys(COMMANDS.find((c) => c.id === 'mark')!)).toBe('Space/V');
		expect(commandKeys(COMMANDS.find((c) => c.id === 'sort')!)).toBe('s/S');
		expect(
			keysText([
				{key: 'tab', arg: 1},
				{key: 'tab', shift: true, arg: 2},
			]),
		).toBe('Tab/Shift-Tab');
		expect(keysText([{key: ' '}, {key: 'page-down'}])).toBe('Space PgDn');
	});

	test('marks and sorting: Space and V mark on the list (Space still scrolls the views), s and S sort', () => {
		expect(commandFor('normal', key(' '))).toMatchObject({command: {id: 'mark'}, binding: {arg: 'one'}});
		expect(commandFor('normal', key('V'))).toMatchObject({command: {id: 'mark'}, binding: {arg: 'all'}});
		expect(commandFor('detail', key(' '))?.command.id).toBe('scroll-page');
		expect(commandFor('normal', key('s'))).toMatchObject({command: {id: 'sort'}, binding: {arg: 'next'}});
		expect(commandFor('normal', key('S'))).toMatchObject({command: {id: 'sort'}, binding: {arg: 'reverse'}});
		// In the search prompt they are text.
		expect(commandFor('search', key('s'))).toBeUndefined();
		expect(commandFor('search', key(' '))).toBeUndefined();
	});

	test('modifiers must match: Ctrl-L is not l, Shift-Tab is not Tab, Alt-a is nothing', () => {
		expect(matches({key: 'l', ctrl: true}, key('l'))).toBe(false);
		expect(matches({key: 'l', ctrl: true}, key('l', {ctrl: true}))).toBe(true);
		expect(matches({key: 'tab'}, key('tab', {shift: true}))).toBe(false);
		expect(matches({key: 'a'}, key('a', {meta: true}))).toBe(false);
		expect(commandFor('normal', key('l', {ctrl: true}))?.command.id).toBe('redraw');
		expect(commandFor('normal', key('l'))).toBeUndefined();
	});

	test("the forms' map: every binding reaches its command, and no two commands of a mode share a key", () => {
		for (const mode of FORM_MODES) {
			const seen = new Map<string, string>();
			const editing =
				mode === 'field' ? EDITING.map((c) => ({id: `edit ${c.id}`, modes: [mode] as readonly FormMode[], bindings: c.bindings})) : [];
			for (const c of [...FORM_KEYS, ...editing]) {
				if (!c.modes.includes(mode)) continue;
				for (const b of c.bindings) {
					expect(seen.get(id(b)), `${bindingLabel(b)} in ${mode}: ${c.id}`).toBeUndefined();
					seen.set(id(b), c.id);
					const read = formKeyOf(mode, keyOf(b));
					expect(read.kind === 'choose' ? read.index : read.kind, `${bindingLabel(b)} in ${mode}`).toBe(b.arg);
				}
			}
		}
	});
});
