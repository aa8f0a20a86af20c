// A page of fields, drawn from the catalogue's field specs and the form state. The wizard's
// steps and the rotation form both use it, so both look and behave the same.
import React from 'react';
import {Box} from 'ink';
import {NAME_FIELD} from '../../src/catalogue/providers.js';
import {
	defaultName,
	fieldKey,
	isGcsKeyField,
	isLineSecret,
	lineValue,
	lockedOn,
	LOCKED_ON,
	shownProblem,
	shownNotes,
	suggestionsFor,
	type FormContext,
	type FormField,
	type FormState,
} from '../../src/wizard/form.js';
import type {Note} from '../../src/catalogue/rules.js';
import {sanitize} from '../../src/sanitize.js';
import {FieldRow} from './FieldRow.js';
import {GcsKeyInput} from './GcsKeyInput.js';
import {Suggestions} from './Suggestions.js';
import {TextInput} from './TextInput.js';
import {Toggle} from './Toggle.js';

export interface FieldsPageProps {
	fields: readonly FormField[];
	form: FormState;
	focus: number;
	pick: number | null;
	ctx: FormContext;
	attempted: boolean;
	width: number;
	/** Rows the region picker may use. */
	suggestionRows: number;
	/** Short of rows: the rule is shown for the focused field only, and fields sit closer. */
	compact?: boolean;
	/** A warning to show under a field (e.g. the bucket's name is taken as a destination name). */
	noteFor?: (key: string) => string | undefined;
	/** Placeholder for a text field, when the catalogue's is not enough (e.g. the current key id). */
	placeholderFor?: (key: string) => string | undefined;
}

const label = (f: FormField) => (f.kind === 'name' ? NAME_FIELD.label : f.spec.label);

export function FieldsPage(props: FieldsPageProps): React.JSX.Element {
	const {fields, form, focus, pick, ctx, attempted, width} = props;
	const labelWidth = Math.min(28, Math.max(...fields.map((f) => label(f).length + (isOptional(f) ? 11 : 0))) + 2);
	const valueWidth = Math.max(10, width - labelWidth - 3);
	return (
		<Box flexDirection="column">
			{fields.map((field, index) => {
				const key = fieldKey(field);
				const focused = index === focus;
				const line = lineValue(form, key);
				const problem = shownProblem(field, ctx, form, attempted);
				const own = props.noteFor?.(key);
				const locked =
					field.kind === 'param' && lockedOn(field.spec, ctx) ? [{level: 'info' as const, message: `${label(field)} ${LOCKED_ON}`}] : [];
				const notes: Note[] = [
					...(own ? [{level: 'warning' as const, message: own}] : []),
					...locked,
					...shownNotes(field, ctx, form, attempted).map((n) => ({...n, message: `${label(field)} ${n.message}`})),
				];
				let input: React.ReactNode;
				let help: string;
				if (field.kind === 'name') {
					const fallback = defaultName(ctx.type, form);
					help = NAME_FIELD.help;
					input = (
						<TextInput
							line={line}
							focused={focused}
							width={valueWidth}
							placeholder={fallback ? `${sanitize(fallback)} (the default)` : undefined}
						/>
					);
				} else {
					const spec = field.spec;
					help = spec.help;
					if (spec.kind === 'boolean') input = <Toggle on={!!form.flags[key]} focused={focused} locked={lockedOn(spec, ctx)} />;
					else if (isGcsKeyField(spec)) input = <GcsKeyInput line={line} focused={focused} source={form.gcs[key]} width={valueWidth} />;
					else {
						const masked = isLineSecret(spec) && form.reveal !== key;
						input = (
							<TextInput
								line={line}
								focused={focused}
								masked={masked}
								width={valueWidth}
								placeholder={props.placeholderFor?.(key) ?? spec.placeholder}
							/>
						);
					}
				}
				const suggestions = focused && field.kind === 'param' ? suggestionsFor(field.spec, line.value) : [];
				const showPicker = focused && field.kind === 'param' && field.spec.kind === 'text' && !!field.spec.suggestions;
				return (
					<Box key={key} flexDirection="column" marginBottom={index < fields.length - 1 && !props.compact ? 1 : 0}>
						<FieldRow
							label={label(field)}
							labelWidth={labelWidth}
							focused={focused}
							optional={isOptional(field)}
							help={focused || !props.compact ? help : undefined}
							problem={problem}
							notes={notes}
						>
							{input}
						</FieldRow>
						{showPicker ? (
							<Box paddingLeft={2 + labelWidth}>
								<Suggestions items={suggestions} pick={pick} rows={props.suggestionRows} typed={line.value} />
							</Box>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}

function isOptional(f: FormField): boolean {
	return f.kind === 'param' && !f.spec.required && f.spec.kind === 'text';
}
