// The values a user is typing into one provider's fields (plus the destination's name), and the
// problems they have, judged by the catalogue's rules. Shared by the wizard and the rotation form.
import {
	fieldError,
	fieldNotes,
	NAME_FIELD,
	nameSourceKey,
	normaliseValue,
	provider,
	type DestinationType,
	type FieldSpec,
	type TextField,
} from '../catalogue/providers.js';
import type {Note} from '../catalogue/rules.js';
import type {Destination} from '../schemas.js';
import {emptyLine, type LineState} from '../view/line-editor.js';
import {resolveGcsKey, type FileAccess, type GcsKeySource} from './gcs-source.js';

/** The key under which the name is kept beside the parameters (no parameter starts with @). */
export const NAME_KEY = '@name';

export type FormField = {kind: 'param'; spec: FieldSpec} | {kind: 'name'};

export const fieldKey = (f: FormField): string => (f.kind === 'name' ? NAME_KEY : f.spec.key);

export interface FormState {
	lines: Readonly<Record<string, LineState>>;
	flags: Readonly<Record<string, boolean>>;
	/** Fields the user has left (or tried to submit): their problems are shown. */
	touched: Readonly<Record<string, true>>;
	/** GCS keys read (from a file or the paste) when their field was left. */
	gcs: Readonly<Record<string, GcsKeySource>>;
	/** The server's word about a field, shown until that field is edited. */
	server: Readonly<Record<string, string>>;
	/** The one secret field shown in clear, if any: only while it is the focused field. */
	reveal: string | null;
}

export const emptyForm: FormState = {lines: {}, flags: {}, touched: {}, gcs: {}, server: {}, reveal: null};

export interface FormContext {
	type: DestinationType;
	/** The organisation's destinations as loaded: names already taken. */
	existing: readonly Destination[];
	files: FileAccess;
	/** The parameters the destination has now (rotation): what fields not on the form hold. */
	current?: Readonly<Record<string, unknown>>;
}

export const lineValue = (form: FormState, key: string): LineState => form.lines[key] ?? emptyLine;
export const textValue = (form: FormState, key: string): string => lineValue(form, key).value;

export const isGcsKeyField = (spec: FieldSpec): boolean => spec.kind === 'text' && spec.input === 'gcs-key';
export const isLineSecret = (spec: FieldSpec): boolean => spec.kind === 'text' && spec.secret && !isGcsKeyField(spec);

/** The value that will be sent for a text field (its catalogue normaliser applied). */
export const normalised = normaliseValue;

/** The name the server will give the destination when the user types none. */
export function defaultName(type: DestinationType, form: FormState): string {
	const key = nameSourceKey(type);
	const spec = provider(type).fields.find((f) => f.key === key);
	const raw = textValue(form, key);
	return spec && spec.kind === 'text' ? normalised(spec, raw) : raw.trim();
}

export const typedName = (form: FormState): string => textValue(form, NAME_KEY).trim();

export function effectiveName(type: DestinationType, form: FormState): string {
	return typedName(form) || defaultName(type, form);
}

/** Whether a destination of this name exists in the org (names are exact and case-sensitive). */
export const nameTaken = (existing: readonly Destination[], name: string): boolean => !!name && existing.some((d) => d.name === name);

/** The GCS key the field holds: read when the field was left, or read now. */
export function gcsKeyOf(form: FormState, spec: TextField, files: FileAccess): GcsKeySource {
	return form.gcs[spec.key] ?? resolveGcsKey(textValue(form, spec.key), files);
}

export function nameProblem(ctx: FormContext, form: FormState): string | undefined {
	const typed = typedName(form);
	const name = effectiveName(ctx.type, form);
	if (!typed && !name) return undefined; // the bucket step reports the missing bucket
	const rule = NAME_FIELD.validate(name);
	// Shown after the field's label: "Name (by default "ab") must be 3-63 characters…".
	if (rule) return typed ? rule : `(by default "${name}") ${rule}: type a name`;
	if (nameTaken(ctx.existing, name)) {
		return typed
			? 'is already taken in your organisation'
			: `(by default "${name}") is already taken in your organisation: type another name`;
	}
	return undefined;
}

