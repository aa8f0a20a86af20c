// The editing keys of every line of text: the search and rename prompts and the forms' fields.
// One map, so a key edits the same way wherever text is typed.
import {keysText, lookup, type Binding} from './bindings.js';
import {isText, type Key} from './read.js';
import type {EditCommand} from '../view/line-editor.js';

type EditKind = Exclude<EditCommand['kind'], 'insert'>;

export interface EditingCommand {
	id: string;
	bindings: readonly Binding<EditKind>[];
	label: string;
}

export const EDITING: readonly EditingCommand[] = [
	{
		id: 'cursor',
		bindings: [
			{key: 'left', arg: 'left'},
			{key: 'right', arg: 'right'},
		],
		label: 'move the cursor',
	},
	{
		id: 'line-ends',
		bindings: [
			{key: 'home', arg: 'home'},
			{key: 'end', arg: 'end'},
			{key: 'a', ctrl: true, arg: 'home'},
			{key: 'e', ctrl: true, arg: 'end'},
		],
		label: 'start / end of the line',
	},
	{id: 'backspace', bindings: [{key: 'backspace', arg: 'backspace'}], label: 'delete the character before the cursor'},
	{id: 'delete-forward', bindings: [{key: 'd', ctrl: true, arg: 'delete-forward'}], label: 'delete the character at the cursor'},
	{id: 'kill-to-start', bindings: [{key: 'u', ctrl: true, arg: 'kill-to-start'}], label: 'delete to the start of the line'},
	{id: 'kill-to-end', bindings: [{key: 'k', ctrl: true, arg: 'kill-to-end'}], label: 'delete to the end of the line'},
	{id: 'kill-word', bindings: [{key: 'w', ctrl: true, arg: 'kill-word'}], label: 'delete the word before the cursor'},
];

/** What a key does to a line of text: an edit, typed text, or nothing. */
export function editCommandOf(k: Key): EditCommand | undefined {
	const hit = lookup(EDITING, k);
	if (hit) return {kind: hit.binding.arg!};
	return isText(k) ? {kind: 'insert', text: k.name} : undefined;
}

/** "Ctrl-U" for `kill-to-start`: the keys of one editing command, as people read them. */
export const editingKeys = (id: string): string => keysText(EDITING.find((c) => c.id === id)?.bindings ?? []);
