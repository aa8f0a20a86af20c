// The main screen's commands: one registry from which the footer legend, the `?` overlay and
// the "why is this disabled" messages are all generated, so they can never disagree.
import type {Destination} from '../schemas.js';

export interface CommandContext {
	readOnly: boolean;
	selected?: Destination;
	canUndo: boolean;
}

export interface Command {
	id: CommandId;
	/** The keys as shown to people. */
	keys: string;
	label: string;
	/** Shown in the one-line footer legend (the `?` overlay shows every command). */
	legend?: string;
	/** Why the command cannot run now, or undefined when it can. */
	disabled?: (ctx: CommandContext) => string | undefined;
}

export type CommandId =
	| 'move' | 'jump' | 'page' | 'open' | 'search' | 'filters' | 'archive' | 'undo' | 'rename'
	| 'default' | 'copy' | 'new' | 'rotate' | 'refresh' | 'redraw' | 'help' | 'quit';

export const READ_ONLY = 'destui runs read-only (--read-only): changes are disabled';
export const NOT_YOURS = 'owned by someone else: only its owner or an org admin can change it';

const noSelection = (ctx: CommandContext) => (ctx.selected ? undefined : 'no destination is selected');

/** Only the owner or an org admin may change a destination (spec §7); the server says which. */
export function modifyBlocked(ctx: CommandContext): string | undefined {
	if (ctx.readOnly) return READ_ONLY;
	if (!ctx.selected) return 'no destination is selected';
	// The fact first, and short: narrow screens truncate the end of a reason.
	if (!ctx.selected.permissions.can_write) return NOT_YOURS;
	return undefined;
}

export const COMMANDS: readonly Command[] = [
	{id: 'move', keys: '↑/↓ k/j', label: 'move the selection', legend: 'move'},
	{id: 'jump', keys: 'g/G Home/End', label: 'first / last destination'},
	{id: 'page', keys: 'PgUp/PgDn', label: 'a page up / down'},
	{id: 'open', keys: 'Enter', label: 'full details, with the orders and subscriptions using it', legend: 'details', disabled: noSelection},
	{id: 'search', keys: '/', label: 'filter by name as you type (Esc clears)', legend: 'search'},
	{id: 'filters', keys: '1-4', label: 'cycle archived · owned by me · can write · default: any → yes → no (0 resets)', legend: 'filters'},
	{id: 'archive', keys: 'a', label: 'archive or unarchive at once', legend: 'archive', disabled: (c) => modifyBlocked(c)},
	{id: 'undo', keys: 'u', label: 'undo the last archive or unarchive', disabled: (c) => (c.readOnly ? READ_ONLY : c.canUndo ? undefined : 'nothing to undo')},
	{id: 'rename', keys: 'r', label: 'rename', legend: 'rename', disabled: (c) => modifyBlocked(c)},
	{
		id: 'default',
		keys: 'd',
		label: 'set as the organisation default, or unset it (asks first)',
		legend: 'default',
		disabled: (c) => modifyBlocked(c) ?? (c.selected?.archived ? 'an archived destination cannot be the default: unarchive it first (a)' : undefined),
	},
	{id: 'copy', keys: 'y', label: 'copy the pl:ref to the clipboard (OSC 52)', legend: 'copy ref', disabled: noSelection},
	{id: 'new', keys: 'n', label: 'create a destination, step by step', legend: 'new', disabled: (c) => (c.readOnly ? READ_ONLY : undefined)},
	{id: 'rotate', keys: 'c', label: 'rotate credentials', disabled: (c) => modifyBlocked(c)},
	{id: 'refresh', keys: 'R', label: 'reload from the server'},
	{id: 'redraw', keys: 'Ctrl-L', label: 'redraw the screen'},
	{id: 'help', keys: '?', label: 'this help', legend: 'help'},
	{id: 'quit', keys: 'q Ctrl-C', label: 'quit', legend: 'quit'},
];

export const command = (id: CommandId): Command => COMMANDS.find((c) => c.id === id)!;

export const disabledReason = (id: CommandId, ctx: CommandContext): string | undefined => command(id).disabled?.(ctx);

/** The footer: "key label" pairs that fit `width`, most useful first; `? help` and `q quit` always
 * stay (they come last, and the others give way to them), so the rest can always be found.
 * With `readOnly`, the changes are left out (like k9s --readonly): none can run in this session,
 * and the header says READ-ONLY; `?` still lists them with the reason. */
export function legendText(width: number, readOnly = false): string {
	const pair = (c: Command) => `${c.keys.split(' ')[0]} ${c.legend}`;
	const kept = new Set<CommandId>(['help', 'quit']);
	const offInReadOnly = (c: Command) => readOnly && c.disabled?.({readOnly: true, canUndo: true, selected: undefined}) === READ_ONLY;
	const withLegend = COMMANDS.filter((c) => c.legend && !offInReadOnly(c));
	const tail = withLegend.filter((c) => kept.has(c.id)).map(pair).join('  ');
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
