import {describe, expect, it} from 'vitest';
import {readKey, splitChunk, type InkKey} from '../../src/wizard/keys.js';
import {trackPaste} from '../../src/wizard/paste.js';

const none: InkKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false};
const k = (over: Partial<InkKey>): InkKey => ({...none, ...over});

describe('readKey', () => {
	it('reads the navigation keys', () => {
		expect(readKey('\r', k({return: true}), false).kind).toBe('enter');
		expect(readKey('', k({escape: true, meta: true}), false).kind).toBe('escape');
		expect(readKey('', k({tab: true}), false).kind).toBe('tab');
		expect(readKey('', k({tab: true, shift: true}), false).kind).toBe('shift-tab');
		expect(readKey('', k({upArrow: true}), false).kind).toBe('up');
		expect(readKey('', k({delete: true}), false).kind).toBe('backspace');
	});

	it('reads control keys as commands, never as text', () => {
		expect(readKey('r', k({ctrl: true}), false).kind).toBe('reveal');
		expect(readKey('u', k({ctrl: true}), false).kind).toBe('kill-to-start');
		expect(readKey('c', k({ctrl: true}), false).kind).toBe('interrupt');
		expect(readKey('z', k({ctrl: true}), false).kind).toBe('ignore');
		expect(readKey('x', k({meta: true}), false).kind).toBe('ignore');
	});

	it('reads one character as text, several as a chunk for the form to read', () => {
		expect(readKey('q', none, false)).toEqual({kind: 'text', text: 'q'});
		expect(readKey('é', none, false)).toEqual({kind: 'text', text: 'é'});
		expect(readKey('abc\rdef', none, false)).toEqual({kind: 'chunk', text: 'abc\rdef'});
	});

	it('splits a chunk of keys typed faster than they were read', () => {
		expect(splitChunk('a\rb\r\nc\td\x7f\x01😀')).toEqual([
			{kind: 'text', text: 'a'},
			{kind: 'enter'},
			{kind: 'text', text: 'b'},
			{kind: 'enter'},
			{kind: 'text', text: 'c'},
			{kind: 'tab'},
			{kind: 'text', text: 'd'},
			{kind: 'backspace'},
			{kind: 'text', text: '😀'},
		]);
	});

	it('inside a bracketed paste, Enter and text are content until the end marker', () => {
		expect(readKey('[200~', none, false).kind).toBe('paste-start');
		expect(readKey('\r', k({return: true}), true)).toEqual({kind: 'paste-chunk', text: '\r'});
		expect(readKey('', k({tab: true}), true)).toEqual({kind: 'paste-chunk', text: '\t'});
		expect(readKey('[201~', none, true).kind).toBe('paste-end');
	});

	it('collects a paste across chunks into one piece', () => {
		let t = trackPaste(null, {kind: 'paste-start'});
		expect(t.key).toBeUndefined();
		t = trackPaste(t.buffer, {kind: 'paste-chunk', text: '{"a":'});
		t = trackPaste(t.buffer, {kind: 'paste-chunk', text: '\r'});
		t = trackPaste(t.buffer, {kind: 'paste-chunk', text: '1}'});
		t = trackPaste(t.buffer, {kind: 'paste-end'});
		expect(t).toEqual({buffer: null, key: {kind: 'paste', text: '{"a":\r1}'}});
		expect(trackPaste(null, {kind: 'enter'})).toEqual({buffer: null, key: {kind: 'enter'}});
	});
});
