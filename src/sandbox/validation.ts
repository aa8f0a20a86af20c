// Turns request bodies into checked, normalised values, or a 400 naming the field at fault.
// Which parameters exist, which are secret or rotatable and how each is validated all come from
// the provider catalogue; nothing here lists a provider's fields.
import {
	checkParameters,
	DESTINATION_TYPES,
	isDestinationType,
	NAME_FIELD,
	normaliseValue,
	nameSourceKey,
	provider,
	type DestinationType,
	type FieldProblem,
} from '../catalogue/providers.js';
import {fail} from './errors.js';

export function parseJsonObject(text: string): Record<string, unknown> {
	if (text.trim() === '') fail(400, 'Request body is required (a JSON object)');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		fail(400, 'Request body is not valid JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(400, 'Request body must be a JSON object');
	return value as Record<string, unknown>;
}

function rejectUnknownKeys(body: Record<string, unknown>, allowed: readonly string[], hints: Record<string, string> = {}): void {
	for (const key of Object.keys(body)) {
		// hasOwn: a key such as `__proto__` or `toString` must not find Object.prototype's members.
		if (!allowed.includes(key))
			fail(400, Object.hasOwn(hints, key) ? hints[key]! : `Unknown field "${key}": expected ${allowed.join(', ')}`);
	}
}

export function validateName(value: unknown, field = 'name'): string {
	if (typeof value !== 'string') fail(400, `Invalid ${field}: must be a string`);
	const name = value as string;
	const problem = NAME_FIELD.validate(name);
	if (problem) fail(400, `Invalid ${field}: ${problem}`);
	if (name.trim() === '') fail(400, `Invalid ${field}: must not be blank`);
	return name;
}

const describeProblems = (problems: FieldProblem[]): string => problems.map((p) => `${p.key} ${p.problem}`).join('; ');

/** Applies the catalogue's normalisers (e.g. the leading '?' of a SAS token is stripped). */
function normalise(type: DestinationType, parameters: Record<string, unknown>): Record<string, string | boolean> {
	const out: Record<string, string | boolean> = {};
	for (const field of provider(type).fields) {
		const value = parameters[field.key];
		if (value === undefined || value === null || value === '') continue;
		if (field.kind === 'text' && typeof value === 'string') out[field.key] = normaliseValue(field, value);
		else if (field.kind === 'boolean' && typeof value === 'boolean') out[field.key] = value;
	}
	return out;
}

function parametersObject(value: unknown): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(400, 'Invalid parameters: must be a JSON object');
	return value as Record<string, unknown>;
}

export interface CreateInput {
	type: DestinationType;
	name: string;
	parameters: Record<string, string | boolean>;
}

export function validateCreate(body: Record<string, unknown>): CreateInput {
	rejectUnknownKeys(body, ['type', 'parameters', 'name']);
	if (body.type === undefined) fail(400, `Missing field "type": one of ${DESTINATION_TYPES.join(', ')}`);
	if (!isDestinationType(body.type)) fail(400, `Invalid type: must be one of ${DESTINATION_TYPES.join(', ')}`);
	const type = body.type as DestinationType;
	if (body.parameters === undefined) fail(400, 'Missing field "parameters"');
	const raw = parametersObject(body.parameters);
	const problems = checkParameters(type, raw);
	if (problems.length) fail(400, `Invalid parameters: ${describeProblems(problems)}`);
	const parameters = normalise(type, raw);
	let name: string;
	if (body.name === undefined || body.name === null) {
		const source = nameSourceKey(type);
		name = validateName(parameters[source], `name (defaulted from ${source})`);
	} else {
		name = validateName(body.name);
	}
	return {type, name, parameters};
}

export interface PatchInput {
	name?: string;
	archive?: boolean;
	/** Rotated credentials and options, normalised; only rotatable keys. */
	parameters?: Record<string, string | boolean>;
}

export function validatePatch(body: Record<string, unknown>, type: DestinationType): PatchInput {
	rejectUnknownKeys(body, ['name', 'archive', 'parameters'], {
		type: 'Invalid field "type": the type of a destination cannot be changed',
		archived: 'Unknown field "archived": to archive or unarchive, send {"archive": true} or {"archive": false}',
	});
	const input: PatchInput = {};
	if (body.name !== undefined) input.name = validateName(body.name);
	if (body.archive !== undefined) {
		if (typeof body.archive !== 'boolean') fail(400, 'Invalid archive: must be true or false');
		input.archive = body.archive as boolean;
	}
	if (body.parameters !== undefined) {
		const raw = parametersObject(body.parameters);
		const fields = provider(type).fields;
		for (const key of Object.keys(raw)) {
			const field = fields.find((f) => f.key === key);
			if (!field) fail(400, `Invalid parameters: ${key} is not a parameter of ${type}`);
			else if (!field.rotatable) fail(400, `Invalid parameters: ${key} cannot be changed after creation (only credentials can)`);
		}
		const rotatable = fields.filter((f) => f.rotatable);
		const problems = checkParameters(type, raw, {only: rotatable.map((f) => f.key), requireAll: false});
		if (problems.length) fail(400, `Invalid parameters: ${describeProblems(problems)}`);
		// A credential is a set (key id and secret): half a pair could never pass verification.
		const credentials = rotatable.filter((f) => f.kind === 'text' && f.required);
		if (credentials.some((f) => raw[f.key] !== undefined)) {
			const missing = credentials.filter((f) => raw[f.key] === undefined || raw[f.key] === '').map((f) => f.key);
			if (missing.length)
				fail(400, `Invalid parameters: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required when rotating credentials`);
		}
		const parameters = normalise(type, raw);
		if (Object.keys(parameters).length) input.parameters = parameters;
	}
	if (input.name === undefined && input.archive === undefined && input.parameters === undefined) {
		fail(400, 'Nothing to update: give name, archive or parameters');
	}
	return input;
}

/** True when the change includes credentials (which Planet re-verifies), not just options. */
export const rotatesCredentials = (type: DestinationType, parameters: Record<string, string | boolean>): boolean =>
	provider(type).fields.some((f) => f.kind === 'text' && f.rotatable && parameters[f.key] !== undefined);
