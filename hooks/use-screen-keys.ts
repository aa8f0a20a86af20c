// Keys for a screen App shows in place of the list (the wizard, the rotation form). App reads
// every key itself and hands such a screen its keys in order: with a listener of its own, a key
// typed together with the one that opened the screen ("n" and Enter in one read, a paste, a fast
// typist) arrived before the new listener and was lost. Alone (as component tests mount it), the
// screen reads its keys itself.
import {createContext, useContext, useLayoutEffect} from 'react';
import {useInput, type Key} from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

/** Where the shown screen's handler is kept for App to call. */
export interface ScreenKeys {
	current: KeyHandler | undefined;
}

export const ScreenKeysContext = createContext<ScreenKeys | undefined>(undefined);

/** `handler` gets the keys while `active`, from App when App shows this screen. */
export function useScreenKeys(handler: KeyHandler, active = true): void {
	const slot = useContext(ScreenKeysContext);
	useInput(handler, {isActive: active && !slot});
	// A layout effect runs as the screen's first frame is committed, before any later key is read.
	useLayoutEffect(() => {
		if (!slot) return;
		slot.current = active ? handler : undefined;
		return () => {
			if (slot.current === handler) slot.current = undefined;
		};
	});
}
