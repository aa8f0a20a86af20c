import React from 'react';
import {Box, Text} from 'ink';
import {wrapLines} from '../src/view/text.js';

/** Below this size the main screen cannot fit its header, list, detail, status and legend. */
export const MIN_WIDTH = 40;
export const MIN_HEIGHT = 12;

export const isTooSmall = (width: number, height: number): boolean => width < MIN_WIDTH || height < MIN_HEIGHT;

/** Instead of a frame taller or wider than the terminal: what is wrong and what to do. */
export function TooSmall({width, height}: {width: number; height: number}): React.JSX.Element {
	const text = `This terminal is ${width}×${height}; destui needs at least ${MIN_WIDTH}×${MIN_HEIGHT}. Make it bigger to go on, or press q to quit.`;
	return (
		<Box flexDirection="column" width={width}>
			{wrapLines(text, Math.max(1, width - 1), Math.max(1, height - 1)).map((l, i) => (
				<Text key={i} wrap="truncate-end">
					{l}
				</Text>
			))}
		</Box>
	);
}
