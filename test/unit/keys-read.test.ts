import {describe, expect, it} from 'vitest';
import {keysOf, KeyReader, MAX_PASTE, type InkKey} from '../../src/keys/read.js';
import {editCommandOf} from '../../src/keys/editing.js';
import {formKeyOf} from '../../src/wizard/keys.js';
import {key} from './key-fixtures.js';

const none: InkKey = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};
const k = (over: Partial<InkKey>): InkKey => ({...none, ...over});
/** What one call of Ink's handler becomes, in a fresh reader. */
const read = (input: string, flags: Partial<InkKey> = {}) => new KeyReader().read(input, k(flags), 1);

describe('reading what Ink delivers', () => {
	it('reads the named keys, with their modifiers', () => {
		expect(read('\r', {return: true})).toEqual([{kind: 'key', key: key('enter'), read: 1}]);
		expect(read('', {escape: true, meta: true})).toEqual([{kind: 'key', key: key('escape'), read: 1}]);
		expect(read('', {tab: true, shift: true})).toEqual([{kind: 'key', key: key('tab', {shift: true}), read: 1}]);
		expect(read('', {upArrow: true})).toEqual([{kind: 'key', key: key('up'), read: 1}]);
		expect(read('', {pageDown: true})).toEqual([{kind: 'key', key: key('page-down'), read: 1}]);
		// Ink reports Backspace (DEL) as `delete`.
		expect(read('', {delete: true})).toEqual([{kind: 'key', key: key('backspace'), read: 1}]);
	});

	it('reads Ctrl and Alt keys as such, never as text', () => {
		expect(read('l', {ctrl: true})).toEqual([{kind: 'key', key: key('l', {ctrl: true}), read: 1}]);
		expect(read('x', {meta: true})).toEqual([{kind: 'key', key: key('x', {meta: true}), read: 1}]);
	});

	it('reads one character as a key, several as a run', () => {
		expect(read('q')).toEqual([{kind: 'key', key: key('q'), read: 1}]);
		expect(read('G', {shift: true})).toEqual([{kind: 'key', key: key('G', {shift: true}), read: 1}]);
		expect(read('é')).toEqual([{kind: 'key', key: key('é'), read: 1}]);
		expect(read('😀')).toEqual([{kind: 'key', key: key('😀'), read: 1}]);
		expect(read('abc\rdef')).toEqual([{kind: 'run', text: 'abc\rdef', read: 1}]);
		expect(read('\x00')).toEqual([]);
	});

	it('splits a run with the same control table as single keys: Ctrl-U in a run is Ctrl-U', () => {
		expect(keysOf('a\rb\r\nc\td\x7f\x15\x08😀\x1c')).toEqual([
			key('a'),
			key('enter'),
			key('b'),
			key('enter'),
			key('c'),
			key('tab'),
			key('d'),
			key('backspace'),
			key('u', {ctrl: true}),
			key('backspace'),
			key('😀'),
		]);
	});

	it('collects a bracketed paste across calls into one piece; Enter and Tab inside it are text', () => {
		const reader = new KeyReader();
		expect(reader.read('[200~', none, 1)).toEqual([]);
		expect(reader.pasting).toBe(true);
		expect(reader.read('{"a":', none, 1)).toEqual([]);
		expect(reader.read('', k({return: true}), 2)).toEqual([]);
		expect(reader.read('', k({tab: true}), 2)).toEqual([]);
		expect(reader.read('1}\r', none, 3)).toEqual([]);
		expect(reader.read('[201~', none, 3)).toEqual([{kind: 'paste', text: '{"a":\r\t1}\r', read: 3}]);
		expect(reader.pasting).toBe(false);
		// A stray end marker is nothing; keys after the paste are keys again.
		expect(reader.read('[201~', none, 4)).toEqual([]);
		expect(reader.read('j', none, 4)).toEqual([{kind: 'key', key: key('j'), read: 4}]);
	});

	it('caps a paste that never ends', () => {
		const reader = new KeyReader();
		reader.read('[200~', none, 1);
		reader.read('x'.repeat(MAX_PASTE), none, 1);
		reader.read('more', none, 2);
		const [event] = reader.read('[201~', none, 3);
		expect(event?.kind === 'paste' && event.text.length).toBe(MAX_PASTE);
	});
});

describe('what a key means to a line of text and to a form', () => {
	it('editing keys are the same in every line of text', () => {
		expect(editCommandOf(key('a', {ctrl: true}))).toEqual({kind: 'home'});
		expect(editCommandOf(key('home'))).toEqual({kind: 'home'});
		expect(editCommandOf(key('u', {ctrl: true}))).toEqual({kind: 'kill-to-start'});
		expect(editCommandOf(key('w', {ctrl: true}))).toEqual({kind: 'kill-word'});
		expect(editCommandOf(key('backspace'))).toEqual({kind: 'backspace'});
		expect(editCommandOf(key('x'))).toEqual({kind: 'insert', text: 'x'});
		expect(editCommandOf(key('z', {ctrl: true}))).toBeUndefined();
		expect(editCommandOf(key('x', {meta: true}))).toBeUndefined();
	});

	it('a form reads a key by where its focus is', () => {
		expect(formKeyOf('field', key('r', {ctrl: true}))).toEqual({kind: 'reveal'});
		expect(formKeyOf('field', key('c', {ctrl: true}))).toEqual({kind: 'interrupt'});
		expect(formKeyOf('field', key('u', {ctrl: true}))).toEqual({kind: 'kill-to-start'});
		expect(formKeyOf('field', key('y'))).toEqual({kind: 'text', text: 'y'});
		expect(formKeyOf('field', key(' '))).toEqual({kind: 'text', text: ' '});
		expect(formKeyOf('option', key(' '))).toEqual({kind: 'toggle'});
		expect(formKeyOf('option', key('y'))).toEqual({kind: 'on'});
		expect(formKeyOf('option', key('q'))).toEqual({kind: 'ignore'});
		expect(formKeyOf('provider', key('j'))).toEqual({kind: 'down'});
		expect(formKeyOf('provider', key('tab', {shift: true}))).toEqual({kind: 'up'});
		expect(formKeyOf('provider', key('2'))).toEqual({kind: 'choose', index: 1});
		expect(formKeyOf('provider', key('page-down'))).toEqual({kind: 'last'});
		expect(formKeyOf('question', key('Y'))).toEqual({kind: 'yes'});
		expect(formKeyOf('question', key('enter'))).toEqual({kind: 'no'});
		expect(formKeyOf('choice', key('enter'))).toEqual({kind: 'enter'});
		expect(formKeyOf('choice', key('right'))).toEqual({kind: 'right'});
		expect(formKeyOf('review', key('z', {ctrl: true}))).toEqual({kind: 'ignore'});
	});
});
