import React from 'react';
import {Box, Text} from 'ink';
import {COMMANDS, type CommandContext} from '../src/view/commands.js';
import {tone} from './inputs/theme.js';

/** Every key of the main screen, and why a disabled one is disabled right now. */
export function HelpOverlay({ctx, width, height}: {ctx: CommandContext; width: number; height: number}): React.JSX.Element {
	const keyWidth = Math.max(...COMMANDS.map((c) => c.keys.length)) + 2;
	const rows = COMMANDS.map((c) => ({c, reason: c.disabled?.(ctx)}));
	// Border and title take three rows. A reason gets a line of its own when the overlay has room
	// (a truncated reason loses its end); otherwise it follows the label on the same line.
	const room = Math.max(0, height - 3);
	const ownLine = rows.length + rows.filter((r) => r.reason).length <= room;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>Keys (Esc or ? closes)</Text>
			{rows.slice(0, room).map(({c, reason}) => (
				<React.Fragment key={c.id}>
					<Text wrap="truncate-end">
						<Text bold>{c.keys.padEnd(keyWidth)}</Text>
						<Text dimColor={!!reason}>{c.label}</Text>
						{reason && !ownLine ? <Text color={tone.warn()}>{`  (disabled: ${reason})`}</Text> : null}
					</Text>
					{reason && ownLine ? (
						<Text wrap="truncate-end" color={tone.warn()}>
							{`${' '.repeat(keyWidth)}disabled: ${reason}`}
						</Text>
					) : null}
				</React.Fragment>
			))}
		</Box>
	);
}
