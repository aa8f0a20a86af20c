// The picker under a region field: the catalogue's regions matching what is typed, a window of
// them around the highlighted one; free text stays allowed, the list only saves typing.
import React from 'react';
import {Box, Text} from 'ink';
import {dim, tone} from '../theme.js';

export interface SuggestionsProps {
	items: readonly string[];
	pick: number | null;
	/** Rows available for items. */
	rows: number;
	typed: string;
}

export function Suggestions({items, pick, rows, typed}: SuggestionsProps): React.JSX.Element {
	if (!items.length) {
		return <Text dimColor={dim()}>{typed.trim() ? '  no known region matches: your text will be used as typed' : ''}</Text>;
	}
	const visible = Math.max(1, rows);
	const at = pick ?? 0;
	const start = Math.max(0, Math.min(at - Math.floor(visible / 2), items.length - visible));
	const shown = items.slice(start, start + visible);
	const more = items.length - start - shown.length;
	return (
		<Box flexDirection="column">
			{shown.map((item, i) => {
				const picked = pick === start + i;
				return (
					<Text key={item} color={picked ? tone.accent() : undefined} inverse={picked}>
						{`${picked ? '› ' : '  '}${item}`}
					</Text>
				);
			})}
			{more > 0 || start > 0 ? (
				<Text
					dimColor={dim()}
				>{`  ${items.length} regions${start > 0 ? `, ${start} above` : ''}${more > 0 ? `, ${more} more below` : ''}`}</Text>
			) : null}
		</Box>
	);
}
