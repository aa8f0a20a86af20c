import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

/** The terminal's size, following resizes; fixed sizes (tests) win over the real one. */
export function useTerminalSize(fixed?: {width?: number; height?: number}): {width: number; height: number} {
	const {stdout} = useStdout();
	const read = () => ({width: fixed?.width ?? stdout.columns ?? 80, height: fixed?.height ?? stdout.rows ?? 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [stdout, fixed?.width, fixed?.height]);
	return size;
}
