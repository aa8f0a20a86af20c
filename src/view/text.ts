// Fitting text into terminal cells. Widths are measured as the terminal draws them: a CJK
// character or an emoji takes two cells, a combining mark none (string-width, the measure Ink
// itself lays text out with), and text is only ever cut between graphemes, so no character is
// split in half. Plain text (every character one cell and its own grapheme: Latin, Greek,
// Cyrillic, punctuation...) takes a fast path that counts code units, as the bundle's
// string-width does; Intl.Segmenter is only built when other text first needs it.
import stringWidth, {ONE_COLUMN, ONE_COLUMN_EACH} from '../build-stubs/string-width.js';

/**
 * Characters that take two cells and are each a grapheme of their own, whatever surrounds them
 * (CJK ideographs and punctuation, kana, Hangul syllables, full-width forms; not the combining
 * kana marks, nor the Hangul filler, which takes none). Text of these and the one-column
 * characters is measured and cut per code unit, without segmenting: a page of CJK names drew
 * ~6 ms slower through Intl.Segmenter. test/unit/view-text.test.ts checks every one of them.
 */
export const TWO_COLUMNS =
	'\\u3000-\\u3029\\u3030-\\u303E\\u3041-\\u3096\\u309B-\\u30FF\\u3105-\\u312F\\u3131-\\u3163\\u3165-\\u318E\\u3190-\\u31E3\\u31F0-\\u321E\\u3220-\\u3247\\u3250-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF01-\\uFF60\\uFFE0-\\uFFE6';
const SIMPLE = new RegExp(`^[${ONE_COLUMN}${TWO_COLUMNS}]*$`);
const WIDE = new RegExp(`[${TWO_COLUMNS}]`);

export interface Cell {
	/** One grapheme: what the terminal draws as one character. */
	g: string;
	/** Its width in cells: 0, 1 or 2. */
	w: number;
}

let segmenter: Intl.Segmenter | undefined;

// Each grapheme's width is kept once measured: names repeat their characters, and string-width
// costs a few microseconds a call (a few thousand entries at most).
const widths = new Map<string, number>();
function widthOf(grapheme: string): number {
	let w = widths.get(grapheme);
	if (w === undefined) {
		if (widths.size >= 4096) widths.clear();
		w = stringWidth(grapheme);
		widths.set(grapheme, w);
	}
	return w;
}

/** The text's graphemes with their widths. */
export function graphemes(text: string): Cell[] {
	if (ONE_COLUMN_EACH.test(text)) return Array.from(text, (g) => ({g, w: 1}));
	if (SIMPLE.test(text)) return Array.from(text, (g) => ({g, w: WIDE.test(g) ? 2 : 1}));
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return Array.from(segmenter.segment(text), ({segment}) => ({g: segment, w: widthOf(segment)}));
}

const sum = (cells: readonly Cell[]) => cells.reduce((n, c) => n + c.w, 0);

/** The number of cells the text takes on screen. */
export const cellWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : sum(graphemes(text)));

/** How many of the cells make the longest start that fits `width`; at least one, unless there are none. */
function takeCells(cells: readonly Cell[], width: number): number {
	let used = 0;
	let i = 0;
	for (; i < cells.length; i++) {
		if (used + cells[i]!.w > width) break;
		used += cells[i]!.w;
	}
	// A character wider than the whole width still goes somewhere, alone.
	return i === 0 && cells.length > 0 ? 1 : i;
}

const join = (cells: readonly Cell[]) => cells.map((c) => c.g).join('');

/** The text in at most `width` cells, ending in "…" when cut; and how many cells that is. */
function fit(text: string, width: number): [string, number] {
	if (width <= 0) return ['', 0];
	// One cell per code unit: cut as a plain string.
	if (ONE_COLUMN_EACH.test(text))
		return text.length <= width ? [text, text.length] : width === 1 ? ['…', 1] : [`${text.slice(0, width - 1)}…`, width];
	const cells = graphemes(text);
	const total = sum(cells);
	if (total <= width) return [text, total];
	if (width === 1) return ['…', 1];
	let used = 0;
	let i = 0;
	while (i < cells.length && used + cells[i]!.w <= width - 1) used += cells[i++]!.w;
	return [`${join(cells.slice(0, i))}…`, used + 1];
}

export const truncate = (text: string, width: number): string => fit(text, width)[0];

/** The text in exactly `width` cells: cut with "…", or filled with spaces. */
export function pad(text: string, width: number): string {
	const [t, w] = fit(text, width);
	return w < width ? t + ' '.repeat(width - w) : t;
}

/** The text cut into pieces of at most `width` cells each (a value too long for its column). */
export function splitCells(text: string, width: number): string[] {
	if (width <= 0) return [];
	if (cellWidth(text) <= width) return [text];
	let cells = graphemes(text);
	const out: string[] = [];
	while (cells.length > 0) {
		const n = takeCells(cells, width);
		out.push(join(cells.slice(0, n)));
		cells = cells.slice(n);
	}
	return out;
}

/** Greedy word wrap into at most `maxRows` lines of `width` cells; a word longer than a line is
 * broken, and text beyond the last row ends in "…". Lines are computed here, not by the
 * terminal, so the screen knows exactly how many rows a message takes. */
export function wrapLines(text: string, width: number, maxRows = Infinity): string[] {
	if (width <= 0 || maxRows <= 0) return [];
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	const flush = () => {
		lines.push(line);
		line = '';
		lineWidth = 0;
	};
	for (const word of text.split(/(\s+)/)) {
		if (word === '') continue;
		const w = cellWidth(word);
		if (/^\s+$/.test(word)) {
			if (lineWidth > 0 && lineWidth + w <= width) {
				line += word;
				lineWidth += w;
			} else if (lineWidth > 0) flush();
			continue;
		}
		if (lineWidth + w > width && lineWidth > 0) flush();
		const pieces = w > width ? splitCells(word, width) : [word];
		for (const piece of pieces.slice(0, -1)) lines.push(piece);
		line += pieces[pieces.length - 1]!;
		lineWidth += cellWidth(pieces[pieces.length - 1]!);
	}
	if (lineWidth > 0 || line) flush();
	const trimmed = lines.map((l) => l.trimEnd());
	if (trimmed.length <= maxRows) return trimmed;
	const kept = trimmed.slice(0, maxRows);
	kept[maxRows - 1] = truncate(`${kept[maxRows - 1]} ${trimmed.slice(maxRows).join(' ')}`, width);
	return kept;
}
