// Keys as data: a binding names a key (and its modifiers); a key map lists, for each command, its
// bindings beside its label. Routing looks keys up in the map, and every text that names a key
// (the legend, the `?` help, the README, the forms' hints) is made from the same bindings.
import {isText, type Key, type KeyName} from './read.js';

export interface Binding<Arg = never> {
	/** A key name ("enter", "page-down") or the character typed ("a", "G", "?", " "). */
	key: KeyName | string;
	ctrl?: boolean;
	/** Only for named keys (Shift-Tab); a character's case is in the character itself. */
	shift?: boolean;
	/** What this binding does within its command (a direction, a filter), when the command takes one. */
	arg?: Arg;
}

/** Whether `k` is the key `b` names: modifiers must match exactly (Ctrl-L is not L). */
export function matches(b: Binding<unknown>, k: Key): boolean {
	if (k.name !== b.key || k.ctrl !== !!b.ctrl || k.meta) return false;
	// A character's shift is in its case; Shift only tells named keys apart (Tab, Shift-Tab).
	return isText(k) || k.ctrl || k.shift === !!b.shift;
}

const NAMES: Record<string, string> = {
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	home: 'Home',
	end: 'End',
	'page-up': 'PgUp',
	'page-down': 'PgDn',
	' ': 'Space',
};

/** A binding as people read it: "Ctrl-L", "Shift-Tab", "PgDn", "?", "Space". */
export function bindingLabel(b: Binding<unknown>): string {
	const name = NAMES[b.key] ?? (b.ctrl ? b.key.toUpperCase() : b.key);
	return `${b.ctrl ? 'Ctrl-' : ''}${b.shift ? 'Shift-' : ''}${name}`;
}

/**
 * The keys of a command as shown to people. Bindings that do opposite things are paired with a
 * slash in the order they are declared ("↑/↓ k/j", "g/G Home/End"); a run of digits becomes a range
 * ("1-4"); other bindings are listed with spaces ("q Ctrl-C").
 */
export function keysText(bindings: readonly Binding<unknown>[]): string {
	const args: unknown[] = [];
	for (const b of bindings) if (!args.includes(b.arg)) args.push(b.arg);
	if (args.length <= 1) return bindings.map(bindingLabel).join(' ');
	const columns = args.map((arg) => bindings.filter((b) => b.arg === arg).map(bindingLabel));
	const rows = Math.max(...columns.map((c) => c.length));
	const groups: string[] = [];
	for (let i = 0; i < rows; i++) groups.push(digitRange(columns.map((c) => c[i]).filter((l): l is string => l !== undefined)));
	return groups.join(' ');
}

/** "1/2/3/4" reads better as "1-4". */
function digitRange(labels: string[]): string {
	const digits = labels.map(Number);
	const consecutive = labels.length > 2 && labels.every((l, i) => /^\d$/.test(l) && digits[i] === digits[0]! + i);
	return consecutive ? `${labels[0]}-${labels.at(-1)}` : labels.join('/');
}

/** The first binding in `map` (a command list) that `k` matches, with its command. */
export function lookup<C extends {bindings: readonly Binding<unknown>[]}>(
	map: readonly C[],
	k: Key,
): {command: C; binding: C['bindings'][number]} | undefined {
	for (const command of map) {
		const binding = command.bindings.find((b) => matches(b, k));
		if (binding) return {command, binding};
	}
	return undefined;
}
