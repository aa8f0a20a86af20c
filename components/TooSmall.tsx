import React from 'react';
import {Box, Text} from 'ink';
import {MIN_HEIGHT, MIN_WIDTH} from '../src/view/layout.js';
import {wrapLines} from '../src/view/text.js';
import {keyFor} from '../src/view/commands.js';

/** Instead of a frame taller or wider than the terminal: what is wrong and what to do. */
export function TooSmall({width, height}: {width: number; height: number}): React.JSX.Element {
	const text = `This terminal is ${width}×${height}; destui needs at least ${MIN_WIDTH}×${MIN_HEIGHT}. Make it bigger to go on, or press ${keyFor('quit')} to quit.`;
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
