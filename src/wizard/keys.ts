// The forms' key map (the creation wizard and the rotation form): what each key means in each
// part of a form, declared once beside its label. The reducers look keys up here, and the hints
// at the bottom of each page and the README are generated from it.
import {PROVIDERS} from '../catalogue/providers.js';
import {keysText, matches, type Binding} from '../keys/bindings.js';
import {EDITING} from '../keys/editing.js';
import {isText, type Key} from '../keys/read.js';

/**
 * Where the focus is: the provider list, a text field, an option (on/off), the review page, a
 * y/N question (leaving with typed input), or a choice between No and Yes (rotating).
 */
export type FormMode = 'provider' | 'field' | 'option' | 'review' | 'question' | 'choice';
export const FORM_MODES: readonly FormMode[] = ['provider', 'field', 'option', 'review', 'question', 'choice'];

export type FormAction =
	| 'enter'
	| 'escape'
	| 'tab'
	| 'shift-tab'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'first'
	| 'last'
	| 'home'
	| 'end'
	| 'backspace'
	| 'delete-forward'
	| 'kill-to-start'
	| 'kill-to-end'
	| 'kill-word'
	| 'reveal'
	| 'interrupt'
	| 'toggle'
	| 'on'
	| 'off'
	| 'yes'
	| 'no';

/** What a key means to a form, once looked up in the map. */
export type FormKey =
	{kind: 'text'; text: string} | {kind: 'paste'; text: string} | {kind: 'choose'; index: number} | {kind: FormAction} | {kind: 'ignore'};

export interface FormCommand {
	id: string;
	modes: readonly FormMode[];
	bindings: readonly Binding<FormAction | number>[];
	label: string;
}

const PAGES: readonly FormMode[] = ['provider', 'field', 'option', 'review'];
const FIELDS: readonly FormMode[] = ['field', 'option'];
const ASKING: readonly FormMode[] = ['question', 'choice'];

export const FORM_KEYS: readonly FormCommand[] = [
	{id: 'next', modes: PAGES, bindings: [{key: 'enter', arg: 'enter'}], label: 'next field, next step, or create'},
	{id: 'back', modes: PAGES, bindings: [{key: 'escape', arg: 'escape'}], label: 'back one step (nothing typed is lost)'},
	{
		id: 'fields',
		modes: FIELDS,
		bindings: [
			{key: 'tab', arg: 'tab'},
			{key: 'tab', shift: true, arg: 'shift-tab'},
		],
		label: 'next / previous field',
	},
	{
		id: 'up-down',
		modes: FIELDS,
		bindings: [
			{key: 'up', arg: 'up'},
			{key: 'down', arg: 'down'},
		],
		label: 'previous / next field, or through a region list',
	},
	{
		id: 'providers',
		modes: ['provider'],
		bindings: [
			{key: 'up', arg: 'up'},
			{key: 'down', arg: 'down'},
			{key: 'k', arg: 'up'},
			{key: 'j', arg: 'down'},
			{key: 'tab', shift: true, arg: 'up'},
			{key: 'tab', arg: 'down'},
		],
		label: 'choose a provider',
	},
	{
		id: 'provider-ends',
		modes: ['provider'],
		bindings: [
			{key: 'home', arg: 'first'},
			{key: 'end', arg: 'last'},
			{key: 'page-up', arg: 'first'},
			{key: 'page-down', arg: 'last'},
		],
		label: 'first / last provider',
	},
	{
		id: 'provider-number',
		modes: ['provider'],
		bindings: PROVIDERS.map((_, i) => ({key: String(i + 1), arg: i})),
		label: 'choose a provider by its number',
	},
	{
		id: 'toggle',
		modes: ['option'],
		bindings: [
			{key: ' ', arg: 'toggle'},
			{key: 'x', arg: 'toggle'},
		],
		label: 'tick or untick an option',
	},
	{
		id: 'set',
		modes: ['option'],
		bindings: [
			{key: 'y', arg: 'on'},
			{key: 'n', arg: 'off'},
		],
		label: 'an option on / off',
	},
	{id: 'reveal', modes: ['field'], bindings: [{key: 'r', ctrl: true, arg: 'reveal'}], label: 'show or hide the secret being typed'},
	{
		id: 'leave',
		modes: PAGES,
		bindings: [{key: 'c', ctrl: true, arg: 'interrupt'}],
		label: 'leave the form (asks first when something was typed)',
	},
	{
		id: 'yes',
		modes: ASKING,
		bindings: [
			{key: 'y', arg: 'yes'},
			{key: 'Y', arg: 'yes'},
		],
		label: 'yes, to "leave the form?" or "rotate now?"',
	},
	{
		id: 'no',
		modes: ASKING,
		bindings: [
			{key: 'n', arg: 'no'},
			{key: 'N', arg: 'no'},
			{key: 'escape', arg: 'no'},
			{key: 'c', ctrl: true, arg: 'no'},
		],
		label: 'no, to either',
	},
	// A question's other keys are "no" too (only y changes anything); a choice's Enter takes the focused answer.
	{id: 'default-no', modes: ['question'], bindings: [{key: 'enter', arg: 'no'}], label: 'no, to "leave the form?" (its default)'},
	{
		id: 'switch',
		modes: ['choice'],
		bindings: [
			{key: 'left', arg: 'left'},
			{key: 'right', arg: 'right'},
			{key: 'tab', shift: true, arg: 'left'},
			{key: 'tab', arg: 'right'},
			{key: 'up', arg: 'left'},
			{key: 'down', arg: 'right'},
		],
		label: 'choose No or Yes (rotate now?)',
	},
	{id: 'confirm', modes: ['choice'], bindings: [{key: 'enter', arg: 'enter'}], label: 'the chosen answer (rotate now?), No at first'},
];

const bindingsIn = (c: FormCommand, mode: FormMode) => (c.modes.includes(mode) ? c.bindings : []);

/** A key as the form in `mode` reads it: a command of the map, an edit, typed text, or nothing. */
export function formKeyOf(mode: FormMode, k: Key): FormKey {
	for (const c of FORM_KEYS) {
		const b = bindingsIn(c, mode).find((binding) => matches(binding, k));
		if (b) return typeof b.arg === 'number' ? {kind: 'choose', index: b.arg} : {kind: b.arg!};
	}
	if (mode === 'field') {
		for (const c of EDITING) {
			const b = c.bindings.find((binding) => matches(binding, k));
			if (b) return {kind: b.arg!};
		}
		if (isText(k)) return {kind: 'text', text: k.name};
	}
	return {kind: 'ignore'};
}

/** The keys of a form command ("↑/↓ k/j Shift-Tab/Tab"), for the README: in one mode, or everywhere. */
export function formKeys(id: string, mode?: FormMode): string {
	const c = FORM_KEYS.find((x) => x.id === id);
	if (!c) throw new Error(`no form command ${id}`);
	return keysText(mode ? bindingsIn(c, mode) : c.bindings);
}

/** The first keys of a form command ("↑/↓", "Tab/Shift-Tab", "Enter"): what a page's hints show. */
export const hintKeys = (id: string): string => formKeys(id).split(' ')[0]!;
