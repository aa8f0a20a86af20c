// Every string that came from the server or a file passes through here before it reaches the
// terminal: a destination named "\x1b]52;c;..." must not write to the user's clipboard, and
// "\x1b[2J" must not clear their screen.

// C0 controls but tab and line breaks, DEL, C1 controls, and the Unicode bidi overrides and
// isolates that can make text read differently from what it is.
const CONTROL_CHARS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`, 'g');

// Invisible format characters: the soft hyphen, Arabic letter mark, Mongolian vowel separator,
// zero-width space, non-joiner and joiner, LTR/RTL marks, word joiner and invisible operators,
// BOM, and variation selectors. They draw nothing, and terminals disagree on whether they take a
// cell (xterm gives the joiners and marks one, string-width none), so a name holding one would
// push every column after it out of line. They are dropped from what is drawn; the full details
// show them by name (revealInvisible), so two names that look alike can be told apart.
const INVISIBLE_CHARS = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2060-\\u2064\\ufe00-\\ufe0f\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** A cell is one line: line breaks and tabs become visible marks rather than nothing. */
const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029|\u0085/g;

/** Anything sanitize changes: most text holds none of it, and is returned as it is. */
const DIRTY = new RegExp(`[\\t\\n\\r\\u2028\\u2029\\u0085${CONTROL_CHARS}${INVISIBLE_CHARS}]`);

export function sanitize(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	if (!DIRTY.test(text)) return text;
	return text.replace(LINE_BREAK, '↵').replace(/\t/g, '⇥').replace(CONTROL, '').replace(INVISIBLE, '');
}

const NAMES: Readonly<Record<number, string>> = {
	0x00ad: 'SHY',
	0x061c: 'ALM',
	0x180e: 'MVS',
	0x200b: 'ZWSP',
	0x200c: 'ZWNJ',
	0x200d: 'ZWJ',
	0x200e: 'LRM',
	0x200f: 'RLM',
	0x202a: 'LRE',
	0x202b: 'RLE',
	0x202c: 'PDF',
	0x202d: 'LRO',
	0x202e: 'RLO',
	0x2060: 'WJ',
	0x2066: 'LRI',
	0x2067: 'RLI',
	0x2068: 'FSI',
	0x2069: 'PDI',
	0xfe0e: 'VS15',
	0xfe0f: 'VS16',
	0xfeff: 'BOM',
};

const HIDDEN = new RegExp(`[${CONTROL_CHARS}${INVISIBLE_CHARS}]`, 'g');

/**
 * The text with every invisible or control character written out by name ("São<ZWSP>Paulo",
 * "A<U+0007>B"), for the full details; line breaks and tabs still become ↵ and ⇥. The result
 * holds nothing sanitize would remove.
 */
export function revealInvisible(value: unknown): string {
	if (value === null || value === undefined) return '';
	const marked = String(value).replace(LINE_BREAK, '↵').replace(/\t/g, '⇥');
	return marked.replace(HIDDEN, (ch) => {
		const code = ch.codePointAt(0)!;
		return `<${NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}>`;
	});
}
