// The keys each page of the wizard answers to, shown in its footer.
import {REVEAL_KEY_LABEL} from '../../src/wizard/keys.js';
import {isGcsKeyField, isLineSecret, type FormField} from '../../src/wizard/form.js';

export type Hint = readonly [string, string];

export function fieldHints(field: FormField | undefined, hasPicker: boolean, last: boolean, backLabel: string): Hint[] {
	const hints: Hint[] = [['Enter', last ? 'next step' : 'next field'], ['Esc', backLabel], ['Tab/Shift-Tab', 'fields']];
	if (field?.kind === 'param') {
		const spec = field.spec;
		if (spec.kind === 'boolean') hints.push(['Space', 'toggle']);
		if (hasPicker) hints.push(['↑/↓', 'pick a region']);
		if (isLineSecret(spec)) hints.push([REVEAL_KEY_LABEL, 'show/hide the secret']);
		if (isGcsKeyField(spec)) hints.push(['paste', 'the key, or type a file path']);
	}
	return hints;
}
