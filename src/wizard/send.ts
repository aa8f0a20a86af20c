// The create request of the wizard, wherever the wizard runs: after an answer was lost it looks for
// the destination first (names are unique), so a retry never creates a twin. Resolves to what the
// wizard's reducer is told; never throws.
import type {CallOptions, CreateBody, Destination} from '../api/types.js';
import {isSameDestination, nameOfBody} from './body.js';
import type {WizardAction} from './wizard-state.js';

export interface CreateAccess {
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	/** Finds a destination by name on the server; without it, `existing` is searched. */
	lookup?: (name: string) => Promise<Destination | undefined>;
	existing: readonly Destination[];
}

export async function sendCreate(request: {body: CreateBody; checkFirst: boolean}, access: CreateAccess, signal: AbortSignal): Promise<Exclude<WizardAction, {type: 'key'}>> {
	const {body, checkFirst} = request;
	try {
		if (checkFirst) {
			const name = nameOfBody(body);
			const found = access.lookup ? await access.lookup(name) : access.existing.find((d) => d.name === name);
			if (found) return isSameDestination(found, body) ? {type: 'created', destination: found} : {type: 'conflict-after-uncertain', name};
		}
		return {type: 'created', destination: await access.create(body, {signal})};
	} catch (error) {
		return {type: 'failed', error};
	}
}
