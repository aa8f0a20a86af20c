// State and effects of the creation wizard: keys go to the pure reducer (src/wizard) and the create
// request is made here; reading keys, aborting and handing the outcome over once are
// use-form-session's, shared with the rotation form.
import {useReducer} from 'react';
import type {CallOptions, CreateBody, Destination} from '../src/api/types.js';
import {isSameDestination, nameOfBody} from '../src/wizard/body.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import type {InkKey} from '../src/wizard/keys.js';
import {initialWizard, wizardReducer, type WizardState} from '../src/wizard/wizard-state.js';
import {useFormSession} from './use-form-session.js';

export interface UseWizardOptions {
	existing: readonly Destination[];
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	lookup?: (name: string) => Promise<Destination | undefined>;
	onCreated: (d: Destination) => void;
	onCancel: () => void;
	files?: FileAccess;
}

export interface UseWizard {
	state: WizardState;
	/** The one place every key of the wizard goes through. */
	onKey: (input: string, key: InkKey) => void;
	existing: readonly Destination[];
	files: FileAccess;
}

export function useWizard(options: UseWizardOptions): UseWizard {
	const [state, dispatch] = useReducer(wizardReducer, initialWizard);
	const files = options.files ?? realFiles;
	const onKey = useFormSession({
		sending: state.phase === 'sending',
		request: state.request,
		outcome: state.outcome,
		onFormKey: (key) => dispatch({type: 'key', key, ctx: {existing: options.existing, files}}),
		send: async ({body, checkFirst}, signal) => {
			try {
				if (checkFirst) {
					// The last attempt's answer was lost: it may have created the destination. Names are
					// unique, so look for this one before sending again.
					const name = nameOfBody(body);
					const {lookup, existing} = options;
					const found = lookup ? await lookup(name) : existing.find((d) => d.name === name);
					if (found) {
						dispatch(isSameDestination(found, body) ? {type: 'created', destination: found} : {type: 'conflict-after-uncertain', name});
						return;
					}
				}
				const destination = await options.create(body, {signal});
				dispatch({type: 'created', destination});
			} catch (error) {
				dispatch({type: 'failed', error});
			}
		},
		finish: (outcome) => (outcome.kind === 'created' ? options.onCreated(outcome.destination) : options.onCancel()),
	});
	return {state, onKey, existing: options.existing, files};
}
