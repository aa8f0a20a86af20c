import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** The terminal's size, following resizes; fixed sizes (tests) win over the real one. */
export function useTerminalSize(fixed?: {width?: number; height?: number}): {width: number; height: number} {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => ({width: stdout.columns ?? 80, height: stdout.rows ?? 24}));
	useEffect(() => {
		const onResize = () => setSize({width: stdout.columns ?? 80, height: stdout.rows ?? 24});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return {width: fixed?.width ?? size.width, height: fixed?.height ?? size.height};
}
