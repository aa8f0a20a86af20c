// What the wizard says about where it is: its title, and the organisation's limit of active
// destinations (said on opening and on the review; the user may still try, the list may be stale).
import {ORG_DESTINATION_LIMIT, PROVIDERS, provider} from '../catalogue/providers.js';
import type {Destination} from '../schemas.js';
import {currentStep, currentSteps, type WizardState} from './wizard-state.js';

export const activeCount = (existing: readonly Destination[]): number => existing.filter((d) => !d.archived).length;

export function quotaMessage(existing: readonly Destination[]): string | undefined {
	const n = activeCount(existing);
	if (n < ORG_DESTINATION_LIMIT) return undefined;
	return `Your organisation already has ${n} active destinations, the limit is ${ORG_DESTINATION_LIMIT}: archive one before creating another, or the server will refuse this one.`;
}

/** "Amazon S3 · step 2 of 5 · Bucket and location". */
export function wizardTitle(s: WizardState): string {
	const who = s.step === 0 ? 'New destination' : provider(s.type ?? PROVIDERS[s.highlight]!.type).label;
	return `${who} · step ${s.step + 1} of ${currentSteps(s).length} · ${currentStep(s).title}`;
}
