import React from 'react';
import {Text} from 'ink';
import {FILTERS, type Filters} from '../src/view/filters.js';
import {tone} from './theme.js';

export interface FilterChipsProps {
	filters: Filters;
	query: string;
	shown: number;
	total: number;
	loadingArchived: boolean;
}

/** Every filter's state is on screen, never hidden; narrowing ones stand out (and say so in text). */
export function FilterChips({filters, query, shown, total, loadingArchived}: FilterChipsProps): React.JSX.Element {
	return (
		<Text wrap="truncate-end">
			<Text bold>{`${shown} of ${total}`}</Text>
			{loadingArchived ? ' (loading archived…)' : ''}
			{FILTERS.map((f) => {
				const v = filters[f.id];
				return (
					<Text key={f.id} color={v === 'any' ? undefined : tone.accent()} bold={v !== 'any'}>
						{`  [${f.key} ${f.chip}:${v}]`}
					</Text>
				);
			})}
			{query ? <Text color={tone.accent()} bold>{`  [/ ${query}]`}</Text> : null}
		</Text>
	);
}
