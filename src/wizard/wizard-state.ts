// The creation wizard as a pure reducer: which page is open, what is typed on every page (kept
// per provider, so going back loses nothing), the leave-confirmation, and the request in flight.
// The hook (hooks/use-wizard.ts) feeds it keys and request results and performs the requests.
import {PROVIDERS, type DestinationType} from '../catalogue/providers.js';
import type {Destination} from '../schemas.js';
import {buildCreateBody} from './body.js';
import {pageKey, pageProblems, type PageState} from './fields-step.js';
import {ApiError} from '../api/errors.js';
import {emptyForm, fieldKey, hasInput, isGcsKeyField, NAME_KEY, type FormContext, type FormState} from './form.js';
import type {FileAccess} from './gcs-source.js';
import {formKeyOf, hintKeys, type FormKey, type FormMode} from './keys.js';
import {keysOf, type Key, type KeyEvent} from '../keys/read.js';
import {foundEarlierMessage, routeCreateFailure} from './failure.js';
import type {CreateRequest} from './send.js';
import {stepOfField, stepOfGroup, stepsFor, type Step} from './steps.js';

export interface WizardNotice {
	/** The page the notice belongs to. */
	step: number;
	message: string;
	/** Enter on the review tries again. */
	retry: boolean;
	/** About the values as they were sent (a failed verification): gone once any of them is edited. */
	staleOnEdit?: boolean;
}

export interface WizardState {
	/** Highlighted provider on the first page. */
	highlight: number;
	type: DestinationType | undefined;
	step: number;
	forms: Partial<Record<DestinationType, FormState>>;
	focus: number;
	pick: number | null;
	/** Pages whose "next" was tried: all their problems show. */
	attempted: Readonly<Record<number, true>>;
	confirmLeave: boolean;
	/** The read whose keys opened the question on screen: none of them answers it. */
	askedIn: number | undefined;
	phase: 'editing' | 'sending' | 'done';
	/** A create to perform; `checkFirst` asks to look for an earlier attempt's result first. */
	request: ({id: number} & CreateRequest) | undefined;
	/** An earlier attempt may have created the destination (its answer was lost). */
	uncertain: boolean;
	/** The destinations there were before the first of the attempts whose answers were lost. */
	known: readonly string[] | undefined;
	notice: WizardNotice | undefined;
	outcome: {kind: 'cancelled'} | {kind: 'created'; destination: Destination} | undefined;
}

export interface WizardContext {
	existing: readonly Destination[];
	files: FileAccess;
}

export type WizardAction =
	| {type: 'key'; event: KeyEvent; ctx: WizardContext}
	| {type: 'created'; destination: Destination}
	| {type: 'failed'; error: unknown}
	| {type: 'conflict-after-uncertain'; name: string}
	| {type: 'found-earlier'; destination: Destination};

export const initialWizard: WizardState = {
	highlight: 0,
	type: undefined,
	step: 0,
	forms: {},
	focus: 0,
	pick: null,
	attempted: {},
	confirmLeave: false,
	askedIn: undefined,
	phase: 'editing',
	request: undefined,
	uncertain: false,
	known: undefined,
	notice: undefined,
	outcome: undefined,
};

export const currentSteps = (s: WizardState): readonly Step[] => stepsFor(s.type ?? PROVIDERS[s.highlight]!.type);
export const currentStep = (s: WizardState): Step => currentSteps(s)[s.step]!;
export const currentForm = (s: WizardState): FormState => (s.type ? s.forms[s.type] : undefined) ?? emptyForm;
export const wizardHasInput = (s: WizardState): boolean => Object.values(s.forms).some((f) => f && hasInput(f));
export const formContext = (s: WizardState, ctx: WizardContext): FormContext => ({
	type: s.type ?? 'amazon_s3',
	existing: ctx.existing,
	files: ctx.files,
});

function withForm(s: WizardState, form: FormState): WizardState {
	if (!s.type) return s;
	return {...s, forms: {...s.forms, [s.type]: form}};
}

function openStep(s: WizardState, step: number, focus = 0): WizardState {
	return {...s, step, focus, pick: null};
}

function leave(s: WizardState): WizardState {
	return wizardHasInput(s) ? {...s, confirmLeave: true} : {...s, outcome: {kind: 'cancelled'}};
}

function onConfirmLeave(s: WizardState, key: FormKey): WizardState {
	if (key.kind === 'yes') return {...s, confirmLeave: false, outcome: {kind: 'cancelled'}};
	// Anything else, Enter included, is the default "No".
	return {...s, confirmLeave: false};
}

