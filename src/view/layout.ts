// How the main screen's frame shares out the terminal: header, chips, the list and its detail
// pane (beside it when wide, under it when not), the status line and the legend, always one row
// shorter than the terminal (a taller frame makes Ink repaint everything).

/** Below this size the main screen cannot fit its header, list, detail, status and legend. */
export const MIN_WIDTH = 40;
export const MIN_HEIGHT = 12;

export const isTooSmall = (width: number, height: number): boolean => width < MIN_WIDTH || height < MIN_HEIGHT;

/** From this width the detail pane sits beside the list. */
const WIDE = 110;

export interface FrameLayout {
	wide: boolean;
	tooSmall: boolean;
	listWidth: number;
	detailWidth: number;
	/** Rows of destinations the list shows: one page. */
	listRows: number;
	detailHeight: number;
	/** Rows a scrolling view (details, help) moves by a page. */
	viewRows: number;
}

/** `statusRows`: what the status line takes now (a long error wraps; the rename prompt takes two). */
export function frameLayout(width: number, height: number, statusRows: number): FrameLayout {
	const wide = width >= WIDE;
	const listWidth = wide ? Math.floor(width * 0.6) : width;
	// Header, chips, list header, status, legend and the spare row take 7; beyond two status rows,
	// the list gives way.
	const body = Math.max(3, height - 7 - Math.max(0, statusRows - 2));
	// In a short terminal the pane gives way down to one row (it then says Enter shows the rest).
	const detailHeight = wide ? body + 1 : Math.min(9, Math.max(1, Math.floor(body / 2)));
	return {
		wide,
		tooSmall: isTooSmall(width, height),
		listWidth,
		detailWidth: wide ? width - listWidth - 2 : width,
		listRows: wide ? body : Math.max(1, body - detailHeight - 1),
		detailHeight,
		viewRows: Math.max(1, height - 5),
	};
}
