// The last step: everything that will be sent, secrets as ••••••••, the name it will get.
import React from 'react';
import {Box, Text} from 'ink';
import {NAME_FIELD, provider, type DestinationType} from '../../src/catalogue/providers.js';
import {sanitize} from '../../src/sanitize.js';
import {defaultName, gcsKeyOf, isGcsKeyField, textValue, typedName, type FormState} from '../../src/wizard/form.js';
import {describeKey, type FileAccess} from '../../src/wizard/gcs-source.js';
import {dim, SECRET_MASK} from '../inputs/theme.js';

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

export function ReviewStep({type, form, files, width}: ReviewStepProps): React.JSX.Element {
	const list = rows(type, form, files);
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
			<Box marginTop={1}>
				<Text dimColor={dim()} wrap="truncate-end">{`  Enter sends it; Planet then checks that it can write and delete there.`}</Text>
			</Box>
		</Box>
	);
}
