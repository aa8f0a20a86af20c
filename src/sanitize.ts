// Every string that came from the server or a file passes through here before it reaches the
// terminal: a destination named "\x1b]52;c;..." must not write to the user's clipboard, and
// "\x1b[2J" must not clear their screen.

// C0 controls (tab and newline included: a cell is one line), DEL, C1 controls, and the
// Unicode bidi overrides that can make text read differently from what it is.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(value: unknown): string {
	if (value === null || value === undefined) return '';
	return String(value).replace(CONTROL, '');
}
