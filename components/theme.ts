// The app's colours, for every screen and widget. Colour is never the only signal (✗, ›, [x]
// carry the meaning); NO_COLOR turns it off, since Ink's colour stack ignores that convention.
const noColor = (): boolean => process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';

export const tone = {
	error: (): string | undefined => (noColor() ? undefined : 'red'),
	warn: (): string | undefined => (noColor() ? undefined : 'yellow'),
	ok: (): string | undefined => (noColor() ? undefined : 'green'),
	accent: (): string | undefined => (noColor() ? undefined : 'cyan'),
};

/** Dim text only when colour is allowed; NO_COLOR terminals get plain text. */
export const dim = (): boolean => !noColor();

/** What stands for a secret on screen: never its length, never its content. */
export const SECRET_MASK = '••••••••';
