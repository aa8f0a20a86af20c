// One line (or, for a pasted key, one block) of editable text with a cursor. Pure: the main
// screen's search and rename prompts and the forms' fields keep these in their state and edit
// them only through `edit` (the keys that edit are in src/keys/editing.ts).

export interface LineState {
	value: string;
	/** Cursor position in UTF-16 code units, 0..value.length. */
	cursor: number;
}

export type EditCommand =
	| {kind: 'insert'; text: string}
	| {kind: 'backspace'}
	| {kind: 'delete-forward'}
	| {kind: 'left'}
	| {kind: 'right'}
	| {kind: 'home'}
	| {kind: 'end'}
	| {kind: 'kill-to-start'}
	| {kind: 'kill-to-end'}
	| {kind: 'kill-word'};

export const emptyLine: LineState = {value: '', cursor: 0};

export const lineOf = (value: string): LineState => ({value, cursor: value.length});

// Never split a surrogate pair: an emoji in a name must delete as one character.
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const stepBack = (value: string, at: number) => (at >= 2 && isLowSurrogate(value.charCodeAt(at - 1)) ? at - 2 : Math.max(0, at - 1));
const stepForward = (value: string, at: number) =>
	at < value.length && isLowSurrogate(value.charCodeAt(at + 1)) ? at + 2 : Math.min(value.length, at + 1);

export function edit(state: LineState, command: EditCommand): LineState {
	const {value, cursor} = state;
	switch (command.kind) {
		case 'insert':
			if (!command.text) return state;
			return {value: value.slice(0, cursor) + command.text + value.slice(cursor), cursor: cursor + command.text.length};
		case 'backspace': {
			if (cursor === 0) return state;
			const to = stepBack(value, cursor);
			return {value: value.slice(0, to) + value.slice(cursor), cursor: to};
		}
		case 'delete-forward': {
			if (cursor >= value.length) return state;
			return {value: value.slice(0, cursor) + value.slice(stepForward(value, cursor)), cursor};
		}
		case 'left':
			return {value, cursor: stepBack(value, cursor)};
		case 'right':
			return {value, cursor: stepForward(value, cursor)};
		case 'home':
			return {value, cursor: 0};
		case 'end':
			return {value, cursor: value.length};
		case 'kill-to-start':
			return {value: value.slice(cursor), cursor: 0};
		case 'kill-to-end':
			return {value: value.slice(0, cursor), cursor};
		case 'kill-word': {
			let to = cursor;
			while (to > 0 && /\s/.test(value[to - 1]!)) to--;
			while (to > 0 && !/\s/.test(value[to - 1]!)) to--;
			return {value: value.slice(0, to) + value.slice(cursor), cursor: to};
		}
	}
}

/**
 * What pasted text becomes in a field. A single-line field drops the line break a copied line
 * usually ends with, and turns inner breaks into spaces, so the field's rule can name the
 * problem instead of the paste silently submitting the step. Control characters never survive.
 */
export function pastedText(text: string, multiline: boolean): string {
	const unified = text.replace(/\r\n?/g, '\n');
	if (multiline) return unified.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
	return unified
		.replace(/^\n+|\n+$/g, '')
		.replace(/\n/g, ' ')
		.replace(/[\u0000-\u001f\u007f]/g, '');
}
