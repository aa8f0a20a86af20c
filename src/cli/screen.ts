// The terminal while destui runs: the alternate screen (so the user's scrollback is untouched),
// entered before the UI code even loads so something is on screen at once, and left exactly as
// it was on every exit path.
const ENTER = '\x1b[?1049h\x1b[2J\x1b[H';
// Leave bracketed paste (the wizard may have turned it on), show the cursor, leave the alternate screen.
const LEAVE = '\x1b[?2004l\x1b[?25h\x1b[?1049l';

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
	out.write(`${ENTER}${placeholder}\x1b[H`);
	process.once('exit', () => leaveScreen(out));
}
