// A key or token goes into the Authorization header, which takes printable ASCII only. A key
// with a line break inside (a key file pasted with Windows line ends), a control character or a
// non-ASCII letter cannot be sent at all; HTTP libraries then fail in ways that read like a
// network fault. Such a value is caught where it is read and named by where it came from.
// Whitespace around a value (the usual trailing newline or \r) is trimmed by the readers first.

/** What is wrong with `value` as part of a header, as the end of a sentence; undefined if nothing. */
export function headerProblem(value: string): string | undefined {
	const bad = /[^\x20-\x7e]/.exec(value);
	if (!bad) return undefined;
	// Only where and what kind, never the character itself: it is part of a secret.
	const at = `at character ${[...value.slice(0, bad.index)].length + 1}`;
	const c = bad[0].charCodeAt(0);
	if (c === 0x0a || c === 0x0d) return `has a line break inside (${at}), so it cannot be sent: it should be one line`;
	if (c === 0x09) return `has a tab inside (${at}), so it cannot be sent`;
	if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) return `has a control character (${at}), so it cannot be sent`;
	return `has a non-ASCII character (${at}), so it cannot be sent: keys and tokens are plain ASCII`;
}

/** Trims surrounding whitespace (a trailing newline or \r from a file or `$(cat key)`); undefined if nothing is left. */
export const trimmedValue = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
