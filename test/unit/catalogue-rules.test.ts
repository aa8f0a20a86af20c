// Every rule of the catalogue against real-world values: the valid ones pass the catalogue and
// the wizard's form (with exactly the expected warnings, and normalised as expected), the
// certainly-invalid ones are refused by both with their rule, which names its source.
import {describe, expect, it} from 'vitest';
import {fieldError, normaliseValue, provider, PROVIDERS, type TextField} from '../../src/catalogue/providers.js';
import {judge} from '../../src/catalogue/rules.js';
import {buildCreateBody} from '../../src/wizard/body.js';
import {emptyForm, fieldProblem, shownNotes, type FormState} from '../../src/wizard/form.js';
import {realFiles} from '../../src/wizard/gcs-source.js';
import {lineOf} from '../../src/view/line-editor.js';
import {INPUT} from '../component/wizard-fixtures.js';
import {INVALID, VALID} from './rule-examples.js';

const textField = (type: Parameters<typeof provider>[0], key: string): TextField => {
	const f = provider(type).fields.find((x) => x.key === key);
	if (!f || f.kind !== 'text') throw new Error(`${type} has no text field ${key}`);
	return f;
};

/** The wizard's form for a provider, filled with good values and this one value. */
function formWith(type: Parameters<typeof provider>[0], key: string, value: string): FormState {
	const text = Object.entries({...INPUT[type], [key]: value}).filter((e): e is [string, string] => typeof e[1] === 'string');
	return {...emptyForm, lines: Object.fromEntries(text.map(([k, v]) => [k, lineOf(v)])), touched: {[key]: true}};
}

const ctx = (type: Parameters<typeof provider>[0]) => ({type, existing: [], files: realFiles});

describe('valid values are accepted, with warnings where destui does not recognise them', () => {
	it.each(VALID.map((e) => [e.type, e.key, e.value, e] as const))('%s %s %j', (type, key, value, e) => {
		const field = textField(type, key);
		const normalised = normaliseValue(field, value);
		expect(normalised).toBe(e.sent ?? value.trim());
		expect(fieldError(field, value)).toBeUndefined();
		expect(judge(field.rules, normalised).map((f) => f.id)).toEqual(e.warns ?? []);

		const form = formWith(type, key, value);
		expect(fieldProblem({kind: 'param', spec: field}, ctx(type), form)).toBeUndefined();
		const notes = shownNotes({kind: 'param', spec: field}, ctx(type), form, false);
		expect(notes.filter((n) => n.level === 'warning')).toHaveLength(e.warns?.length ?? 0);
		if (e.sent && !field.secret) expect(notes).toContainEqual({level: 'info', message: `is sent as ${e.sent}`});
		const built = buildCreateBody(type, form, realFiles);
		expect(built.ok).toBe(true);
		if (built.ok) expect(built.value.parameters[key]).toBe(e.sent ?? value.trim());
	});
});

describe('certainly invalid values are refused with their rule, which names its source', () => {
	it.each(INVALID.map((e) => [e.type, e.key, e.value.length > 40 ? `${e.value.slice(0, 20)}…` : e.value, e] as const))(
		'%s %s %j',
		(type, key, _shown, e) => {
			const field = textField(type, key);
			const [finding] = judge(field.rules, normaliseValue(field, e.value));
			expect(finding).toMatchObject({id: e.rule, level: 'error'});
			const check = field.rules.find((c) => c.id === e.rule)!;
			expect(finding!.message).toContain(`(${check.source!.name})`);
			expect(fieldError(field, e.value)).toBe(finding!.message);

			const form = formWith(type, key, e.value);
			// The wizard reads a GCS key (a file, or pasted text) before judging it, in its own words.
			const wizard = fieldProblem({kind: 'param', spec: field}, ctx(type), form);
			if (field.input === 'gcs-key') expect(wizard).toContain('service-account key');
			else expect(wizard).toBe(finding!.message);
			expect(shownNotes({kind: 'param', spec: field}, ctx(type), form, true)).toEqual([]);
			expect(buildCreateBody(type, form, realFiles).ok).toBe(false);
		},
	);

	it('every refusing rule has a source, and an example here', () => {
		const refused = new Set(INVALID.map((e) => e.rule));
		for (const p of PROVIDERS) {
			for (const f of p.fields) {
				if (f.kind !== 'text') continue;
				for (const check of f.rules.filter((c) => c.level === 'error')) {
					expect(check.source?.url, check.id).toMatch(/^https:\/\//);
					expect(refused.has(check.id), `${check.id} has no invalid example`).toBe(true);
				}
			}
		}
	});
});
