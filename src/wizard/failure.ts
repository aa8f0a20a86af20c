// Where a failed request sends the user: to the page the problem concerns, with the server's
// reason in plain words, so they fix one thing and try again without retyping anything.
import {ApiError} from '../api/errors.js';
import {isDestinationType, locationOf, provider, type DestinationType} from '../catalogue/providers.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {describeError} from '../view/messages.js';
import {keyFor} from '../view/commands.js';
import {NAME_KEY} from './form.js';
import {hintKeys} from './keys.js';

export interface RoutedFailure {
	/** Where the user is sent: a field's page, the credentials page, or the review. */
	target: {field: string} | {group: 'credentials'} | 'review';
	/** Plain words for the page: what happened, then the server's own reason. */
	message: string;
	/** A problem to pin on the field until it is edited (a taken name). */
	fieldProblem?: string;
	/** Trying again as is could work (network, server, rate limit). */
	retry: boolean;
	/** The request may have reached the server and taken effect (dropped connection, timeout...). */
	uncertain: boolean;
}

/** The words for a failed create or rotation: the one description of errors, and that nothing is lost. */
export function describeFailure(error: unknown): string {
	return error instanceof ApiError ? describeError(error) : `${describeError(error)} Nothing you typed is lost: try again.`;
}

const UNCERTAIN = new Set(['network', 'timeout', 'cancelled', 'malformed', 'server']);

/** A verification refusal: Planet could not write and delete its test file with these credentials. */
export const isVerificationFailure = (error: ApiError): boolean =>
	error.status === 400 && /planetverify|verif|could not (write|access|read)|access denied|permission/i.test(error.serverMessage ?? '');

/** The first of the provider's parameter keys (or the name) the server's message names. */
function namedField(type: DestinationType, message: string): string | undefined {
	let best: {key: string; at: number} | undefined;
	for (const field of provider(type).fields) {
		const at = message.search(new RegExp(`\\b${field.key}\\b`));
		if (at >= 0 && (!best || at < best.at)) best = {key: field.key, at};
	}
	const nameAt = message.search(/\bname\b/i);
	if (nameAt >= 0 && (!best || nameAt < best.at)) return NAME_KEY;
	return best?.key;
}

export function routeCreateFailure(type: DestinationType, error: unknown): RoutedFailure {
	const message = describeFailure(error);
	if (!(error instanceof ApiError)) return {target: 'review', message, retry: true, uncertain: true};
	const uncertain = UNCERTAIN.has(error.kind);
	if (error.kind === 'conflict') {
		return {target: {field: NAME_KEY}, message, fieldProblem: 'is already taken in your organisation', retry: false, uncertain: false};
	}
	if (error.kind === 'bad_request') {
		if (isVerificationFailure(error)) return {target: {group: 'credentials'}, message, retry: false, uncertain: false};
		const field = namedField(type, error.serverMessage ?? '');
		return {target: field ? {field} : 'review', message, retry: false, uncertain: false};
	}
	return {target: 'review', message, retry: error.transient || uncertain, uncertain};
}

export function routeRotationFailure(type: DestinationType, error: unknown): RoutedFailure {
	const message = describeFailure(error);
	if (!(error instanceof ApiError)) return {target: 'review', message, retry: true, uncertain: false};
	if (error.kind === 'bad_request' && !isVerificationFailure(error)) {
		const field = namedField(type, error.serverMessage ?? '');
		if (field && field !== NAME_KEY) return {target: {field}, message, retry: false, uncertain: false};
	}
	return {target: 'review', message, retry: error.transient, uncertain: false};
}

/**
 * After a lost answer, the look-up before sending again found a destination for the same bucket
 * that was not there before: most likely the earlier attempt's, under the name typed then.
 */
export function foundEarlierMessage(d: Destination): string {
	const type = isDestinationType(d.type) ? provider(d.type).label : sanitize(d.type);
	return `Your earlier attempt, whose answer was lost, did create a destination for this bucket: "${sanitize(d.name)}" (${type}, ${sanitize(locationOf(d.type, d.parameters))}). Nothing was sent again. Leave the wizard to find it in the list (${keyFor('rename')} renames it), or press ${hintKeys('next')} to create a second destination for the same bucket.`;
}
