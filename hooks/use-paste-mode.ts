// Bracketed paste mode while a field that takes a pasted key is focused: the terminal then wraps
// a paste in ESC[200~ ... ESC[201~, so a multi-line service-account key arrives as one piece and
// its newlines do not act as Enter. Switched off again when the field loses focus, when the
// component unmounts, and if the process exits while it is on.
import {useEffect} from 'react';
import {useStdout} from 'ink';

export const PASTE_MODE_ON = '\x1b[?2004h';
export const PASTE_MODE_OFF = '\x1b[?2004l';

export function usePasteMode(active: boolean): void {
	const {stdout} = useStdout();
	useEffect(() => {
		// Only a real terminal understands the mode; a test's fake stdout would record it as a frame.
		if (!active || !(stdout as NodeJS.WriteStream).isTTY) return;
		stdout.write(PASTE_MODE_ON);
		const off = () => {
			stdout.write(PASTE_MODE_OFF);
		};
		process.once('exit', off);
		return () => {
			process.removeListener('exit', off);
			off();
		};
	}, [active, stdout]);
}
