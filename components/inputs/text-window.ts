// Which part of a long value fits in the field's width, keeping the cursor in view.

export interface TextWindow {
	before: string;
	at: string;
	after: string;
	clippedLeft: boolean;
	clippedRight: boolean;
}

export function textWindow(value: string, cursor: number, width: number, showCursor: boolean): TextWindow {
	const chars = [...value];
	// Cursor in code points, for slicing by characters.
	const cursorChars = [...value.slice(0, cursor)].length;
	const room = Math.max(4, width - 2);
	let start = 0;
	if (chars.length + 1 > room) start = Math.max(0, Math.min(cursorChars - Math.floor(room * 0.7), chars.length + 1 - room));
	const end = Math.min(chars.length, start + room - (showCursor && cursorChars >= chars.length ? 1 : 0));
	const before = chars.slice(start, cursorChars).join('');
	const at = showCursor ? (chars[cursorChars] ?? ' ') : '';
	const after = chars.slice(showCursor ? cursorChars + 1 : cursorChars, end).join('');
	return {before, at, after, clippedLeft: start > 0, clippedRight: end < chars.length};
}
