// The small pure rules behind retries and error messages.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {serverMessage} from '../../src/api/failure.js';
import {backoffMs, isIdempotent, parseRetryAfter, rateLimitWaitMs} from '../../src/api/retry-policy.js';

describe('retry policy', () => {
	it('treats GET, PUT and DELETE as idempotent, POST and PATCH not', () => {
		expect((['GET', 'PUT', 'DELETE', 'POST', 'PATCH'] as const).map(isIdempotent)).toEqual([true, true, true, false, false]);
	});

	it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
		expect(parseRetryAfter('7')).toBe(7);
		expect(parseRetryAfter(' 2.5 ')).toBe(2.5);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter('-3')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});

	it('waits what Retry-After says, capped, and 1 s when it says nothing useful', () => {
		expect(rateLimitWaitMs(4, 30)).toBe(4000);
		expect(rateLimitWaitMs(3600, 30)).toBe(30_000);
		expect(rateLimitWaitMs(0, 30)).toBe(1000);
		expect(rateLimitWaitMs(undefined, 30)).toBe(1000);
	});

	it('backs off exponentially with up to 50% jitter, capped at 8 s (+jitter)', () => {
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
		expect([1, 2, 3].map((n) => backoffMs(n, () => 0.999))).toEqual([750, 1500, 2999]);
	});
});

describe('server messages', () => {
	it('takes `message` from a JSON body, else the raw text', () => {
		expect(serverMessage('{"code":400,"message":"Bad name"}', 'application/json', [])).toBe('Bad name');
		expect(serverMessage('{"code":400}', 'application/json', [])).toBe('{"code":400}');
		expect(serverMessage('plain words', 'text/plain', [])).toBe('plain words');
		expect(serverMessage('   ', 'text/plain', [])).toBeUndefined();
	});

	it('cuts long messages at 300 characters, counting characters not bytes', () => {
		const text = '☃'.repeat(400);
		const message = serverMessage(text, 'text/plain', [])!;
		expect([...message]).toHaveLength(300);
		expect(message.endsWith('…')).toBe(true);
	});
});

describe('client options', () => {
	it('refuses a missing key and a nonsensical rate', () => {
		expect(() => createClient({apiKey: ''})).toThrow(/API key/);
		expect(() => createClient({apiKey: 'PLAK-fake', requestsPerSecond: 0})).toThrow(RangeError);
		expect(() => createClient({apiKey: 'PLAK-fake', requestsPerSecond: -1})).toThrow(RangeError);
	});
});
