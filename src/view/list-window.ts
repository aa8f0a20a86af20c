// Which rows to render: only those that fit, in a window that follows the cursor, so a list of
// 10,000 destinations renders as many rows as a list of 10.
export function listWindow(total: number, cursor: number, height: number, previousTop = 0): {top: number; end: number} {
	if (total <= height || height <= 0) return {top: 0, end: Math.min(total, Math.max(0, height))};
	let top = Math.min(previousTop, total - height);
	if (cursor < top) top = cursor;
	if (cursor >= top + height) top = cursor - height + 1;
	return {top: Math.max(0, top), end: Math.max(0, top) + height};
}
