// State and effects of the creation wizard: keys go to the pure reducer (src/wizard), the create
// request runs here, and the outcome is handed to the screen exactly once.
import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {CallOptions, CreateBody, Destination} from '../src/api/types.js';
import {isSameDestination, nameOfBody} from '../src/wizard/body.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {PASTE_END, PASTE_START, readKey, type InkKey} from '../src/wizard/keys.js';
import {initialWizard, wizardReducer, type WizardState} from '../src/wizard/wizard-state.js';

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
	const latest = useRef(options);
	latest.current = options;
	const abort = useRef<AbortController | undefined>(undefined);
	// Ink hands over every key of one stdin chunk before React re-renders, so whether a paste is
	// open is tracked here, synchronously, rather than read from the last rendered state.
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
			dispatch({type: 'key', key: formKey, ctx: {existing: latest.current.existing, files}});
		},
		[files],
	);

	const request = state.request;
	useEffect(() => {
		if (!request) return;
		const controller = new AbortController();
		abort.current = controller;
		const {body, checkFirst} = request;
		void (async () => {
			try {
				if (checkFirst) {
					// The last attempt's answer was lost: it may have created the destination. Names are
					// unique, so look for this one before sending again.
					const name = nameOfBody(body);
					const {lookup, existing} = latest.current;
					const found = lookup ? await lookup(name) : existing.find((d) => d.name === name);
					if (found) {
						dispatch(isSameDestination(found, body) ? {type: 'created', destination: found} : {type: 'conflict-after-uncertain', name});
						return;
					}
				}
				const destination = await latest.current.create(body, {signal: controller.signal});
				dispatch({type: 'created', destination});
			} catch (error) {
				dispatch({type: 'failed', error});
			}
		})();
		return () => controller.abort();
	}, [request]);

	const outcome = state.outcome;
	useEffect(() => {
		if (!outcome) return;
		if (outcome.kind === 'created') latest.current.onCreated(outcome.destination);
		else latest.current.onCancel();
	}, [outcome]);

	return {state, onKey, existing: options.existing, files};
}
