// Asked before leaving a form that holds typed input; "No" is the default.
import React from 'react';
import {Text} from 'ink';
import {tone} from '../inputs/theme.js';

export function ConfirmLeave({what}: {what: string}): React.JSX.Element {
	return <Text color={tone.warn()}>{`Leave ${what}? What you typed will be lost.  y leave · N stay (default)`}</Text>;
}
