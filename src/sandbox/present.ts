// A destination as the API shows it to one caller: secrets redacted, permissions and ownership
// computed for that caller, links built from the address the caller used. Keys come out in the
// alphabetical order the real service uses.
import {REDACTED, secretKeys} from '../catalogue/providers.js';
import {refFor} from './ids.js';
import type {DestinationRecord} from './types.js';
import type {SandboxUser} from './users.js';

export const API_BASE_PATH = '/destinations/v1';

export const canWrite = (record: DestinationRecord, caller: SandboxUser): boolean => caller.isAdmin || record.ownerId === caller.id;

export function redactedParameters(record: DestinationRecord): Record<string, string | boolean> {
	const secrets = secretKeys(record.type);
	const out: Record<string, string | boolean> = {};
	for (const key of Object.keys(record.parameters).sort()) {
		out[key] = secrets.includes(key) ? REDACTED : record.parameters[key]!;
	}
	return out;
}

export function present(record: DestinationRecord, caller: SandboxUser, origin: string, isDefault: boolean): Record<string, unknown> {
	return {
		_links: {_self: `${origin}${API_BASE_PATH}/${record.id}`},
		archived: record.archived,
		created: record.created,
		default: isDefault,
		id: record.id,
		name: record.name,
		ownership: {is_owner: record.ownerId === caller.id, owner_id: record.ownerId},
		parameters: redactedParameters(record),
		permissions: {can_write: canWrite(record, caller)},
		'pl:ref': refFor(record.name, record.suffix),
		type: record.type,
		updated: record.updated,
	};
}
