// The creation wizard on its own (the main screen keeps the wizard's state in its own instead):
// keys go to the pure reducer (src/wizard), and the create request (src/wizard/send.ts) is made
// here; reading keys, aborting and handing the outcome over once are use-form-session's.
import {useReducer} from 'react';
import type {CallOptions, CreateBody, Destination} from '../src/api/types.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {sendCreate} from '../src/wizard/send.js';
import {initialWizard, wizardReducer, type WizardState} from '../src/wizard/wizard-state.js';
import {useFormSession} from './use-form-session.js';

export interface UseWizardOptions {
	existing: readonly Destination[];
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	list?: () => Promise<readonly Destination[]>;
	onCreated: (d: Destination) => void;
	onCancel: () => void;
	files?: FileAccess;
}

export function useWizard(options: UseWizardOptions): {state: WizardState; files: FileAccess} {
	const [state, dispatch] = useReducer(wizardReducer, initialWizard);
	const files = options.files ?? realFiles;
	useFormSession({
		sending: state.phase === 'sending',
		request: state.request,
		outcome: state.outcome,
		onKey: (event) => dispatch({type: 'key', event, ctx: {existing: options.existing, files}}),
		send: (request, signal) => sendCreate(request, options, signal).then(dispatch),
		finish: (outcome) => (outcome.kind === 'created' ? options.onCreated(outcome.destination) : options.onCancel()),
	});
	return {state, files};
}
