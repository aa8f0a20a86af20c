// 3 requests per second per user → 429 {"code":429,"message":"Too many requests"} + Retry-After.
import {describe, expect, it} from 'vitest';
import {RateLimiter} from '../../src/sandbox/rate-limit.js';
import {API, call, sandbox} from './helpers.js';

describe('rate limit', () => {
	it('lets a burst of three through and refuses the fourth with 429 and Retry-After', async () => {
		const sb = await sandbox({rateLimit: true});
		const replies = await Promise.all(Array.from({length: 4}, () => call(sb, 'GET', API)));
		const statuses = replies.map((r) => r.status).sort();
		expect(statuses).toEqual([200, 200, 200, 429]);
		const limited = replies.find((r) => r.status === 429)!;
		expect(limited.json).toEqual({code: 429, message: 'Too many requests'});
		const retryAfter = limited.headers.get('retry-after');
		expect(retryAfter).toMatch(/^\d+$/);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
	});

	it('counts per user: another user is not limited by the first', async () => {
		const sb = await sandbox({rateLimit: true});
		await Promise.all(Array.from({length: 3}, () => call(sb, 'GET', API, {as: 'user'})));
		expect((await call(sb, 'GET', API, {as: 'user'})).status).toBe(429);
		expect((await call(sb, 'GET', API, {as: 'other'})).status).toBe(200);
	});

	it('refuses writes too, without applying them', async () => {
		const sb = await sandbox({rateLimit: true, seed: 'empty'});
		await Promise.all(Array.from({length: 3}, () => call(sb, 'GET', API)));
		const res = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: 'whatever'}});
		expect(res.status).toBe(429);
	});

	it('leaves the test hooks alone', async () => {
		const sb = await sandbox({rateLimit: true});
		for (let i = 0; i < 6; i++) expect((await call(sb, 'GET', '/_sandbox/requests', {as: null})).status).toBe(200);
	});

	it('can be switched off', async () => {
		const sb = await sandbox({rateLimit: false});
		const replies = await Promise.all(Array.from({length: 20}, () => call(sb, 'GET', API)));
		expect(replies.every((r) => r.status === 200)).toBe(true);
	});

	it('is a token bucket: one request per third of a second after the burst', () => {
		let t = 0;
		const limiter = new RateLimiter(3, 3, () => t);
		expect([1, 2, 3].map(() => limiter.take('u').allowed)).toEqual([true, true, true]);
		const refused = limiter.take('u');
		expect(refused).toEqual({allowed: false, retryAfter: 1});
		t = 200;
		expect(limiter.take('u').allowed).toBe(false);
		t = 340;
		expect(limiter.take('u').allowed).toBe(true);
		expect(limiter.take('u').allowed).toBe(false);
		t = 10_000;
		expect([1, 2, 3, 4].map(() => limiter.take('u').allowed)).toEqual([true, true, true, false]);
	});
});
