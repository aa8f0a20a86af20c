// The detail pane's lines for one destination. Labels come from the catalogue; secret
// parameters are never shown, only that they are stored.
import {isDestinationType, provider, REDACTED} from '../catalogue/providers.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {orderDelivery, subscriptionDelivery} from './delivery.js';
import {typeLabel} from './rows.js';
import {readableTime} from './time.js';

export interface DetailLine {
	label: string;
	value: string;
}

export const HIDDEN = 'stored (hidden)';

function parameterLines(d: Destination): DetailLine[] {
	const params = d.parameters;
	if (isDestinationType(d.type)) {
		return provider(d.type).fields
			.filter((f) => params[f.key] !== undefined || f.secret)
			.map((f) => ({
				label: f.label,
				value: f.secret ? HIDDEN : f.kind === 'boolean' ? (params[f.key] ? 'yes' : 'no') : sanitize(params[f.key]),
			}));
	}
	// A type this destui does not know: show what is there, but nothing that looks redacted.
	return Object.entries(params).map(([k, v]) => ({label: sanitize(k), value: v === REDACTED ? HIDDEN : sanitize(typeof v === 'object' ? JSON.stringify(v) : v)}));
}

export function detailLines(d: Destination): DetailLine[] {
	const ref = sanitize(d['pl:ref']);
	return [
		{label: 'Name', value: sanitize(d.name)},
		{label: 'Type', value: typeLabel(d.type, true)},
		...parameterLines(d),
		{label: 'pl:ref', value: ref},
		{label: 'Owner', value: d.ownership.is_owner ? 'you' : `someone else${d.ownership.owner_id !== undefined ? ` (user ${sanitize(d.ownership.owner_id)})` : ''}`},
		{label: 'Permissions', value: d.permissions.can_write ? 'you can change it' : 'read-only for you (owner or org admin only)'},
		{label: 'Default', value: d.default ? 'yes: orders may use pl:destinations/default' : 'no'},
		{label: 'Created', value: readableTime(d.created)},
		{label: 'Updated', value: readableTime(d.updated)},
		{label: 'Archived', value: d.archived ? readableTime(d.archived) : 'no'},
		{label: 'Order', value: orderDelivery(ref)},
		{label: 'Subscription', value: subscriptionDelivery(ref)},
	];
}
