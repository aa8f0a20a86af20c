// State and effects of the credential-rotation form: keys go to the pure reducer, the one PATCH
// runs here, and the outcome is handed to the screen exactly once.
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import type {CallOptions, Destination} from '../src/api/types.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {PASTE_END, PASTE_START, readKey, type InkKey} from '../src/wizard/keys.js';
import {initialRotation, makeRotationReducer, type RotationState} from '../src/wizard/rotation-state.js';

export interface UseRotationOptions {
	destination: Destination;
	rotate: (parameters: Record<string, string | boolean>, options?: CallOptions) => Promise<Destination>;
	onDone: (d: Destination) => void;
	onCancel: () => void;
	files?: FileAccess;
}

export interface UseRotation {
	state: RotationState;
	onKey: (input: string, key: InkKey) => void;
	files: FileAccess;
}

export function useRotation(options: UseRotationOptions): UseRotation {
	const reducer = useMemo(() => makeRotationReducer(options.destination), [options.destination.type]);
	const [state, dispatch] = useReducer(reducer, options.destination, initialRotation);
	const files = options.files ?? realFiles;
	const latest = useRef(options);
	latest.current = options;
	const abort = useRef<AbortController | undefined>(undefined);
	const pasting = useRef(false);
	const sending = useRef(false);
	sending.current = state.phase === 'sending';

	const onKey = useCallback(
		(input: string, key: InkKey) => {
			const formKey = readKey(input, key, pasting.current);
			if (input === PASTE_START && !pasting.current) pasting.current = true;
			else if (input === PASTE_END) pasting.current = false;
			if (sending.current && formKey.kind === 'escape') {
				abort.current?.abort();
				return;
			}
			dispatch({type: 'key', key: formKey, files});
		},
		[files],
	);

	const request = state.request;
	useEffect(() => {
		if (!request) return;
		const controller = new AbortController();
		abort.current = controller;
		void latest.current
			.rotate(request.parameters, {signal: controller.signal})
			.then((destination) => dispatch({type: 'rotated', destination}))
			.catch((error: unknown) => dispatch({type: 'failed', error}));
		return () => controller.abort();
	}, [request]);

	const outcome = state.outcome;
	useEffect(() => {
		if (!outcome) return;
		if (outcome.kind === 'rotated') latest.current.onDone(outcome.destination);
		else latest.current.onCancel();
	}, [outcome]);

	return {state, onKey, files};
}
