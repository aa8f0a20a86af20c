// The service-account key field: a typed path is shown (it is not secret); pasted key material
// never is, only its size while typed and, once read, whose key it is (the client_email).
import React from 'react';
import {Box, Text} from 'ink';
import {describeKey, looksLikePath, type GcsKeySource} from '../../src/wizard/gcs-source.js';
import {parseServiceAccountKey} from '../../src/catalogue/gcs-key.js';
import type {LineState} from '../../src/view/line-editor.js';
import {SECRET_MASK, tone} from '../theme.js';
import {TextInput} from './TextInput.js';

export interface GcsKeyInputProps {
	line: LineState;
	focused: boolean;
	/** The key as read when the field was left, if it was. */
	source?: GcsKeySource;
	width: number;
}

export const GCS_PLACEHOLDER = '~/key.json, or paste the key';

export function GcsKeyInput({line, focused, source, width}: GcsKeyInputProps): React.JSX.Element {
	const text = line.value;
	if (!text.trim() || looksLikePath(text)) {
		return (
			<Box flexDirection="column">
				<TextInput line={line} focused={focused} placeholder={GCS_PLACEHOLDER} width={width} />
				{source?.ok ? <Text color={tone.ok()}>{`✓ ${describeKey(source.clientEmail)}`}</Text> : null}
			</Box>
		);
	}
	// Pasted JSON or base64 is parsed in memory (no I/O) to name the key; its text is never drawn.
	const parsed = source ?? parseServiceAccountKey(text);
	const size = `${[...text].length} characters pasted`;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				{focused ? <Text inverse>{SECRET_MASK}</Text> : SECRET_MASK}
				{`  ${size}`}
			</Text>
			{parsed.ok ? <Text color={tone.ok()}>{`✓ ${describeKey(parsed.clientEmail)}`}</Text> : null}
		</Box>
	);
}
