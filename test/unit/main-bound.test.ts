// Every key the main screen's map declares does something: in each mode, each binding of each
// command changes the screen's state or asks for a request. So the map (from which the legend, the
// help and the README are made) cannot list a key the reducer ignores: documented = bound.
import {describe, expect, test} from 'vitest';
import {bindingLabel} from '../../src/keys/bindings.js';
import {bindingsIn, COMMANDS, KEY_MODES, type KeyMode} from '../../src/view/commands.js';
import {mainReducer} from '../../src/view/main-reducer.js';
import {initialMain, type MainState} from '../../src/view/main-state.js';
import {INITIAL_FILTERS} from '../../src/view/filters.js';
import {key, nextRead} from './key-fixtures.js';
import {ctx, LIST} from './main-fixtures.js';

// charlie (the middle row, the user's own) is selected; a message is shown; a filter is off its
// default (0 resets it): every key of the list has something to act on.
const base: MainState = {
	...initialMain,
	selectedId: 'charlie-id',
	lastIndex: 2,
	filters: {...INITIAL_FILTERS, default: 'no'},
	toast: {tone: 'info', text: 'hello', id: 1},
	toastSeq: 1,
};

const IN: Record<KeyMode, MainState> = {
	normal: base,
	search: {...base, mode: {kind: 'search'}},
	rename: {...base, mode: {kind: 'rename', id: 'charlie-id', line: {value: 'charlie', cursor: 7}, error: undefined, sending: false}},
	confirm: {
		...base,
		mode: {kind: 'confirm', question: {kind: 'default', id: 'charlie-id', unset: false, name: 'charlie'}, askedIn: -1},
	},
	checking: {...base, mode: {kind: 'checking', destinations: [LIST[2]!]}},
	help: {...base, mode: {kind: 'help', top: 1}},
	detail: {...base, mode: {kind: 'detail', id: 'charlie-id', top: 1}},
};

describe('the key map is bound', () => {
	test.each(KEY_MODES)('in %s, every binding changes the state or asks for a request', (mode) => {
		const before = IN[mode];
		const c = ctx({canUndo: true, undoTop: [{id: 'alpha-id', archived: true}], listRows: 2});
		let checked = 0;
		for (const command of COMMANDS)
			for (const b of bindingsIn(command, mode)) {
				const after = mainReducer(before, {
					type: 'key',
					event: {kind: 'key', key: key(b.key, {ctrl: !!b.ctrl, shift: !!b.shift}), read: nextRead()},
					ctx: c,
				});
				expect(after, `${bindingLabel(b)} (${command.id}) in ${mode}`).not.toEqual(before);
				checked++;
			}
		expect(checked).toBeGreaterThan(0);
	});
});
