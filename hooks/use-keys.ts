// The one listener of a screen: every key Ink reads goes through src/keys/read.ts and reaches
// `onEvents` in the order it was typed. A screen has exactly one, so a key never reaches two places.
import {useCallback, useLayoutEffect, useRef} from 'react';
import {useInput} from 'ink';
import {KeyReader, type InkKey, type KeyEvent} from '../src/keys/read.js';

export function useKeys(onEvents: (events: KeyEvent[]) => void, active = true): void {
	const latest = useRef(onEvents);
	// Updated before any later key can be read (keys are read between frames, never during one).
	useLayoutEffect(() => {
		latest.current = onEvents;
	});
	const reader = useRef<KeyReader | undefined>(undefined);
	// Ink hands over everything one stdin read holds in calls that follow each other at once; the
	// reads are told apart by a microtask, which runs only after all of them.
	const read = useRef({id: 0, open: false});
	const handler = useCallback((input: string, key: InkKey) => {
		reader.current ??= new KeyReader();
		if (!read.current.open) {
			read.current = {id: read.current.id + 1, open: true};
			queueMicrotask(() => (read.current.open = false));
		}
		const events = reader.current.read(input, key, read.current.id);
		if (events.length) latest.current(events);
	}, []);
	useInput(handler, {isActive: active});
}
