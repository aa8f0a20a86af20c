// The detail pane's lines for one destination. Labels come from the catalogue; secret
// parameters are never shown, only that they are stored. The full details (`reveal`) write out
// invisible characters by name, so two names that look alike can be told apart.
import {isDestinationType, provider, REDACTED} from '../catalogue/providers.js';
import {revealInvisible, sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {orderDelivery, subscriptionDelivery} from './delivery.js';
import {typeLabel} from './rows.js';
import {readableTime} from './time.js';

export interface DetailLine {
	label: string;
	value: string;
}

export const HIDDEN = 'stored (hidden)';

export interface DetailOptions {
	/** Show invisible and control characters by name ("São<ZWSP>Paulo"), for the full details. */
	reveal?: boolean;
}

function parameterLines(d: Destination, show: (v: unknown) => string): DetailLine[] {
	const params = d.parameters;
	if (isDestinationType(d.type)) {
		return provider(d.type)
			.fields.filter((f) => params[f.key] !== undefined || f.secret)
			.map((f) => ({
				label: f.label,
				value: f.secret ? HIDDEN : f.kind === 'boolean' ? (params[f.key] ? 'yes' : 'no') : show(params[f.key]),
			}));
	}
	// A type this destui does not know: show what is there, but nothing that looks redacted.
	return Object.entries(params).map(([k, v]) => ({
		label: sanitize(k),
		value: v === REDACTED ? HIDDEN : show(typeof v === 'object' ? JSON.stringify(v) : v),
	}));
}

export function detailLines(d: Destination, options: DetailOptions = {}): DetailLine[] {
	const show = options.reveal ? revealInvisible : sanitize;
	const ref = sanitize(d['pl:ref']);
	return [
		{label: 'Name', value: show(d.name)},
		{label: 'Type', value: typeLabel(d.type, true)},
		...parameterLines(d, show),
		{label: 'pl:ref', value: show(d['pl:ref'])},
		{
			label: 'Owner',
			value: d.ownership.is_owner
				? 'you'
				: `someone else${d.ownership.owner_id !== undefined ? ` (user ${sanitize(d.ownership.owner_id)})` : ''}`,
		},
		{label: 'Permissions', value: d.permissions.can_write ? 'you can change it' : 'read-only for you (owner or org admin only)'},
		{label: 'Default', value: d.default ? 'yes: orders may use pl:destinations/default' : 'no'},
		{label: 'Created', value: readableTime(d.created)},
		{label: 'Updated', value: readableTime(d.updated)},
		{label: 'Archived', value: d.archived ? readableTime(d.archived) : 'no'},
		{label: 'Order', value: orderDelivery(ref)},
		{label: 'Subscription', value: subscriptionDelivery(ref)},
	];
}
