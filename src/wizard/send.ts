// The create request of the wizard, wherever the wizard runs. After an answer was lost, the earlier
// attempt may have created the destination, perhaps under the name the user has since changed:
// before sending again it looks for a destination that writes to the same bucket (type and
// bucket or container, src/catalogue IDENTITY_KEYS) and was not there before the first attempt,
// and says what it found; so a retry never creates a twin unasked. Never throws.
import type {CallOptions, CreateBody, Destination} from '../api/types.js';
import {sameBucket} from '../catalogue/providers.js';
import {isSameDestination, nameOfBody} from './body.js';
import type {WizardAction} from './wizard-state.js';

export interface CreateAccess {
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	/** The organisation's active destinations as the server has them now (one request); without it, `existing` is searched. */
	list?: () => Promise<readonly Destination[]>;
	existing: readonly Destination[];
}

export interface CreateRequest {
	body: CreateBody;
	/** Look for an earlier attempt's result before sending (its answer was lost). */
	checkFirst: boolean;
	/** The ids of the destinations there were before the first attempt: none of them is its result. */
	known?: readonly string[];
}

export async function sendCreate(
	request: CreateRequest,
	access: CreateAccess,
	signal: AbortSignal,
): Promise<Exclude<WizardAction, {type: 'key'}>> {
	const {body, checkFirst} = request;
	try {
		if (checkFirst) {
			const all = access.list ? await access.list() : access.existing;
			const known = new Set(request.known ?? []);
			const earlier = all.find((d) => !known.has(d.id) && sameBucket(d, body));
			const name = nameOfBody(body);
			if (earlier)
				return earlier.name === name && isSameDestination(earlier, body)
					? {type: 'created', destination: earlier}
					: {type: 'found-earlier', destination: earlier};
			if (all.some((d) => d.name === name)) return {type: 'conflict-after-uncertain', name};
		}
		return {type: 'created', destination: await access.create(body, {signal})};
	} catch (error) {
		return {type: 'failed', error};
	}
}