function onProvider(s: WizardState, key: FormKey): WizardState {
	const n = PROVIDERS.length;
	switch (key.kind) {
		case 'up':
			return {...s, highlight: (s.highlight - 1 + n) % n};
		case 'down':
			return {...s, highlight: (s.highlight + 1) % n};
		case 'first':
			return {...s, highlight: 0};
		case 'last':
			return {...s, highlight: n - 1};
		case 'choose':
			return {...s, highlight: key.index};
		case 'enter': {
			const type = PROVIDERS[s.highlight]!.type;
			const changed = s.type !== type;
			return openStep(
				{
					...s,
					type,
					forms: {...s.forms, [type]: s.forms[type] ?? emptyForm},
					attempted: changed ? {} : s.attempted,
					notice: changed ? undefined : s.notice,
				},
				1,
			);
		}
		case 'escape':
		case 'interrupt':
			return leave(s);
		default:
			return s;
	}
}

function submitPage(s: WizardState, page: PageState, fields: Step & {kind: 'fields'}, ctx: FormContext): WizardState {
	const problems = pageProblems(page.form, fields.fields, ctx);
	const touched = {...page.form.touched};
	for (const f of fields.fields) touched[fieldKey(f)] = true;
	const form = {...page.form, touched};
	if (problems.length) {
		return {...withForm(s, form), focus: problems[0]!.index, pick: null, attempted: {...s.attempted, [s.step]: true}};
	}
	return openStep(withForm(s, form), s.step + 1);
}

function onFields(s: WizardState, key: FormKey, ctx: FormContext): WizardState {
	const step = currentStep(s);
	if (step.kind !== 'fields') return s;
	if (key.kind === 'interrupt') return leave(s);
	const {state: page, outcome} = pageKey({form: currentForm(s), focus: s.focus, pick: s.pick}, step.fields, key, ctx);
	let next: WizardState = {...withForm(s, page.form), focus: page.focus, pick: page.pick};
	// Fixing the bucket (or the credentials) after a failed verification: the old failure no longer applies.
	if (s.notice?.staleOnEdit && page.form.lines !== currentForm(s).lines) next = {...next, notice: undefined};
	if (outcome === 'back') return openStep(next, s.step - 1, s.step - 1 === 0 ? 0 : lastFocus(next, s.step - 1));
	if (outcome === 'submit') return submitPage(next, page, step, ctx);
	return next;
}

/** Going back lands on the last field of the previous page, where the user left it. */
function lastFocus(s: WizardState, step: number): number {
	const target = currentSteps(s)[step];
	return target && target.kind === 'fields' ? target.fields.length - 1 : 0;
}

function onReview(s: WizardState, key: FormKey, ctx: WizardContext): WizardState {
	switch (key.kind) {
		case 'escape': {
			const back = s.step - 1;
			return openStep(s, back, lastFocus(s, back));
		}
		case 'interrupt':
			return leave(s);
		case 'enter':
			return send(s, ctx);
		default:
			return s;
	}
}

/** Enter on the review: build and check the body, then ask the hook to send it. */
function send(s: WizardState, ctx: WizardContext): WizardState {
	if (!s.type) return s;
	const fctx = formContext(s, ctx);
	const form = currentForm(s);
	// Names may have been taken since the name page was left (the shared list refreshes).
	const steps = currentSteps(s);
	for (let i = 1; i < steps.length; i++) {
		const step = steps[i]!;
		if (step.kind !== 'fields') continue;
		const problems = pageProblems(form, step.fields, fctx);
		if (problems.length) {
			const touched = {...form.touched};
			for (const f of step.fields) touched[fieldKey(f)] = true;
			return {...withForm(s, {...form, touched}), step: i, focus: problems[0]!.index, pick: null, attempted: {...s.attempted, [i]: true}};
		}
	}
	const built = buildCreateBody(s.type, form, ctx.files);
	if (!built.ok) {
		const first = built.problems[0]!;
		const step = stepOfField(s.type, first.key) ?? s.step;
		return {...s, step, focus: 0, notice: {step, message: `Not sent: ${first.problem}`, retry: false}};
	}
	const id = (s.request?.id ?? 0) + 1;
	// Only destinations that were not there before the first attempt can be its result.
	const known = s.uncertain && s.known ? s.known : ctx.existing.map((d) => d.id);
	return {...s, phase: 'sending', notice: undefined, known, request: {id, body: built.value, checkFirst: s.uncertain, known}};
}

