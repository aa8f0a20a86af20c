// An on/off option, drawn as a checkbox: the box carries the meaning, not the colour.
import React from 'react';
import {Text} from 'ink';

export function Toggle({on, focused}: {on: boolean; focused: boolean}): React.JSX.Element {
	const box = on ? '[x]' : '[ ]';
	return (
		<Text>
			{focused ? <Text inverse>{box}</Text> : box}
			{on ? ' on' : ' off'}
		</Text>
	);
}
