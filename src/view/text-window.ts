// Which part of a long value fits in the field's width, keeping the cursor in view. Measured in
// terminal cells (a CJK character takes two) and cut between characters, never inside one.
import {graphemes} from './text.js';

export interface TextWindow {
	before: string;
	at: string;
	after: string;
	clippedLeft: boolean;
	clippedRight: boolean;
}

export function textWindow(value: string, cursor: number, width: number, showCursor: boolean): TextWindow {
	const cells = graphemes(value);
	// The character the cursor is on (a cursor inside a character sits on that character).
	let at = 0;
	for (let offset = 0; at < cells.length && offset + cells[at]!.g.length <= cursor; at++) offset += cells[at]!.g.length;
	const n = cells.length;
	// Two cells stay free for the … that say the value goes on.
	const room = Math.max(4, width - 2);
	const endCursor = showCursor && at === n ? 1 : 0;
	const widthOf = (from: number, to: number) => cells.slice(from, to).reduce((sum, c) => sum + c.w, 0);
	let start = 0;
	if (widthOf(0, n) + endCursor > room) {
		// The cursor about two thirds of the way along, the window as full as the value allows.
		const want = Math.floor(room * 0.7);
		start = at;
		let before = 0;
		while (start > 0 && before + cells[start - 1]!.w <= want) before += cells[--start]!.w;
		while (start > 0 && widthOf(start - 1, n) + endCursor <= room) start--;
	}
	let end = start;
	let used = endCursor;
	while (end < n && used + cells[end]!.w <= room) used += cells[end++]!.w;
	const text = (from: number, to: number) =>
		cells
			.slice(from, to)
			.map((c) => c.g)
			.join('');
	return {
		before: text(start, Math.min(at, end)),
		at: showCursor ? (cells[at]?.g ?? ' ') : '',
		after: text(showCursor ? at + 1 : at, end),
		clippedLeft: start > 0,
		clippedRight: end < n,
	};
}
