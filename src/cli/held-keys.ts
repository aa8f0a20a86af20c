// The terminal is destui's from the `destui` command's first moment (src/loader.ts), before the app
// loads: raw mode goes on at once, so keys typed ahead are not echoed over the screen and Ctrl-C is
// a key, not a signal. Until a screen reads keys (Ink adds its own 'readable' listener), what is
// typed is read here and kept, then put back on stdin for Ink to read first, in order; a Ctrl-C
// among it quits at once, as Ctrl-C does on every screen. A SIGINT is then only ever a signal
// (`kill -INT`, or a Ctrl-C before Node had run a line of destui), and exits as one (130).

const CTRL_C = '\x03';

export interface HeldKeys {
	/** Stops holding (also done as soon as a screen reads keys): what was kept goes back on stdin. */
	release(): void;
}

/**
 * Holds the keys of `stdin` (a terminal) until a screen reads them. `quit` is what a Ctrl-C does
 * meanwhile (by default: exit 0; the screen's own exit handler restores the terminal).
 */
export function holdKeys(stdin: NodeJS.ReadStream = process.stdin, quit: () => void = () => process.exit(0)): HeldKeys | undefined {
	if (!stdin.isTTY) return undefined;
	const kept: Buffer[] = [];
	let holding = true;
	const read = (): void => {
		let chunk: Buffer | string | null;
		while ((chunk = stdin.read() as Buffer | string | null) !== null) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
			if (bytes.includes(CTRL_C)) return quit();
			kept.push(bytes);
		}
	};
	const release = (): void => {
		if (!holding) return;
		holding = false;
		stdin.removeListener('readable', read);
		stdin.removeListener('newListener', onListener);
		if (kept.length === 0) return;
		// In the stream's own terms: once Ink has set an encoding, its buffer holds strings.
		const all = Buffer.concat(kept.splice(0));
		const encoding = stdin.readableEncoding;
		stdin.unshift(encoding ? all.toString(encoding) : all);
	};
	// Ink reads with a 'readable' listener of its own: the keys go back just before it is added.
	const onListener = (event: string | symbol): void => {
		if (event === 'readable') release();
	};
	stdin.setRawMode(true);
	stdin.on('readable', read);
	stdin.on('newListener', onListener);
	// Holding keys never keeps destui running (an exit before the screen, e.g. a usage error).
	stdin.unref();
	process.once('exit', () => {
		try {
			stdin.setRawMode(false);
		} catch {
			// Already closed: Node gives the terminal back as it was.
		}
	});
	return {release};
}
