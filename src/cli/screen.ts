// The terminal while destui runs: the alternate screen (so the user's scrollback is untouched),
// entered before the UI code even loads so something is on screen at once, and left exactly as
// it was on every exit path.
import {constants} from 'node:os';

// Auto-wrap off (DECAWM) while destui is on screen: its frames are laid out to fit, and a line
// that does not (the frame Ink draws at once when the terminal narrows, laid out for the old
// width; a terminal that draws a character wider than destui counts it) is cut at the edge
// rather than wrapped, which would scroll the screen and leave the rows of an old frame behind.
const ENTER = '\x1b[?1049h\x1b[?7l\x1b[2J\x1b[H';
// Leave bracketed paste (the wizard may have turned it on), show the cursor, wrap again, leave the alternate screen.
const LEAVE = '\x1b[?2004l\x1b[?25h\x1b[?7h\x1b[?1049l';

let entered = false;

export function leaveScreen(out: NodeJS.WriteStream = process.stdout): void {
	if (!entered) return;
	entered = false;
	out.write(LEAVE);
}

/** Shows `placeholder` at the top (the UI's first frame draws over it from the same corner). */
export function enterScreen(placeholder: string, out: NodeJS.WriteStream = process.stdout): void {
	if (entered) return;
	entered = true;
	// Listening before the first byte: a signal that follows it finds the handlers in place.
	process.once('exit', () => leaveScreen(out));
	for (const signal of SIGNALS) process.on(signal, untilTheScreenListens);
	out.write(`${ENTER}${placeholder}\x1b[H`);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A signal before the screen has its own handlers (e.g. SIGTERM while the sandbox starts) would
 * kill destui without an 'exit' event, leaving the user on the alternate screen. (A Ctrl-C is a
 * key by then, not a signal: src/cli/held-keys.ts.) Once the screen listens, it unmounts and
 * restores the terminal itself; a second signal after that ends destui at once, terminal restored
 * all the same.
 */
function untilTheScreenListens(signal: NodeJS.Signals): void {
	if (process.listenerCount(signal) > 1) return;
	leaveScreen();
	process.exit(128 + (constants.signals[signal] ?? 0));
}
