// The last step: everything that will be sent, secrets as ••••••••, the name it will get, and
// what destui did not recognise (warnings: the user may send it anyway).
import React from 'react';
import {Box, Text} from 'ink';
import {fieldNotes, NAME_FIELD, provider, type DestinationType} from '../../src/catalogue/providers.js';
import type {Note} from '../../src/catalogue/rules.js';
import {sanitize} from '../../src/sanitize.js';
import {defaultName, gcsKeyOf, isGcsKeyField, siblingOf, textValue, typedName, type FormState} from '../../src/wizard/form.js';
import {describeKey, type FileAccess} from '../../src/wizard/gcs-source.js';
import {dim, SECRET_MASK, tone} from '../theme.js';
import {hintKeys} from '../../src/wizard/keys.js';

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

/** "Region is not an AWS region destui knows…", for every text field that will be sent; what
 * destui changed ("is sent as") shows in the values above, except for secrets. */
function notesOf(type: DestinationType, form: FormState): Note[] {
	return provider(type).fields.flatMap((f) => {
		if (f.kind !== 'text' || isGcsKeyField(f)) return [];
		const notes = fieldNotes(f, textValue(form, f.key), siblingOf({}, form));
		return notes.filter((n) => n.level === 'warning' || f.secret).map((n) => ({...n, message: `${f.label} ${n.message}`}));
	});
}

export function ReviewStep({type, form, files, width}: ReviewStepProps): React.JSX.Element {
	const list = rows(type, form, files);
	const notes = notesOf(type, form);
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
						// A long note wraps under its own start, not under the mark.
						<Box key={note.message}>
							<Box width={4} flexShrink={0}>
								<Text color={note.level === 'warning' ? tone.warn() : undefined}>{`  ${note.level === 'warning' ? '!' : '·'}`}</Text>
							</Box>
							<Text color={note.level === 'warning' ? tone.warn() : undefined} dimColor={note.level === 'info' && dim()}>
								{sanitize(note.message)}
							</Text>
						</Box>
					))}
				</Box>
			) : null}
			<Box marginTop={1}>
				<Text
					dimColor={dim()}
					wrap="truncate-end"
				>{`  ${hintKeys('next')} sends it; Planet then checks that it can write and delete there.`}</Text>
			</Box>
		</Box>
	);
}
