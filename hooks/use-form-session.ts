// What the creation wizard and the rotation form share around their reducers: reading keys (with
// bracketed paste), letting Esc abort the request in flight, running each request with its own
// AbortController, and handing the outcome over once. The forms differ only in the handlers.
import {useCallback, useEffect, useRef} from 'react';
import {PASTE_END, PASTE_START, readKey, type FormKey, type InkKey} from '../src/wizard/keys.js';

export interface FormSession<Request, Outcome> {
	/** Whether a request is in flight, so Esc aborts it instead of reaching the form. */
	sending: boolean;
	/** A new object for each request to run; undefined while there is none. */
	request: Request | undefined;
	outcome: Outcome | undefined;
	onFormKey: (key: FormKey) => void;
	/** Runs one request and reports its result to the reducer itself, never by throwing. */
	send: (request: Request, signal: AbortSignal) => Promise<void>;
	finish: (outcome: Outcome) => void;
}

/** Returns the one key handler of the form. */
export function useFormSession<Request, Outcome>(session: FormSession<Request, Outcome>): (input: string, key: InkKey) => void {
	// Handlers are read at call time, so a key or a late result always reaches the latest props
	// while the key handler keeps one identity.
	const latest = useRef(session);
	latest.current = session;
	const abort = useRef<AbortController | undefined>(undefined);
	// Ink hands over every key of one stdin chunk before React re-renders, so whether a paste is
	// open is tracked here, synchronously, rather than read from the last rendered state.
	const pasting = useRef(false);

	const onKey = useCallback((input: string, key: InkKey) => {
		const formKey = readKey(input, key, pasting.current);
		if (input === PASTE_START && !pasting.current) pasting.current = true;
		else if (input === PASTE_END) pasting.current = false;
		if (latest.current.sending && formKey.kind === 'escape') {
			abort.current?.abort();
			return;
		}
		latest.current.onFormKey(formKey);
	}, []);

	const {request, outcome} = session;
	useEffect(() => {
		if (!request) return;
		const controller = new AbortController();
		abort.current = controller;
		void latest.current.send(request, controller.signal);
		return () => controller.abort();
	}, [request]);

	useEffect(() => {
		if (outcome) latest.current.finish(outcome);
	}, [outcome]);

	return onKey;
}
