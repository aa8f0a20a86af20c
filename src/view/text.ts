// Fitting text into terminal cells: one cell per code point is close enough for the names
// destinations have; wide glyphs may overhang by a cell, never wrap, because Ink truncates.
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	const chars = [...text];
	if (chars.length <= width) return text;
	if (width === 1) return '…';
	return `${chars.slice(0, width - 1).join('')}…`;
}

export function pad(text: string, width: number): string {
	const t = truncate(text, width);
	return t + ' '.repeat(Math.max(0, width - [...t].length));
}
