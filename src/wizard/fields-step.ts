// Keys inside one page of fields: editing the focused field, moving between fields, picking a
// suggested region, toggling an option, showing a secret. Both the wizard's steps and the
// rotation form are such a page; what happens on "submit" and "back" is theirs to decide.
import {edit, lineOf, pastedText, type EditCommand} from '../view/line-editor.js';
import {resolveGcsKey} from './gcs-source.js';
import type {FormKey} from './keys.js';
import {
	fieldKey,
	lockedOn,
	fieldProblem,
	isGcsKeyField,
	isLineSecret,
	lineValue,
	NAME_KEY,
	suggestionsFor,
	type FormContext,
	type FormField,
	type FormState,
} from './form.js';
import {nameSourceKey} from '../catalogue/providers.js';

export interface PageState {
	form: FormState;
	focus: number;
	/** The highlighted suggestion of the focused field's picker, if any. */
	pick: number | null;
}

export type PageOutcome = 'none' | 'submit' | 'back';

/** The form's editing keys (src/keys/editing.ts) as edits of the focused line. */
const EDITS: Partial<Record<FormKey['kind'], EditCommand['kind']>> = {
	backspace: 'backspace',
	'delete-forward': 'delete-forward',
	left: 'left',
	right: 'right',
	home: 'home',
	end: 'end',
	'kill-to-start': 'kill-to-start',
	'kill-to-end': 'kill-to-end',
	'kill-word': 'kill-word',
};

/** Marks a field as left: its problems show from now on, and a GCS key is read once, here. */
export function leaveField(form: FormState, field: FormField | undefined, ctx: FormContext): FormState {
	if (!field) return form;
	const key = fieldKey(field);
	let next: FormState = {...form, touched: {...form.touched, [key]: true}, reveal: null};
	if (field.kind === 'param' && isGcsKeyField(field.spec)) {
		const text = lineValue(form, key).value;
		if (text.trim()) next = {...next, gcs: {...next.gcs, [key]: resolveGcsKey(text, ctx.files)}};
	}
	return next;
}

function setLine(form: FormState, key: string, line: ReturnType<typeof lineOf>, ctx: FormContext): FormState {
	if (line === form.lines[key]) return form;
	const {[key]: _gcs, ...gcs} = form.gcs;
	const {[key]: _server, ...rest} = form.server;
	// The default name follows the bucket: a server's "name taken" no longer applies once it changes.
	const server: Record<string, string> = {...rest};
	if (key === nameSourceKey(ctx.type)) delete server[NAME_KEY];
	return {...form, lines: {...form.lines, [key]: line}, gcs, server};
}

function moveFocus(state: PageState, fields: readonly FormField[], to: number, ctx: FormContext): PageState {
	const n = fields.length;
	const focus = ((to % n) + n) % n;
	return {form: leaveField(state.form, fields[state.focus], ctx), focus, pick: null};
}

export function pageKey(
	state: PageState,
	fields: readonly FormField[],
	key: FormKey,
	ctx: FormContext,
): {state: PageState; outcome: PageOutcome} {
	const field = fields[state.focus];
	if (!field) return {state, outcome: 'none'};
	const fkey = fieldKey(field);
	const spec = field.kind === 'param' ? field.spec : undefined;
	const stay = (s: PageState) => ({state: s, outcome: 'none' as const});
	const suggestions = spec ? suggestionsFor(spec, lineValue(state.form, fkey).value) : [];

	switch (key.kind) {
		case 'tab':
			return stay(moveFocus(state, fields, state.focus + 1, ctx));
		case 'shift-tab':
			return stay(moveFocus(state, fields, state.focus - 1, ctx));
		case 'down':
			if (suggestions.length) return stay({...state, pick: state.pick === null ? 0 : Math.min(state.pick + 1, suggestions.length - 1)});
			return state.focus < fields.length - 1 ? stay(moveFocus(state, fields, state.focus + 1, ctx)) : stay(state);
		case 'up':
			if (state.pick !== null) return stay({...state, pick: state.pick === 0 ? null : state.pick - 1});
			return state.focus > 0 ? stay(moveFocus(state, fields, state.focus - 1, ctx)) : stay(state);
		case 'escape':
			if (state.pick !== null) return stay({...state, pick: null});
			return {state: {...state, form: {...state.form, reveal: null}}, outcome: 'back'};
		case 'enter': {
			const chosen = state.pick !== null ? suggestions[state.pick] : undefined;
			if (chosen !== undefined) return stay({...state, form: setLine(state.form, fkey, lineOf(chosen), ctx), pick: null});
			if (state.focus < fields.length - 1) return stay(moveFocus(state, fields, state.focus + 1, ctx));
			return {state: {...state, form: leaveField(state.form, field, ctx), pick: null}, outcome: 'submit'};
		}
		case 'reveal': {
			if (!spec || !isLineSecret(spec)) return stay(state);
			return stay({...state, form: {...state.form, reveal: state.form.reveal === fkey ? null : fkey}});
		}
		default:
			break;
	}

	if (spec?.kind === 'boolean') {
		const now = !!state.form.flags[fkey];
		const wanted = key.kind === 'toggle' ? !now : key.kind === 'on' ? true : key.kind === 'off' ? false : now;
		const next = wanted || lockedOn(spec, ctx);
		if (next === now) return stay(state);
		return stay({...state, form: {...state.form, flags: {...state.form.flags, [fkey]: next}}});
	}

	const line = lineValue(state.form, fkey);
	let nextLine: typeof line;
	if (key.kind === 'text') nextLine = edit(line, {kind: 'insert', text: key.text});
	else if (key.kind === 'paste') nextLine = edit(line, {kind: 'insert', text: pastedText(key.text, !!spec && isGcsKeyField(spec))});
	else {
		const command = EDITS[key.kind];
		if (!command) return stay(state);
		nextLine = edit(line, {kind: command} as EditCommand);
	}
	if (nextLine === line) return stay(state);
	const changed = nextLine.value !== line.value;
	return stay({...state, form: setLine(state.form, fkey, nextLine, ctx), pick: changed ? null : state.pick});
}

/** The fields of a page with a problem, in order; touching them all shows every problem. */
export function pageProblems(
	form: FormState,
	fields: readonly FormField[],
	ctx: FormContext,
): {index: number; key: string; problem: string}[] {
	const out: {index: number; key: string; problem: string}[] = [];
	fields.forEach((field, index) => {
		const key = fieldKey(field);
		const problem = form.server[key] ?? fieldProblem(field, ctx, form);
		if (problem) out.push({index, key, problem});
	});
	return out;
}