export function wizardReducer(s: WizardState, action: WizardAction): WizardState {
	if (s.outcome) return s;
	switch (action.type) {
		case 'created':
			return {...s, phase: 'done', request: undefined, outcome: {kind: 'created', destination: action.destination}};
		case 'failed':
			return onFailure(s, action.error);
		case 'conflict-after-uncertain': {
			const review = currentSteps(s).length - 1;
			const step = s.type ? (stepOfField(s.type, NAME_KEY) ?? review) : review;
			const message = `A destination named "${action.name}" now exists, but it is not the one you were creating (its type or bucket differ). Choose another name.`;
			const form = currentForm(s);
			return {
				...withForm(s, {...form, server: {...form.server, [NAME_KEY]: 'is already taken in your organisation'}}),
				phase: 'editing',
				request: undefined,
				step,
				focus: focusOf(s, step, NAME_KEY),
				uncertain: false,
				notice: {step, message, retry: false},
			};
		}
		case 'found-earlier': {
			// Nothing was sent; Enter on the review now creates another one, if that is what is wanted.
			const review = currentSteps(s).length - 1;
			return {
				...s,
				phase: 'editing',
				request: undefined,
				step: review,
				focus: 0,
				uncertain: false,
				known: undefined,
				notice: {step: review, message: foundEarlierMessage(action.destination), retry: true},
			};
		}
		case 'key':
			return onKey(s, action.event, action.ctx);
	}
}

function focusOf(s: WizardState, step: number, key: string): number {
	const target = currentSteps(s)[step];
	if (!target || target.kind !== 'fields') return 0;
	return Math.max(
		0,
		target.fields.findIndex((f) => fieldKey(f) === key),
	);
}

function onFailure(s: WizardState, error: unknown): WizardState {
	if (!s.type) return s;
	const routed = routeCreateFailure(s.type, error);
	const review = currentSteps(s).length - 1;
	let step = review;
	let focus = 0;
	let form = currentForm(s);
	if (routed.target !== 'review') {
		const found = 'field' in routed.target ? stepOfField(s.type, routed.target.field) : stepOfGroup(s.type, routed.target.group);
		if (found !== undefined) {
			step = found;
			if ('field' in routed.target) {
				focus = focusOf(s, step, routed.target.field);
				if (routed.fieldProblem) form = {...form, server: {...form.server, [routed.target.field]: routed.fieldProblem}};
			}
		}
	}
	// After an answer was lost, a name clash most likely means the earlier attempt worked.
	let message = routed.message;
	if (s.uncertain && error instanceof ApiError && error.kind === 'conflict') {
		message +=
			' Your earlier attempt, whose answer was lost, probably created it: leave the wizard to find it in the list, or choose another name.';
	} else if (routed.uncertain) {
		message += ` ${hintKeys('next')} looks for it first, and sends it again only if it is not there.`;
	}
	return {
		...withForm(s, form),
		phase: 'editing',
		request: undefined,
		step,
		focus,
		pick: null,
		uncertain: s.uncertain || routed.uncertain,
		notice: {
			step,
			message,
			retry: routed.retry,
			...(typeof routed.target === 'object' && 'group' in routed.target ? {staleOnEdit: true} : {}),
		},
	};
}

/** Where the focus is, which decides what each key means (src/wizard/keys.ts). */
export function wizardMode(s: WizardState): FormMode {
	if (s.confirmLeave) return 'question';
	const step = currentStep(s);
	if (step.kind !== 'fields') return step.kind;
	const field = step.fields[s.focus];
	return field?.kind === 'param' && field.spec.kind === 'boolean' ? 'option' : 'field';
}

function takesPaste(s: WizardState): boolean {
	const step = currentStep(s);
	const field = step.kind === 'fields' ? step.fields[s.focus] : undefined;
	return wizardMode(s) === 'field' && field?.kind === 'param' && isGcsKeyField(field.spec);
}

function onKey(s: WizardState, event: KeyEvent, ctx: WizardContext): WizardState {
	if (event.kind === 'paste') return onFormKey(s, {kind: 'paste', text: event.text}, event.read, ctx);
	if (event.kind === 'key') return onOneKey(s, event.key, event.read, ctx);
	// Only a pasted key takes several lines as they come; elsewhere a run is keys in a row.
	if (takesPaste(s)) return onFormKey(s, {kind: 'paste', text: event.text}, event.read, ctx);
	return keysOf(event.text).reduce((acc, k) => (acc.outcome ? acc : onOneKey(acc, k, event.read, ctx)), s);
}

const onOneKey = (s: WizardState, key: Key, read: number, ctx: WizardContext): WizardState =>
	onFormKey(s, formKeyOf(wizardMode(s), key), read, ctx);

function onFormKey(s: WizardState, key: FormKey, read: number, ctx: WizardContext): WizardState {
	if (s.phase !== 'editing') return s;
	if (s.confirmLeave) return read === s.askedIn ? s : onConfirmLeave(s, key);
	const next = onPageKey(s, key, ctx);
	// Keys typed together with the one that opened the question were typed before it showed.
	return next.confirmLeave ? {...next, askedIn: read} : next;
}

function onPageKey(s: WizardState, key: FormKey, ctx: WizardContext): WizardState {
	const step = currentStep(s);
	if (step.kind === 'provider') return onProvider(s, key);
	if (step.kind === 'review') return onReview(s, key, ctx);
	return onFields(s, key, formContext(s, ctx));
}
