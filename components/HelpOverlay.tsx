import React from 'react';
import {Box, Text} from 'ink';
import {commandKeys, commandsIn, shortHints, type Command, type CommandContext} from '../src/view/commands.js';
import {dim, tone} from './theme.js';
import {scrollWindow, moreText} from '../src/view/list-window.js';

export interface HelpOverlayProps {
	ctx: CommandContext;
	width: number;
	height: number;
	/** The first row shown when the keys do not all fit (j/k scroll); clamped here. */
	top?: number;
	/** Told the largest useful `top`, so the keys that scroll stop at the end. */
	onMaxTop?: (maxTop: number) => void;
}

type Row = {kind: 'command'; c: Command; keys: string; reason?: string; inline: boolean} | {kind: 'reason'; id: string; reason: string};

/** Every key of the list, and why a disabled one is disabled right now. */
export function HelpOverlay({ctx, width, height, top = 0, onMaxTop}: HelpOverlayProps): React.JSX.Element {
	const commands = commandsIn('normal').map((c) => ({c, keys: commandKeys(c, 'normal'), reason: c.disabled?.(ctx)}));
	const keyWidth = Math.max(...commands.map((r) => r.keys.length)) + 2;
	// Border and title take three rows. A reason gets a line of its own when everything then fits
	// (a truncated reason loses its end); otherwise it follows the label, and the list scrolls.
	const room = Math.max(1, height - 3);
	const ownLine = commands.length + commands.filter((r) => r.reason).length <= room;
	const rows: Row[] = commands.flatMap(({c, keys, reason}): Row[] =>
		reason && ownLine
			? [
					{kind: 'command', c, keys, reason, inline: false},
					{kind: 'reason', id: c.id, reason},
				]
			: [{kind: 'command', c, keys, reason, inline: !!reason}],
	);
	const {first, end, scrolls, maxTop, below} = scrollWindow(rows.length, room, top);
	onMaxTop?.(maxTop);
	const shown = rows.slice(first, end);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">{`Keys (${shortHints(scrolls ? ['close', 'scroll'] : ['close'], 'help')})`}</Text>
			{shown.map((r) =>
				r.kind === 'command' ? (
					<Text key={r.c.id} wrap="truncate-end">
						<Text bold>{r.keys.padEnd(keyWidth)}</Text>
						<Text dimColor={!!r.reason && dim()}>{r.c.label}</Text>
						{r.inline ? <Text color={tone.warn()}>{`  (disabled: ${r.reason})`}</Text> : null}
					</Text>
				) : (
					<Text key={`${r.id}-reason`} wrap="truncate-end" color={tone.warn()}>
						{`${' '.repeat(keyWidth)}disabled: ${r.reason}`}
					</Text>
				),
			)}
			{scrolls ? (
				<Text color={tone.accent()} wrap="truncate-end">
					{moreText(first, below)}
				</Text>
			) : null}
		</Box>
	);
}
