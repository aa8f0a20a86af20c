// The step-by-step creation wizard (issue #4). Contract first; the body grows behind these props.
import React from 'react';
import {Box, Text} from 'ink';
import type {CallOptions, CreateBody, Destination} from '../../src/api/types.js';

export interface CreateWizardProps {
	/** The shared cache of loaded destinations (name clashes, the organisation's limit). */
	existing: readonly Destination[];
	/** Sends one POST and updates the shared cache. */
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	onCreated: (d: Destination) => void;
	onCancel: () => void;
	width: number;
	height: number;
	/** Optional: finds a destination by name on the server (used before retrying after a dropped connection). */
	lookup?: (name: string) => Promise<Destination | undefined>;
}

export function CreateWizard(props: CreateWizardProps): React.JSX.Element {
	return (
		<Box flexDirection="column" width={props.width}>
			<Text bold>New destination</Text>
		</Box>
	);
}
