// Asked before leaving a form that holds typed input; "No" is the default (its key in capitals).
import React from 'react';
import {Text} from 'ink';
import {hintKeys} from '../../src/wizard/keys.js';
import {tone} from '../theme.js';

export function ConfirmLeave({what}: {what: string}): React.JSX.Element {
	return (
		<Text
			color={tone.warn()}
		>{`Leave ${what}? What you typed will be lost.  ${hintKeys('yes')} leave · ${hintKeys('no').toUpperCase()} stay (default)`}</Text>
	);
}
