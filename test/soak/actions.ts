// What the soak does next, chosen from what the screen shows: a key of that screen's key map, a
// burst of them in one write, a paste, a value typed into the focused field (or the rename and
// search prompts), a resize, or a pause. Pure: the step's generator and the screen decide.
import {PROVIDERS, NAME_FIELD} from '../../src/catalogue/providers.js';
import type {KeyMode} from '../../src/view/commands.js';
import type {FormMode} from '../../src/wizard/keys.js';
import type {Prng} from './prng.js';
import type {ScreenModel} from './screen-model.js';
import {fieldValue, nameValue, pasteText, searchValue, type Typed} from './values.js';
import {editingKeys, FORM_INTERRUPT, formKeys, listKeys, type SoakKey} from './vocabulary.js';

export type Action =
	| {kind: 'key'; key: SoakKey}
	| {kind: 'burst'; keys: SoakKey[]}
	| {kind: 'paste'; text: string}
	/** Clear the line, type (or paste) a value, maybe press Enter after it. */
	| {kind: 'fill'; target: 'field' | 'rename' | 'search'; label?: string; typed: Typed; enter: boolean}
	| {kind: 'resize'; cols: number; rows: number}
	| {kind: 'wait'; ms: number};

/** The smallest terminal destui draws in (src/view/layout.ts); below it says so. */
export const MIN_COLS = 40;
export const MIN_ROWS = 12;

/** How often each command of the list is pressed, relative to the others (1 when not listed). */
const LIST_WEIGHTS: Record<string, number> = {
	move: 16,
	jump: 3,
	page: 3,
	open: 6,
	escape: 4,
	search: 3,
	filters: 5,
	'reset-filters': 1,
	sort: 3,
	mark: 6,
	archive: 8,
	undo: 4,
	rename: 5,
	default: 5,
	copy: 2,
	new: 5,
	rotate: 4,
	refresh: 4,
	redraw: 1,
	help: 2,
};

const char = (c: string): SoakKey => ({label: c === ' ' ? 'Space' : c, bytes: c, command: 'text'});
const TEXT_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-._ ÄéЖ名🛰';

/** A key from `keys`, each command as likely as its weight, then one of its bindings. */
function weightedKey(rng: Prng, keys: readonly SoakKey[], weights: Record<string, number> = {}): SoakKey {
	const commands = [...new Set(keys.map((k) => k.command))];
	const command = rng.weighted(commands.map((c) => [c, weights[c] ?? 1] as const));
	return rng.pick(keys.filter((k) => k.command === command));
}

const named = (keys: readonly SoakKey[], label: string): SoakKey => {
	const k = keys.find((x) => x.label === label);
	if (!k) throw new Error(`no key ${label} in this map`);
	return k;
};

/** The catalogue key of a form's field, from its label and the provider's label. */
export function fieldKeyOf(provider: string | undefined, label: string | undefined, rotation: boolean): string | undefined {
	if (label === NAME_FIELD.label) return rotation ? undefined : '@name';
	const spec = PROVIDERS.find((p) => p.label === provider);
	return spec?.fields.find((f) => f.label === label && (!rotation || f.rotatable))?.key;
}

/** Every label a form row can have, to tell form rows from other text. */
export const FORM_LABELS: readonly string[] = [...new Set([...PROVIDERS.flatMap((p) => p.fields.map((f) => f.label)), NAME_FIELD.label])];

/** A size: mostly ordinary, sometimes the smallest destui draws in, sometimes below it. */
function resize(rng: Prng, model: ScreenModel): Action {
	if (model.kind === 'too-small' || rng.chance(0.6)) return {kind: 'resize', cols: rng.between(60, 160), rows: rng.between(20, 50)};
	return rng.weighted<Action>([
		[{kind: 'resize', cols: MIN_COLS, rows: MIN_ROWS}, 3],
		[{kind: 'resize', cols: rng.between(MIN_COLS, 70), rows: rng.between(MIN_ROWS, 20)}, 3],
		[{kind: 'resize', cols: MIN_COLS - 1, rows: MIN_ROWS}, 1],
		[{kind: 'resize', cols: rng.between(10, MIN_COLS - 1), rows: rng.between(3, MIN_ROWS - 1)}, 1],
	]);
}

/** The keys of the screen shown, as its key map gives them. */
export function keysFor(model: ScreenModel): SoakKey[] {
	switch (model.kind) {
		case 'list':
			return listKeys((model.list ?? 'normal') as KeyMode);
		case 'help':
		case 'detail':
			return listKeys(model.kind);
		case 'wizard':
		case 'rotate':
			return formKeys((model.form ?? 'field') as FormMode);
		default:
			// Before the list, too small, anything else: keys of the list (they wait, or do nothing).
			return listKeys('normal');
	}
}

/** Keys never written together with others: each quits or leaves on its own. */
const ALONE = new Set(['q', FORM_INTERRUPT]);

export interface ActionContext {
	/** Names in the organisation now (for renames, searches and creates that collide). */
	names: readonly string[];
	seed: number;
}

