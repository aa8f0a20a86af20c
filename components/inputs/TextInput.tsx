// A one-line text value with a cursor, drawn from state the form owns (no key handling here:
// the form routes every key through one place). Secrets are drawn as one • per character.
import React from 'react';
import {Text} from 'ink';
import type {LineState} from '../../src/view/line-editor.js';
import {sanitize} from '../../src/sanitize.js';
import {dim} from '../theme.js';
import {textWindow} from '../../src/view/text-window.js';
import {truncate} from '../../src/view/text.js';

export interface TextInputProps {
	line: LineState;
	focused: boolean;
	/** Draw • instead of the characters. */
	masked?: boolean;
	placeholder?: string;
	width: number;
}

export function TextInput({line, focused, masked = false, placeholder, width}: TextInputProps): React.JSX.Element {
	if (!line.value) {
		// Without colour a placeholder cannot be dimmed: brackets tell it from a typed value.
		const text = placeholder ? (dim() ? sanitize(placeholder) : `[${sanitize(placeholder)}]`) : '';
		const hint = truncate(text, Math.max(0, width - 1));
		if (!focused) return <Text dimColor={dim()}>{hint}</Text>;
		const first = hint ? String.fromCodePoint(hint.codePointAt(0)!) : '';
		return (
			<Text>
				<Text inverse>{first || ' '}</Text>
				<Text dimColor={dim()}>{hint.slice(first.length)}</Text>
			</Text>
		);
	}
	// Masking keeps the cursor arithmetic: one • per UTF-16 unit of the original would misplace
	// it for astral characters, so mask per code point and map the cursor the same way.
	const shown = masked ? '•'.repeat([...line.value].length) : sanitize(line.value);
	const cursor = masked ? [...line.value.slice(0, line.cursor)].length : sanitize(line.value.slice(0, line.cursor)).length;
	const w = textWindow(shown, cursor, width, focused);
	return (
		<Text wrap="truncate-end">
			{w.clippedLeft ? '…' : ''}
			{w.before}
			{focused ? <Text inverse>{w.at}</Text> : null}
			{w.after}
			{w.clippedRight ? '…' : ''}
		</Text>
	);
}
