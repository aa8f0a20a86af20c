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

/** Greedy word wrap into at most `maxRows` lines of `width` cells; a word longer than a line is
 * broken, and text beyond the last row ends in "…". Lines are computed here, not by the
 * terminal, so the screen knows exactly how many rows a message takes. */
export function wrapLines(text: string, width: number, maxRows = Infinity): string[] {
	if (width <= 0 || maxRows <= 0) return [];
	const lines: string[] = [];
	let line: string[] = [];
	const flush = () => {
		lines.push(line.join(''));
		line = [];
	};
	for (const word of text.split(/(\s+)/)) {
		if (word === '') continue;
		let chars = [...word];
		if (/^\s+$/.test(word)) {
			if (line.length > 0 && line.length + chars.length <= width) line.push(...chars);
			else if (line.length > 0) flush();
			continue;
		}
		if (line.length + chars.length > width && line.length > 0) flush();
		while (chars.length > width) {
			lines.push(chars.slice(0, width).join(''));
			chars = chars.slice(width);
		}
		line.push(...chars);
	}
	if (line.length > 0) flush();
	const trimmed = lines.map((l) => l.trimEnd());
	if (trimmed.length <= maxRows) return trimmed;
	const kept = trimmed.slice(0, maxRows);
	kept[maxRows - 1] = truncate(`${kept[maxRows - 1]} ${trimmed.slice(maxRows).join(' ')}`, width);
	return kept;
}
