// The wizard's pages for a provider: the provider itself, one page per catalogue field group
// that has fields (location, credentials, options), the name on the last of them, then review.
import {FIELD_GROUPS, provider, type DestinationType, type FieldGroup} from '../catalogue/providers.js';
import {fieldKey, type FormField} from './form.js';

export type Step =
	| {kind: 'provider'; title: string}
	| {kind: 'fields'; title: string; group: FieldGroup; fields: readonly FormField[]}
	| {kind: 'review'; title: string};

const cache = new Map<DestinationType, readonly Step[]>();

export function stepsFor(type: DestinationType): readonly Step[] {
	const known = cache.get(type);
	if (known) return known;
	const spec = provider(type);
	const pages: {kind: 'fields'; title: string; group: FieldGroup; fields: FormField[]}[] = [];
	for (const group of Object.keys(FIELD_GROUPS) as FieldGroup[]) {
		const fields = spec.fields.filter((f) => f.group === group).map((f): FormField => ({kind: 'param', spec: f}));
		if (fields.length) pages.push({kind: 'fields', title: FIELD_GROUPS[group], group, fields});
	}
	const last = pages[pages.length - 1];
	if (last) {
		last.fields.push({kind: 'name'});
		last.title = `${last.title} and name`;
	}
	const steps: Step[] = [{kind: 'provider', title: 'Provider'}, ...pages, {kind: 'review', title: 'Review'}];
	cache.set(type, steps);
	return steps;
}

/** The index of the page holding a field (a parameter key, or the name), if any. */
export function stepOfField(type: DestinationType, key: string): number | undefined {
	const steps = stepsFor(type);
	const index = steps.findIndex((s) => s.kind === 'fields' && s.fields.some((f) => fieldKey(f) === key));
	return index >= 0 ? index : undefined;
}

export function stepOfGroup(type: DestinationType, group: FieldGroup): number | undefined {
	const index = stepsFor(type).findIndex((s) => s.kind === 'fields' && s.group === group);
	return index >= 0 ? index : undefined;
}
