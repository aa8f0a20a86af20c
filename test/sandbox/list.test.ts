// GET /destinations/v1 filters (AND) and sort_by (spec §3.1).
import {describe, expect, it} from 'vitest';
import {API, call, sandbox, type Who} from './helpers.js';

interface Row {
	id: string;
	name: string;
	type: string;
	created: string;
	updated: string;
	archived: string | null;
	default: boolean;
	ownership: {is_owner: boolean};
	permissions: {can_write: boolean};
}

async function list(sb: Awaited<ReturnType<typeof sandbox>>, query: string, as: Who = 'user'): Promise<Row[]> {
	const res = await call(sb, 'GET', `${API}${query}`, {as});
	expect(res.status, query).toBe(200);
	return res.json.destinations;
}

const ids = (rows: Row[]) => rows.map((r) => r.id).sort();

describe('list filters', () => {
	it('archived: absent and false give active only, true gives archived only', async () => {
		const sb = await sandbox();
		const absent = await list(sb, '');
		const active = await list(sb, '?archived=false');
		const archived = await list(sb, '?archived=true');
		expect(absent.every((d) => d.archived === null)).toBe(true);
		expect(ids(active)).toEqual(ids(absent));
		expect(archived.length).toBe(2);
		expect(archived.every((d) => d.archived !== null)).toBe(true);
	});

	it.each([
		['is_owner', (d: Row) => d.ownership.is_owner],
		['can_write', (d: Row) => d.permissions.can_write],
		['is_default', (d: Row) => d.default],
	] as const)('%s=true and =false split the list', async (name, predicate) => {
		const sb = await sandbox();
		const all = await list(sb, '');
		const yes = await list(sb, `?${name}=true`);
		const no = await list(sb, `?${name}=false`);
		expect(yes.length).toBeGreaterThan(0);
		expect(no.length).toBeGreaterThan(0);
		expect(yes.every(predicate)).toBe(true);
		expect(no.every((d) => !predicate(d))).toBe(true);
		expect(ids([...yes, ...no])).toEqual(ids(all));
	});

	it('can_write is computed for the caller: an admin can write everything', async () => {
		const sb = await sandbox();
		expect(await list(sb, '?can_write=false', 'admin')).toEqual([]);
		expect((await list(sb, '?can_write=true', 'admin')).length).toBe((await list(sb, '', 'admin')).length);
	});

	it('combines filters with AND', async () => {
		const sb = await sandbox();
		const archivedMine = await list(sb, '?archived=true&is_owner=true');
		const archived = await list(sb, '?archived=true');
		expect(archivedMine.length).toBeGreaterThan(0);
		expect(archivedMine.length).toBeLessThan(archived.length);
		expect(archivedMine.every((d) => d.archived !== null && d.ownership.is_owner)).toBe(true);
		const readOnlyMine = await list(sb, '?is_owner=true&can_write=false');
		expect(readOnlyMine).toEqual([]);
		const defaultMine = await list(sb, '?archived=false&is_owner=true&can_write=true&is_default=true');
		expect(defaultMine).toHaveLength(1);
	});

	it.each(['True', 'FALSE', '1', 'yes', ''])('refuses archived=%s with 400 naming the filter', async (value) => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', `${API}?archived=${value}`);
		expect(res.status).toBe(400);
		expect(res.json.code).toBe(400);
		expect(res.json.message).toContain('archived');
	});

	it.each(['is_owner', 'can_write', 'is_default'])('refuses %s=1 with 400', async (name) => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', `${API}?${name}=1`);
		expect(res.status).toBe(400);
		expect(res.json.message).toContain(name);
	});
});

describe('list sort_by', () => {
	const byField = (field: 'name' | 'type' | 'created' | 'updated', desc: boolean) => (a: Row, b: Row) =>
		(a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) * (desc ? -1 : 1);

	it('defaults to created DESC', async () => {
		const sb = await sandbox();
		const rows = await list(sb, '');
		expect(rows.map((r) => r.created)).toEqual(
			rows
				.map((r) => r.created)
				.sort()
				.reverse(),
		);
	});

	it.each(['created', 'name', 'type', 'updated'] as const)('sorts by %s, ASC by default, and DESC', async (field) => {
		const sb = await sandbox();
		const asc = await list(sb, `?sort_by=${field}`);
		const ascExplicit = await list(sb, `?sort_by=${encodeURIComponent(`${field} ASC`)}`);
		const desc = await list(sb, `?sort_by=${encodeURIComponent(`${field} DESC`)}`);
		expect(asc.map((r) => r[field])).toEqual([...asc].sort(byField(field, false)).map((r) => r[field]));
		expect(ascExplicit.map((r) => r.id)).toEqual(asc.map((r) => r.id));
		expect(desc.map((r) => r[field])).toEqual([...desc].sort(byField(field, true)).map((r) => r[field]));
		expect(desc.map((r) => r[field])).toEqual(asc.map((r) => r[field]).reverse());
	});

	it('sorts by several fields, comma-separated', async () => {
		const sb = await sandbox();
		const rows = await list(sb, `?sort_by=${encodeURIComponent('type ASC,name DESC')}`);
		const expected = [...rows].sort((a, b) => byField('type', false)(a, b) || byField('name', true)(a, b));
		expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
		expect(new Set(rows.map((r) => r.type)).size).toBeLessThan(rows.length);
	});

	it.each(['owner', 'name UP', 'name ASC DESC', 'name,,type'])('refuses sort_by=%s with 400', async (value) => {
		const sb = await sandbox();
		const res = await call(sb, 'GET', `${API}?sort_by=${encodeURIComponent(value)}`);
		expect(res.status).toBe(400);
		expect(res.json.message).toContain('sort_by');
	});

	it('answers with and without a trailing slash, with _links._self and destinations', async () => {
		const sb = await sandbox();
		const a = await call(sb, 'GET', API);
		const b = await call(sb, 'GET', `${API}/`);
		expect(Object.keys(a.json).sort()).toEqual(['_links', 'destinations']);
		expect(a.json.destinations).toEqual(b.json.destinations);
	});
});
