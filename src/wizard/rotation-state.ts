// The credential-rotation form as a pure reducer: the destination type's rotatable fields (from
// the catalogue), a confirmation whose safe answer is "No", and the PATCH in flight.
import {isDestinationType, provider, rotatableFields, type DestinationType} from '../catalogue/providers.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {buildRotation} from './body.js';
import {pageKey, pageProblems} from './fields-step.js';
import {emptyForm, fieldKey, hasInput, isGcsKeyField, type FormContext, type FormField, type FormState} from './form.js';
import type {FileAccess} from './gcs-source.js';
import {formKeyOf, type FormKey, type FormMode} from './keys.js';
import {keysOf, type Key, type KeyEvent} from '../keys/read.js';
import {routeRotationFailure} from './failure.js';

export interface RotationState {
	form: FormState;
	focus: number;
	pick: number | null;
	attempted: boolean;
	phase: 'editing' | 'confirm' | 'sending' | 'done';
	/** The focused answer of the confirmation; "No" first, the safe choice. */
	choice: 'no' | 'yes';
	confirmLeave: boolean;
	/** The read whose keys opened the question on screen: none of them answers it. */
	askedIn: number | undefined;
	request: {id: number; parameters: Record<string, string | boolean>} | undefined;
	notice: {message: string; retry: boolean} | undefined;
	outcome: {kind: 'cancelled'} | {kind: 'rotated'; destination: Destination} | undefined;
}

export type RotationAction =
	{type: 'key'; event: KeyEvent; files: FileAccess} | {type: 'rotated'; destination: Destination} | {type: 'failed'; error: unknown};

/** Why the form cannot be offered for this destination, or undefined when it can. */
export function rotationRefusal(destination: Pick<Destination, 'type' | 'name' | 'permissions'>): string | undefined {
	if (!isDestinationType(destination.type)) return `destui cannot rotate credentials of a "${sanitize(destination.type)}" destination.`;
	if (!destination.permissions.can_write)
		return `Only the owner of "${sanitize(destination.name)}" or an organisation admin can rotate its credentials.`;
	return undefined;
}

export const rotationFields = (type: DestinationType): readonly FormField[] => rotatableFields(type).map((spec) => ({kind: 'param', spec}));

/** Options start as the destination has them, so the form shows the truth (one that is on stays on: form.ts lockedOn). */
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
		phase: 'editing',
		choice: 'no',
		confirmLeave: false,
		askedIn: undefined,
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
			const index = Math.max(
				0,
				fields.findIndex((f) => fieldKey(f) === built.problems[0]!.key),
			);
			return {...next, form, attempted: true, focus: index, notice: {message: `Not sent: ${built.problems[0]!.problem}`, retry: false}};
		}
		return {...next, form, phase: 'confirm', choice: 'no'};
	}

	function onConfirm(s: RotationState, key: FormKey, files: FileAccess): RotationState {
		switch (key.kind) {
			case 'left':
			case 'right':
				return {...s, choice: s.choice === 'no' ? 'yes' : 'no'};
			case 'yes':
				return send(s, files);
			case 'no':
				return {...s, phase: 'editing'};
			case 'enter':
				return s.choice === 'yes' ? send(s, files) : {...s, phase: 'editing'};
			default:
				return s;
		}
	}

	/** Where the focus is, which decides what each key means (src/wizard/keys.ts). */
	function mode(s: RotationState): FormMode {
		if (s.confirmLeave) return 'question';
		if (s.phase === 'confirm') return 'choice';
		const field = fields[s.focus];
		return field?.kind === 'param' && field.spec.kind === 'boolean' ? 'option' : 'field';
	}

	function onFormKey(s: RotationState, key: FormKey, read: number, files: FileAccess): RotationState {
		const asking = s.confirmLeave || s.phase === 'confirm';
		// Keys typed together with the one that opened a question were typed before it showed.
		if (asking && read === s.askedIn) return s;
		let next = s;
		if (s.confirmLeave) next = key.kind === 'yes' ? {...s, confirmLeave: false, outcome: {kind: 'cancelled'}} : {...s, confirmLeave: false};
		else if (s.phase === 'editing') next = onEditing(s, key, files);
		else if (s.phase === 'confirm') next = onConfirm(s, key, files);
		const asks = next.confirmLeave || next.phase === 'confirm';
		return asks && !asking ? {...next, askedIn: read} : next;
	}

	const onOneKey = (s: RotationState, key: Key, read: number, files: FileAccess): RotationState =>
		onFormKey(s, formKeyOf(mode(s), key), read, files);

	function onKey(s: RotationState, event: KeyEvent, files: FileAccess): RotationState {
		if (event.kind === 'paste') return onFormKey(s, {kind: 'paste', text: event.text}, event.read, files);
		if (event.kind === 'key') return onOneKey(s, event.key, event.read, files);
		// Only a pasted key takes several lines as they come; elsewhere a run is keys in a row.
		const field = fields[s.focus];
		if (mode(s) === 'field' && field?.kind === 'param' && isGcsKeyField(field.spec))
			return onFormKey(s, {kind: 'paste', text: event.text}, event.read, files);
		return keysOf(event.text).reduce((acc, k) => (acc.outcome ? acc : onOneKey(acc, k, event.read, files)), s);
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
				const focus =
					routed.target !== 'review' && 'field' in routed.target
						? Math.max(
								0,
								fields.findIndex((f) => fieldKey(f) === (routed.target as {field: string}).field),
							)
						: s.focus;
				return {...s, phase: 'editing', request: undefined, focus, notice: {message: routed.message, retry: routed.retry}};
			}
			case 'key':
				return onKey(s, action.event, action.files);
		}
	};
}
