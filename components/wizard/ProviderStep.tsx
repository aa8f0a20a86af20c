// Step 1: which kind of storage, each with the catalogue's one-line description (at a few rows,
// the highlighted one's only).
import React from 'react';
import {Box, Text} from 'ink';
import {PROVIDERS} from '../../src/catalogue/providers.js';
import {dim, tone} from '../theme.js';

/** The rows the wizard's first step takes with every description (title, gaps and hints included). */
export const PROVIDER_ROWS = 4 + 2 * PROVIDERS.length;

/** `compact`: the highlighted provider's description only, for a terminal of a few rows. */
export function ProviderStep({highlight, chosen, compact}: {highlight: number; chosen?: string; compact?: boolean}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{PROVIDERS.map((p, i) => {
				const on = i === highlight;
				return (
					<Box key={p.type} flexDirection="column">
						<Text color={on ? tone.accent() : undefined} bold={on} inverse={on}>
							{`${on ? '›' : ' '} ${i + 1}. ${p.label}${p.type === chosen ? '  (your choice so far)' : ''}`}
						</Text>
						{compact && !on ? null : <Text dimColor={dim()} wrap="truncate-end">{`     ${p.description}`}</Text>}
					</Box>
				);
			})}
		</Box>
	);
}
