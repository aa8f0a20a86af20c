// State and effects of the credential-rotation form: keys go to the pure reducer and the one PATCH
// is made here; reading keys, aborting and handing the outcome over once are use-form-session's,
// shared with the creation wizard.
import {useMemo, useReducer} from 'react';
import type {CallOptions, Destination} from '../src/api/types.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import type {InkKey} from '../src/wizard/keys.js';
import {initialRotation, makeRotationReducer, type RotationState} from '../src/wizard/rotation-state.js';
import {useFormSession} from './use-form-session.js';

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
	const onKey = useFormSession({
		sending: state.phase === 'sending',
		request: state.request,
		outcome: state.outcome,
		onFormKey: (key) => dispatch({type: 'key', key, files}),
		send: (request, signal) =>
			options
				.rotate(request.parameters, {signal})
				.then((destination) => dispatch({type: 'rotated', destination}))
				.catch((error: unknown) => dispatch({type: 'failed', error})),
		finish: (outcome) => (outcome.kind === 'rotated' ? options.onDone(outcome.destination) : options.onCancel()),
	});
	return {state, onKey, files};
}
