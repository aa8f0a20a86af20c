// A form's frame kept within the terminal's rows: its title above and its footer (hints, the
// question being asked) below always show, and the body between them is cut at the bottom when
// all of it does not fit (a frame that fits looks as it would unbounded: the rows left are blank,
// at the bottom). A frame taller than the terminal scrolls it: the title went off the top, and
// Ink clears and repaints the whole screen on every frame (found by the soak, seed 2: the
// wizard's first step at 40×12).
import React from 'react';
import {Box} from 'ink';

export interface FitHeightProps {
	width: number;
	/** The rows the frame may take. */
	height: number;
	head: React.ReactNode;
	body: React.ReactNode;
	foot: React.ReactNode;
}

export function FitHeight({width, height, head, body, foot}: FitHeightProps): React.JSX.Element {
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			<Box flexDirection="column" flexShrink={0}>
				{head}
			</Box>
			<Box flexDirection="column" flexShrink={1} overflowY="hidden">
				<Box flexDirection="column" flexShrink={0}>
					{body}
				</Box>
			</Box>
			<Box flexDirection="column" flexShrink={0}>
				{foot}
			</Box>
		</Box>
	);
}
