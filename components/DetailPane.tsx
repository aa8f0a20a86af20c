import React from 'react';
import {Box, Text} from 'ink';
import type {Destination} from '../src/api/types.js';
import {detailLines} from '../src/view/detail.js';
import {layoutDetail} from '../src/view/detail-layout.js';
import {pad} from '../src/view/text.js';
import {tone} from './theme.js';
import {keyFor} from '../src/view/commands.js';

export interface DetailPaneProps {
	destination?: Destination;
	width: number;
	height: number;
}

/** Every non-secret field; the pl:ref and delivery blocks wrap in full when there is room, and
 * lines that do not fit say where the rest is (Enter). */
export function DetailPane({destination, width, height}: DetailPaneProps): React.JSX.Element {
	if (!destination) return <Box width={width} height={height} />;
	const {labelWidth, rows, hidden} = layoutDetail(detailLines(destination), width, height);
	return (
		<Box flexDirection="column" width={width} height={height}>
			{rows.map((r, i) => (
				<Text key={i} wrap="truncate-end">
					<Text bold>{pad(r.label, labelWidth)}</Text> {r.text}
				</Text>
			))}
			{hidden > 0 ? (
				<Text color={tone.accent()} wrap="truncate-end">{`… ${hidden} more lines: ${keyFor('open')} shows everything`}</Text>
			) : null}
		</Box>
	);
}
