import React from 'react';
import {Text} from 'ink';
import {legendText} from '../src/view/commands.js';
import {dim} from './theme.js';

export function Legend({width, readOnly = false}: {width: number; readOnly?: boolean}): React.JSX.Element {
	return (
		<Text dimColor={dim()} wrap="truncate-end">
			{legendText(width, readOnly)}
		</Text>
	);
}
