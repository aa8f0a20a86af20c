// The main screen's key map: each command with its keys (and the modes they work in), its label
// and why it may be disabled. The screen's reducer routes keys by looking them up here, and the
// footer legend, the `?` overlay, the README's keys tables and the "why is this disabled"
// messages are all generated from it, so none of them can disagree with what the keys do.
import type {Destination} from '../schemas.js';
import {keysText, matches, type Binding} from '../keys/bindings.js';
import type {Key} from '../keys/read.js';
import {FILTERS, type FilterId} from './filters.js';
import {SORT_COLUMNS} from './sort.js';

/** The main screen's modes that read keys through this map (the forms have their own, src/wizard/keys.ts). */
export type KeyMode = 'normal' | 'search' | 'rename' | 'confirm' | 'checking' | 'help' | 'detail';
export const KEY_MODES: readonly KeyMode[] = ['normal', 'search', 'rename', 'confirm', 'checking', 'help', 'detail'];

export interface CommandContext {
	readOnly: boolean;
	selected?: Destination;
	canUndo: boolean;
	/** Rows marked: `a` acts on them, not on the selection. */
	marked?: number;
	/** A batch is being sent: its rows are changing, and `u` would race it. */
	batchRunning?: boolean;
}

export type CommandArg = number | 'first' | 'last' | 'one' | 'all' | 'next' | 'reverse' | FilterId;

export interface CommandBinding extends Binding<CommandArg> {
	/** Where this key works, when not everywhere the command does. */
	modes?: readonly KeyMode[];
}

export interface Command {
	id: CommandId;
	/** Where the command's keys work. */
	modes: readonly KeyMode[];
	bindings: readonly CommandBinding[];
	label: string;
	/** The short label: in the list's footer legend, or in a prompt's own line of keys. */
	legend?: string;
	/** Why the command cannot run now, or undefined when it can. */
	disabled?: (ctx: CommandContext) => string | undefined;
}

export type CommandId =
	| 'move'
	| 'jump'
	| 'page'
	| 'open'
	| 'mark'
	| 'sort'
	| 'escape'
	| 'search'
	| 'filters'
	| 'reset-filters'
	| 'archive'
	| 'undo'
	| 'rename'
	| 'default'
	| 'copy'
	| 'new'
	| 'rotate'
	| 'refresh'
	| 'redraw'
	| 'help'
	| 'quit'
	| 'close'
	| 'scroll'
	| 'scroll-page'
	| 'scroll-ends'
	| 'search-keep'
	| 'search-clear'
	| 'rename-submit'
	| 'rename-cancel'
	| 'answer-yes'
	| 'answer-no'
	| 'check-cancel';

export const READ_ONLY = 'destui runs read-only (--read-only): changes are disabled';
export const NOT_YOURS = 'owned by someone else: only its owner or an org admin can change it';
export const batchRunning = (): string => `a batch is being sent: ${keyFor('escape')} stops it`;

const noSelection = (ctx: CommandContext) => (ctx.selected ? undefined : 'no destination is selected');

/** Only the owner or an org admin may change a destination (spec §7); the server says which. */
export function modifyBlocked(ctx: CommandContext): string | undefined {
	if (ctx.readOnly) return READ_ONLY;
	if (!ctx.selected) return 'no destination is selected';
	// The fact first, and short: narrow screens truncate the end of a reason.
	if (!ctx.selected.permissions.can_write) return NOT_YOURS;
	return undefined;
}

const LIST: readonly KeyMode[] = ['normal'];
const VIEWS: readonly KeyMode[] = ['help', 'detail'];

