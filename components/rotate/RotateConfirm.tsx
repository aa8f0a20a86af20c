// "Rotate now?" with the safe answer, No, focused; y/n answer at once.
import React from 'react';
import {Box, Text} from 'ink';
import {sanitize} from '../../src/sanitize.js';
import {hintKeys} from '../../src/wizard/keys.js';
import {dim, tone} from '../theme.js';

export function RotateConfirm({name, choice}: {name: string; choice: 'no' | 'yes'}): React.JSX.Element {
	const button = (label: string, on: boolean) => (
		<Text inverse={on} bold={on}>
			{on ? `[ ${label} ]` : `  ${label}  `}
		</Text>
	);
	return (
		<Box flexDirection="column">
			<Text
				color={tone.warn()}
				wrap="wrap"
			>{`Rotate the credentials of "${sanitize(name)}"? This cannot be undone: the old credentials are no longer stored.`}</Text>
			<Box>
				{/* The buttons whole, whatever the width: the keys' hint is what gets cut. */}
				<Box flexShrink={0}>
					{button('No', choice === 'no')}
					<Text> </Text>
					{button('Yes', choice === 'yes')}
				</Box>
				<Text
					dimColor={dim()}
					wrap="truncate-end"
				>{`   ${hintKeys('switch')} choose · ${hintKeys('confirm')} confirm · ${hintKeys('yes')}/${hintKeys('no')}`}</Text>
			</Box>
		</Box>
	);
}
