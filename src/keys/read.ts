// What Ink's useInput delivers, turned into typed keys: the one place that knows how Ink 6.8
// reports keys. Pure (the reader keeps only an open paste), so every case is tested without a
// terminal; the main screen, its prompts, the wizard and the rotation form all read keys here.
//
// How Ink delivers keys (node_modules/ink/build/input-parser.js, parse-keypress.js and
// hooks/use-input.js): each stdin chunk is split at escape sequences. An escape sequence (an
// arrow, Home, Shift-Tab) or a lone control byte arrives as one call with its flag set
// (`upArrow`, `return`, `ctrl` with the letter as input...). Anything else arrives whole: a run of
// plain characters, control bytes included ("jja", "\x15text", "abc\rdef"), as one call with no
// flag, which is why runs are split here with the same control table as single keys. A bracketed
// paste arrives as "[200~" (Ink strips the ESC and knows no name for it), the pasted text (one
// call per chunk, newlines included) and "[201~"; the reader collects it into one paste.

/** The parts of Ink's `Key` read here (structurally compatible with it). */
export interface InkKey {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageDown: boolean;
	pageUp: boolean;
	home?: boolean;
	end?: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	shift: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	meta: boolean;
}

export type KeyName =
	'enter' | 'escape' | 'tab' | 'backspace' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'page-up' | 'page-down';

/** One key, as a person pressed it. */
export interface Key {
	/** A named key, or the character typed ("a", "G", "?", " ", "é"); with `ctrl`, the letter. */
	name: KeyName | string;
	ctrl: boolean;
	meta: boolean;
	shift: boolean;
}

/**
 * What one call of Ink's input handler holds: a key; a bracketed paste, whole; or a run of several
 * characters read together without paste markers (keys typed faster than they were read, or a
 * paste from a terminal without bracketed paste), which `keysOf` splits where keys are wanted.
 * `read` numbers the stdin read it arrived in: keys of one read were all typed before the screen
 * could answer the first of them.
 */
export type KeyEvent = ({kind: 'key'; key: Key} | {kind: 'paste'; text: string} | {kind: 'run'; text: string}) & {read: number};

export const PASTE_START = '[200~';
export const PASTE_END = '[201~';
/** Pastes are collected between the markers; a runaway paste (no end marker) is capped. */
export const MAX_PASTE = 1 << 20;

const key = (name: string, flags: Partial<Omit<Key, 'name'>> = {}): Key => ({name, ctrl: false, meta: false, shift: false, ...flags});

/** A character as its key: typed text, or a control byte (the one table of them). */
function keyOfChar(ch: string): Key | undefined {
	if (ch === '\r' || ch === '\n') return key('enter');
	if (ch === '\t') return key('tab');
	// Ink reports the Backspace key (DEL, 0x7f), and Ctrl-H, as Backspace.
	if (ch === '\x7f' || ch === '\b') return key('backspace');
	if (ch === '\x1b') return key('escape');
	const code = ch.codePointAt(0)!;
	if (code >= 1 && code <= 26) return key(String.fromCharCode(code + 96), {ctrl: true});
	if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return undefined;
	return key(ch, {shift: ch !== ch.toLowerCase()});
}

/** The keys a run holds, in order: "t\re" is t, Enter, e; CRLF is one Enter. */
export function keysOf(text: string): Key[] {
	const keys: Key[] = [];
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i]!;
		if (ch === '\r' && chars[i + 1] === '\n') i++;
		const k = keyOfChar(ch);
		if (k) keys.push(k);
	}
	return keys;
}

function named(input: string, k: InkKey): Key | undefined {
	const flags = {ctrl: k.ctrl, meta: k.meta, shift: k.shift};
	if (k.upArrow) return key('up', flags);
	if (k.downArrow) return key('down', flags);
	if (k.leftArrow) return key('left', flags);
	if (k.rightArrow) return key('right', flags);
	if (k.pageUp) return key('page-up', flags);
	if (k.pageDown) return key('page-down', flags);
	if (k.home) return key('home', flags);
	if (k.end) return key('end', flags);
	if (k.return) return key('enter');
	// Ink sets `meta` on Esc itself; Alt-Esc is not a key people press.
	if (k.escape) return key('escape');
	if (k.tab) return key('tab', {shift: k.shift});
	// Ink reports the Backspace key (DEL) as `delete`, the same as the forward-delete key.
	if (k.backspace || k.delete) return key('backspace', {meta: k.meta});
	if (k.ctrl) return key(input, {ctrl: true});
	if (k.meta && input) return key(input, {meta: true});
	return undefined;
}

/** Turns each call of Ink's input handler into key events; keeps a bracketed paste open across calls. */
export class KeyReader {
	private paste: string | null = null;

	/** Whether a bracketed paste is open (its end marker not yet read). */
	get pasting(): boolean {
		return this.paste !== null;
	}

	read(input: string, k: InkKey, read: number): KeyEvent[] {
		if (this.paste !== null) {
			if (input === PASTE_END) {
				const text = this.paste;
				this.paste = null;
				return [{kind: 'paste', text, read}];
			}
			// Inside a paste everything is text, Enter and Tab included.
			const text = input || (k.return ? '\r' : k.tab ? '\t' : '');
			this.paste = (this.paste + text).slice(0, MAX_PASTE);
			return [];
		}
		if (input === PASTE_START) {
			this.paste = '';
			return [];
		}
		if (input === PASTE_END) return [];
		const flagged = named(input, k);
		if (flagged) return [{kind: 'key', key: flagged, read}];
		if ([...input].length > 1) return [{kind: 'run', text: input, read}];
		const single = input ? keyOfChar(input) : undefined;
		return single ? [{kind: 'key', key: single, read}] : [];
	}
}

/** The keys of an event, a run split into its keys (a paste is not keys: none). */
export function keysOfEvent(event: KeyEvent): Key[] {
	if (event.kind === 'key') return [event.key];
	if (event.kind === 'run') return keysOf(event.text);
	return [];
}

/** A key that is typed text: one printable character, no Ctrl or Alt. */
export const isText = (k: Key): boolean => !k.ctrl && !k.meta && [...k.name].length === 1;
