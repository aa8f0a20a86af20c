import React from 'react';
import {Box, Text} from 'ink';
import {COMMANDS, type CommandContext} from '../src/view/commands.js';
import {tone} from './inputs/theme.js';

/** Every key of the main screen, and why a disabled one is disabled right now. */
export function HelpOverlay({ctx, width, height}: {ctx: CommandContext; width: number; height: number}): React.JSX.Element {
	const keyWidth = Math.max(...COMMANDS.map((c) => c.keys.length)) + 2;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>Keys (Esc or ? closes)</Text>
			{COMMANDS.slice(0, Math.max(0, height - 3)).map((c) => {
				const reason = c.disabled?.(ctx);
				return (
					<Text key={c.id} wrap="truncate-end">
						<Text bold>{c.keys.padEnd(keyWidth)}</Text>
						<Text dimColor={!!reason}>{c.label}</Text>
						{reason ? <Text color={tone.warn()}>{`  (disabled: ${reason})`}</Text> : null}
					</Text>
				);
			})}
		</Box>
	);
}