export const COMMANDS: readonly Command[] = [
	{
		id: 'move',
		modes: LIST,
		bindings: [
			{key: 'up', arg: -1, modes: ['normal', 'search']},
			{key: 'down', arg: 1, modes: ['normal', 'search']},
			{key: 'k', arg: -1},
			{key: 'j', arg: 1},
		],
		label: 'move the selection',
		legend: 'move',
	},
	{
		id: 'jump',
		modes: LIST,
		bindings: [
			{key: 'g', arg: 'first'},
			{key: 'G', arg: 'last'},
			{key: 'home', arg: 'first'},
			{key: 'end', arg: 'last'},
		],
		label: 'first / last destination',
	},
	{
		id: 'page',
		modes: LIST,
		bindings: [
			{key: 'page-up', arg: -1},
			{key: 'page-down', arg: 1},
		],
		label: 'a page up / down',
	},
	{
		id: 'open',
		modes: LIST,
		bindings: [{key: 'enter'}],
		label: 'full details, with the orders and subscriptions using it',
		legend: 'details',
		disabled: noSelection,
	},
	{
		id: 'escape',
		modes: LIST,
		bindings: [{key: 'escape'}],
		label: 'cancel requests in flight, clear the marks, clear the search, or dismiss a message',
	},
	{
		id: 'search',
		modes: LIST,
		bindings: [{key: '/'}],
		get label() {
			return `filter by name as you type (${keyFor('search-clear', 'search')} clears)`;
		},
		legend: 'search',
	},
	{
		id: 'filters',
		modes: LIST,
		bindings: FILTERS.map((f) => ({key: f.key, arg: f.id})),
		label: `cycle ${FILTERS.map((f) => f.label).join(' · ')}: any → yes → no`,
		legend: 'filters',
	},
	{id: 'reset-filters', modes: LIST, bindings: [{key: '0'}], label: 'reset the filters'},
	{
		id: 'sort',
		modes: LIST,
		bindings: [
			{key: 's', arg: 'next'},
			{key: 'S', arg: 'reverse'},
		],
		label: `sort by the next column (${SORT_COLUMNS.join(', ')}) / the other way`,
		legend: 'sort',
	},
	// V as in vim's line-wise selection (a, for all, is archive). Again on rows all marked: unmarks them.
	{
		id: 'mark',
		modes: LIST,
		bindings: [
			{key: ' ', arg: 'one'},
			{key: 'V', arg: 'all'},
		],
		label: 'mark or unmark the row (and move down) / all rows shown',
		legend: 'mark',
		disabled: (c) => (c.selected ? undefined : 'no destination is shown'),
	},
	{
		id: 'archive',
		modes: LIST,
		bindings: [{key: 'a'}],
		label: 'archive or unarchive: the marked rows (after one question), else the selected one (asks if in use)',
		legend: 'archive',
		disabled: (c) => (c.readOnly ? READ_ONLY : c.batchRunning ? batchRunning() : c.marked ? undefined : modifyBlocked(c)),
	},
	{
		id: 'undo',
		modes: LIST,
		bindings: [{key: 'u'}],
		label: 'undo the last archive or unarchive (all of a batch)',
		disabled: (c) => (c.readOnly ? READ_ONLY : c.batchRunning ? batchRunning() : c.canUndo ? undefined : 'nothing to undo'),
	},
	{id: 'rename', modes: LIST, bindings: [{key: 'r'}], label: 'rename', legend: 'rename', disabled: (c) => modifyBlocked(c)},
	{
		id: 'default',
		modes: LIST,
		bindings: [{key: 'd'}],
		label: 'set as the organisation default, or unset it (asks first)',
		legend: 'default',
		disabled: (c) =>
			modifyBlocked(c) ??
			(c.selected?.archived ? `an archived destination cannot be the default: unarchive it first (${keyFor('archive')})` : undefined),
	},
	{
		id: 'copy',
		modes: ['normal', 'detail'],
		bindings: [{key: 'y'}],
		label: "copy the pl:ref to the clipboard (OSC 52; inside tmux, through tmux's buffer)",
		legend: 'copy ref',
		disabled: noSelection,
	},
	{
		id: 'new',
		modes: LIST,
		bindings: [{key: 'n'}],
		label: 'create a destination, step by step',
		legend: 'new',
		disabled: (c) => (c.readOnly ? READ_ONLY : undefined),
	},
	{id: 'rotate', modes: LIST, bindings: [{key: 'c'}], label: 'rotate credentials', disabled: (c) => modifyBlocked(c)},
	{id: 'refresh', modes: LIST, bindings: [{key: 'R'}], label: 'reload from the server'},
	{id: 'redraw', modes: LIST, bindings: [{key: 'l', ctrl: true}], label: 'redraw the screen'},
	{id: 'help', modes: LIST, bindings: [{key: '?'}], label: 'this help', legend: 'help'},

	{
		id: 'close',
		modes: VIEWS,
		bindings: [{key: 'escape'}, {key: '?', modes: ['help']}, {key: 'q'}, {key: 'left', modes: ['detail']}],
		label: 'back to the list',
		legend: 'back',
	},
	{
		id: 'scroll',
		modes: VIEWS,
		bindings: [
			{key: 'up', arg: -1},
			{key: 'down', arg: 1},
			{key: 'k', arg: -1},
			{key: 'j', arg: 1},
		],
		label: 'scroll a line',
		legend: 'scroll',
	},
	{
		id: 'scroll-page',
		modes: VIEWS,
		bindings: [
			{key: 'page-up', arg: -1},
			{key: 'page-down', arg: 1},
			{key: ' ', arg: 1},
		],
		label: 'scroll a page',
		legend: 'page',
	},
	{
		id: 'scroll-ends',
		modes: VIEWS,
		bindings: [
			{key: 'g', arg: 'first'},
			{key: 'G', arg: 'last'},
			{key: 'home', arg: 'first'},
			{key: 'end', arg: 'last'},
		],
		label: 'to the top / the end',
	},

	{id: 'search-keep', modes: ['search'], bindings: [{key: 'enter'}], label: 'keep the search and go back to the list', legend: 'keep'},
	{id: 'search-clear', modes: ['search'], bindings: [{key: 'escape'}], label: 'clear the search and go back to the list', legend: 'clear'},
	{
		id: 'rename-submit',
		modes: ['rename'],
		bindings: [{key: 'enter'}],
		label: 'rename (the name is checked before anything is sent)',
		legend: 'rename',
	},
	{id: 'rename-cancel', modes: ['rename'], bindings: [{key: 'escape'}], label: 'cancel: nothing is sent', legend: 'cancel'},
	{id: 'answer-yes', modes: ['confirm'], bindings: [{key: 'y'}, {key: 'Y'}], label: 'yes: make the change'},
	// Any other key is "no" too: only y changes anything.
	{
		id: 'answer-no',
		modes: ['confirm'],
		bindings: [{key: 'n'}, {key: 'N'}, {key: 'enter'}, {key: 'escape'}],
		label: 'no (so is any other key)',
	},
	// Other keys wait for the look-up, and act after it unless a question comes up.
	{
		id: 'check-cancel',
		modes: ['checking'],
		bindings: [{key: 'escape'}],
		label: "don't archive: stop waiting for the look-up",
		legend: "don't archive",
	},
	// Ctrl-C quits from anywhere on the main screen (the forms ask first: their map has it too).
	{id: 'quit', modes: LIST, bindings: [{key: 'q'}, {key: 'c', ctrl: true, modes: KEY_MODES}], label: 'quit', legend: 'quit'},
];