export function chooseAction(rng: Prng, model: ScreenModel, ctx: ActionContext): Action {
	const keys = keysFor(model);
	if (model.kind === 'too-small') return rng.chance(0.5) ? resize(rng, model) : {kind: 'key', key: weightedKey(rng, keys, LIST_WEIGHTS)};
	if (rng.chance(0.012)) return resize(rng, model);
	if (rng.chance(0.06)) {
		const pool = [...keys, ...listKeys('normal'), ...'yynad'.split('').map(char)].filter((k) => !ALONE.has(k.bytes));
		return {kind: 'burst', keys: Array.from({length: rng.between(2, 6)}, () => rng.pick(pool))};
	}
	if (rng.chance(0.02)) return {kind: 'paste', text: pasteText(rng)};
	if (model.kind === 'starting')
		return rng.chance(0.5) ? {kind: 'wait', ms: 150} : {kind: 'key', key: weightedKey(rng, keys, LIST_WEIGHTS)};
	if (model.kind === 'sign-in' || model.kind === 'unknown') return {kind: 'wait', ms: 200};
	if (model.kind === 'list') return listAction(rng, model, keys, ctx);
	if (model.kind === 'help' || model.kind === 'detail') return {kind: 'key', key: rng.pick(keys)};
	return formAction(rng, model, keys, ctx);
}

function listAction(rng: Prng, model: ScreenModel, keys: SoakKey[], ctx: ActionContext): Action {
	const key = (k: SoakKey): Action => ({kind: 'key', key: k});
	switch (model.list) {
		case 'search':
			return rng.weighted<() => Action>([
				[
					() => ({
						kind: 'fill',
						target: 'search',
						typed: {value: searchValue(rng, ctx.names), secret: false, paste: false},
						enter: rng.chance(0.4),
					}),
					4,
				],
				[() => key(named(keys, 'Enter')), 2],
				[() => key(named(keys, 'Escape')), 2],
				[() => key(rng.pick([...keys, ...editingKeys()])), 2],
				[() => key(char(rng.pick([...TEXT_CHARS]))), 1],
			])();
		case 'rename':
			return rng.weighted<() => Action>([
				[
					() => ({
						kind: 'fill',
						target: 'rename',
						typed: {value: nameValue(rng, ctx.names), secret: false, paste: rng.chance(0.15)},
						enter: rng.chance(0.6),
					}),
					5,
				],
				[() => key(named(keys, 'Enter')), 2],
				[() => key(named(keys, 'Escape')), 1],
				[() => key(rng.pick(editingKeys())), 1],
				[() => key(char(rng.pick([...TEXT_CHARS]))), 1],
			])();
		case 'confirm':
			return rng.weighted<() => Action>([
				[() => key(rng.pick(keys.filter((k) => k.command === 'answer-yes'))), 9],
				[() => key(rng.pick(keys.filter((k) => k.command === 'answer-no'))), 6],
				// Any other key is "no" too.
				[() => key(weightedKey(rng, listKeys('normal'), LIST_WEIGHTS)), 4],
			])();
		case 'checking':
			// Keys typed while the look-up runs wait for it.
			return rng.chance(0.3) ? key(named(keys, 'Escape')) : key(weightedKey(rng, listKeys('normal'), LIST_WEIGHTS));
		default:
			return key(weightedKey(rng, keys, LIST_WEIGHTS));
	}
}

function formAction(rng: Prng, model: ScreenModel, keys: SoakKey[], ctx: ActionContext): Action {
	const key = (k: SoakKey): Action => ({kind: 'key', key: k});
	// Ctrl-C leaves the form (asking first); once its request is in flight it may close on its own,
	// and a Ctrl-C then would quit destui: the soak presses it only on a form that is waiting for keys.
	const usable = keys.filter((k) => k.bytes !== FORM_INTERRUPT || !model.formBusy);
	const find = (label: string) => usable.find((k) => k.label === label);
	const pick = (labels: string[]) => {
		const found = labels.map(find).filter((k): k is SoakKey => k !== undefined);
		return found.length ? rng.pick(found) : rng.pick(usable);
	};
	switch (model.form) {
		case 'provider':
			return rng.chance(0.35) ? key(pick(['Enter'])) : key(rng.pick(usable));
		case 'field': {
			const rotation = model.kind === 'rotate';
			const fieldKey = fieldKeyOf(model.provider, model.focused, rotation);
			return rng.weighted<() => Action>([
				[
					() =>
						fieldKey
							? {
									kind: 'fill',
									target: 'field',
									label: model.focused,
									typed: fieldValue(rng, fieldKey, ctx.seed, ctx.names),
									enter: rng.chance(0.5),
								}
							: key(pick(['Enter'])),
					9,
				],
				[() => key(pick(['Enter'])), 3],
				[() => key(pick(['Tab', 'Shift-Tab'])), 2],
				[() => key(pick(['Escape'])), 1],
				[() => key(rng.pick(usable)), 4],
				[() => key(char(rng.pick([...TEXT_CHARS]))), 1],
			])();
		}
		case 'option':
			return rng.weighted<() => Action>([
				[() => key(pick(['Space', 'x', 'y', 'n'])), 4],
				[() => key(pick(['Enter'])), 3],
				[() => key(rng.pick(usable)), 3],
			])();
		case 'review':
			return rng.weighted<() => Action>([
				[() => key(pick(['Enter'])), 6],
				[() => key(pick(['Escape'])), 2],
				[() => key(rng.pick(usable)), 2],
			])();
		case 'question':
			return rng.weighted<() => Action>([
				[() => key(pick(['y', 'Y'])), 3],
				[() => key(pick(['n', 'N', 'Escape', 'Enter'])), 4],
				[() => key(rng.pick(usable)), 1],
			])();
		case 'choice':
			return rng.weighted<() => Action>([
				[() => key(pick(['y', 'Y'])), 4],
				[() => key(pick(['Enter'])), 2],
				[() => key(pick(['Left', 'Right', 'Tab', 'Shift-Tab', 'Up', 'Down'])), 3],
				[() => key(pick(['n', 'N', 'Escape'])), 2],
			])();
		default:
			return key(rng.pick(usable));
	}
}
