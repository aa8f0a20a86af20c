// Turns what Ink's useInput reports into the few things a form key can mean. Pure, so the
// routing of every key (bracketed paste included) is tested without a terminal.
//
// How Ink 6.8 delivers a bracketed paste (read from node_modules/ink/build/input-parser.js and
// hooks/use-input.js): the parser splits each stdin chunk at escape sequences, so
// `ESC[200~` arrives alone, as input "[200~" (Ink strips the ESC and knows no name for it), then
// the pasted text (one call per chunk, newlines included: a chunk is text, not a key), then
// `ESC[201~` as "[201~". A chunk that happens to be a lone "\r" would look like Enter, which is
// why text between the markers is collected instead of being read as keys.

/** The parts of Ink's `Key` this reader looks at (structurally compatible with it). */
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

export const PASTE_START = '[200~';
export const PASTE_END = '[201~';

export type PlainKeyKind =
				| 'enter'
				| 'escape'
				| 'tab'
				| 'shift-tab'
				| 'up'
				| 'down'
				| 'left'
				| 'right'
				| 'home'
				| 'end'
				| 'page-up'
				| 'page-down'
				| 'backspace'
				| 'delete-forward'
				| 'kill-to-start'
				| 'kill-to-end'
				| 'kill-word'
				| 'reveal'
				| 'interrupt'
				| 'ignore';

export type FormKey =
	| {kind: 'text'; text: string}
	| {kind: 'paste'; text: string}
	/** Several characters in one read, without paste markers: a paste, or keys typed faster than read. */
	| {kind: 'chunk'; text: string}
	| {kind: 'paste-start'}
	| {kind: 'paste-chunk'; text: string}
	| {kind: 'paste-end'}
	| {kind: PlainKeyKind};

/** The key that shows the secret of the focused field (Ctrl-R, "reveal"); documented in the key hints. */
export const REVEAL_KEY_LABEL = 'Ctrl-R';

const CTRL: Record<string, PlainKeyKind> = {
	a: 'home',
	e: 'end',
	d: 'delete-forward',
	u: 'kill-to-start',
	k: 'kill-to-end',
	w: 'kill-word',
	r: 'reveal',
	c: 'interrupt',
};

export function readKey(input: string, key: InkKey, pasting: boolean): FormKey {
	if (pasting) {
		if (input === PASTE_END) return {kind: 'paste-end'};
		if (input) return {kind: 'paste-chunk', text: input};
		if (key.tab) return {kind: 'paste-chunk', text: '\t'};
		return {kind: 'ignore'};
	}
	if (input === PASTE_START) return {kind: 'paste-start'};
	if (input === PASTE_END) return {kind: 'ignore'};
	if (key.return) return {kind: 'enter'};
	if (key.escape) return {kind: 'escape'};
	if (key.tab) return {kind: key.shift ? 'shift-tab' : 'tab'};
	if (key.upArrow) return {kind: 'up'};
	if (key.downArrow) return {kind: 'down'};
	if (key.leftArrow) return {kind: 'left'};
	if (key.rightArrow) return {kind: 'right'};
	if (key.pageUp) return {kind: 'page-up'};
	if (key.pageDown) return {kind: 'page-down'};
	if (key.home) return {kind: 'home'};
	if (key.end) return {kind: 'end'};
	// Ink reports the Backspace key (DEL, 0x7f) as `delete`, the same as the forward-delete key.
	if (key.backspace || key.delete) return {kind: 'backspace'};
	if (key.ctrl) return {kind: CTRL[input] ?? 'ignore'};
	if (key.meta) return {kind: 'ignore'};
	if (!input) return {kind: 'ignore'};
	// Several characters in one call: a paste from a terminal without bracketed paste, or keys
	// that arrived together (fast typing, a slow link). The form decides (see splitChunk).
	if ([...input].length > 1) return {kind: 'chunk', text: input};
	if (/[\u0000-\u001f\u007f]/.test(input)) return {kind: 'ignore'};
	return {kind: 'text', text: input};
}

/** Pastes are collected here between the markers; a runaway paste (no end marker) is capped. */
export const MAX_PASTE = 1 << 20;

/**
 * A chunk read as the keys it holds: characters as typed text, CR (or CRLF, or LF) as Enter, Tab,
 * Backspace. Used for every field but a pasted key's: "t\re" typed quickly is t, Enter, e.
 */
export function splitChunk(text: string): FormKey[] {
	const keys: FormKey[] = [];
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		const ch = chars[i]!;
		if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && chars[i + 1] === '\n') i++;
			keys.push({kind: 'enter'});
		} else if (ch === '\t') keys.push({kind: 'tab'});
		else if (ch === '\x7f' || ch === '\b') keys.push({kind: 'backspace'});
		else if (!/[\u0000-\u001f]/.test(ch)) keys.push({kind: 'text', text: ch});
	}
	return keys;
}