/** What is wrong with one field's value, in the catalogue's words, or undefined. */
export function fieldProblem(field: FormField, ctx: FormContext, form: FormState): string | undefined {
	if (field.kind === 'name') return nameProblem(ctx, form);
	const spec = field.spec;
	if (spec.kind === 'boolean') return undefined;
	const raw = textValue(form, spec.key);
	if (raw.trim() === '') return spec.required ? 'is required' : undefined;
	if (spec.input === 'gcs-key') {
		const key = gcsKeyOf(form, spec, ctx.files);
		return key.ok ? undefined : key.problem;
	}
	return fieldError(spec, raw);
}

/** The problem to show now: the server's word first, then the rule's once the field was left. */
export function shownProblem(field: FormField, ctx: FormContext, form: FormState, attempted: boolean): string | undefined {
	const key = fieldKey(field);
	const server = form.server[key];
	if (server) return server;
	// A taken name is said at once, before the user has even reached the name.
	if (field.kind === 'name') {
		const problem = nameProblem(ctx, form);
		if (problem && (attempted || form.touched[key] || nameTaken(ctx.existing, effectiveName(ctx.type, form)))) return problem;
		return undefined;
	}
	if (!attempted && !form.touched[key]) return undefined;
	// A GCS key is read when its field is left, not on every key typed into it.
	if (field.kind === 'param' && isGcsKeyField(field.spec) && textValue(form, key).trim() && !form.gcs[key]) return undefined;
	return fieldProblem(field, ctx, form);
}

/**
 * An option the destination already has on stays on in the rotation form: the official CLI only
 * ever sends `true` or leaves an option out, and Planet documents no way to turn one off (spec
 * §3.4, §5), so destui never sends `false` and does not pretend unticking works.
 */
export const lockedOn = (spec: FieldSpec, ctx: Pick<FormContext, 'current'>): boolean =>
	spec.kind === 'boolean' && ctx.current?.[spec.key] === true;

export const LOCKED_ON =
	'stays on: Planet documents no way to turn it off, and the official CLI can only turn it on (for a destination without it, create a new one)';

/** Reads another field: as typed on the form, else as the destination has it (rotation). */
export const siblingOf =
	(ctx: Pick<FormContext, 'current'>, form: FormState) =>
	(key: string): string | undefined => {
		const typed = textValue(form, key);
		if (typed.trim()) return typed;
		const current = ctx.current?.[key];
		return typeof current === 'string' ? current : undefined;
	};

/**
 * What to say beside a field's acceptable value once the field was left: what destui did to it
 * and what it does not recognise (a region not in its lists...). Never blocks the page.
 */
export function shownNotes(field: FormField, ctx: FormContext, form: FormState, attempted: boolean): Note[] {
	if (field.kind !== 'param' || field.spec.kind !== 'text' || isGcsKeyField(field.spec)) return [];
	const spec = field.spec;
	if (!attempted && !form.touched[spec.key]) return [];
	if (form.server[spec.key]) return [];
	return fieldNotes(spec, textValue(form, spec.key), siblingOf(ctx, form));
}

export const hasInput = (form: FormState): boolean =>
	Object.values(form.lines).some((l) => l.value.trim() !== '') || Object.values(form.flags).some(Boolean);

/** Suggestions (regions) matching what is typed; everything when the field is empty. */
export function suggestionsFor(spec: FieldSpec, value: string): readonly string[] {
	if (spec.kind !== 'text' || !spec.suggestions) return [];
	const q = value.trim().toLowerCase();
	if (!q) return spec.suggestions;
	const starts = spec.suggestions.filter((s) => s.startsWith(q));
	const contains = spec.suggestions.filter((s) => !s.startsWith(q) && s.includes(q));
	return [...starts, ...contains];
}
