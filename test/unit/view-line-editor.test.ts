import {describe, expect, it} from 'vitest';
import {edit, lineOf, pastedText} from '../../src/view/line-editor.js';

describe('line editor', () => {
	it('inserts at the cursor and moves it', () => {
		let s = lineOf('bucket');
		s = edit(s, {kind: 'left'});
		s = edit(s, {kind: 'insert', text: 'XY'});
		expect(s).toEqual({value: 'buckeXYt', cursor: 7});
	});

	it('deletes whole astral characters, never half a surrogate pair', () => {
		let s = lineOf('ab😀');
		s = edit(s, {kind: 'backspace'});
		expect(s).toEqual({value: 'ab', cursor: 2});
		s = edit(lineOf('😀x'), {kind: 'home'});
		s = edit(s, {kind: 'delete-forward'});
		expect(s.value).toBe('x');
		s = edit(lineOf('😀'), {kind: 'left'});
		expect(s.cursor).toBe(0);
	});

	it('kills a word, to the start and to the end', () => {
		expect(edit(lineOf('one two  '), {kind: 'kill-word'}).value).toBe('one ');
		const mid = {value: 'abcdef', cursor: 3};
		expect(edit(mid, {kind: 'kill-to-start'})).toEqual({value: 'def', cursor: 0});
		expect(edit(mid, {kind: 'kill-to-end'})).toEqual({value: 'abc', cursor: 3});
	});

	it('does nothing at the edges', () => {
		const s = lineOf('');
		expect(edit(s, {kind: 'backspace'})).toBe(s);
		expect(edit(s, {kind: 'delete-forward'})).toBe(s);
		expect(edit(s, {kind: 'insert', text: ''})).toBe(s);
	});

	it('turns a pasted line into one line, and keeps a pasted block for a key', () => {
		expect(pastedText('SECRETVALUE\r\n', false)).toBe('SECRETVALUE');
		expect(pastedText('a\nb', false)).toBe('a b');
		expect(pastedText('a\x1b[2Jb\x07', false)).toBe('a[2Jb');
		expect(pastedText('{\r\n  "a": 1\r\n}\n', true)).toBe('{\n  "a": 1\n}\n');
		expect(pastedText('x\x1by', true)).toBe('xy');
	});
});
