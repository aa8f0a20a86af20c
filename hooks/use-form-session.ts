// What the creation wizard and the rotation form share when they run on their own (not inside the
// main screen, which keeps their state in its own): reading keys, letting Esc abort the request in
// flight, running each request with its own AbortController, and handing the outcome over once.
import {useEffect, useLayoutEffect, useRef} from 'react';
import type {KeyEvent} from '../src/keys/read.js';
import {keysOfEvent} from '../src/keys/read.js';
import {useKeys} from './use-keys.js';

export interface FormSession<Request, Outcome> {
	/** Whether a request is in flight, so Esc aborts it instead of reaching the form. */
	sending: boolean;
	/** A new object for each request to run; undefined while there is none. */
	request: Request | undefined;
	outcome: Outcome | undefined;
	onKey: (event: KeyEvent) => void;
	/** Runs one request and reports its result to the reducer itself, never by throwing. */
	send: (request: Request, signal: AbortSignal) => Promise<void>;
	finish: (outcome: Outcome) => void;
}

export function useFormSession<Request, Outcome>(session: FormSession<Request, Outcome>): void {
	// Handlers are read at call time, so a key or a late result always reaches the latest props.
	const latest = useRef(session);
	useLayoutEffect(() => {
		latest.current = session;
	});
	const abort = useRef<AbortController | undefined>(undefined);

	useKeys((events) => {
		for (const event of events) {
			if (latest.current.sending) {
				if (keysOfEvent(event).some((k) => k.name === 'escape')) abort.current?.abort();
			} else latest.current.onKey(event);
		}
	}, session.outcome === undefined);

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
}
