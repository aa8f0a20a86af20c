// The credential-rotation form as a pure reducer: the destination type's rotatable fields (from
// the catalogue), a confirmation whose safe answer is "No", and the PATCH in flight.
import {provider, rotatableFields, type DestinationType} from '../catalogue/providers.js';
import type {Destination} from '../schemas.js';
import {buildRotation} from './body.js';
import {pageKey, pageProblems} from './fields-step.js';
import {emptyForm, fieldKey, hasInput, isGcsKeyField, type FormContext, type FormField, type FormState} from './form.js';
import type {FileAccess} from './gcs-source.js';
import {splitChunk, type FormKey} from './keys.js';
import {trackPaste, type PasteBuffer} from './paste.js';
import {routeRotationFailure} from './failure.js';

export interface RotationState {
	form: FormState;
	focus: number;
	pick: number | null;
	attempted: boolean;
	paste: PasteBuffer;
	phase: 'editing' | 'confirm' | 'sending' | 'done';
	/** The focused answer of the confirmation; "No" first, the safe choice. */
	choice: 'no' | 'yes';
	confirmLeave: boolean;
	request: {id: number; parameters: Record<string, string | boolean>} | undefined;
	notice: {message: string; retry: boolean} | undefined;
	outcome: {kind: 'cancelled'} | {kind: 'rotated'; destination: Destination} | undefined;
}

export type RotationAction =
	| {type: 'key'; key: FormKey; files: FileAccess}
	| {type: 'rotated'; destination: Destination}
	| {type: 'failed'; error: unknown};

export const rotationFields = (type: DestinationType): readonly FormField[] => rotatableFields(type).map((spec) => ({kind: 'param', spec}));

/** Options start as the destination has them, so the form shows the truth and unticking means off. */
export function initialRotation(destination: Pick<Destination, 'type' | 'parameters'>): RotationState {
	const flags: Record<string, boolean> = {};
	for (const f of provider(destination.type as DestinationType).fields) {
		if (f.kind === 'boolean' && f.rotatable && destination.parameters[f.key] === true) flags[f.key] = true;
	}
	return {
		form: {...emptyForm, flags},
		focus: 0,
		pick: null,
		attempted: false,
		paste: null,
		phase: 'editing',
		choice: 'no',
		confirmLeave: false,
		request: undefined,
		notice: undefined,
		outcome: undefined,
	};
}

const typed = (form: FormState): boolean => hasInput({...form, flags: {}});

export function makeRotationReducer(destination: Pick<Destination, 'type' | 'parameters'>) {
	const type = destination.type as DestinationType;
	const fields = rotationFields(type);
	const context = (files: FileAccess): FormContext => ({type, existing: [], files});

	const leave = (s: RotationState): RotationState => (typed(s.form) ? {...s, confirmLeave: true} : {...s, outcome: {kind: 'cancelled'}});

	function onEditing(s: RotationState, key: FormKey, files: FileAccess): RotationState {
		if (key.kind === 'interrupt') return leave(s);
		const ctx = context(files);
		const {state: page, outcome} = pageKey({form: s.form, focus: s.focus, pick: s.pick}, fields, key, ctx);
		const next = {...s, form: page.form, focus: page.focus, pick: page.pick};
		if (outcome === 'back') return leave(next);
		if (outcome !== 'submit') return next;
		const touched = {...next.form.touched};
		for (const f of fields) touched[fieldKey(f)] = true;
		const form = {...next.form, touched};
		const problems = pageProblems(form, fields, ctx);
		if (problems.length) return {...next, form, attempted: true, focus: problems[0]!.index};
		const built = buildRotation(destination, form, files);
		if (!built.ok) {
			const index = Math.max(0, fields.findIndex((f) => fieldKey(f) === built.problems[0]!.key));
			return {...next, form, attempted: true, focus: index, notice: {message: `Not sent: ${built.problems[0]!.problem}`, retry: false}};
		}
		return {...next, form, phase: 'confirm', choice: 'no'};
	}

	function onConfirm(s: RotationState, key: FormKey, files: FileAccess): RotationState {
		switch (key.kind) {
			case 'left':
			case 'right':
			case 'tab':
			case 'shift-tab':
			case 'up':
			case 'down':
				return {...s, choice: s.choice === 'no' ? 'yes' : 'no'};
			case 'escape':
			case 'interrupt':
				return {...s, phase: 'editing'};
			case 'text':
				if (key.text === 'y' || key.text === 'Y') return send(s, files);
				if (key.text === 'n' || key.text === 'N') return {...s, phase: 'editing'};
				return s;
			case 'enter':
				return s.choice === 'yes' ? send(s, files) : {...s, phase: 'editing'};
			default:
				return s;
		}
	}

	function send(s: RotationState, files: FileAccess): RotationState {
		const built = buildRotation(destination, s.form, files);
		if (!built.ok) return {...s, phase: 'editing', notice: {message: `Not sent: ${built.problems[0]!.problem}`, retry: false}};
		return {...s, phase: 'sending', notice: undefined, request: {id: (s.request?.id ?? 0) + 1, parameters: built.value}};
	}

	return function rotationReducer(s: RotationState, action: RotationAction): RotationState {
		if (s.outcome) return s;
		switch (action.type) {
			case 'rotated':
				return {...s, phase: 'done', request: undefined, outcome: {kind: 'rotated', destination: action.destination}};
			case 'failed': {
				const routed = routeRotationFailure(type, action.error);
				const focus = routed.target !== 'review' && 'field' in routed.target ? Math.max(0, fields.findIndex((f) => fieldKey(f) === (routed.target as {field: string}).field)) : s.focus;
				return {...s, phase: 'editing', request: undefined, focus, notice: {message: routed.message, retry: routed.retry}};
			}
			case 'key': {
				const tracked = trackPaste(s.paste, action.key);
				if (tracked.buffer !== s.paste) s = {...s, paste: tracked.buffer};
				const key = tracked.key;
				if (!key) return s;
				if (key.kind === 'chunk') {
					// Only a pasted key takes several lines as they come; elsewhere a chunk is keys in a row.
					const field = fields[s.focus];
					if (s.phase === 'editing' && field?.kind === 'param' && isGcsKeyField(field.spec)) return rotationReducer(s, {...action, key: {kind: 'paste', text: key.text}});
					return splitChunk(key.text).reduce((acc, k) => rotationReducer(acc, {...action, key: k}), s);
				}
				if (s.confirmLeave) {
					if (key.kind === 'text' && (key.text === 'y' || key.text === 'Y')) return {...s, confirmLeave: false, outcome: {kind: 'cancelled'}};
					return {...s, confirmLeave: false};
				}
				if (s.phase === 'editing') return onEditing(s, key, action.files);
				if (s.phase === 'confirm') return onConfirm(s, key, action.files);
				return s;
			}
		}
	};
}
