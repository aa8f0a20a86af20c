// The bundle's stand-in for string-width (the version Ink uses), which every piece of text goes
// through for layout: a fast path for text made only of characters that are each one column
// wide and each their own grapheme (Latin, Greek, Cyrillic, punctuation, arrows, box drawing,
// braille...), whose width is simply its length. string-width itself segments graphemes and runs
// Unicode-property regexes for anything beyond ASCII; the first frame spent ~20 ms there on text
// like "São Paulo" and "›". Anything else goes to string-width. test/unit/string-width.test.ts
// checks every character of the class against string-width.
import realStringWidth from '../../node_modules/string-width/index.js';

/** The one-column characters of the fast path, as the inside of a regex character class. */
export const ONE_COLUMN =
	'\\u0020-\\u007E\\u00A0-\\u00A8\\u00AA-\\u00AC\\u00AF-\\u02FF\\u038E-\\u03A1\\u03A3-\\u0482\\u048A-\\u052F\\u2010-\\u2027\\u2030-\\u203B\\u203D-\\u2048\\u204A-\\u205E\\u20A0-\\u20C0\\u2190-\\u2193\\u2500-\\u25A9\\u25AC-\\u25B5\\u25B7-\\u25BF\\u25C1-\\u25FA\\u2605-\\u260D\\u2713\\u2717-\\u271C\\u27C0-\\u2933';

export const ONE_COLUMN_EACH = new RegExp(`^[${ONE_COLUMN}]*$`);

/**
 * Those characters and ESC (a control: a grapheme of its own), so Ink's styled text, whose
 * every code unit is then a grapheme of its own (see the ansi-tokenize patch in patches.mjs).
 */
export const ONE_GRAPHEME_EACH = new RegExp(`^[\\u001B${ONE_COLUMN}]*$`);

type Options = Parameters<typeof realStringWidth>[1];

export default function stringWidth(input: string, options?: Options): number {
	// Ambiguous-width characters (box drawing, §, ±...) are one column only when narrow.
	if (typeof input === 'string' && options?.ambiguousIsNarrow !== false && ONE_COLUMN_EACH.test(input)) return input.length;
	return realStringWidth(input, options);
}
