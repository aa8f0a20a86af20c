// What is sent: the create body and the rotation parameters, built from the form the way the
// official CLI builds them (normalised values, booleans only when true, empty optional fields
// left out), then checked by the same zod schemas that describe the wire.
import {provider, type DestinationType, type FieldSpec} from '../catalogue/providers.js';
import {createBodySchema, patchBodySchema, rotationParametersSchema, type CreateBody} from '../schemas.js';
import type {Destination} from '../schemas.js';
import {gcsKeyOf, NAME_KEY, normalised, textValue, typedName, type FormState} from './form.js';
import type {FileAccess} from './gcs-source.js';

export interface BodyProblem {
	/** A parameter key, or NAME_KEY. */
	key: string;
	problem: string;
}

export type Built<T> = {ok: true; value: T} | {ok: false; problems: BodyProblem[]};

function textParameter(spec: FieldSpec, form: FormState, files: FileAccess): string | undefined {
	if (spec.kind !== 'text') return undefined;
	const raw = textValue(form, spec.key);
	if (raw.trim() === '') return undefined;
	if (spec.input === 'gcs-key') {
		const key = gcsKeyOf(form, spec, files);
		return key.ok ? key.base64 : raw;
	}
	return normalised(spec, raw);
}

function issuesToProblems(issues: readonly {path: readonly PropertyKey[]; message: string}[]): BodyProblem[] {
	return issues.map((issue) => {
		const [top, sub] = issue.path;
		const key = top === 'name' ? NAME_KEY : top === 'parameters' && typeof sub === 'string' ? sub : String(sub ?? top ?? '');
		return {key, problem: issue.message};
	});
}

/**
 * The POST body. The name is sent whenever the user typed one, even if it equals the bucket:
 * what they typed is what they asked for. Left empty, it is left out and the server names the
 * destination after the bucket (container for Azure), as the official CLI does without --name.
 */
export function buildCreateBody(type: DestinationType, form: FormState, files: FileAccess): Built<CreateBody> {
	const parameters: Record<string, string | boolean> = {};
	for (const spec of provider(type).fields) {
		if (spec.kind === 'boolean') {
			if (form.flags[spec.key]) parameters[spec.key] = true;
			continue;
		}
		const value = textParameter(spec, form, files);
		if (value !== undefined) parameters[spec.key] = value;
	}
	const body: CreateBody = {type, parameters};
	const name = typedName(form);
	if (name) body.name = name;
	const checked = createBodySchema.safeParse(body);
	if (!checked.success) return {ok: false, problems: issuesToProblems(checked.error.issues)};
	return {ok: true, value: body};
}

/**
 * The `parameters` of a rotation PATCH: every rotatable credential, and the options as the
 * official CLI sends them: `true` for an option the user turned on, nothing otherwise. An option
 * already on stays on (form.ts lockedOn) and is left out: PATCH changes only what it names.
 */
export function buildRotation(
	destination: Pick<Destination, 'type' | 'parameters'>,
	form: FormState,
	files: FileAccess,
): Built<Record<string, string | boolean>> {
	const type = destination.type as DestinationType;
	const spec = provider(type);
	const parameters: Record<string, string | boolean> = {};
	for (const field of spec.fields.filter((f) => f.rotatable)) {
		if (field.kind === 'boolean') {
			if (form.flags[field.key] && destination.parameters[field.key] !== true) parameters[field.key] = true;
			continue;
		}
		const value = textParameter(field, form, files);
		if (value !== undefined) parameters[field.key] = value;
	}
	const problems: BodyProblem[] = [];
	for (const field of spec.fields.filter((f) => f.rotatable && f.kind === 'text' && f.required)) {
		if (parameters[field.key] === undefined) problems.push({key: field.key, problem: 'is required'});
	}
	if (problems.length) return {ok: false, problems};
	const checked = rotationParametersSchema(spec).safeParse(parameters);
	if (!checked.success)
		return {ok: false, problems: issuesToProblems(checked.error.issues.map((i) => ({...i, path: ['parameters', ...i.path]})))};
	const patch = patchBodySchema.safeParse({parameters});
	if (!patch.success) return {ok: false, problems: issuesToProblems(patch.error.issues)};
	return {ok: true, value: parameters};
}

/**
 * Whether a destination found under the name we sent is the one we were creating (same type and
 * same non-secret parameters), and not someone else's that merely shares the name.
 */
export function isSameDestination(found: Pick<Destination, 'type' | 'parameters'>, body: CreateBody): boolean {
	if (found.type !== body.type) return false;
	const spec = provider(body.type);
	return spec.fields.every((f) => {
		if (f.secret) return true;
		const sent = body.parameters[f.key];
		const got = found.parameters[f.key];
		if (f.kind === 'boolean') return !!sent === (got === true);
		return sent === undefined || sent === got;
	});
}

/** The name a create body gives the destination: the one sent, or the server's default. */
export function nameOfBody(body: CreateBody): string {
	if (body.name) return body.name;
	const key = provider(body.type).fields.find((f) => f.kind === 'text' && f.namesDestination)?.key ?? 'bucket';
	const value = body.parameters[key];
	return typeof value === 'string' ? value : '';
}
