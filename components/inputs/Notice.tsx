// A message from the server or about the organisation, shown on the page it concerns.
import React from 'react';
import {Box, Text} from 'ink';
import {tone} from '../theme.js';

export function Notice({kind, children}: {kind: 'error' | 'warn' | 'ok' | 'info'; children: string}): React.JSX.Element {
	const mark = kind === 'error' ? '✗' : kind === 'warn' ? '!' : kind === 'ok' ? '✓' : '·';
	const color = kind === 'error' ? tone.error() : kind === 'warn' ? tone.warn() : kind === 'ok' ? tone.ok() : undefined;
	return (
		<Box>
			<Text color={color}>{`${mark} ${children}`}</Text>
		</Box>
	);
}
