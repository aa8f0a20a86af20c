// The keys each page of a form answers to, shown in its footer: the keys come from the forms' key
// map (keys.ts), the words from the page.
import {hintKeys} from './keys.js';
import {isGcsKeyField, isLineSecret, type FormField} from './form.js';

export type Hint = readonly [string, string];

export const hint = (id: string, what: string): Hint => [hintKeys(id), what];

/**
 * `submit`: what Enter on the last field does ("next step", "rotate"). `picking`: a suggestion of
 * the region list is highlighted, so Enter picks it and Esc closes the list.
 */
export function fieldHints(
	field: FormField | undefined,
	hasPicker: boolean,
	last: boolean,
	backLabel: string,
	submit = 'next step',
	picking = false,
): Hint[] {
	if (picking)
		return [
			hint('next', 'pick this region'),
			hint('back', 'close the list'),
			hint('up-down', 'through the regions'),
			hint('fields', 'fields'),
		];
	const hints: Hint[] = [hint('next', last ? submit : 'next field'), hint('back', backLabel), hint('fields', 'fields')];
	if (field?.kind === 'param') {
		const spec = field.spec;
		if (spec.kind === 'boolean') hints.push(hint('toggle', 'toggle'));
		if (hasPicker) hints.push(hint('up-down', 'pick a region'));
		if (isLineSecret(spec)) hints.push(hint('reveal', 'show/hide the secret'));
		if (isGcsKeyField(spec)) hints.push(['paste', 'the key, or type a file path']);
	}
	return hints;
}
