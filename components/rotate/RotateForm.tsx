// The credential-rotation form (issue #4). Contract first; the body grows behind these props.
import React from 'react';
import {Box, Text} from 'ink';
import type {CallOptions, Destination} from '../../src/api/types.js';

export interface RotateFormProps {
	destination: Destination;
	/** Sends one PATCH {parameters} and updates the shared cache. */
	rotate: (parameters: Record<string, string | boolean>, options?: CallOptions) => Promise<Destination>;
	onDone: (d: Destination) => void;
	onCancel: () => void;
	width: number;
	height: number;
}

export function RotateForm(props: RotateFormProps): React.JSX.Element {
	return (
		<Box flexDirection="column" width={props.width}>
			<Text bold>Rotate credentials</Text>
		</Box>
	);
}
