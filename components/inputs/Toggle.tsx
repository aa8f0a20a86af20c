// An on/off option, drawn as a checkbox: the box carries the meaning, not the colour.
import React from 'react';
import {Text} from 'ink';

/** `locked`: on, and cannot be turned off (the note beside it says why). */
export function Toggle({on, focused, locked = false}: {on: boolean; focused: boolean; locked?: boolean}): React.JSX.Element {
	const box = on ? '[x]' : '[ ]';
	return (
		<Text>
			{focused ? <Text inverse>{box}</Text> : box}
			{on ? (locked ? ' on (stays on)' : ' on') : ' off'}
		</Text>
	);
}
