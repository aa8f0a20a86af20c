import {describe, expect, test} from 'vitest';
import {COMMANDS, disabledReason, legendText, NOT_YOURS, READ_ONLY, type CommandContext, type CommandId} from '../../src/view/commands.js';
import {osc52} from '../../src/view/clipboard.js';
import {dest} from './view-fixtures.js';

const CHANGES: CommandId[] = ['archive', 'rename', 'default', 'rotate'];
const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({readOnly: false, selected: dest(), canUndo: true, ...over});

describe('commands', () => {
	test('everything is enabled on a writable destination', () => {
		for (const c of COMMANDS) expect(disabledReason(c.id, ctx())).toBeUndefined();
	});

	test('read-only disables every change, and says so; browsing and copying stay', () => {
		for (const id of [...CHANGES, 'undo', 'new'] as CommandId[]) expect(disabledReason(id, ctx({readOnly: true}))).toBe(READ_ONLY);
		for (const id of ['move', 'open', 'search', 'filters', 'copy', 'refresh', 'help', 'quit'] as CommandId[]) expect(disabledReason(id, ctx({readOnly: true}))).toBeUndefined();
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
		expect(disabledReason('default', ctx({selected: dest({archived: '2025-01-01T00:00:00Z'})}))).toMatch(/archived destination cannot be the default: unarchive it first/);
		expect(disabledReason('archive', ctx({selected: dest({archived: '2025-01-01T00:00:00Z'})}))).toBeUndefined();
	});

	test('the legend fits any width and always keeps ? help and q quit', () => {
		expect(legendText(200)).toBe('↑/↓ move  Enter details  / search  1-4 filters  a archive  r rename  d default  y copy ref  n new  ? help  q quit');
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
			expect(c.keys.length).toBeGreaterThan(0);
			expect(c.label.length).toBeGreaterThan(0);
		}
	});
});

describe('clipboard (OSC 52)', () => {
	const ref = 'pl:destinations/field-ops-AAAAAAAAAAAAAAAAAAAAA';
	const b64 = Buffer.from(ref).toString('base64');

	test('plain terminals get ESC ] 52 ; c ; base64 BEL', () => {
		expect(osc52(ref, {})).toBe(`\x1b]52;c;${b64}\x07`);
		expect(osc52(ref, {TERM: 'xterm-256color'})).toBe(`\x1b]52;c;${b64}\x07`);
	});

	test('the payload is the UTF-8 text, base64-encoded, and decodes back exactly', () => {
		const seq = osc52('São ☃ 😀', {});
		const payload = /^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(seq)![1]!;
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe('São ☃ 😀');
		expect(osc52('', {})).toBe('\x1b]52;c;\x07');
	});

	test('inside tmux it is wrapped in a DCS passthrough with every ESC doubled', () => {
		expect(osc52(ref, {TMUX: '/tmp/tmux-1000/default,123,0', TERM: 'screen-256color'})).toBe(`\x1bPtmux;\x1b\x1b]52;c;${b64}\x07\x1b\\`);
	});

	test('inside GNU screen it is wrapped in a plain DCS', () => {
		expect(osc52(ref, {TERM: 'screen.xterm-256color'})).toBe(`\x1bP\x1b]52;c;${b64}\x07\x1b\\`);
	});
});
