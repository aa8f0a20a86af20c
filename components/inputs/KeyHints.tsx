// The keys of the page being shown, on one line: "Enter next · Esc back · ...".
import React from 'react';
import {Text} from 'ink';
import {dim} from '../theme.js';

export function KeyHints({hints}: {hints: readonly (readonly [string, string])[]}): React.JSX.Element {
	return (
		<Text dimColor={dim()} wrap="truncate-end">
			{hints.map(([key, what]) => `${key} ${what}`).join(' · ')}
		</Text>
	);
}
