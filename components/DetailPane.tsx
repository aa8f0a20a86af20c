import React from 'react';
import {Box, Text} from 'ink';
import type {Destination} from '../src/api/types.js';
import {detailLines} from '../src/view/detail.js';
import {tone} from './inputs/theme.js';

export interface DetailPaneProps {
	destination?: Destination;
	width: number;
	height: number;
}

/** Every non-secret field; lines that do not fit say where the rest is (Enter). */
export function DetailPane({destination, width, height}: DetailPaneProps): React.JSX.Element {
	if (!destination) return <Box width={width} height={height} />;
	const lines = detailLines(destination);
	const labelWidth = Math.min(18, Math.max(...lines.map((l) => l.label.length)));
	const fits = lines.length <= height ? lines : lines.slice(0, Math.max(0, height - 1));
	return (
		<Box flexDirection="column" width={width} height={height}>
			{fits.map((l) => (
				<Text key={l.label} wrap="truncate-end">
					<Text bold>{l.label.padEnd(labelWidth)}</Text> {l.value}
				</Text>
			))}
			{fits.length < lines.length ? <Text color={tone.accent()} wrap="truncate-end">{`… ${lines.length - fits.length} more lines: Enter shows everything`}</Text> : null}
		</Box>
	);
}