export const command = (id: CommandId): Command => COMMANDS.find((c) => c.id === id)!;

/** The bindings of a command that work in `mode`. */
export const bindingsIn = (c: Command, mode: KeyMode): CommandBinding[] => c.bindings.filter((b) => (b.modes ?? c.modes).includes(mode));

/** The commands with a key in `mode`, in the map's order. */
export const commandsIn = (mode: KeyMode): Command[] => COMMANDS.filter((c) => bindingsIn(c, mode).length > 0);

/** A command's keys as shown to people: all of them, or those of one mode. */
export const commandKeys = (c: Command, mode?: KeyMode): string => keysText(mode ? bindingsIn(c, mode) : c.bindings);

/** The command `k` runs in `mode`, and the binding it matched. */
export function commandFor(mode: KeyMode, k: Key): {command: Command; binding: CommandBinding} | undefined {
	for (const c of COMMANDS) {
		const binding = bindingsIn(c, mode).find((b) => matches(b, k));
		if (binding) return {command: c, binding};
	}
	return undefined;
}

export const disabledReason = (id: CommandId, ctx: CommandContext): string | undefined => command(id).disabled?.(ctx);

/** A command's first keys in `mode`, as the footer, titles and messages name it: "↑/↓", "Esc", "y". */
export const firstKeys = (c: Command, mode: KeyMode): string => commandKeys(c, mode).split(' ')[0]!;

/** The key that runs `id` (on the list unless `mode` says), for a message that names it: "Press u to undo". */
export const keyFor = (id: CommandId, mode: KeyMode = 'normal'): string => firstKeys(command(id), mode);

/** "Esc back · y copy ref": each command's first keys and short label, for a view's title or footer. */
export const shortHints = (ids: readonly CommandId[], mode: KeyMode): string =>
	ids.map((id) => `${keyFor(id, mode)} ${command(id).legend ?? command(id).label}`).join(' · ');

/** "Enter keep · Esc clear": the keys of a prompt, for its own line. */
export const hintText = (ids: readonly CommandId[], mode: KeyMode): string =>
	ids.map((id) => `${commandKeys(command(id), mode)} ${command(id).legend ?? command(id).label}`).join(' · ');

/** The footer: "key label" pairs that fit `width`, most useful first; `? help` and `q quit` always
 * stay (they come last, and the others give way to them), so the rest can always be found.
 * With `readOnly`, the changes are left out (like k9s --readonly): none can run in this session,
 * and the header says READ-ONLY; `?` still lists them with the reason. */
export function legendText(width: number, readOnly = false): string {
	const pair = (c: Command) => `${firstKeys(c, 'normal')} ${c.legend}`;
	const kept = new Set<CommandId>(['help', 'quit']);
	const offInReadOnly = (c: Command) => readOnly && c.disabled?.({readOnly: true, canUndo: true, selected: undefined}) === READ_ONLY;
	const withLegend = commandsIn('normal').filter((c) => c.legend && !offInReadOnly(c));
	const tail = withLegend
		.filter((c) => kept.has(c.id))
		.map(pair)
		.join('  ');
	const fits = (text: string) => [...text].length <= width;
	let head = '';
	for (const c of withLegend.filter((c) => !kept.has(c.id))) {
		const next = head ? `${head}  ${pair(c)}` : pair(c);
		if (!fits(`${next}  ${tail}`)) break;
		head = next;
	}
	const all = head ? `${head}  ${tail}` : tail;
	return fits(all) ? all : [...all].slice(0, Math.max(0, width)).join('');
}
