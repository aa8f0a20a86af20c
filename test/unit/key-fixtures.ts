// Keys as the reader delivers them, for the reducers' unit tests: each typed alone (its own read)
// unless a test puts several in one.
import type {Key, KeyEvent} from '../../src/keys/read.js';

export const key = (name: string, flags: Partial<Omit<Key, 'name'>> = {}): Key => ({
	name,
	ctrl: false,
	meta: false,
	shift: name.length === 1 && name !== name.toLowerCase(),
	...flags,
});

let reads = 0;
/** A new read, as when a person types keys one at a time. */
export const nextRead = (): number => ++reads;

export const typed = (k: Key | string, read = nextRead()): KeyEvent => ({kind: 'key', key: typeof k === 'string' ? key(k) : k, read});
export const run = (text: string, read = nextRead()): KeyEvent => ({kind: 'run', text, read});
export const paste = (text: string, read = nextRead()): KeyEvent => ({kind: 'paste', text, read});

export const K = {
	enter: key('enter'),
	esc: key('escape'),
	tab: key('tab'),
	shiftTab: key('tab', {shift: true}),
	up: key('up'),
	down: key('down'),
	left: key('left'),
	right: key('right'),
	backspace: key('backspace'),
	ctrlC: key('c', {ctrl: true}),
	ctrlU: key('u', {ctrl: true}),
	ctrlL: key('l', {ctrl: true}),
};
