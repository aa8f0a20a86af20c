// Search that folds case and accents, as people type on any keyboard: `sao` finds "São Paulo
// agronomy", `zurich` finds "Zürich", `strasse` finds "Straße". Names are folded as they are drawn
// (sanitised: an invisible character between two letters does not stop a match), one character
// at a time, so a match can be mapped back onto the name to highlight it.
import {sanitize} from '../sanitize.js';

/** Letters that decomposition leaves alone, spelled as people type them without the key. */
const LETTERS: Readonly<Record<string, string>> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ı: 'i',
	þ: 'th',
	ŋ: 'n',
	ĸ: 'k',
	ŧ: 't',
	ς: 'σ',
};

const ASCII = /^[\u0000-\u007f]*$/;
// A Unicode-property regex loads ICU's data when compiled: only on the first search of a
// name that is not plain ASCII.
let marks: RegExp | undefined;

const folded = new Map<string, string>();

/** One character, folded: lower case, accents and other marks removed. */
function foldChar(ch: string): string {
	const known = folded.get(ch);
	if (known !== undefined) return known;
	marks ??= /\p{M}/gu;
	const base = ch.toLowerCase().normalize('NFD').replace(marks, '');
	const out = Array.from(base, (c) => LETTERS[c] ?? c).join('');
	if (folded.size >= 4096) folded.clear();
	folded.set(ch, out);
	return out;
}

/** The text folded for comparison. */
export function fold(text: string): string {
	const clean = sanitize(text);
	if (ASCII.test(clean)) return clean.toLowerCase();
	let out = '';
	for (const ch of clean) out += foldChar(ch);
	return out;
}

/**
 * Where the query is found in the (sanitised) text, as code-unit offsets into it: whole
 * characters, with the marks that follow the last one, so a highlight never splits a letter
 * from its accent. Undefined when it is not there.
 */
export function findFolded(text: string, query: string): {start: number; end: number} | undefined {
	const q = fold(query);
	if (!q) return undefined;
	if (ASCII.test(text)) {
		const at = text.toLowerCase().indexOf(q);
		return at < 0 ? undefined : {start: at, end: at + q.length};
	}
	// For each folded code unit, the character of the text it came from.
	let all = '';
	const from: {start: number; end: number}[] = [];
	let offset = 0;
	for (const ch of text) {
		const f = ASCII.test(ch) ? ch.toLowerCase() : foldChar(ch);
		for (let k = 0; k < f.length; k++) from.push({start: offset, end: offset + ch.length});
		all += f;
		offset += ch.length;
	}
	const at = all.indexOf(q);
	if (at < 0) return undefined;
	const start = from[at]!.start;
	let end = from[at + q.length - 1]!.end;
	// Marks after the last letter fold to nothing: they belong to it.
	for (const ch of text.slice(end)) {
		if (foldChar(ch) !== '' || ASCII.test(ch)) break;
		end += ch.length;
	}
	return {start, end};
}

const names = new Map<string, string>();
let lastQuery = {text: '', folded: ''};

/** Whether a name matches the search, folding both; names are folded once and remembered. */
export function matchesFolded(name: string, query: string): boolean {
	if (query === '') return true;
	if (lastQuery.text !== query) lastQuery = {text: query, folded: fold(query)};
	let f = names.get(name);
	if (f === undefined) {
		f = fold(name);
		if (names.size >= 20_000) names.clear();
		names.set(name, f);
	}
	return f.includes(lastQuery.folded);
}
