// Which rows to render: only those that fit, in a window that follows the cursor, so a list of
// 10,000 destinations renders as many rows as a list of 10.
export function listWindow(total: number, cursor: number, height: number, previousTop = 0): {top: number; end: number} {
	if (total <= height || height <= 0) return {top: 0, end: Math.min(total, Math.max(0, height))};
	let top = Math.min(previousTop, total - height);
	if (cursor < top) top = cursor;
	if (cursor >= top + height) top = cursor - height + 1;
	return {top: Math.max(0, top), end: Math.max(0, top) + height};
}

export interface ScrollWindow {
	/** The first row shown, and one past the last. */
	first: number;
	end: number;
	scrolls: boolean;
	/** The largest useful `top`, so the screen can clamp its scroll position. */
	maxTop: number;
	/** Rows out of view below. */
	below: number;
}

/** A page that scrolls: when `total` rows do not fit in `room`, one row is kept to say what is out of view. */
export function scrollWindow(total: number, room: number, top: number): ScrollWindow {
	const scrolls = total > room;
	const visible = scrolls ? Math.max(1, room - 1) : room;
	const maxTop = Math.max(0, total - visible);
	const first = Math.max(0, Math.min(top, maxTop));
	const end = Math.min(total, first + visible);
	return {first, end, scrolls, maxTop, below: total - end};
}

/** What a scrolled list or page does not show: "↑ 3 more above · ↓ 5 more below" (the sides that have any). */
export function moreText(above: number, below: number): string {
	return [above > 0 ? `↑ ${above} more above` : '', below > 0 ? `↓ ${below} more below` : ''].filter(Boolean).join(' · ');
}
