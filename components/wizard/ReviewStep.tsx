// The last step: everything that will be sent, secrets as ••••••••, the name it will get, and
// what destui did not recognise (warnings: the user may send it anyway).
import React from 'react';
import {Box, Text} from 'ink';
import {fieldError, fieldWarnings, NAME_FIELD, provider, type DestinationType} from '../../src/catalogue/providers.js';
import {sanitize} from '../../src/sanitize.js';
import {defaultName, gcsKeyOf, isGcsKeyField, textValue, typedName, type FormState} from '../../src/wizard/form.js';
import {describeKey, type FileAccess} from '../../src/wizard/gcs-source.js';
import {dim, SECRET_MASK, tone} from '../inputs/theme.js';

export interface ReviewStepProps {
	type: DestinationType;
	form: FormState;
	files: FileAccess;
	width: number;
}

function rows(type: DestinationType, form: FormState, files: FileAccess): [string, string][] {
	const spec = provider(type);
	const out: [string, string][] = [['Provider', spec.label]];
	for (const f of spec.fields) {
		if (f.kind === 'boolean') {
			out.push([f.label, form.flags[f.key] ? 'yes' : 'no']);
			continue;
		}
		const raw = textValue(form, f.key);
		if (!raw.trim()) {
			out.push([f.label, f.placeholder ? `not set (${f.placeholder})` : 'not set']);
			continue;
		}
		if (isGcsKeyField(f)) {
			const key = gcsKeyOf(form, f, files);
			out.push([f.label, key.ok ? `${SECRET_MASK}  ${describeKey(key.clientEmail)}` : SECRET_MASK]);
			continue;
		}
		out.push([f.label, f.secret ? SECRET_MASK : sanitize(f.normalize ? f.normalize(raw) : raw)]);
	}
	const typed = typedName(form);
	out.push([NAME_FIELD.label, typed ? sanitize(typed) : `${sanitize(defaultName(type, form))} (the default)`]);
	return out;
}

/** "Region is not an AWS region destui knows…", for every text field that will be sent. */
function warnings(type: DestinationType, form: FormState): string[] {
	return provider(type).fields.flatMap((f) => {
		if (f.kind !== 'text' || isGcsKeyField(f)) return [];
		const raw = textValue(form, f.key);
		if (!raw.trim() || fieldError(f, raw)) return [];
		return fieldWarnings(f, raw).map((w) => `${f.label} ${w}`);
	});
}

export function ReviewStep({type, form, files, width}: ReviewStepProps): React.JSX.Element {
	const list = rows(type, form, files);
	const notes = warnings(type, form);
	const labelWidth = Math.min(30, Math.max(...list.map(([l]) => l.length)) + 2);
	return (
		<Box flexDirection="column" width={width}>
			{list.map(([label, value]) => (
				<Box key={label}>
					<Box width={labelWidth + 2} flexShrink={0}>
						<Text>{`  ${label}`}</Text>
					</Box>
					<Text>{value}</Text>
				</Box>
			))}
			{notes.length ? (
				<Box marginTop={1} flexDirection="column">
					{notes.map((note) => (
						<Text key={note} color={tone.warn()}>{`  ! ${note}`}</Text>
					))}
				</Box>
			) : null}
			<Box marginTop={1}>
				<Text dimColor={dim()} wrap="truncate-end">{`  Enter sends it; Planet then checks that it can write and delete there.`}</Text>
			</Box>
		</Box>
	);
}
