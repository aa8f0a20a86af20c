// Collects a bracketed paste between its markers, so the text arrives as one piece however the
// terminal chunked it, and nothing inside it can act as a key (a newline never submits).
import {MAX_PASTE, type FormKey} from './keys.js';

/** null when no paste is in progress, else the text collected so far. */
export type PasteBuffer = string | null;

export function trackPaste(buffer: PasteBuffer, key: FormKey): {buffer: PasteBuffer; key?: FormKey} {
	switch (key.kind) {
		case 'paste-start':
			return {buffer: ''};
		case 'paste-chunk':
			return {buffer: buffer === null ? null : (buffer + key.text).slice(0, MAX_PASTE)};
		case 'paste-end':
			return {buffer: null, key: {kind: 'paste', text: buffer ?? ''}};
		default:
			return {buffer, key};
	}
}
