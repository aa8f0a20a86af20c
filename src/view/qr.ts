// A QR code drawn with half blocks, two rows of modules per terminal line, by the qrcode
// package's small terminal renderer (black on white, whatever the terminal's own colours, so a
// phone reads it on dark and light themes alike). Loaded only when a sign-in shows a code:
// start-up never pays for it.

/** The lines of the QR code of `text` (escape sequences included), or undefined if it cannot be made. */
export async function qrLines(text: string): Promise<string[] | undefined> {
	try {
		const [{create}, {render}] = await Promise.all([
			import('qrcode/lib/core/qrcode.js'),
			import('qrcode/lib/renderer/terminal/terminal-small.js'),
		]);
		const drawn: string = render(create(text, {errorCorrectionLevel: 'L'}), {});
		return drawn.split('\n').filter((line) => line.replace(/\x1b\[[0-9;]*m/g, '') !== '');
	} catch {
		return undefined;
	}
}

/** Terminal columns and rows the QR code of a text this long takes (for deciding whether it fits). */
export const qrSize = (lines: readonly string[]): {cols: number; rows: number} => ({
	cols: (lines[0] ?? '').replace(/\x1b\[[0-9;]*m/g, '').length,
	rows: lines.length,
});
