// The credential-rotation form on its own (the main screen keeps the form's state in its own
// instead): keys go to the pure reducer and the one PATCH is made here; reading keys, aborting and
// handing the outcome over once are use-form-session's.
import {useMemo, useReducer} from 'react';
import type {CallOptions, Destination} from '../src/api/types.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {initialRotation, makeRotationReducer, type RotationState} from '../src/wizard/rotation-state.js';
import {useFormSession} from './use-form-session.js';

export interface UseRotationOptions {
	destination: Destination;
	rotate: (parameters: Record<string, string | boolean>, options?: CallOptions) => Promise<Destination>;
	onDone: (d: Destination) => void;
	onCancel: () => void;
	files?: FileAccess;
}

export function useRotation(options: UseRotationOptions): {state: RotationState; files: FileAccess} {
	const {destination} = options;
	const reducer = useMemo(() => makeRotationReducer(destination), [destination]);
	const [state, dispatch] = useReducer(reducer, destination, initialRotation);
	const files = options.files ?? realFiles;
	useFormSession({
		sending: state.phase === 'sending',
		request: state.request,
		outcome: state.outcome,
		onKey: (event) => dispatch({type: 'key', event, files}),
		send: (request, signal) =>
			options
				.rotate(request.parameters, {signal})
				.then((destination) => dispatch({type: 'rotated', destination}))
				.catch((error: unknown) => dispatch({type: 'failed', error})),
		finish: (outcome) => (outcome.kind === 'rotated' ? options.onDone(outcome.destination) : options.onCancel()),
	});
	return {state, files};
}
