// The Destinations API endpoints: list, create, get, patch and the org default. Each handler
// checks the request fully before changing anything, so a refused request changes nothing.
import {ORG_DESTINATION_LIMIT} from '../catalogue/providers.js';
import {fail, NOT_FOUND} from './errors.js';
import {makeId, randomSuffix} from './ids.js';
import {API_BASE_PATH, canWrite, present} from './present.js';
import {applyListQuery, parseListQuery} from './query.js';
import type {Store} from './store.js';
import {now} from './time.js';
import type {ApiRequest, ApiResponse, DestinationRecord} from './types.js';
import type {SandboxUser} from './users.js';
import {parseJsonObject, rotatesCredentials, validateCreate, validatePatch} from './validation.js';
import {verifyAccess} from './verify.js';

export interface HandlerContext {
	store: Store;
	caller: SandboxUser;
	req: ApiRequest;
}

const NO_DEFAULT = 'No default destination configured';

const show = (ctx: HandlerContext, record: DestinationRecord): Record<string, unknown> =>
	present(record, ctx.caller, ctx.req.origin, ctx.store.defaultId === record.id);

function findOr404(store: Store, id: string): DestinationRecord {
	const record = store.find(id);
	if (!record) fail(404, NOT_FOUND);
	return record!;
}

function requireWrite(ctx: HandlerContext, record: DestinationRecord, action: string): void {
	if (!canWrite(record, ctx.caller)) {
		fail(403, `Only the owner of destination "${record.name}" or an organization admin can ${action}`);
	}
}

function requireUniqueName(store: Store, name: string, self?: DestinationRecord): void {
	const holder = store.nameOwner(name);
	if (holder && holder !== self) fail(409, `A destination named "${name}" already exists in your organization`);
}

function requireQuota(store: Store): void {
	if (store.activeCount() >= ORG_DESTINATION_LIMIT) {
		fail(403, `Your organization already has ${ORG_DESTINATION_LIMIT} destinations, the limit: archive one first`);
	}
}

export function listDestinations(ctx: HandlerContext): ApiResponse {
	const q = parseListQuery(ctx.req.query);
	const rows = applyListQuery(ctx.store.destinations, q, ctx.caller, ctx.store.defaultId);
	const search = ctx.req.query.toString();
	return {
		status: 200,
		body: {
			_links: {_self: `${ctx.req.origin}${ctx.req.path}${search ? `?${search}` : ''}`},
			destinations: rows.map((d) => show(ctx, d)),
		},
	};
}

export function createDestination(ctx: HandlerContext): ApiResponse {
	const input = validateCreate(parseJsonObject(ctx.req.body));
	requireQuota(ctx.store);
	requireUniqueName(ctx.store, input.name);
	verifyAccess(input.type, input.parameters);
	let suffix = randomSuffix();
	while (ctx.store.hasSuffix(suffix)) suffix = randomSuffix();
	const created = now();
	const record: DestinationRecord = {
		id: makeId(input.name, suffix),
		suffix,
		name: input.name,
		type: input.type,
		parameters: input.parameters,
		created,
		updated: now(),
		archived: null,
		ownerId: ctx.caller.id,
	};
	ctx.store.insert(record);
	const body = show(ctx, record);
	return {status: 201, headers: {Location: `${ctx.req.origin}${API_BASE_PATH}/${record.id}`}, body};
}

export function getDestination(ctx: HandlerContext, id: string): ApiResponse {
	return {status: 200, body: show(ctx, findOr404(ctx.store, id))};
}

export function patchDestination(ctx: HandlerContext, id: string): ApiResponse {
	const body = parseJsonObject(ctx.req.body);
	const record = findOr404(ctx.store, id);
	requireWrite(ctx, record, 'change it');
	const input = validatePatch(body, record.type);
	if (input.name !== undefined) requireUniqueName(ctx.store, input.name, record);
	if (input.archive === false && record.archived !== null) requireQuota(ctx.store);
	if (input.parameters && rotatesCredentials(record.type, input.parameters)) verifyAccess(record.type, record.parameters);
	const stamp = now();
	ctx.store.update(record, (r) => {
		if (input.name !== undefined) r.name = input.name;
		if (input.archive === true && r.archived === null) r.archived = stamp;
		if (input.archive === false) r.archived = null;
		if (input.parameters) r.parameters = {...r.parameters, ...input.parameters};
		r.updated = stamp;
	});
	// An archived destination cannot stay the default: deliveries to pl:destinations/default
	// would otherwise go to a destination the org has retired.
	if (record.archived !== null && ctx.store.defaultId === record.id) ctx.store.setDefault(null);
	return {status: 200, body: show(ctx, record)};
}

export function getDefault(ctx: HandlerContext): ApiResponse {
	const record = ctx.store.defaultRecord();
	if (!record) fail(404, NO_DEFAULT);
	return {status: 200, body: show(ctx, record!)};
}

export function putDefault(ctx: HandlerContext): ApiResponse {
	const body = parseJsonObject(ctx.req.body);
	for (const key of Object.keys(body)) if (key !== 'destination_id') fail(400, `Unknown field "${key}": expected destination_id`);
	const id = body.destination_id;
	if (typeof id !== 'string' || id === '') fail(400, 'Missing field "destination_id": the id or pl:ref of a destination');
	const record = findOr404(ctx.store, id as string);
	requireWrite(ctx, record, 'make it the default');
	if (record.archived !== null) fail(400, `Destination "${record.name}" is archived and cannot be the default: unarchive it first`);
	ctx.store.setDefault(record.id);
	return {status: 200, body: show(ctx, record)};
}

export function deleteDefault(ctx: HandlerContext): ApiResponse {
	const record = ctx.store.defaultRecord();
	if (!record) fail(404, NO_DEFAULT);
	requireWrite(ctx, record!, 'unset it as the default');
	ctx.store.setDefault(null);
	return {status: 204};
}
