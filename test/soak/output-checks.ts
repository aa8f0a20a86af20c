// Checks on every byte destui wrote to the terminal: each escape sequence is one destui itself
// writes (cursor, colours, screen modes, and OSC 52 copying a pl:ref, nothing else), no bare
// control character or bidi override reaches the screen, the sequences the soak planted in
// destination names never come out, no stack trace is printed, and the terminal is left as it
// was found. Pure, so each check is unit-tested with the output that should fail it.

/** Sequences planted in names (and pastes): none of them may ever reach the terminal. */
export const PLANTED = {
	/** A clipboard write whose payload is "SOAK", not a pl:ref. */
	osc52: '\x1b]52;c;U09BSw==\x07',
	/** A scroll region no frame of destui sets. */
	scrollRegion: '\x1b[6;66r',
	/** A truecolour no theme uses. */
	colour: '\x1b[38;2;1;2;3m',
	/** An 8-bit CSI (C1) clearing the screen. */
	c1: '\x9b2J',
	/** A right-to-left override. */
	rlo: '\u202e',
	bell: '\x07',
} as const;

/** Names with planted sequences, for the sandbox's organisation. */
export const HOSTILE_NAMES = [
	`evil${PLANTED.osc52}${PLANTED.scrollRegion} x`,
	`own${PLANTED.colour}${PLANTED.c1}${PLANTED.bell}${PLANTED.rlo}nimda`,
	'Two\nlines\r\there',
];

export interface OutputIssue {
	what: string;
	/** Where in the output (character offset), and the text around it. */
	at: number;
	context: string;
}

const context = (out: string, at: number) => JSON.stringify(out.slice(Math.max(0, at - 40), at + 40));

// CSI: parameters, intermediates, final byte. OSC: up to BEL or ST. Other ESC + one byte (ESC 7, ESC =).
const CSI = /^\x1b\[[0-?]*[ -/]*[@-~]/;
const OSC = /^\x1b\][^\x07\x1b]*(\x07|\x1b\\)/;

/** What may stand in the output besides these sequences: printable text, \r \n \t and backspace. */
const BAD_CHAR = /[\x00-\x07\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** A pl:ref, the only thing destui ever copies. */
const REF = /^pl:destinations\/[A-Za-z0-9._-]+$/;

export function scanOutput(out: string): OutputIssue[] {
	const issues: OutputIssue[] = [];
	const add = (what: string, at: number) => {
		if (issues.length < 20) issues.push({what, at, context: context(out, at)});
	};
	for (const [name, seq] of Object.entries(PLANTED)) {
		if (name === 'bell' || name === 'rlo') continue; // judged character by character below
		const at = out.indexOf(seq);
		if (at !== -1) add(`a sequence planted in a name reached the terminal (${name})`, at);
	}
	let i = 0;
	while (i < out.length) {
		const esc = out.indexOf('\x1b', i);
		const end = esc === -1 ? out.length : esc;
		const text = out.slice(i, end);
		const bad = BAD_CHAR.exec(text);
		if (bad) add(`a control character U+${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')} outside an escape sequence`, i + bad.index);
		if (esc === -1) break;
		const rest = out.slice(esc, esc + 4096);
		const csi = CSI.exec(rest);
		if (csi) {
			i = esc + csi[0].length;
			continue;
		}
		const osc = OSC.exec(rest);
		if (osc) {
			const body = osc[0].slice(2, -osc[1]!.length);
			const clip = /^52;[a-z]*;(.*)$/.exec(body);
			const copied = clip ? Buffer.from(clip[1]!, 'base64').toString('utf8') : undefined;
			if (!clip) add(`an OSC sequence destui does not write (${JSON.stringify(body.slice(0, 20))})`, esc);
			else if (!REF.test(copied!)) add(`a clipboard write of something other than a pl:ref (${JSON.stringify(copied)})`, esc);
			i = esc + osc[0].length;
			continue;
		}
		if (/^\x1b[78=>]/.test(rest)) {
			i = esc + 2;
			continue;
		}
		add('an escape sequence destui does not write', esc);
		i = esc + 1;
	}
	return issues;
}

/** "    at fn (file.js:1:2)" lines, or Node's report of an uncaught error. */
const STACK = /(\n\s+at [^\n]+:\d+:\d+\)?\s*(\n|$))|Uncaught|UnhandledPromiseRejection|node:internal/;

export function stackTrace(out: string): string | undefined {
	const plain = out.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '');
	const m = STACK.exec(plain);
	return m ? JSON.stringify(plain.slice(Math.max(0, m.index - 200), m.index + 200)) : undefined;
}

/** The private modes destui turns on, and the state each must be left in. */
const MODES_LEFT: Record<string, 'h' | 'l'> = {
	'1049': 'l',
	'2004': 'l',
	'25': 'h',
	'7': 'h',
	'2026': 'l',
	'1000': 'l',
	'1002': 'l',
	'1006': 'l',
};

/** Modes the output leaves set otherwise than a shell expects (the alternate screen, bracketed paste, a hidden cursor). */
export function modesLeft(out: string): string[] {
	const last = new Map<string, string>();
	for (const m of out.matchAll(/\x1b\[\?([\d;]+)([hl])/g)) for (const mode of m[1]!.split(';')) last.set(mode, m[2]!);
	const wrong: string[] = [];
	for (const [mode, state] of last) if (MODES_LEFT[mode] && MODES_LEFT[mode] !== state) wrong.push(`?${mode}${state}`);
	return wrong;
}

/** `stty -a`'s settings, without the line that carries the size (resizes change it). */
export function sttySettings(text: string): string[] {
	return text
		.split(/\r?\n/)
		.filter((l) => !/\brows\b|\bcolumns\b/.test(l))
		.flatMap((l) => l.split(/[;\s]+/))
		.filter((w) => /^-?[a-z][a-z0-9]*$/.test(w))
		.sort();
}

/** Where `secret` (or a long enough piece of it) appears in `text`. */
export function findSecret(text: string, secret: string, piece = 16): number {
	if (secret.length <= piece) return text.indexOf(secret);
	for (let i = 0; i + piece <= secret.length; i += 4) {
		const at = text.indexOf(secret.slice(i, i + piece));
		if (at !== -1) return at;
	}
	return -1;
}

/** Least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
	const n = points.length;
	if (n < 2) return 0;
	const mx = points.reduce((s, [x]) => s + x, 0) / n;
	const my = points.reduce((s, [, y]) => s + y, 0) / n;
	let num = 0;
	let den = 0;
	for (const [x, y] of points) {
		num += (x - mx) * (y - my);
		den += (x - mx) ** 2;
	}
	return den === 0 ? 0 : num / den;
}
