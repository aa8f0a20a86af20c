import React, {useEffect, useState} from 'react';
import {Text} from 'ink';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Ticks only while mounted, so an idle screen does not re-render. */
export function Spinner(): React.JSX.Element {
	const [i, setI] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setI((n) => (n + 1) % FRAMES.length), 100);
		return () => clearInterval(timer);
	}, []);
	return <Text>{FRAMES[i]}</Text>;
}
