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
			{problem ? <Marked indent={2 + labelWidth} mark="✗" color={tone.error()} text={`${label} ${problem}`} /> : null}
			{notes.map((note) =>
				note.level === 'warning' ? (
					<Marked key={note.message} indent={2 + labelWidth} mark="!" color={tone.warn()} text={sanitize(note.message)} />
				) : (
					<Marked key={note.message} indent={2 + labelWidth} mark="·" dimmed text={sanitize(note.message)} />
				),
			)}
		</Box>
	);
}

/** "✗ text" under the field; a long text wraps under its own start, not under the mark. */
function Marked({indent, mark, color, dimmed, text}: {indent: number; mark: string; color?: string; dimmed?: boolean; text: string}) {
	return (
		<Box paddingLeft={indent}>
			<Box width={2} flexShrink={0}>
				<Text color={color}>{mark}</Text>
			</Box>
			<Text color={color} dimColor={!!dimmed && dim()}>
				{text}
			</Text>
		</Box>
	);
}
