// The keys the soak presses, drawn from destui's own key maps: the main screen's (src/view/
// commands.ts), the forms' (src/wizard/keys.ts) and the editing keys every line of text shares
// (src/keys/editing.ts). A binding becomes the bytes a terminal sends for it, so a key added to a
// map is pressed by the soak without a change here.
import type {Binding} from '../../src/keys/bindings.js';
import {EDITING} from '../../src/keys/editing.js';
import {bindingsIn, COMMANDS, type CommandId, type KeyMode} from '../../src/view/commands.js';
import {FORM_KEYS, type FormMode} from '../../src/wizard/keys.js';

export interface SoakKey {
	/** What a person would call it: "j", "Enter", "Ctrl-U", "Shift-Tab". */
	label: string;
	bytes: string;
	/** The command or form action it is bound to where it was drawn, for weighting. */
	command: string;
}

const NAMED: Record<string, string> = {
	enter: '\r',
	escape: '\x1b',
	tab: '\t',
	backspace: '\x7f',
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	home: '\x1b[H',
	end: '\x1b[F',
	'page-up': '\x1b[5~',
	'page-down': '\x1b[6~',
};

/** The bytes a terminal (xterm) sends for a binding. */
export function bytesOf(b: Binding<unknown>): string {
	if (b.ctrl) return String.fromCharCode(b.key.toLowerCase().charCodeAt(0) - 96);
	if (b.key === 'tab' && b.shift) return '\x1b[Z';
	return NAMED[b.key] ?? b.key;
}

export function labelOf(b: Binding<unknown>): string {
	const name = b.key === ' ' ? 'Space' : b.key.length > 1 ? b.key[0]!.toUpperCase() + b.key.slice(1) : b.key;
	return `${b.ctrl ? 'Ctrl-' : ''}${b.shift ? 'Shift-' : ''}${b.ctrl ? name.toUpperCase() : name}`;
}

const keyOf = (b: Binding<unknown>, command: string): SoakKey => ({label: labelOf(b), bytes: bytesOf(b), command});

/**
 * Keys the soak never presses on its own, and why:
 * - quitting (q, Ctrl-C on the main screen): the run would end; the soak quits once, at its end,
 *   and checks the exit then;
 * - Ctrl-R in a form: it shows the secret being typed, on purpose, and the soak checks that no
 *   secret typed is ever drawn.
 */
const SKIPPED_COMMANDS: readonly CommandId[] = ['quit'];
const SKIPPED_FORM: readonly string[] = ['reveal'];

/** The main screen's keys in `mode` (q in help and the details closes them: kept). */
export function listKeys(mode: KeyMode): SoakKey[] {
	const keys: SoakKey[] = [];
	for (const c of COMMANDS) {
		if (SKIPPED_COMMANDS.includes(c.id)) continue;
		for (const b of bindingsIn(c, mode)) keys.push(keyOf(b, c.id));
	}
	return keys;
}

/** The forms' keys in `mode`, with the editing keys where text is typed. */
export function formKeys(mode: FormMode): SoakKey[] {
	const keys: SoakKey[] = [];
	for (const c of FORM_KEYS) {
		if (SKIPPED_FORM.includes(c.id) || !c.modes.includes(mode)) continue;
		for (const b of c.bindings) keys.push(keyOf(b, c.id));
	}
	if (mode === 'field') keys.push(...editingKeys());
	return keys;
}

export function editingKeys(): SoakKey[] {
	return EDITING.flatMap((c) => c.bindings.map((b) => keyOf(b, `edit:${c.id}`)));
}

/** Ctrl-C in a form: leaves it (asking first when something was typed). */
export const FORM_INTERRUPT = '\x03';
export const PASTE = (text: string): string => `\x1b[200~${text}\x1b[201~`;
