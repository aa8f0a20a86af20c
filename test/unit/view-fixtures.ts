// A destination as the API sends it, for the src/view unit tests; fields overridable.
import type {Destination} from '../../src/schemas.js';

export function dest(over: Partial<Destination> & {owner?: boolean; write?: boolean} = {}): Destination {
	const {owner = true, write = true, ...rest} = over;
	return {
		id: 'field-ops-AAAAAAAAAAAAAAAAAAAAA',
		name: 'Field ops',
		type: 'amazon_s3',
		parameters: {
			bucket: 'acme-field-ops',
			aws_region: 'us-west-2',
			aws_access_key_id: 'FAKEKEYID0001',
			aws_secret_access_key: '<REDACTED>',
		},
		created: '2025-06-02T13:14:15.123456789Z',
		updated: '2025-07-13T09:01:02.345678901Z',
		archived: null,
		permissions: {can_write: write},
		ownership: {is_owner: owner, owner_id: 730002},
		'pl:ref': 'pl:destinations/field-ops-AAAAAAAAAAAAAAAAAAAAA',
		default: false,
		...rest,
	};
}
