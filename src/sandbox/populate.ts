// Bulk rows for benchmarks (POST /_sandbox/populate): N valid destinations, bypassing the
// 50-per-org limit, cycling through the five types, with unique names and buckets.
import {DESTINATION_TYPES, nameSourceKey} from '../catalogue/providers.js';
import {fail} from './errors.js';
import {makeId, randomSuffix} from './ids.js';
import {templateParameters} from './seed.js';
import type {Store} from './store.js';
import {now} from './time.js';
import {SANDBOX_USERS, userByName, type SandboxUserName} from './users.js';

export const MAX_POPULATE = 100_000;

export interface PopulateSpec {
	count: number;
	owner: SandboxUserName;
	archived: boolean;
}

export function parsePopulateSpec(body: Record<string, unknown>): PopulateSpec {
	for (const key of Object.keys(body))
		if (!['count', 'owner', 'archived'].includes(key)) fail(400, `Unknown field "${key}": expected count, owner, archived`);
	const {count, owner = 'user', archived = false} = body;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_POPULATE)
		fail(400, `count must be a whole number from 1 to ${MAX_POPULATE}`);
	if (!SANDBOX_USERS.some((u) => u.name === owner)) fail(400, `owner must be one of ${SANDBOX_USERS.map((u) => u.name).join(', ')}`);
	if (typeof archived !== 'boolean') fail(400, 'archived must be true or false');
	return {count: count as number, owner: owner as SandboxUserName, archived: archived as boolean};
}

export function populate(store: Store, spec: PopulateSpec): number {
	const ownerId = userByName(spec.owner).id;
	let n = 0;
	let serial = store.destinations.length;
	while (n < spec.count) {
		serial++;
		const type = DESTINATION_TYPES[serial % DESTINATION_TYPES.length]!;
		const name = `bench-${String(serial).padStart(6, '0')}`;
		if (store.nameOwner(name)) continue;
		let suffix = randomSuffix();
		while (store.hasSuffix(suffix)) suffix = randomSuffix();
		const created = now();
		const updated = now();
		store.insert({
			id: makeId(name, suffix),
			suffix,
			name,
			type,
			parameters: {...templateParameters(type), [nameSourceKey(type)]: name},
			created,
			updated,
			archived: spec.archived ? updated : null,
			ownerId,
		});
		n++;
	}
	return n;
}
