// What counts as "in use" before an archive, and the warning that names it.
import {describe, expect, it} from 'vitest';
import {ApiError} from '../../src/api/errors.js';
import type {Order, Subscription} from '../../src/schemas.js';
import {
	activeSubscriptions,
	archiveConcerns,
	archiveWarning,
	deliveryLines,
	inUse,
	ordersInProgress,
	type UsageCount,
} from '../../src/view/usage.js';
import {dest} from './view-fixtures.js';

const sub = (status: string): Subscription => ({id: status, name: status, status});
const order = (state: string): Order => ({id: state, name: state, state});

describe('counting', () => {
	it('counts subscriptions that have not ended (an unknown status may still deliver) and orders on their way', () => {
		expect(
			activeSubscriptions(
				['running', 'pending', 'preparing', 'suspended', 'something-new', 'completed', 'cancelled', 'failed', 'invalid'].map(sub),
			),
		).toBe(5);
		expect(ordersInProgress(['queued', 'running', 'success', 'failed', 'partial', 'cancelled'].map(order))).toBe(2);
	});

	it('in use: an active subscription, an order in progress, or a look-up that failed', () => {
		expect(inUse(undefined)).toBe(false);
		expect(inUse({subscriptions: 0})).toBe(false);
		expect(inUse({subscriptions: 0, orders: 0})).toBe(false);
		expect(inUse({subscriptions: 1})).toBe(true);
		expect(inUse({subscriptions: 0, orders: 2})).toBe(true);
		expect(inUse({error: new ApiError({kind: 'network'})})).toBe(true);
	});
});

describe('the warning', () => {
	const a = dest({id: 'a', name: 'Alpha'});
	const b = dest({id: 'b', name: 'Beta', default: true});
	const c = dest({id: 'c', name: 'Gam\x1b[31mma'});
	const counts = (entries: [string, UsageCount][]) => new Map(entries);

	it('says nothing when nothing is at stake', () => {
		expect(archiveConcerns([a], counts([['a', {subscriptions: 0, orders: 0}]]))).toEqual([]);
		expect(archiveWarning([])).toBeUndefined();
	});

	it('names the default and what follows from archiving it', () => {
		expect(archiveWarning(archiveConcerns([b], counts([['b', {subscriptions: 0}]])))).toBe(
			"Beta is the organisation's default: archiving it leaves your organisation with no default.",
		);
	});

	it('counts what delivers, singular and plural, orders only when looked up', () => {
		expect(archiveWarning(archiveConcerns([a], counts([['a', {subscriptions: 1}]])))).toBe('1 active subscription delivers to Alpha.');
		expect(archiveWarning(archiveConcerns([a], counts([['a', {subscriptions: 2, orders: 1}]])))).toBe(
			'2 active subscriptions and 1 order in progress deliver to Alpha.',
		);
		expect(archiveWarning(archiveConcerns([a], counts([['a', {subscriptions: 0, orders: 3}]])))).toBe(
			'3 orders in progress deliver to Alpha.',
		);
		expect(archiveWarning(archiveConcerns([b], counts([['b', {subscriptions: 2}]])))).toBe(
			"Beta is the organisation's default: archiving it leaves your organisation with no default. 2 active subscriptions deliver to it.",
		);
	});

	it('says when what delivers is unknown, and why', () => {
		const warning = archiveWarning(archiveConcerns([a], counts([['a', {error: new ApiError({kind: 'network'})}]])));
		expect(warning).toMatch(/^What delivers to Alpha is unknown: \S/);
	});

	it('several (a bulk archive): the default first, then the others in order; names are cleaned', () => {
		const concerns = archiveConcerns(
			[a, c, b],
			counts([
				['a', {subscriptions: 1}],
				['c', {subscriptions: 3}],
				['b', {subscriptions: 0}],
			]),
		);
		expect(concerns.map((x) => x.name)).toEqual(['Alpha', 'Gam[31mma', 'Beta']);
		expect(archiveWarning(concerns)).toBe(
			"Beta is the organisation's default: archiving it leaves your organisation with no default. 1 active subscription delivers to Alpha. 3 active subscriptions deliver to Gam[31mma.",
		);
	});
});

describe("the details' lines about what delivers there", () => {
	it('orders and subscriptions are counted alike, both from the first page, none included', () => {
		const now = Date.parse('2026-01-10T00:00:00Z');
		expect(deliveryLines([], [], now)).toEqual(['Orders delivering here: 0 (first page)', 'Subscriptions delivering here: 0 (first page)']);
		const lines = deliveryLines(
			[{id: 'o1', name: '', state: 'running', created_on: '2026-01-09T00:00:00Z'}],
			[{id: 's1', name: 'Daily\x1b[2J', status: 'running'}],
			now,
		);
		expect(lines).toEqual([
			'Orders delivering here: 1 (first page)',
			'  o1 · running · 1d ago',
			'Subscriptions delivering here: 1 (first page)',
			'  Daily[2J · running · ',
		]);
	});
});
