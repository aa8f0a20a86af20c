// Step 1: which kind of storage, each with the catalogue's one-line description.
import React from 'react';
import {Box, Text} from 'ink';
import {PROVIDERS} from '../../src/catalogue/providers.js';
import {dim, tone} from '../theme.js';

export function ProviderStep({highlight, chosen}: {highlight: number; chosen?: string}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{PROVIDERS.map((p, i) => {
				const on = i === highlight;
				return (
					<Box key={p.type} flexDirection="column">
						<Text color={on ? tone.accent() : undefined} bold={on} inverse={on}>
							{`${on ? '›' : ' '} ${i + 1}. ${p.label}${p.type === chosen ? '  (your choice so far)' : ''}`}
						</Text>
						<Text dimColor={dim()} wrap="truncate-end">{`     ${p.description}`}</Text>
					</Box>
				);
			})}
		</Box>
	);
}
