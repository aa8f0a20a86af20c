// The bytes a terminal sends for each key, shared by the component tests (written to
// ink-testing-library's stdin) and the end-to-end tests (written to a real pty).
export const KEYS = {
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	enter: '\r',
	esc: '\x1b',
	tab: '\t',
	shiftTab: '\x1b[Z',
	backspace: '\x7f',
	pageUp: '\x1b[5~',
	pageDown: '\x1b[6~',
	home: '\x1b[H',
	end: '\x1b[F',
	space: ' ',
	ctrlC: '\x03',
	ctrlL: '\x0c',
	ctrlR: '\x12',
	ctrlU: '\x15',
	paste: (text: string) => `\x1b[200~${text}\x1b[201~`,
} as const;
