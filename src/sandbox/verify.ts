// Stands in for Planet's access check: on create and on credential rotation the real service
// writes, then deletes, planetverify.txt in the target (spec §5, §7). Here a bucket or container
// whose name starts with "noaccess-" fails that check, so clients can exercise the failure.
import {nameSourceKey, type DestinationType} from '../catalogue/providers.js';
import {fail} from './errors.js';

export const NO_ACCESS_PREFIX = 'noaccess-';

export function verifyAccess(type: DestinationType, parameters: Record<string, string | boolean>): void {
	const key = nameSourceKey(type);
	const location = parameters[key];
	if (typeof location === 'string' && location.startsWith(NO_ACCESS_PREFIX)) {
		const what = key === 'container' ? 'container' : 'bucket';
		fail(
			400,
			`Planet could not write and delete planetverify.txt in the ${what} "${location}": check that the credentials allow writing and deleting objects there`,
		);
	}
}
