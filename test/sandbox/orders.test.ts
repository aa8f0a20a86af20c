// Orders v2 and Subscriptions v1 list stubs, filtered by destination_ref (spec §10).
import {describe, expect, it} from 'vitest';
import {API, call, sandbox} from './helpers.js';

type Sb = Awaited<ReturnType<typeof sandbox>>;
const ORDERS = '/compute/ops/orders/v2';
const SUBS = '/subscriptions/v1';

const orders = async (sb: Sb, ref?: string) =>
	(await call(sb, 'GET', `${ORDERS}?source_type=all${ref === undefined ? '' : `&destination_ref=${encodeURIComponent(ref)}`}`)).json;
const subs = async (sb: Sb, ref?: string) =>
	(await call(sb, 'GET', `${SUBS}?page_size=500${ref === undefined ? '' : `&destination_ref=${encodeURIComponent(ref)}`}`)).json;

describe('orders and subscriptions', () => {
	it('list pages shaped like the real APIs', async () => {
		const sb = await sandbox();
		const o = await orders(sb);
		expect(Object.keys(o).sort()).toEqual(['_links', 'orders']);
		expect(o.orders.length).toBeGreaterThan(2);
		for (const order of o.orders) {
			expect(order.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(['queued', 'running', 'failed', 'success', 'partial', 'cancelled']).toContain(order.state);
			expect(order.delivery.destination.ref).toMatch(/^pl:destinations\//);
			expect(order._links._self).toBe(`${sb.origin}${ORDERS}/${order.id}`);
			expect(typeof order.created_on).toBe('string');
		}
		const s = await subs(sb);
		expect(Object.keys(s).sort()).toEqual(['_links', 'subscriptions']);
		for (const sub of s.subscriptions) {
			expect(['running', 'cancelled', 'preparing', 'pending', 'completed', 'suspended', 'failed', 'invalid']).toContain(sub.status);
			expect(sub.delivery.type).toBe('destination');
			expect(sub.delivery.parameters.ref).toMatch(/^pl:destinations\//);
		}
	});

	it('filter by destination_ref, and return nothing for a destination nobody delivers to', async () => {
		const sb = await sandbox();
		const all = await orders(sb);
		const target = all.orders[0].delivery.destination.ref;
		const filtered = await orders(sb, target);
		expect(filtered.orders.length).toBeGreaterThan(0);
		expect(filtered.orders.length).toBeLessThan(all.orders.length);
		for (const o of filtered.orders) expect(o.delivery.destination.ref.slice(-21)).toBe(target.slice(-21));
		expect((await orders(sb, 'pl:destinations/unused-AAAAAAAAAAAAAAAAAAAAA')).orders).toEqual([]);
		const usedBySub = (await subs(sb)).subscriptions.find(
			(x: {delivery: {parameters: {ref: string}}}) => x.delivery.parameters.ref !== 'pl:destinations/default',
		);
		const subFiltered = await subs(sb, usedBySub.delivery.parameters.ref);
		expect(subFiltered.subscriptions.map((x: {id: string}) => x.id)).toContain(usedBySub.id);
		expect(subFiltered.subscriptions.length).toBeLessThan((await subs(sb)).subscriptions.length);
	});

	it('match a renamed destination by its id suffix: old refs still count', async () => {
		const sb = await sandbox();
		const all = [...(await call(sb, 'GET', API)).json.destinations, ...(await call(sb, 'GET', `${API}?archived=true`)).json.destinations];
		// The seed holds a destination renamed after an order was placed under its old ref.
		const renamed = all.find((d) => d['pl:ref'] !== `pl:destinations/${d.id}`);
		const found = await orders(sb, renamed['pl:ref']);
		expect(found.orders.length).toBeGreaterThan(0);
		expect(found.orders.some((o: {delivery: {destination: {ref: string}}}) => o.delivery.destination.ref !== renamed['pl:ref'])).toBe(true);
		// Renaming now keeps matching too.
		const mine = all.find((d) => d.default);
		const before = (await orders(sb, mine['pl:ref'])).orders.length;
		expect(before).toBeGreaterThan(0);
		const after = (await call(sb, 'PATCH', `${API}/${mine.id}`, {body: {name: 'Field ops (renamed)'}})).json;
		expect((await orders(sb, after['pl:ref'])).orders.length).toBe(before);
		expect((await orders(sb, mine['pl:ref'])).orders.length).toBe(before);
	});

	it('pl:destinations/default matches what delivers to the current default', async () => {
		const sb = await sandbox();
		const def = (await call(sb, 'GET', `${API}/default`)).json;
		const viaDefault = await subs(sb, 'pl:destinations/default');
		const viaRef = await subs(sb, def['pl:ref']);
		expect(viaDefault.subscriptions.length).toBeGreaterThan(0);
		expect(viaDefault.subscriptions.map((s: {id: string}) => s.id).sort()).toEqual(
			viaRef.subscriptions.map((s: {id: string}) => s.id).sort(),
		);
	});

	it('archiving a destination changes nothing that delivers to it, but archiving the default detaches what follows the default', async () => {
		const sb = await sandbox();
		const def = (await call(sb, 'GET', `${API}/default`)).json;
		const view = async (ref: string) => ({
			subs: (await subs(sb, ref)).subscriptions.map((x: {name: string; status: string}) => `${x.name}: ${x.status}`).sort(),
			orders: (await orders(sb, ref)).orders.map((x: {id: string; state: string}) => `${x.id}: ${x.state}`).sort(),
		});
		const before = await view(def['pl:ref']);
		expect(before.subs).toEqual(['Field ops daily: running', 'Org-wide basemap refresh: running']);
		expect(before.orders.length).toBeGreaterThan(0);

		expect((await call(sb, 'PATCH', `${API}/${def.id}`, {body: {archive: true}})).json.archived).not.toBeNull();
		const archived = await view(def['pl:ref']);
		// Its own subscription and orders are untouched (archiving is "without disabling it", spec §6)...
		expect(archived.subs).toEqual(['Field ops daily: running']);
		expect(archived.orders).toEqual(before.orders);
		// ...but the org has no default any more, so the one given pl:destinations/default points nowhere.
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
		expect((await view('pl:destinations/default')).subs).toEqual(['Org-wide basemap refresh: running']);

		await call(sb, 'PATCH', `${API}/${def.id}`, {body: {archive: false}});
		expect((await view(def['pl:ref'])).subs).toEqual(['Field ops daily: running']);
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: def.id}});
		expect(await view(def['pl:ref'])).toEqual(before);
	});

	it('require a key', async () => {
		const sb = await sandbox();
		expect((await call(sb, 'GET', ORDERS, {as: null})).status).toBe(401);
		expect((await call(sb, 'GET', SUBS, {as: null})).status).toBe(401);
	});
});
