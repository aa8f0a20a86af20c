// Reads a QR code off a terminal screen as a phone camera would: the half blocks drawn by
// src/view/qr.ts (black on white, two rows of modules per line, a white border of one module, the
// bottom border drawn as "▀" on a line of its own) turned back into pixels and decoded by jsQR,
// a decoder that shares nothing with the qrcode package that drew them.
import jsQRModule from 'jsqr';

// A CommonJS module whose types declare an ES default export: under NodeNext the function is its
// `default` (which it also is at run time, besides being the module itself).
const jsQR = jsQRModule.default;

/** Dark (true) or light halves of each block character: top, then bottom. */
const HALVES: Record<string, readonly [boolean, boolean]> = {
	' ': [false, false],
	'▄': [false, true],
	'▀': [true, false],
	'█': [true, true],
};

/** Pixels per module, and white modules around the code (a light terminal background). */
const SCALE = 4;
const QUIET = 4;

/** The text of the QR code on `screen`, or undefined if none can be read there. */
export function readScreenQr(screen: string): string | undefined {
	const lines = screen.split('\n');
	// The bottom border: a run of "▀" alone on its line, as wide as the code plus its border.
	const last = lines.findIndex((l) => /^ *▀{20,} *$/.test(l));
	if (last < 0) return undefined;
	const left = lines[last]!.indexOf('▀');
	const width = lines[last]!.trim().length;
	// The code's lines above it: every character a block or a space, at least one block.
	let first = last;
	while (first > 0 && /^[ ▀▄█]*[▀▄█][ ▀▄█]*$/.test(lines[first - 1]!.slice(left, left + width))) first--;
	const rows: boolean[][] = [];
	for (const line of lines.slice(first, last)) {
		const cells = [...line.slice(left, left + width).padEnd(width)].map((c) => HALVES[c] ?? HALVES[' ']!);
		rows.push(
			cells.map((c) => c[0]),
			cells.map((c) => c[1]),
		);
	}
	// The bottom border's white top half ends the code.
	rows.push(new Array<boolean>(width).fill(false));

	const side = width + 2 * QUIET;
	const height = rows.length + 2 * QUIET;
	const pixels = new Uint8ClampedArray(side * SCALE * height * SCALE * 4).fill(255);
	rows.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (!dark) return;
			for (let dy = 0; dy < SCALE; dy++)
				for (let dx = 0; dx < SCALE; dx++) {
					const at = (((y + QUIET) * SCALE + dy) * side * SCALE + (x + QUIET) * SCALE + dx) * 4;
					pixels.fill(0, at, at + 3);
				}
		}),
	);
	return jsQR(pixels, side * SCALE, height * SCALE)?.data;
}
