// One field: a focus marker, its label, its value, the rule in plain words, what is wrong, and
// what destui does not recognise (warnings, which never block).
import React from 'react';
import {Box, Text} from 'ink';
import type {Note} from '../../src/catalogue/rules.js';
import {sanitize} from '../../src/sanitize.js';
import {dim, tone} from '../theme.js';

export interface FieldRowProps {
	label: string;
	labelWidth: number;
	focused: boolean;
	optional?: boolean;
	help?: string;
	problem?: string;
	/** What destui did to the value (info) and what it does not recognise (warnings), each a whole sentence. */
	notes?: readonly Note[];
	children: React.ReactNode;
}

export function FieldRow({label, labelWidth, focused, optional, help, problem, notes = [], children}: FieldRowProps): React.JSX.Element {
	const title = `${label}${optional ? ' (optional)' : ''}`;
	return (
		<Box flexDirection="column">
			<Box>
				<Text color={focused ? tone.accent() : undefined} bold={focused}>
					{focused ? '› ' : '  '}
				</Text>
				<Box width={labelWidth} flexShrink={0}>
					<Text bold={focused} wrap="truncate-end">
						{title}
					</Text>
				</Box>
				<Box flexGrow={1}>{children}</Box>
			</Box>
			{help ? (
				<Box paddingLeft={2 + labelWidth}>
					<Text dimColor={dim()}>{help}</Text>
				</Box>
			) : null}
			{problem ? (
				<Box paddingLeft={2 + labelWidth}>
					<Text color={tone.error()}>{`✗ ${label} ${problem}`}</Text>
				</Box>
			) : null}
			{notes.map((note) => (
				<Box key={note.message} paddingLeft={2 + labelWidth}>
					{note.level === 'warning' ? (
						<Text color={tone.warn()}>{`! ${sanitize(note.message)}`}</Text>
					) : (
						<Text dimColor={dim()}>{`· ${sanitize(note.message)}`}</Text>
					)}
				</Box>
			))}
		</Box>
	);
}
