import React, {useContext} from 'react';
import {Box, Text} from 'ink';
import {CredentialsLabel} from './credentials-label.js';
import {dim, tone} from './theme.js';
import {Spinner} from './Spinner.js';

export interface HeaderProps {
	/** Where requests go: SANDBOX for the local one, else the API host. */
	sandbox: boolean;
	host: string;
	readOnly: boolean;
	busy: boolean;
	/** Marked rows, and how many of them the filters or the search hide. */
	marked?: {count: number; hidden: number};
}

export function Header({sandbox, host, readOnly, busy, marked}: HeaderProps): React.JSX.Element {
	const credentials = useContext(CredentialsLabel);
	return (
		<Box>
			<Box flexGrow={1} flexShrink={1}>
				<Text wrap="truncate-end">
					<Text bold>destui </Text>
					{sandbox ? (
						<Text inverse bold color={tone.warn()}>
							{' SANDBOX '}
						</Text>
					) : (
						<Text color={tone.accent()}>{host}</Text>
					)}
					{sandbox ? ' local fixture data, not production' : ''}
					{readOnly ? <Text bold>{'  READ-ONLY'}</Text> : ''}
					{credentials ? <Text dimColor={dim()}>{`  ${credentials}`}</Text> : ''}
				</Text>
			</Box>
			{/* Never cut: what the next change acts on. */}
			{marked && marked.count > 0 ? (
				<Box flexShrink={0}>
					<Text bold>{` ✓ ${marked.count} marked${marked.hidden ? ` (${marked.hidden} hidden)` : ''} `}</Text>
				</Box>
			) : null}
			<Box flexShrink={0}>{busy ? <Spinner /> : <Text> </Text>}</Box>
		</Box>
	);
}
