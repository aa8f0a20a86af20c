// Reading the destination list off a screen (a real terminal's or a test frame without colours):
// the names of the rows under the column titles, top to bottom.

/** The name of a list row: after the two cells of cursor and mark, up to the column gap. */
export const rowName = (line: string): string =>
	line
		.slice(2)
		.split(/\s{2,}/)[0]!
		.trim();

export function rowNames(screen: string): string[] {
	const lines = screen.split('\n');
	const start = lines.findIndex((l) => /^\s+NAME/.test(l)) + 1;
	const names: string[] = [];
	for (const l of lines.slice(start)) {
		if (!/^[› ][✓ ]\S/.test(l)) break;
		names.push(rowName(l));
	}
	return names;
}
